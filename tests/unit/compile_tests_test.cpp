// The compiler on tests written in the language: given facts and expectations.
#include <doctest/doctest.h>

#include <string>

#include "compile_support.hpp"

namespace {

using namespace koers;
using compile_test::compile_clean;
using compile_test::string_of;
using Expectation = engine::ExpectationSpec;

const std::string source =
    "template level { name: symbol  value: number = 0 }\n"
    "rule raise when ?l <- level(value: < 1) then modify ?l(value: 1) advise raised severity: info about: x end\n"
    "test \"raises a low level\" {\n"
    "  given { level(name: a) level(name: b, value: 2) }\n"
    "  expect fact level(name: a, value: >= 0.5 + 0.25)\n"
    "  expect no fact level(name: ?n, value: ?n)\n"
    "  expect advice raised (severity: info, about: x)\n"
    "  expect no advice lowered\n"
    "  expect rule raise fires 1 times\n"
    "  expect rule raise fires\n"
    "  expect rule raise does not fire\n"
    "}\n";

}  // namespace

TEST_CASE("a test: name, place and given facts with every slot filled")
{
    const auto compiled = compile_clean(source);
    const engine::RuleSet& rules = *compiled->rules;
    REQUIRE(rules.tests.size() == 1);
    const engine::TestSpec& test = rules.tests[0];
    CHECK(test.name == "raises a low level");
    CHECK(test.where.line == 3);
    REQUIRE(test.given.size() == 2);
    CHECK(test.given[0].slots.size() == 2);
    CHECK(test.given[0].slots[1].type() == engine::ValueType::Number);
    CHECK(test.given[1].slots[1] == engine::Value::number(2));
    CHECK(rules.initial_facts.empty());
}

TEST_CASE("expected facts are queries with constant operands")
{
    const auto compiled = compile_clean(source);
    const engine::RuleSet& rules = *compiled->rules;
    const auto& expectations = rules.tests.at(0).expectations;
    REQUIRE(expectations.size() == 7);
    const Expectation& fact = expectations[0];
    CHECK(fact.kind == Expectation::Kind::Fact);
    CHECK_FALSE(fact.negated);
    CHECK(fact.where.line == 5);
    CHECK(fact.where.column == 3);
    CHECK(fact.fact.template_id == 0);
    REQUIRE(fact.fact.constraints.size() == 2);
    CHECK(string_of(rules, fact.fact.constraints[0].operand.value) == "a");
    CHECK(fact.fact.constraints[1].op == engine::Operator::Ge);
    CHECK(fact.fact.constraints[1].operand.kind == engine::ExprSpec::Kind::Constant);
    CHECK(fact.fact.constraints[1].operand.value == engine::Value::number(0.75));

    const Expectation& none = expectations[1];
    CHECK(none.negated);
    REQUIRE(none.fact.variables.size() == 1);
    CHECK(none.fact.variables[0].name == "n");
    CHECK(none.fact.constraints[0].kind == engine::SlotConstraintSpec::Kind::Bind);
    CHECK(none.fact.constraints[1].operand.kind == engine::ExprSpec::Kind::Variable);
}

TEST_CASE("expected advice and rule firings")
{
    const auto compiled = compile_clean(source);
    const engine::RuleSet& rules = *compiled->rules;
    const auto& expectations = rules.tests.at(0).expectations;
    const Expectation& advice = expectations[2];
    CHECK(advice.kind == Expectation::Kind::Advice);
    CHECK(rules.values->string(advice.advice_topic) == "raised");
    REQUIRE(advice.advice_properties.size() == 2);
    CHECK(rules.values->string(advice.advice_properties[0].first) == "severity");
    CHECK(string_of(rules, advice.advice_properties[0].second) == "info");
    CHECK(string_of(rules, advice.advice_properties[1].second) == "x");
    CHECK(expectations[3].negated);
    CHECK(rules.values->string(expectations[3].advice_topic) == "lowered");

    CHECK(expectations[4].kind == Expectation::Kind::RuleFires);
    CHECK(expectations[4].rule == "raise");
    CHECK(expectations[4].times == std::optional<std::int64_t>(1));
    CHECK_FALSE(expectations[4].negated);
    CHECK_FALSE(expectations[5].times.has_value());
    CHECK(expectations[6].negated);
}
