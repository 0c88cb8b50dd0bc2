// Actions of a rule: asserted facts fit their templates, retract and modify name fact
// variables, advice uses a known severity, focus names known stages, `bind` adds a
// variable for the actions after it.
#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <type_traits>
#include <vector>

#include "check/passes.hpp"
#include "check/suggest.hpp"

namespace koers::checks {

namespace {

constexpr std::array<std::string_view, 4> severities{"info", "notice", "warning", "critical"};

class ActionChecker {
public:
    ActionChecker(CheckContext& context, VariableTracker& tracker, Frame& frame)
        : context_(context), tracker_(tracker), frame_(frame), scope_{&tracker, &frame, {}}
    {
    }

    void check(const ast::Action& action)
    {
        std::visit([&](const auto& node) { visit(action, node); }, action.node);
    }

private:
    void visit(const ast::Action&, const ast::AssertAction& assertion) { check_fact(context_, assertion.fact, scope_); }

    void visit(const ast::Action&, const ast::RetractAction& retraction)
    {
        fact_target(retraction.target, "retract");
    }

    void visit(const ast::Action&, const ast::ModifyAction& modification)
    {
        const TemplateInfo* info = fact_target(modification.target, "modify");
        std::map<std::string, ast::Span, std::less<>> changed;
        for (const ast::SlotValue& change : modification.changes) {
            check_expression(context_, change.value, scope_);
            if (const auto [first, inserted] = changed.emplace(change.slot.text, change.slot.span); !inserted) {
                context_.diagnostics.error("duplicate-slot-value", change.slot.span,
                                           "slot " + quoted(change.slot.text) +
                                               " appears twice in this modify (the first is on " +
                                               line_of(first->second) + ")");
                continue;
            }
            if (info == nullptr) continue;
            const SlotInfo* slot = info->find_slot(change.slot.text);
            if (slot == nullptr) {
                context_.diagnostics.error("unknown-slot", change.slot.span,
                                           unknown_slot_message(*info, change.slot.text));
                continue;
            }
            check_slot_value(context_, change.value, *info, *slot, true);
        }
    }

    void visit(const ast::Action&, const ast::AdviseAction& advice)
    {
        if (advice.severity) check_severity(context_, advice.severity->text, advice.severity->span);
        for (const ast::AdviceLink& link : advice.links) check_expression(context_, link.value, scope_);
        std::map<std::string, ast::Span, std::less<>> languages;
        for (const ast::AdviceText& text : advice.texts) {
            if (const auto [first, inserted] = languages.emplace(text.language.text, text.language.span); !inserted) {
                context_.diagnostics.error("duplicate-advice-text", text.language.span,
                                           "this advice already has a text in " + quoted(text.language.text) +
                                               " (on " + line_of(first->second) + ")");
            }
            for (const ast::TextPart& part : text.text.parts) {
                if (part.expr) check_expression(context_, *part.expr, scope_);
            }
        }
    }

    void visit(const ast::Action&, const ast::PrintAction& print) { check_expression(context_, print.message, scope_); }

    void visit(const ast::Action&, const ast::HaltAction&) {}

    void visit(const ast::Action&, const ast::BindAction& bind)
    {
        check_expression(context_, bind.value, scope_);
        tracker_.bind(frame_, bind.variable, BindingKind::Bind);
    }

    void visit(const ast::Action&, const ast::FocusAction& focus)
    {
        for (const ast::Name& stage : focus.stages) {
            if (context_.symbols.stages.contains(stage.text)) continue;
            context_.diagnostics.error("unknown-stage", stage.span,
                                       "unknown stage " + quoted(stage.text) +
                                           did_you_mean(stage.text, names_of(context_.symbols.stages)));
        }
    }

    // Checks that `target` is a variable bound to a fact; returns the fact's template
    // when it is known.
    const TemplateInfo* fact_target(const ast::Expr& target, std::string_view verb)
    {
        const auto* variable = std::get_if<ast::VariableRef>(&target.node);
        if (variable == nullptr) {
            check_expression(context_, target, scope_);
            context_.diagnostics.error("not-a-fact", target.span,
                                       "`" + std::string(verb) +
                                           "` needs a fact variable, bound with `?f <- template(...)`");
            return nullptr;
        }
        const std::vector<const Binding*> bindings = tracker_.use(frame_, variable->name, target.span);
        if (bindings.empty()) return nullptr;
        std::string fact_template = bindings.front()->fact_template;
        for (const Binding* binding : bindings) {
            if (binding->kind != BindingKind::Fact) {
                context_.diagnostics.error("not-a-fact", target.span,
                                           "cannot " + std::string(verb) + " " + quoted_variable(variable->name) +
                                               ": it holds a value, not a fact; bind the fact with `?" +
                                               variable->name + " <- template(...)`");
                return nullptr;
            }
            if (binding->fact_template != fact_template) fact_template.clear();
        }
        return context_.symbols.find_template(fact_template);
    }

    CheckContext& context_;
    VariableTracker& tracker_;
    Frame& frame_;
    ExprScope scope_;
};

}  // namespace

void check_severity(CheckContext& context, std::string_view severity, const ast::Span& span)
{
    if (std::find(severities.begin(), severities.end(), severity) != severities.end()) return;
    context.diagnostics.error("unknown-severity", span,
                              "unknown severity " + quoted(severity) +
                                  "; use one of info, notice, warning, critical");
}

void check_action(CheckContext& context, const ast::Action& action, VariableTracker& tracker, Frame& frame)
{
    ActionChecker(context, tracker, frame).check(action);
}

}  // namespace koers::checks
