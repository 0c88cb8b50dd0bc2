#include "format/clause_text.hpp"

#include "format/expression_text.hpp"
#include "grammar/overloaded.hpp"

namespace koers::formatting {

namespace {

std::string_view spelling_of(ast::CompareOp op)
{
    switch (op) {
    case ast::CompareOp::Eq: return "==";
    case ast::CompareOp::Ne: return "!=";
    case ast::CompareOp::Lt: return "<";
    case ast::CompareOp::Le: return "<=";
    case ast::CompareOp::Gt: return ">";
    case ast::CompareOp::Ge: return ">=";
    }
    return "==";
}

std::string_view spelling_of(ast::AggregateFn function)
{
    switch (function) {
    case ast::AggregateFn::Count: return "count";
    case ast::AggregateFn::Sum: return "sum";
    case ast::AggregateFn::Min: return "min";
    case ast::AggregateFn::Max: return "max";
    case ast::AggregateFn::Avg: return "avg";
    case ast::AggregateFn::Collect: return "collect";
    }
    return "count";
}

// `> 3`, `in {a, b}`; an equality is written bare (`slot: formeren`) unless it follows
// a variable or would itself read as one (`slot: == ?x`).
std::string slot_test_text(const ast::SlotTest& test, bool after_variable)
{
    switch (test.kind) {
    case ast::SlotTest::Kind::In: return "in " + (test.domain ? domain_text(*test.domain) : std::string("{}"));
    case ast::SlotTest::Kind::NotIn:
        return "not in " + (test.domain ? domain_text(*test.domain) : std::string("{}"));
    case ast::SlotTest::Kind::Compare: break;
    }
    const std::string operand = test.operand ? expression_text(*test.operand, Precedence::additive) : std::string();
    if (test.op == ast::CompareOp::Eq && !after_variable && !operand.starts_with('?')) return operand;
    return std::string(spelling_of(test.op)) + ' ' + operand;
}

std::string constraint_text(const ast::SlotConstraint& constraint)
{
    std::string text = constraint.slot.text + ':';
    if (constraint.variable) text += ' ' + variable_text(constraint.variable->text);
    if (constraint.test) text += ' ' + slot_test_text(*constraint.test, constraint.variable.has_value());
    return text;
}

// True when the condition's text ends in an expression, which would swallow an `and`
// or `or` written after it.
bool ends_in_expression(const ast::Condition& condition)
{
    return std::visit(
        Overloaded{
            [](const ast::GuardCondition&) { return true; },
            [](const ast::NotCondition& c) { return c.body && ends_in_expression(*c.body); },
            [](const ast::ExistsCondition& c) { return c.body && ends_in_expression(*c.body); },
            [](const ast::ForallCondition& c) { return c.requirement && ends_in_expression(*c.requirement); },
            [](const ast::AggregateCondition& c) { return c.source && ends_in_expression(*c.source); },
            [](const auto&) { return false; },
        },
        condition.node);
}

std::string operand_text(const std::unique_ptr<ast::Condition>& condition)
{
    return condition ? condition_text(*condition) : std::string();
}

std::string group_text(const ast::GroupCondition& group)
{
    const std::string_view joiner = group.op == ast::GroupCondition::Op::And ? " and " : " or ";
    std::string text = "(";
    for (std::size_t i = 0; i < group.items.size(); ++i) {
        if (i > 0) text += joiner;
        const bool shield = i + 1 < group.items.size() && ends_in_expression(group.items[i]);
        text += shield ? '(' + condition_text(group.items[i]) + ')' : condition_text(group.items[i]);
    }
    return text + ')';
}

std::string aggregate_text(const ast::AggregateCondition& aggregate)
{
    std::string text = variable_text(aggregate.result.text) + " = " + std::string(spelling_of(aggregate.function));
    if (aggregate.function != ast::AggregateFn::Count && aggregate.value) {
        text += ' ' + expression_text(*aggregate.value) + " of";
    }
    return text + ' ' + operand_text(aggregate.source);
}

}  // namespace

std::string slot_values_text(const std::vector<ast::SlotValue>& values)
{
    std::string text;
    for (const ast::SlotValue& value : values) {
        if (!text.empty()) text += ", ";
        text += value.slot.text + ": " + expression_text(value.value);
    }
    return text;
}

std::string fact_text(const ast::FactSpec& fact)
{
    return fact.template_name.text + '(' + slot_values_text(fact.slots) + ')';
}

std::string pattern_text(const ast::Pattern& pattern)
{
    std::string text;
    if (pattern.binding) text = variable_text(pattern.binding->text) + " <- ";
    text += pattern.template_name.text + '(';
    for (std::size_t i = 0; i < pattern.constraints.size(); ++i) {
        if (i > 0) text += ", ";
        text += constraint_text(pattern.constraints[i]);
    }
    return text + ')';
}

std::string condition_text(const ast::Condition& condition)
{
    return std::visit(
        Overloaded{
            [](const ast::Pattern& pattern) { return pattern_text(pattern); },
            [](const ast::NotCondition& c) { return "not " + operand_text(c.body); },
            [](const ast::ExistsCondition& c) { return "exists " + operand_text(c.body); },
            [](const ast::ForallCondition& c) {
                return "forall " + operand_text(c.domain) + " implies " + operand_text(c.requirement);
            },
            [](const ast::GroupCondition& group) { return group_text(group); },
            [](const ast::GuardCondition& guard) { return "where " + expression_text(guard.test); },
            [](const ast::AggregateCondition& aggregate) { return aggregate_text(aggregate); },
        },
        condition.node);
}

std::string advise_head_text(const ast::AdviseAction& advise)
{
    std::string text = "advise " + advise.topic.text;
    if (advise.severity) text += " severity: " + advise.severity->text;
    return text;
}

std::string advice_link_text(const ast::AdviceLink& link) { return link.key.text + ": " + expression_text(link.value); }

std::string advice_text_text(const ast::AdviceText& text)
{
    return text.language.text + ": " + text_template_text(text.text);
}

std::string action_text(const ast::Action& action)
{
    return std::visit(
        Overloaded{
            [](const ast::AssertAction& a) {
                return std::string("assert ") + (a.logical ? "logical " : "") + fact_text(a.fact);
            },
            [](const ast::RetractAction& a) { return "retract " + expression_text(a.target); },
            [](const ast::ModifyAction& a) {
                return "modify " + expression_text(a.target, Precedence::postfix) + '(' + slot_values_text(a.changes) +
                       ')';
            },
            [](const ast::AdviseAction& a) { return advise_head_text(a); },
            [](const ast::PrintAction& a) { return "print " + expression_text(a.message); },
            [](const ast::HaltAction&) { return std::string("halt"); },
            [](const ast::BindAction& a) {
                return "bind " + variable_text(a.variable.text) + " = " + expression_text(a.value);
            },
            [](const ast::FocusAction& a) {
                std::string text = "focus";
                for (std::size_t i = 0; i < a.stages.size(); ++i) text += (i == 0 ? " " : ", ") + a.stages[i].text;
                return text;
            },
        },
        action.node);
}

std::string expectation_text(const ast::Expectation& expectation)
{
    std::string text = "expect ";
    switch (expectation.kind) {
    case ast::Expectation::Kind::Fact:
        if (expectation.negated) text += "no ";
        text += "fact ";
        if (expectation.fact) text += pattern_text(*expectation.fact);
        return text;
    case ast::Expectation::Kind::Advice:
        if (expectation.negated) text += "no ";
        text += "advice " + expectation.name.text;
        if (!expectation.properties.empty()) {
            text += " (";
            for (std::size_t i = 0; i < expectation.properties.size(); ++i) {
                if (i > 0) text += ", ";
                text += expectation.properties[i].key.text + ": " + expression_text(expectation.properties[i].value);
            }
            text += ')';
        }
        return text;
    case ast::Expectation::Kind::RuleFires:
        text += "rule " + expectation.name.text;
        if (expectation.negated) return text + " does not fire";
        text += " fires";
        if (expectation.times) text += ' ' + std::to_string(*expectation.times) + " times";
        return text;
    }
    return text;
}

}  // namespace koers::formatting
