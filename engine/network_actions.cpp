// Actions of a rule, compiled against the variables of a complete match. In actions every
// variable is a local of the firing: the matched values are copied there when the rule
// fires, and `bind` adds more.
#include <algorithm>

#include "engine/network_builder.hpp"

namespace koers::engine {

void NetworkBuilder::compile_actions(RuleId id, Scope scope)
{
    RuleInfo& info = network_->rule_info_[id];
    const RuleSpec& rule = rules_->rules[id];
    const ExprContext context{&scope, std::nullopt, true, false, &rule.variables};
    const auto fact_variable = [&](const ActionSpec& action) {
        if (action.variable < scope.size() && scope[action.variable].kind == Site::Kind::Fact) return true;
        errors_.push_back(RuntimeError{"retract and modify need a variable bound to a fact", action.where, {}});
        return false;
    };
    for (const ActionSpec& action : rule.actions) {
        CompiledAction compiled;
        compiled.spec = &action;
        switch (action.kind) {
        case ActionSpec::Kind::Assert: {
            if (!valid_template(action.template_id, action.where)) break;
            const std::size_t slots = rules_->templates[action.template_id].slots.size();
            compiled.values.assign(slots, no_expr);
            for (const SlotAssignment& assignment : action.slots) {
                if (!valid_slot(action.template_id, assignment.slot, action.where)) continue;
                compiled.values[assignment.slot] = exprs_.compile(assignment.value, context);
            }
            for (ExprRef& value : compiled.values) {
                if (value == no_expr) value = exprs_.add(ExprNode{}, {}, action.where);
            }
            break;
        }
        case ActionSpec::Kind::Retract: fact_variable(action); break;
        case ActionSpec::Kind::Modify:
            if (!fact_variable(action)) break;
            for (const SlotAssignment& assignment : action.slots) {
                compiled.values.push_back(exprs_.compile(assignment.value, context));
            }
            break;
        case ActionSpec::Kind::Advise:
            for (const auto& link : action.links) compiled.values.push_back(exprs_.compile(link.second, context));
            for (const auto& text : action.texts) compiled.values.push_back(exprs_.compile(text.second, context));
            break;
        case ActionSpec::Kind::Print: compiled.values.push_back(exprs_.compile(action.value, context)); break;
        case ActionSpec::Kind::Bind:
            compiled.values.push_back(exprs_.compile(action.value, context));
            if (action.variable >= rule.variables.size()) {
                errors_.push_back(RuntimeError{"bind names a variable the rule does not have", action.where, {}});
                break;
            }
            if (action.variable >= scope.size()) scope.resize(action.variable + 1);
            scope[action.variable] = Site{Site::Kind::Local, 0, 0};
            break;
        case ActionSpec::Kind::Focus: {
            const std::size_t stages = std::max<std::size_t>(1, rules_->stages.size());
            for (const StageId stage : action.stages) {
                if (stage >= stages) {
                    errors_.push_back(RuntimeError{"stage id " + std::to_string(stage) + " does not exist", action.where, {}});
                }
            }
            break;
        }
        case ActionSpec::Kind::Halt: break;
        }
        info.actions.push_back(std::move(compiled));
    }
}

}  // namespace koers::engine
