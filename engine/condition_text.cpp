#include "engine/condition_text.hpp"

namespace koers::engine {

namespace {

std::string operator_text(Operator op)
{
    switch (op) {
    case Operator::Or: return "or";
    case Operator::And: return "and";
    case Operator::Not: return "not";
    case Operator::Negate: return "-";
    case Operator::Eq: return "==";
    case Operator::Ne: return "!=";
    case Operator::Lt: return "<";
    case Operator::Le: return "<=";
    case Operator::Gt: return ">";
    case Operator::Ge: return ">=";
    case Operator::Add: return "+";
    case Operator::Sub: return "-";
    case Operator::Mul: return "*";
    case Operator::Div: return "/";
    case Operator::Mod: return "%";
    }
    return "?";
}

std::string builtin_text(Builtin builtin)
{
    switch (builtin) {
    case Builtin::Min: return "min";
    case Builtin::Max: return "max";
    case Builtin::Abs: return "abs";
    case Builtin::Round: return "round";
    case Builtin::Floor: return "floor";
    case Builtin::Ceil: return "ceil";
    case Builtin::Sqrt: return "sqrt";
    case Builtin::Len: return "len";
    case Builtin::Str: return "str";
    case Builtin::Lower: return "lower";
    case Builtin::Upper: return "upper";
    case Builtin::Contains: return "contains";
    case Builtin::StartsWith: return "starts_with";
    case Builtin::Concat: return "concat";
    }
    return "?";
}

std::string variable_text(const TextContext& context, VariableId id)
{
    return id < context.variables.size() ? "?" + context.variables[id].name : "?" + std::to_string(id);
}

std::string list_text(const TextContext& context, const std::vector<ExprSpec>& items, std::size_t from)
{
    std::string out;
    for (std::size_t i = from; i < items.size(); ++i) out += (i > from ? ", " : "") + expr_text(context, items[i]);
    return out;
}

std::string slot_name(const TextContext& context, TemplateId template_id, SlotIndex slot)
{
    if (template_id >= context.rules.templates.size()) return "?";
    const TemplateSpec& spec = context.rules.templates[template_id];
    return slot < spec.slots.size() ? spec.slots[slot].name : "?";
}

std::string set_text(const TextContext& context, const ExprSpec& set)
{
    if (set.kind == ExprSpec::Kind::MakeList) return "{" + list_text(context, set.operands, 0) + "}";
    if (set.kind == ExprSpec::Kind::Constant && set.value.type() == ValueType::List) {
        std::string out = "{";
        bool first = true;
        for (const Value& item : context.values.list_items(set.value.id())) {
            out += (first ? "" : ", ") + context.values.render(item);
            first = false;
        }
        return out + "}";
    }
    return expr_text(context, set);
}

std::string conjunction_text(const TextContext& context, const Conjunction& conditions)
{
    if (conditions.size() == 1) return condition_text(context, conditions[0]);
    std::string out = "(";
    for (std::size_t i = 0; i < conditions.size(); ++i) out += (i > 0 ? " and " : "") + condition_text(context, conditions[i]);
    return out + ")";
}

}  // namespace

std::string expr_text(const TextContext& context, const ExprSpec& expr)
{
    const auto& operands = expr.operands;
    switch (expr.kind) {
    case ExprSpec::Kind::Constant: return context.values.render(expr.value);
    case ExprSpec::Kind::Variable: return variable_text(context, expr.variable);
    case ExprSpec::Kind::FactSlot: return variable_text(context, expr.variable) + ".#" + std::to_string(expr.slot);
    case ExprSpec::Kind::Parameter: return "?" + std::to_string(expr.variable);
    case ExprSpec::Kind::Operation:
        if (operands.size() == 1) {
            return operator_text(expr.op) + (expr.op == Operator::Not ? " " : "") + expr_text(context, operands[0]);
        }
        if (operands.size() != 2) return "?";
        return "(" + expr_text(context, operands[0]) + " " + operator_text(expr.op) + " " + expr_text(context, operands[1]) + ")";
    case ExprSpec::Kind::Builtin: return builtin_text(expr.builtin) + "(" + list_text(context, operands, 0) + ")";
    case ExprSpec::Kind::Function: {
        const std::string name =
            expr.function < context.rules.functions.size() ? context.rules.functions[expr.function].name : "?";
        return name + "(" + list_text(context, operands, 0) + ")";
    }
    case ExprSpec::Kind::Conditional:
        if (operands.size() != 3) return "?";
        return "(if " + expr_text(context, operands[0]) + " then " + expr_text(context, operands[1]) + " else " +
               expr_text(context, operands[2]) + ")";
    case ExprSpec::Kind::MakeList: return "[" + list_text(context, operands, 0) + "]";
    case ExprSpec::Kind::Member:
        if (operands.empty()) return "?";
        return expr_text(context, operands[0]) + (expr.negated ? " not in {" : " in {") + list_text(context, operands, 1) + "}";
    case ExprSpec::Kind::InRange:
        if (operands.size() != 3) return "?";
        return expr_text(context, operands[0]) + (expr.negated ? " not in " : " in ") + expr_text(context, operands[1]) + ".." +
               expr_text(context, operands[2]);
    case ExprSpec::Kind::Concat: {
        std::string out = "\"";
        for (const ExprSpec& part : operands) {
            if (part.kind == ExprSpec::Kind::Constant && part.value.type() == ValueType::Text) out += context.values.string(part.value.id());
            else out += "{" + expr_text(context, part) + "}";
        }
        return out + "\"";
    }
    }
    return "?";
}

std::string constraint_text(const TextContext& context, TemplateId template_id, const SlotConstraintSpec& constraint)
{
    const std::string slot = slot_name(context, template_id, constraint.slot) + ": ";
    switch (constraint.kind) {
    case SlotConstraintSpec::Kind::Bind: return slot + variable_text(context, constraint.variable);
    case SlotConstraintSpec::Kind::Test:
        if (constraint.op == Operator::Eq) return slot + expr_text(context, constraint.operand);
        return slot + operator_text(constraint.op) + " " + expr_text(context, constraint.operand);
    case SlotConstraintSpec::Kind::Member:
        return slot + (constraint.negated ? "not in " : "in ") + set_text(context, constraint.operand);
    case SlotConstraintSpec::Kind::Range:
        return slot + (constraint.negated ? "not in " : "in ") + expr_text(context, constraint.low) + ".." +
               expr_text(context, constraint.high);
    }
    return slot + "?";
}

std::string condition_text(const TextContext& context, const ConditionSpec& condition)
{
    switch (condition.kind) {
    case ConditionSpec::Kind::Pattern: {
        std::string out;
        if (condition.fact_variable) out = variable_text(context, *condition.fact_variable) + " <- ";
        out += (condition.template_id < context.rules.templates.size() ? context.rules.templates[condition.template_id].name
                                                                       : std::string("?")) +
               "(";
        for (std::size_t i = 0; i < condition.constraints.size(); ++i) {
            out += (i > 0 ? ", " : "") + constraint_text(context, condition.template_id, condition.constraints[i]);
        }
        return out + ")";
    }
    case ConditionSpec::Kind::Not: return "not " + conjunction_text(context, condition.body);
    case ConditionSpec::Kind::Exists: return "exists " + conjunction_text(context, condition.body);
    case ConditionSpec::Kind::Forall:
        return "forall " + conjunction_text(context, condition.body) + " implies " +
               conjunction_text(context, condition.requirement);
    case ConditionSpec::Kind::Guard: return "where " + expr_text(context, condition.test);
    case ConditionSpec::Kind::Aggregate: {
        static const char* const names[] = {"count", "sum", "min", "max", "avg", "collect"};
        std::string out = variable_text(context, condition.variable) + " = " + names[static_cast<int>(condition.aggregate)] + " ";
        if (condition.aggregate != AggregateKind::Count) out += expr_text(context, condition.value) + " of ";
        return out + conjunction_text(context, condition.body);
    }
    }
    return "?";
}

}  // namespace koers::engine
