// Rules, functions, facts blocks and tests, each checked as a whole.
#include <map>
#include <string>

#include "check/builtins.hpp"
#include "check/passes.hpp"
#include "check/suggest.hpp"

namespace koers::checks {

namespace {

constexpr std::string_view facts_context = "a facts block";
constexpr std::string_view given_context = "a `given` block";
constexpr std::string_view expected_advice_context = "an expected advice";

void check_stage_reference(CheckContext& context, const ast::Name& stage)
{
    if (context.symbols.stages.contains(stage.text)) return;
    context.diagnostics.error("unknown-stage", stage.span,
                              "unknown stage " + quoted(stage.text) +
                                  did_you_mean(stage.text, names_of(context.symbols.stages)));
}

void check_expectation(CheckContext& context, const ast::Expectation& expectation)
{
    switch (expectation.kind) {
    case ast::Expectation::Kind::Fact: {
        if (!expectation.fact) return;
        VariableTracker tracker(VariableTracker::Owner::Test, {});
        Frame frame;
        check_pattern(context, *expectation.fact, tracker, frame);
        tracker.report(context.diagnostics, false);
        return;
    }
    case ast::Expectation::Kind::Advice:
        for (const ast::AdviceProperty& property : expectation.properties) {
            check_expression(context, property.value, ExprScope{nullptr, nullptr, expected_advice_context});
            if (property.key.text != "severity") continue;
            const auto* literal = std::get_if<ast::Literal>(&property.value.node);
            if (literal != nullptr && literal->kind == ast::LiteralKind::Symbol) {
                check_severity(context, literal->text, property.value.span);
            }
        }
        return;
    case ast::Expectation::Kind::RuleFires:
        if (context.symbols.rules.contains(expectation.name.text)) return;
        context.diagnostics.error("unknown-rule", expectation.name.span,
                                  "unknown rule " + quoted(expectation.name.text) +
                                      did_you_mean(expectation.name.text, names_of(context.symbols.rules)));
        return;
    }
}

}  // namespace

void check_rule(CheckContext& context, const ast::RuleDecl& rule)
{
    if (rule.stage) check_stage_reference(context, *rule.stage);
    VariableTracker tracker(VariableTracker::Owner::Rule, rule.name.text);
    Frame frame;
    for (const ast::Condition& condition : rule.conditions) check_condition(context, condition, tracker, frame);
    for (const ast::Action& action : rule.actions) check_action(context, action, tracker, frame);
    tracker.report(context.diagnostics, true);
}

void check_function(CheckContext& context, const ast::FunctionDecl& function)
{
    if (find_builtin(function.name.text)) {
        context.diagnostics.error("builtin-redefined", function.name.span,
                                  "function " + quoted(function.name.text) +
                                      " is built in and cannot be defined again; choose another name");
    }
    VariableTracker tracker(VariableTracker::Owner::Function, function.name.text);
    Frame frame;
    for (const ast::Parameter& parameter : function.parameters) {
        if (const Binding* earlier = tracker.first_visible(frame, parameter.name.text)) {
            context.diagnostics.error("duplicate-parameter", parameter.name.span,
                                      "parameter " + quoted_variable(parameter.name.text) +
                                          " is already declared on " + line_of(earlier->span));
            continue;
        }
        tracker.bind(frame, parameter.name, BindingKind::Parameter);
    }
    check_expression(context, function.body, ExprScope{&tracker, &frame, {}});
    tracker.report(context.diagnostics, true);
}

void check_facts_block(CheckContext& context, const ast::FactsDecl& facts)
{
    for (const ast::FactSpec& fact : facts.facts) check_fact(context, fact, ExprScope{nullptr, nullptr, facts_context});
}

void check_test(CheckContext& context, const ast::TestDecl& test)
{
    for (const ast::FactSpec& fact : test.given) check_fact(context, fact, ExprScope{nullptr, nullptr, given_context});
    for (const ast::Expectation& expectation : test.expectations) check_expectation(context, expectation);
}

}  // namespace koers::checks
