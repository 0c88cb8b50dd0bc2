// Templates: unique slot names, well-formed allowed values, defaults that fit.
#include <map>
#include <optional>
#include <string>

#include "check/passes.hpp"

namespace koers::checks {

namespace {

constexpr std::string_view allowed_values_context = "the allowed values of a slot";
constexpr std::string_view default_context = "a slot default";

bool is_numeric_type(ast::BaseType base) { return base == ast::BaseType::Int || base == ast::BaseType::Number; }

class TemplateChecker {
public:
    TemplateChecker(CheckContext& context, const ast::TemplateDecl& decl) : context_(context), decl_(decl)
    {
        info_.decl = &decl;
    }

    TemplateInfo run()
    {
        std::map<std::string, const ast::SlotDecl*, std::less<>> seen;
        for (const ast::SlotDecl& slot : decl_.slots) {
            const auto [first, inserted] = seen.emplace(slot.name.text, &slot);
            if (!inserted) {
                context_.diagnostics.error("duplicate-slot", slot.name.span,
                                           "template " + quoted(decl_.name.text) + " already has a slot " +
                                               quoted(slot.name.text) + " on " + line_of(first->second->name.span));
                continue;
            }
            info_.slots.push_back(SlotInfo{&slot, std::nullopt});
        }
        for (SlotInfo& slot : info_.slots) check_slot(slot);
        return std::move(info_);
    }

private:
    void check_slot(SlotInfo& slot)
    {
        if (slot.decl->allowed) slot.allowed = allowed_values(slot, *slot.decl->allowed);
        if (slot.decl->default_value) {
            const ast::Expr& value = *slot.decl->default_value;
            check_expression(context_, value, ExprScope{nullptr, nullptr, default_context});
            check_slot_value(context_, value, info_, slot, true);
        }
    }

    // The allowed values when the `in` clause is well formed; reports what is not.
    std::optional<AllowedValues> allowed_values(const SlotInfo& slot, const ast::Domain& domain)
    {
        for (const ast::Expr& item : domain.items) {
            check_expression(context_, item, ExprScope{nullptr, nullptr, allowed_values_context});
        }
        return domain.kind == ast::Domain::Kind::Range ? allowed_range(slot, domain) : allowed_set(slot, domain);
    }

    std::optional<AllowedValues> allowed_range(const SlotInfo& slot, const ast::Domain& domain)
    {
        const ast::BaseType base = slot.decl->type.base;
        if (!is_numeric_type(base)) {
            context_.diagnostics.error("bad-allowed-values", domain.span,
                                       "a range needs a number slot, but " + slot_phrase(info_, slot) + " holds " +
                                           type_phrase(slot.decl->type) + "; list the allowed values as `{a, b}`");
            return std::nullopt;
        }
        if (domain.items.size() != 2) return std::nullopt;
        const std::optional<ConstantValue> low = range_bound(domain.items[0]);
        const std::optional<ConstantValue> high = range_bound(domain.items[1]);
        if (!low || !high) return std::nullopt;
        if (low->number_value > high->number_value) {
            context_.diagnostics.error("bad-allowed-values", domain.span,
                                       "the range " + low->text + ".." + high->text +
                                           " is empty; write the smaller bound first");
            return std::nullopt;
        }
        AllowedValues allowed;
        allowed.kind = ast::Domain::Kind::Range;
        allowed.low = *low;
        allowed.high = *high;
        return allowed;
    }

    std::optional<ConstantValue> range_bound(const ast::Expr& bound)
    {
        const std::optional<ConstantValue> folded = fold_constant(bound);
        if (folded && is_numeric(*folded)) return folded;
        const std::string found = folded ? describe(*folded) : "an expression";
        context_.diagnostics.error("bad-allowed-values", bound.span,
                                   "a range bound must be a number, not " + found);
        return std::nullopt;
    }

    std::optional<AllowedValues> allowed_set(const SlotInfo& slot, const ast::Domain& domain)
    {
        if (domain.items.empty()) {
            context_.diagnostics.error("bad-allowed-values", domain.span,
                                       slot_phrase(info_, slot) + " allows no values at all; list them between the braces");
            return std::nullopt;
        }
        AllowedValues allowed;
        allowed.kind = ast::Domain::Kind::Set;
        bool well_formed = true;
        for (const ast::Expr& item : domain.items) {
            const std::size_t errors_before = context_.diagnostics.error_count();
            check_slot_item(context_, item, info_, slot, false);
            const std::optional<ConstantValue> folded = fold_constant(item);
            if (!folded) {
                // Variables and interpolation were reported above; anything else is an expression.
                if (context_.diagnostics.error_count() == errors_before) {
                    context_.diagnostics.error("bad-allowed-values", item.span,
                                               "allowed values must be written out, such as `a`, `\"text\"` or `3`");
                }
                well_formed = false;
                continue;
            }
            if (context_.diagnostics.error_count() != errors_before) well_formed = false;
            allowed.set.push_back(*folded);
        }
        if (!well_formed) return std::nullopt;
        return allowed;
    }

    CheckContext& context_;
    const ast::TemplateDecl& decl_;
    TemplateInfo info_;
};

}  // namespace

void check_template(CheckContext& context, const ast::TemplateDecl& decl)
{
    TemplateInfo info = TemplateChecker(context, decl).run();
    const auto registered = context.symbols.templates.find(decl.name.text);
    if (registered != context.symbols.templates.end() && registered->second.decl == &decl) {
        registered->second = std::move(info);
    }
}

}  // namespace koers::checks
