#include "compile/ruleset_dump.hpp"

#include <array>
#include <sstream>
#include <string_view>

namespace koers::compile {

namespace {

using engine::ConditionSpec;
using engine::ExprSpec;

constexpr std::array<std::string_view, 15> operator_names{"or", "and", "not", "neg", "==", "!=", "<", "<=",
                                                           ">", ">=", "+", "-", "*", "/", "%"};
constexpr std::array<std::string_view, 14> builtin_names{"min", "max", "abs", "round", "floor", "ceil", "sqrt",
                                                          "len", "str", "lower", "upper", "contains", "starts_with",
                                                          "concat"};
constexpr std::array<std::string_view, 7> type_names{"nil", "bool", "int", "number", "symbol", "text", "list"};
constexpr std::array<std::string_view, 6> aggregate_names{"count", "sum", "min", "max", "avg", "collect"};
constexpr std::array<std::string_view, 4> severity_names{"info", "notice", "warning", "critical"};

template <std::size_t N, typename Enum>
std::string_view name_of(const std::array<std::string_view, N>& names, Enum value)
{
    const auto index = static_cast<std::size_t>(value);
    return index < N ? names[index] : "?";
}

std::string place(const engine::SourceRef& where)
{
    return "@" + where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

class Dumper {
public:
    explicit Dumper(const engine::RuleSet& rules) : rules_(rules) {}

    std::string all()
    {
        for (std::size_t id = 0; id < rules_.templates.size(); ++id) template_spec(id);
        for (std::size_t id = 0; id < rules_.stages.size(); ++id) {
            out_ << "stage " << id << ' ' << rules_.stages[id].name << quoted_doc(rules_.stages[id].doc) << '\n';
        }
        for (std::size_t id = 0; id < rules_.functions.size(); ++id) {
            const engine::FunctionSpec& function = rules_.functions[id];
            out_ << "function " << id << ' ' << function.name << '/' << function.parameter_count << " = "
                 << expression(function.body) << ' ' << place(function.where) << '\n';
        }
        for (const engine::FactValue& fact : rules_.initial_facts) out_ << "fact " << fact_value(fact) << '\n';
        for (std::size_t id = 0; id < rules_.rules.size(); ++id) rule(id);
        for (const engine::TestSpec& test : rules_.tests) test_spec(test);
        return out_.str();
    }

    std::string expression(const ExprSpec& expr)
    {
        switch (expr.kind) {
        case ExprSpec::Kind::Constant: return value(expr.value);
        case ExprSpec::Kind::Variable: return variable(expr.variable);
        case ExprSpec::Kind::FactSlot: return variable(expr.variable) + "." + std::to_string(expr.slot);
        case ExprSpec::Kind::Parameter: return "$" + std::to_string(expr.variable);
        case ExprSpec::Kind::Operation:
            return prefix(std::string(name_of(operator_names, expr.op)), expr);
        case ExprSpec::Kind::Builtin: return prefix(std::string(name_of(builtin_names, expr.builtin)), expr);
        case ExprSpec::Kind::Function:
            return prefix(expr.function < rules_.functions.size() ? rules_.functions[expr.function].name : "?function", expr);
        case ExprSpec::Kind::Conditional: return prefix("if", expr);
        case ExprSpec::Kind::MakeList: return prefix("list", expr);
        case ExprSpec::Kind::Member: return prefix(expr.negated ? "not-in" : "in", expr);
        case ExprSpec::Kind::InRange: return prefix(expr.negated ? "not-in-range" : "in-range", expr);
        case ExprSpec::Kind::Concat: return prefix("concat-text", expr);
        }
        return "?";
    }

private:
    void template_spec(std::size_t id)
    {
        const engine::TemplateSpec& spec = rules_.templates[id];
        out_ << "template " << id << ' ' << spec.name << quoted_doc(spec.doc) << ' ' << place(spec.where) << '\n';
        for (std::size_t slot = 0; slot < spec.slots.size(); ++slot) {
            const engine::SlotSpec& slot_spec = spec.slots[slot];
            out_ << "  slot " << slot << ' ' << slot_spec.name << ": " << (slot_spec.is_list ? "list of " : "")
                 << name_of(type_names, slot_spec.type);
            if (!slot_spec.allowed.empty()) {
                out_ << " in {";
                for (std::size_t i = 0; i < slot_spec.allowed.size(); ++i) {
                    out_ << (i > 0 ? ", " : "") << value(slot_spec.allowed[i]);
                }
                out_ << '}';
            }
            if (slot_spec.low) out_ << " low " << *slot_spec.low;
            if (slot_spec.high) out_ << " high " << *slot_spec.high;
            if (slot_spec.default_value) out_ << " default " << value(*slot_spec.default_value);
            if (slot_spec.optional) out_ << " optional";
            out_ << quoted_doc(slot_spec.doc) << '\n';
        }
    }

    void rule(std::size_t id)
    {
        const engine::RuleSpec& spec = rules_.rules[id];
        variables = &spec.variables;
        out_ << "rule " << id << ' ' << spec.name << " variant " << spec.variant << " order " << spec.declaration_order
             << " salience " << spec.salience << " stage " << spec.stage << quoted_doc(spec.doc) << ' '
             << place(spec.where) << '\n';
        if (!spec.tags.empty()) {
            out_ << "  tags";
            for (const engine::TagSpec& tag : spec.tags) out_ << ' ' << tag.key << (tag.value.empty() ? "" : "=" + tag.value);
            out_ << '\n';
        }
        out_ << "  variables";
        for (std::size_t i = 0; i < spec.variables.size(); ++i) out_ << ' ' << variable(static_cast<engine::VariableId>(i));
        out_ << '\n';
        for (const ConditionSpec& condition : spec.conditions) this->condition(condition, 2);
        out_ << "  then\n";
        for (const engine::ActionSpec& action : spec.actions) this->action(action);
        variables = nullptr;
    }

    void condition(const ConditionSpec& spec, int depth)
    {
        const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
        out_ << indent;
        switch (spec.kind) {
        case ConditionSpec::Kind::Pattern:
            if (spec.fact_variable) out_ << variable(*spec.fact_variable) << " <- ";
            out_ << pattern(spec.template_id, spec.constraints);
            break;
        case ConditionSpec::Kind::Not: out_ << "not"; break;
        case ConditionSpec::Kind::Exists: out_ << "exists"; break;
        case ConditionSpec::Kind::Forall: out_ << "forall"; break;
        case ConditionSpec::Kind::Guard: out_ << "where " << expression(spec.test); break;
        case ConditionSpec::Kind::Aggregate:
            out_ << variable(spec.variable) << " = " << name_of(aggregate_names, spec.aggregate);
            if (spec.aggregate != engine::AggregateKind::Count) out_ << ' ' << expression(spec.value);
            out_ << " of";
            break;
        }
        out_ << ' ' << place(spec.where) << '\n';
        for (const ConditionSpec& nested : spec.body) condition(nested, depth + 1);
        if (spec.kind != ConditionSpec::Kind::Forall) return;
        out_ << indent << "implies\n";
        for (const ConditionSpec& nested : spec.requirement) condition(nested, depth + 1);
    }

    std::string pattern(engine::TemplateId id, const std::vector<engine::SlotConstraintSpec>& constraints)
    {
        const engine::TemplateSpec* spec = id < rules_.templates.size() ? &rules_.templates[id] : nullptr;
        std::string text = (spec != nullptr ? spec->name : "?template") + "(";
        for (std::size_t i = 0; i < constraints.size(); ++i) {
            const engine::SlotConstraintSpec& constraint = constraints[i];
            if (i > 0) text += ", ";
            text += spec != nullptr && constraint.slot < spec->slots.size() ? spec->slots[constraint.slot].name : "?slot";
            switch (constraint.kind) {
            case engine::SlotConstraintSpec::Kind::Bind: text += " bind " + variable(constraint.variable); break;
            case engine::SlotConstraintSpec::Kind::Test:
                text += " " + std::string(name_of(operator_names, constraint.op)) + " " + expression(constraint.operand);
                break;
            case engine::SlotConstraintSpec::Kind::Member:
                text += std::string(constraint.negated ? " not" : "") + " in " + expression(constraint.operand);
                break;
            case engine::SlotConstraintSpec::Kind::Range:
                text += std::string(constraint.negated ? " not" : "") + " in " + expression(constraint.low) + ".." +
                        expression(constraint.high);
                break;
            }
        }
        return text + ")";
    }

    void action(const engine::ActionSpec& spec)
    {
        out_ << "    ";
        switch (spec.kind) {
        case engine::ActionSpec::Kind::Assert:
            out_ << "assert " << (spec.logical ? "logical " : "") << slots(spec.template_id, spec.slots);
            break;
        case engine::ActionSpec::Kind::Retract: out_ << "retract " << variable(spec.variable); break;
        case engine::ActionSpec::Kind::Modify: {
            const auto fact = spec.variable;
            out_ << "modify " << variable(fact) << ' ' << assignments(spec.slots);
            break;
        }
        case engine::ActionSpec::Kind::Advise:
            out_ << "advise " << string(spec.topic) << " severity " << name_of(severity_names, spec.severity);
            for (const auto& [key, link] : spec.links) out_ << ' ' << string(key) << ": " << expression(link);
            for (const auto& [language, text] : spec.texts) out_ << ' ' << string(language) << ": " << expression(text);
            break;
        case engine::ActionSpec::Kind::Print: out_ << "print " << expression(spec.value); break;
        case engine::ActionSpec::Kind::Halt: out_ << "halt"; break;
        case engine::ActionSpec::Kind::Bind:
            out_ << "bind " << variable(spec.variable) << " = " << expression(spec.value);
            break;
        case engine::ActionSpec::Kind::Focus:
            out_ << "focus";
            for (const engine::StageId stage : spec.stages) out_ << ' ' << stage;
            break;
        }
        out_ << ' ' << place(spec.where) << '\n';
    }

    std::string slots(engine::TemplateId id, const std::vector<engine::SlotAssignment>& assignments)
    {
        const engine::TemplateSpec* spec = id < rules_.templates.size() ? &rules_.templates[id] : nullptr;
        std::string text = (spec != nullptr ? spec->name : "?template") + "(";
        for (std::size_t i = 0; i < assignments.size(); ++i) {
            const engine::SlotIndex slot = assignments[i].slot;
            text += i > 0 ? ", " : "";
            text += spec != nullptr && slot < spec->slots.size() ? spec->slots[slot].name : "?slot";
            text += ": " + expression(assignments[i].value);
        }
        return text + ")";
    }

    // Slots by index: a modify's template is known only from the fact variable's pattern.
    std::string assignments(const std::vector<engine::SlotAssignment>& assignments)
    {
        std::string text = "(";
        for (std::size_t i = 0; i < assignments.size(); ++i) {
            text += (i > 0 ? ", slot " : "slot ") + std::to_string(assignments[i].slot) + ": " +
                    expression(assignments[i].value);
        }
        return text + ")";
    }

    std::string fact_value(const engine::FactValue& fact)
    {
        const engine::TemplateSpec* spec =
            fact.template_id < rules_.templates.size() ? &rules_.templates[fact.template_id] : nullptr;
        std::string text = (spec != nullptr ? spec->name : "?template") + "(";
        for (std::size_t i = 0; i < fact.slots.size(); ++i) {
            if (i > 0) text += ", ";
            text += (spec != nullptr && i < spec->slots.size() ? spec->slots[i].name : "?slot") + ": " + value(fact.slots[i]);
        }
        return text + ") " + place(fact.where);
    }

    void test_spec(const engine::TestSpec& test)
    {
        out_ << "test \"" << test.name << "\" " << place(test.where) << '\n';
        for (const engine::FactValue& fact : test.given) out_ << "  given " << fact_value(fact) << '\n';
        for (const engine::ExpectationSpec& expectation : test.expectations) {
            out_ << "  expect " << (expectation.negated ? "no " : "");
            switch (expectation.kind) {
            case engine::ExpectationSpec::Kind::Fact:
                variables = &expectation.fact.variables;
                out_ << "fact " << pattern(expectation.fact.template_id, expectation.fact.constraints);
                variables = nullptr;
                break;
            case engine::ExpectationSpec::Kind::Advice:
                out_ << "advice " << string(expectation.advice_topic);
                for (const auto& [key, property] : expectation.advice_properties) {
                    out_ << ' ' << string(key) << ": " << value(property);
                }
                break;
            case engine::ExpectationSpec::Kind::RuleFires:
                out_ << "rule " << expectation.rule << " fires";
                if (expectation.times) out_ << ' ' << *expectation.times << " times";
                break;
            }
            out_ << ' ' << place(expectation.where) << '\n';
        }
    }

    std::string prefix(const std::string& head, const ExprSpec& expr)
    {
        std::string text = "(" + head;
        for (const ExprSpec& operand : expr.operands) text += " " + expression(operand);
        return text + ")";
    }

    std::string variable(engine::VariableId id) const
    {
        if (variables != nullptr && id < variables->size()) return "?" + (*variables)[id].name + "#" + std::to_string(id);
        return "#" + std::to_string(id);
    }

    std::string value(const engine::Value& value) const
    {
        return rules_.values ? rules_.values->render(value) : "?value";
    }

    std::string string(engine::InternId id) const { return rules_.values ? rules_.values->string(id) : "?string"; }

    static std::string quoted_doc(const std::string& doc) { return doc.empty() ? "" : " \"" + doc + "\""; }

    const engine::RuleSet& rules_;
    std::ostringstream out_;
    // Variables print as ?name#id when a rule's names are known, as #id otherwise.
    const std::vector<engine::VariableSpec>* variables = nullptr;
};

}  // namespace

std::string dump_ruleset(const engine::RuleSet& rules) { return Dumper(rules).all(); }

std::string dump_expression(const engine::RuleSet& rules, const engine::ExprSpec& expr)
{
    return Dumper(rules).expression(expr);
}

}  // namespace koers::compile
