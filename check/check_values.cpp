// Constant values against slot types and allowed values.
#include <optional>
#include <string>

#include "check/passes.hpp"

namespace koers::checks {

namespace {

bool fits(const ConstantValue& value, ast::BaseType base)
{
    switch (base) {
    case ast::BaseType::Symbol: return value.kind == ConstantValue::Kind::Symbol;
    case ast::BaseType::Text: return value.kind == ConstantValue::Kind::Text;
    case ast::BaseType::Int: return value.kind == ConstantValue::Kind::Int;
    case ast::BaseType::Number: return is_numeric(value);
    case ast::BaseType::Bool: return value.kind == ConstantValue::Kind::Bool;
    }
    return false;
}

// How a value reads in "value ... is outside ...": numbers bare, names quoted.
std::string value_phrase(const ConstantValue& value)
{
    if (is_numeric(value)) return value.text;
    if (value.kind == ConstantValue::Kind::Symbol || value.kind == ConstantValue::Kind::Bool) {
        return quoted(value.text);
    }
    return spell(value);
}

std::string allowed_list(const AllowedValues& allowed)
{
    std::string list;
    for (const ConstantValue& item : allowed.set) {
        if (!list.empty()) list += ", ";
        list += spell(item);
    }
    return list;
}

void check_allowed(CheckContext& context, const ConstantValue& value, const ast::Span& span,
                   const TemplateInfo& info, const SlotInfo& slot)
{
    if (!slot.allowed) return;
    const AllowedValues& allowed = *slot.allowed;
    if (allowed.kind == ast::Domain::Kind::Range) {
        if (!is_numeric(value)) return;
        if (value.number_value >= allowed.low.number_value && value.number_value <= allowed.high.number_value) return;
        context.diagnostics.error("value-not-allowed", span,
                                  "value " + value.text + " is outside the range " + allowed.low.text + ".." +
                                      allowed.high.text + " of " + slot_phrase(info, slot));
        return;
    }
    for (const ConstantValue& item : allowed.set) {
        if (same_value(item, value)) return;
    }
    context.diagnostics.error("value-not-allowed", span,
                              "value " + value_phrase(value) + " is not one of the allowed values of " +
                                  slot_phrase(info, slot) + ": " + allowed_list(allowed));
}

}  // namespace

void check_slot_item(CheckContext& context, const ast::Expr& value, const TemplateInfo& info, const SlotInfo& slot,
                     bool check_allowed_values)
{
    const ast::TypeRef& type = slot.decl->type;
    const auto mismatch = [&](const std::string& found) {
        const std::string message = type.is_list
                                        ? "items of " + slot_phrase(info, slot) + " are " + plural_type(type.base) +
                                              ", not " + found
                                        : slot_phrase(info, slot) + " holds " + type_phrase(type) + ", not " + found;
        context.diagnostics.error("type-mismatch", value.span, message);
    };
    if (std::holds_alternative<ast::ListExpr>(value.node)) {
        mismatch("a list");
        return;
    }
    const std::optional<ConstantValue> folded = fold_constant(value);
    if (!folded) return;
    if (!fits(*folded, type.base)) {
        mismatch(describe(*folded));
        return;
    }
    if (check_allowed_values) check_allowed(context, *folded, value.span, info, slot);
}

void check_slot_value(CheckContext& context, const ast::Expr& value, const TemplateInfo& info, const SlotInfo& slot,
                      bool check_allowed_values)
{
    const ast::TypeRef& type = slot.decl->type;
    if (!type.is_list) {
        check_slot_item(context, value, info, slot, check_allowed_values);
        return;
    }
    if (const auto* list = std::get_if<ast::ListExpr>(&value.node)) {
        for (const ast::Expr& item : list->items) check_slot_item(context, item, info, slot, check_allowed_values);
        return;
    }
    const std::optional<ConstantValue> folded = fold_constant(value);
    if (!folded) return;
    std::string message = slot_phrase(info, slot) + " holds " + type_phrase(type) + ", not " + describe(*folded);
    if (fits(*folded, type.base)) message += "; write `[" + spell(*folded) + "]` for a list of one";
    context.diagnostics.error("type-mismatch", value.span, message);
}

}  // namespace koers::checks
