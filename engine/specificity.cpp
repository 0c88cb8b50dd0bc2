#include "engine/specificity.hpp"

namespace koers::engine {
namespace {

std::uint32_t expression_specificity(const ExprSpec& expr)
{
    switch (expr.kind) {
    case ExprSpec::Kind::Operation:
        if (expr.op == Operator::And || expr.op == Operator::Or || expr.op == Operator::Not) {
            std::uint32_t total = 0;
            for (const ExprSpec& operand : expr.operands) total += expression_specificity(operand);
            return total;
        }
        return 1;
    case ExprSpec::Kind::Builtin:
    case ExprSpec::Kind::Function:
    case ExprSpec::Kind::Conditional:
    case ExprSpec::Kind::Member:
    case ExprSpec::Kind::InRange:
    case ExprSpec::Kind::Concat:
    case ExprSpec::Kind::MakeList: return 1;
    default: return 0;
    }
}

std::uint32_t constraint_specificity(const SlotConstraintSpec& constraint)
{
    switch (constraint.kind) {
    case SlotConstraintSpec::Kind::Bind: return 0;
    case SlotConstraintSpec::Kind::Test: return 1;
    // `slot: a|b` in CLIPS: one comparison per allowed value.
    case SlotConstraintSpec::Kind::Member:
        return constraint.operand.kind == ExprSpec::Kind::MakeList
                   ? static_cast<std::uint32_t>(constraint.operand.operands.size())
                   : 1;
    case SlotConstraintSpec::Kind::Range: return 2;
    }
    return 0;
}

std::uint32_t conjunction_specificity(const Conjunction& conditions)
{
    std::uint32_t total = 0;
    for (const ConditionSpec& condition : conditions) {
        switch (condition.kind) {
        case ConditionSpec::Kind::Pattern:
            total += 1;
            for (const SlotConstraintSpec& constraint : condition.constraints) total += constraint_specificity(constraint);
            break;
        case ConditionSpec::Kind::Guard: total += expression_specificity(condition.test); break;
        case ConditionSpec::Kind::Forall:
            total += 1 + conjunction_specificity(condition.body) + conjunction_specificity(condition.requirement);
            break;
        case ConditionSpec::Kind::Not:
        case ConditionSpec::Kind::Exists:
        case ConditionSpec::Kind::Aggregate: total += 1 + conjunction_specificity(condition.body); break;
        }
    }
    return total;
}

}  // namespace

std::uint32_t rule_specificity(const RuleSpec& rule) { return conjunction_specificity(rule.conditions); }

}  // namespace koers::engine
