#include "compile/actions.hpp"

#include <string>
#include <type_traits>
#include <utility>

#include "compile/expressions.hpp"
#include "compile/facts.hpp"

namespace koers::compile {

namespace {

using engine::ActionSpec;

std::optional<engine::Severity> severity_named(std::string_view name)
{
    if (name == "info") return engine::Severity::Info;
    if (name == "notice") return engine::Severity::Notice;
    if (name == "warning") return engine::Severity::Warning;
    if (name == "critical") return engine::Severity::Critical;
    return std::nullopt;
}

class ActionCompiler {
public:
    ActionCompiler(CompileContext& context, RuleVariables& variables, Frame& frame)
        : context_(context), variables_(variables), frame_(frame), environment_{&frame, &variables, nullptr}
    {
    }

    ActionSpec compile(const ast::Action& action)
    {
        ActionSpec spec = std::visit([&](const auto& node) { return visit(action, node); }, action.node);
        spec.where = context_.where(action.span);
        return spec;
    }

private:
    ActionSpec visit(const ast::Action&, const ast::AssertAction& assertion)
    {
        ActionSpec spec;
        spec.kind = ActionSpec::Kind::Assert;
        spec.logical = assertion.logical;
        const ast::FactSpec& fact = assertion.fact;
        const TemplateEntry* entry = context_.find_template(fact.template_name.text);
        if (entry == nullptr) {
            context_.internal_error(fact.template_name.span, "unknown template " + quoted(fact.template_name.text));
            return spec;
        }
        spec.template_id = entry->id;
        const engine::TemplateSpec& template_spec = context_.rules().templates[entry->id];
        std::vector<std::optional<engine::ExprSpec>> values(template_spec.slots.size());
        for (const ast::SlotValue& value : fact.slots) {
            const std::optional<engine::SlotIndex> slot = slot_of(entry->id, value.slot);
            if (slot) values[*slot] = slot_value(template_spec.slots[*slot], value.value);
        }
        for (std::size_t index = 0; index < values.size(); ++index) {
            const engine::SlotSpec& slot = template_spec.slots[index];
            if (!values[index]) {
                const std::optional<engine::Value> absent = absent_slot_value(slot);
                if (!absent) {
                    context_.internal_error(fact.template_name.span,
                                            "the fact leaves out the required slot " + quoted(slot.name));
                    continue;
                }
                values[index] = constant_expression(*absent, context_.where(fact.span));
            }
            spec.slots.push_back(engine::SlotAssignment{static_cast<engine::SlotIndex>(index), std::move(*values[index])});
        }
        return spec;
    }

    ActionSpec visit(const ast::Action&, const ast::RetractAction& retraction)
    {
        ActionSpec spec;
        spec.kind = ActionSpec::Kind::Retract;
        if (const std::optional<engine::VariableId> fact = fact_variable(retraction.target)) spec.variable = *fact;
        return spec;
    }

    ActionSpec visit(const ast::Action&, const ast::ModifyAction& modification)
    {
        ActionSpec spec;
        spec.kind = ActionSpec::Kind::Modify;
        const std::optional<engine::VariableId> fact = fact_variable(modification.target);
        if (!fact) return spec;
        spec.variable = *fact;
        const engine::TemplateId template_id = *variables_.fact_template(*fact);
        for (const ast::SlotValue& change : modification.changes) {
            const std::optional<engine::SlotIndex> slot = slot_of(template_id, change.slot);
            if (!slot) continue;
            const engine::SlotSpec& slot_spec = context_.rules().templates[template_id].slots[*slot];
            spec.slots.push_back(engine::SlotAssignment{*slot, slot_value(slot_spec, change.value)});
        }
        return spec;
    }

