// Facts, wherever they are written: a facts block, a test's given block, an assert.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "check/passes.hpp"
#include "check/suggest.hpp"

namespace koers::checks {

namespace {

std::string quoted_list(const std::vector<std::string>& names)
{
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) list += i + 1 == names.size() ? " and " : ", ";
        list += quoted(names[i]);
    }
    return list;
}

void check_required_slots(CheckContext& context, const ast::FactSpec& fact, const TemplateInfo& info)
{
    std::vector<std::string> missing;
    for (const SlotInfo& slot : info.slots) {
        if (slot.decl->optional || slot.decl->default_value) continue;
        const bool given = std::any_of(fact.slots.begin(), fact.slots.end(), [&](const ast::SlotValue& value) {
            return value.slot.text == slot.decl->name.text;
        });
        if (!given) missing.push_back(slot.decl->name.text);
    }
    if (missing.empty()) return;
    context.diagnostics.error("missing-slot", fact.template_name.span,
                              "fact " + quoted(fact.template_name.text) + " is missing the required " +
                                  (missing.size() == 1 ? "slot " : "slots ") + quoted_list(missing));
}

}  // namespace

void check_fact(CheckContext& context, const ast::FactSpec& fact, const ExprScope& scope)
{
    const TemplateInfo* info = context.symbols.find_template(fact.template_name.text);
    if (info == nullptr) {
        context.diagnostics.error("unknown-template", fact.template_name.span,
                                  "unknown template " + quoted(fact.template_name.text) +
                                      did_you_mean(fact.template_name.text, names_of(context.symbols.templates)));
    }
    std::map<std::string, ast::Span, std::less<>> given;
    bool has_unknown_slot = false;
    for (const ast::SlotValue& value : fact.slots) {
        check_expression(context, value.value, scope);
        if (const auto [first, inserted] = given.emplace(value.slot.text, value.slot.span); !inserted) {
            context.diagnostics.error("duplicate-slot-value", value.slot.span,
                                      "slot " + quoted(value.slot.text) + " appears twice in this fact (the first is on " +
                                          line_of(first->second) + ")");
            continue;
        }
        if (info == nullptr) continue;
        const SlotInfo* slot = info->find_slot(value.slot.text);
        if (slot == nullptr) {
            has_unknown_slot = true;
            context.diagnostics.error("unknown-slot", value.slot.span,
                                      unknown_slot_message(*info, value.slot.text));
            continue;
        }
        check_slot_value(context, value.value, *info, *slot, true);
    }
    // A misspelt slot usually is the missing one; one error says enough.
    if (info != nullptr && !has_unknown_slot) check_required_slots(context, fact, *info);
}

}  // namespace koers::checks
