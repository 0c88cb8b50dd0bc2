#include "compile/tests.hpp"

#include <string>
#include <utility>

#include "compile/conditions.hpp"
#include "compile/constant_eval.hpp"
#include "compile/facts.hpp"

namespace koers::compile {

namespace {

// A query's operands are computed now, so the engine compares facts with values only.
void fold_operand(CompileContext& context, engine::ExprSpec& operand, const ast::Span& span)
{
    // Operands that read the query's own variables stay expressions.
    if (operand.kind == engine::ExprSpec::Kind::Constant || !is_constant_expression(operand)) return;
    std::string error;
    const std::optional<engine::Value> value = evaluate_constant(operand, context.rules(), context.values(), error);
    if (!value) {
        context.bad_constant(span, "this expected value cannot be computed: " + error);
        return;
    }
    operand.kind = engine::ExprSpec::Kind::Constant;
    operand.value = *value;
    operand.operands.clear();
}

engine::QuerySpec compile_query(CompileContext& context, const ast::Pattern& pattern, const ast::Span& span)
{
    RuleVariables variables;
    Frame frame;
    engine::ConditionSpec condition = compile_pattern(context, variables, pattern, span, frame);
    engine::QuerySpec query;
    query.template_id = condition.template_id;
    for (engine::SlotConstraintSpec& constraint : condition.constraints) {
        fold_operand(context, constraint.operand, span);
        fold_operand(context, constraint.low, span);
        fold_operand(context, constraint.high, span);
    }
    query.constraints = std::move(condition.constraints);
    query.variables = variables.specs();
    return query;
}

engine::ExpectationSpec compile_expectation(CompileContext& context, const ast::Expectation& expectation)
{
    engine::ExpectationSpec spec;
    spec.negated = expectation.negated;
    spec.where = context.where(expectation.span);
    switch (expectation.kind) {
    case ast::Expectation::Kind::Fact:
        spec.kind = engine::ExpectationSpec::Kind::Fact;
        if (expectation.fact) spec.fact = compile_query(context, *expectation.fact, expectation.span);
        else context.internal_error(expectation.span, "an expected fact without a pattern");
        break;
    case ast::Expectation::Kind::Advice:
        spec.kind = engine::ExpectationSpec::Kind::Advice;
        spec.advice_topic = context.values().intern_string(expectation.name.text);
        for (const ast::AdviceProperty& property : expectation.properties) {
            const std::optional<engine::Value> value = constant_value(context, property.value);
            if (!value) continue;
            spec.advice_properties.emplace_back(context.values().intern_string(property.key.text), *value);
        }
        break;
    case ast::Expectation::Kind::RuleFires:
        spec.kind = engine::ExpectationSpec::Kind::RuleFires;
        spec.rule = expectation.name.text;
        spec.times = expectation.times;
        break;
    }
    return spec;
}

}  // namespace

engine::TestSpec compile_test(CompileContext& context, const ast::TestDecl& test)
{
    engine::TestSpec spec;
    spec.name = test.name;
    spec.where = context.where(test.span);
    for (const ast::FactSpec& fact : test.given) {
        if (std::optional<engine::FactValue> value = compile_fact(context, fact)) spec.given.push_back(std::move(*value));
    }
    for (const ast::Expectation& expectation : test.expectations) {
        spec.expectations.push_back(compile_expectation(context, expectation));
    }
    return spec;
}

}  // namespace koers::compile