    ActionSpec visit(const ast::Action&, const ast::AdviseAction& advice)
    {
        ActionSpec spec;
        spec.kind = ActionSpec::Kind::Advise;
        spec.topic = context_.values().intern_string(advice.topic.text);
        if (advice.severity) {
            const std::optional<engine::Severity> severity = severity_named(advice.severity->text);
            if (severity) spec.severity = *severity;
            else context_.internal_error(advice.severity->span, "unknown severity " + quoted(advice.severity->text));
        }
        for (const ast::AdviceLink& link : advice.links) {
            spec.links.emplace_back(context_.values().intern_string(link.key.text),
                                    compile_expression(context_, link.value, environment_));
        }
        for (const ast::AdviceText& text : advice.texts) {
            spec.texts.emplace_back(context_.values().intern_string(text.language.text),
                                    compile_text(context_, text.text, text.span, environment_, true));
        }
        return spec;
    }

    ActionSpec visit(const ast::Action&, const ast::PrintAction& print)
    {
        ActionSpec spec;
        spec.kind = ActionSpec::Kind::Print;
        spec.value = compile_expression(context_, print.message, environment_);
        return spec;
    }

    ActionSpec visit(const ast::Action&, const ast::HaltAction&)
    {
        ActionSpec spec;
        spec.kind = ActionSpec::Kind::Halt;
        return spec;
    }

    ActionSpec visit(const ast::Action&, const ast::BindAction& bind)
    {
        ActionSpec spec;
        spec.kind = ActionSpec::Kind::Bind;
        // The value is read before the name is bound: `bind ?n = ?n + 1` uses the old ?n.
        spec.value = compile_expression(context_, bind.value, environment_);
        spec.variable = variables_.declare(bind.variable.text);
        frame_.bind(bind.variable.text, spec.variable);
        return spec;
    }

    ActionSpec visit(const ast::Action&, const ast::FocusAction& focus)
    {
        ActionSpec spec;
        spec.kind = ActionSpec::Kind::Focus;
        for (const ast::Name& stage : focus.stages) {
            const auto found = context_.stage_ids.find(stage.text);
            if (found == context_.stage_ids.end()) {
                context_.internal_error(stage.span, "unknown stage " + quoted(stage.text));
                continue;
            }
            spec.stages.push_back(found->second);
        }
        return spec;
    }

    std::optional<engine::SlotIndex> slot_of(engine::TemplateId template_id, const ast::Name& slot)
    {
        std::optional<engine::SlotIndex> index = context_.find_slot(template_id, slot.text);
        if (!index) {
            context_.unsupported(slot.span, "template " + quoted(context_.rules().templates[template_id].name) +
                                                " has no slot " + quoted(slot.text));
        }
        return index;
    }

    // A constant value is stored as the slot holds it; other values the engine computes.
    engine::ExprSpec slot_value(const engine::SlotSpec& slot, const ast::Expr& value)
    {
        engine::ExprSpec spec = compile_expression(context_, value, environment_);
        if (spec.kind == engine::ExprSpec::Kind::Constant) spec.value = fit_to_slot(context_, slot, spec.value);
        return spec;
    }

    // The fact variable that `retract` or `modify` names, with a known template.
    std::optional<engine::VariableId> fact_variable(const ast::Expr& target)
    {
        const auto* variable = std::get_if<ast::VariableRef>(&target.node);
        const std::optional<engine::VariableId> id = variable != nullptr ? frame_.find(variable->name) : std::nullopt;
        if (!id || !variables_.fact_template(*id)) {
            context_.internal_error(target.span, "`retract` and `modify` need a fact variable");
            return std::nullopt;
        }
        return id;
    }

    CompileContext& context_;
    RuleVariables& variables_;
    Frame& frame_;
    ExprEnvironment environment_;
};

}  // namespace

std::vector<engine::ActionSpec> compile_actions(CompileContext& context, RuleVariables& variables, Frame& frame,
                                                const std::vector<ast::Action>& actions)
{
    ActionCompiler compiler(context, variables, frame);
    std::vector<engine::ActionSpec> result;
    result.reserve(actions.size());
    for (const ast::Action& action : actions) result.push_back(compiler.compile(action));
    return result;
}

}  // namespace koers::compile
