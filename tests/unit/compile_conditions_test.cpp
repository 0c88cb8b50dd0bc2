// The compiler on conditions: variable numbering, slot constraints, nested scopes, and
// `or` split into rule variants (with De Morgan and the rewrites under quantifiers).
#include <doctest/doctest.h>

#include <string>

#include "compile_support.hpp"

namespace {

using namespace koers;
using compile_test::compile_clean;
using compile_test::compile_source;
using compile_test::letter_templates;
using compile_test::rule_named;
using compile_test::shape;
using compile_test::variant_count;
using Constraint = engine::SlotConstraintSpec;

std::string with_templates(const std::string& rule) { return std::string(letter_templates) + rule; }

const std::string pair_templates =
    "template pair { left: symbol  right: symbol  score: number = 0 }\n"
    "template note { about: symbol }\n";

}  // namespace

TEST_CASE("the first use of a variable binds it; later uses join on it")
{
    const auto compiled = compile_clean(pair_templates +
                                        "rule r when\n"
                                        "  pair(left: ?l, right: ?r)\n"
                                        "  note(about: ?r)\n"
                                        "then print ?l end\n");
    const engine::RuleSpec& rule = rule_named(*compiled->rules, "r");
    REQUIRE(rule.variables.size() == 2);
    CHECK(rule.variables[0].name == "l");
    CHECK(rule.variables[1].name == "r");
    REQUIRE(rule.conditions.size() == 2);
    const auto& first = rule.conditions[0].constraints;
    REQUIRE(first.size() == 2);
    CHECK(first[0].kind == Constraint::Kind::Bind);
    CHECK(first[0].slot == 0);
    CHECK(first[0].variable == 0);
    CHECK(first[1].kind == Constraint::Kind::Bind);
    CHECK(first[1].slot == 1);
    CHECK(first[1].variable == 1);
    const auto& second = rule.conditions[1].constraints;
    REQUIRE(second.size() == 1);
    CHECK(second[0].kind == Constraint::Kind::Test);
    CHECK(second[0].op == engine::Operator::Eq);
    CHECK(second[0].operand.kind == engine::ExprSpec::Kind::Variable);
    CHECK(second[0].operand.variable == 1);
}

TEST_CASE("a fact variable binds the matched fact")
{
    const auto compiled = compile_clean(pair_templates + "rule r when ?p <- pair(left: a) then retract ?p end\n");
    const engine::RuleSpec& rule = rule_named(*compiled->rules, "r");
    REQUIRE(rule.conditions.size() == 1);
    CHECK(rule.conditions[0].fact_variable == std::optional<engine::VariableId>(0));
    CHECK(rule.variables.at(0).name == "p");
    const auto& constraint = rule.conditions[0].constraints.at(0);
    CHECK(constraint.kind == Constraint::Kind::Test);
    CHECK(constraint.operand.kind == engine::ExprSpec::Kind::Constant);
    CHECK(compile_test::string_of(*compiled->rules, constraint.operand.value) == "a");
}

TEST_CASE("a variable with a test binds first, then tests")
{
    const auto compiled = compile_clean(pair_templates + "rule r when pair(score: ?s > 1.5, left: != ?s) then print ?s end\n");
    const auto& constraints = rule_named(*compiled->rules, "r").conditions.at(0).constraints;
    REQUIRE(constraints.size() == 3);
    CHECK(constraints[0].kind == Constraint::Kind::Bind);
    CHECK(constraints[0].slot == 2);
    CHECK(constraints[1].kind == Constraint::Kind::Test);
    CHECK(constraints[1].slot == 2);
    CHECK(constraints[1].op == engine::Operator::Gt);
    CHECK(constraints[1].operand.value == engine::Value::number(1.5));
    CHECK(constraints[2].kind == Constraint::Kind::Test);
    CHECK(constraints[2].op == engine::Operator::Ne);
    CHECK(constraints[2].operand.kind == engine::ExprSpec::Kind::Variable);
}

TEST_CASE("membership in a set and a range become Member and Range constraints")
{
    const auto compiled = compile_clean(pair_templates +
                                        "rule r when pair(left: in {a, b}, score: not in -1..2.5) then halt end\n");
    const engine::RuleSet& rules = *compiled->rules;
    const auto& constraints = rule_named(rules, "r").conditions.at(0).constraints;
    REQUIRE(constraints.size() == 2);
    CHECK(constraints[0].kind == Constraint::Kind::Member);
    CHECK_FALSE(constraints[0].negated);
    REQUIRE(constraints[0].operand.kind == engine::ExprSpec::Kind::Constant);
    REQUIRE(constraints[0].operand.value.type() == engine::ValueType::List);
    const auto& items = rules.values->list_items(constraints[0].operand.value.id());
    REQUIRE(items.size() == 2);
    CHECK(compile_test::string_of(rules, items[1]) == "b");
    CHECK(constraints[1].kind == Constraint::Kind::Range);
    CHECK(constraints[1].negated);
    CHECK(constraints[1].low.value == engine::Value::integer(-1));
    CHECK(constraints[1].high.value == engine::Value::number(2.5));
}

TEST_CASE("a set with a variable stays a list expression")
{
    const auto compiled = compile_clean(pair_templates + "rule r when note(about: ?x) pair(left: in {a, ?x}) then halt end\n");
    const auto& constraint = rule_named(*compiled->rules, "r").conditions.at(1).constraints.at(0);
    CHECK(constraint.kind == Constraint::Kind::Member);
    CHECK(constraint.operand.kind == engine::ExprSpec::Kind::MakeList);
    CHECK(constraint.operand.operands.size() == 2);
}

TEST_CASE("what a nested condition binds is a variable of its own")
{
    const auto compiled = compile_clean(pair_templates +
                                        "rule r when\n"
                                        "  note(about: ?x)\n"
                                        "  not pair(left: ?x, right: ?y)\n"
                                        "  pair(right: ?y)\n"
                                        "then print ?y end\n");
    const engine::RuleSpec& rule = rule_named(*compiled->rules, "r");
    REQUIRE(rule.variables.size() == 3);
    CHECK(rule.variables[1].name == "y");
    CHECK(rule.variables[2].name == "y");
    const engine::ConditionSpec& negation = rule.conditions.at(1);
    CHECK(negation.kind == engine::ConditionSpec::Kind::Not);
    const auto& inner = negation.body.at(0).constraints;
    CHECK(inner.at(0).kind == Constraint::Kind::Test);  // joins the outer ?x
    CHECK(inner.at(0).operand.variable == 0);
    CHECK(inner.at(1).kind == Constraint::Kind::Bind);
    CHECK(inner.at(1).variable == 1);
    const auto& after = rule.conditions.at(2).constraints.at(0);
    CHECK(after.kind == Constraint::Kind::Bind);  // a new ?y: the one inside `not` is out of reach
    CHECK(after.variable == 2);
    CHECK(rule.actions.at(0).value.variable == 2);
}

TEST_CASE("an aggregate binds its result after its body")
{
    const auto compiled = compile_clean(pair_templates +
                                        "rule r when\n"
                                        "  ?n = count note()\n"
                                        "  ?total = sum ?s of pair(score: ?s)\n"
                                        "  where ?n > 1 and ?total > 2\n"
                                        "then halt end\n");
    const engine::RuleSpec& rule = rule_named(*compiled->rules, "r");
    REQUIRE(rule.variables.size() == 3);
    CHECK(rule.variables[0].name == "n");
    CHECK(rule.variables[1].name == "s");
    CHECK(rule.variables[2].name == "total");
    const engine::ConditionSpec& count = rule.conditions.at(0);
    CHECK(count.kind == engine::ConditionSpec::Kind::Aggregate);
    CHECK(count.aggregate == engine::AggregateKind::Count);
    CHECK(count.variable == 0);
    const engine::ConditionSpec& sum = rule.conditions.at(1);
    CHECK(sum.aggregate == engine::AggregateKind::Sum);
    CHECK(sum.variable == 2);
    CHECK(sum.value.kind == engine::ExprSpec::Kind::Variable);
    CHECK(sum.value.variable == 1);
    CHECK(sum.body.at(0).constraints.at(0).variable == 1);
    const engine::ConditionSpec& guard = rule.conditions.at(2);
    CHECK(guard.kind == engine::ConditionSpec::Kind::Guard);
    CHECK(guard.test.op == engine::Operator::And);
    CHECK(guard.test.operands.at(1).operands.at(0).variable == 2);
}

TEST_CASE("forall: the domain's variables are seen by the requirement")
{
    const auto compiled = compile_clean(pair_templates + "rule r when forall note(about: ?a) implies pair(left: ?a) then halt end\n");
    const engine::ConditionSpec& forall = rule_named(*compiled->rules, "r").conditions.at(0);
    CHECK(forall.kind == engine::ConditionSpec::Kind::Forall);
    CHECK(forall.body.at(0).constraints.at(0).kind == Constraint::Kind::Bind);
    const auto& requirement = forall.requirement.at(0).constraints.at(0);
    CHECK(requirement.kind == Constraint::Kind::Test);
    CHECK(requirement.operand.variable == forall.body.at(0).constraints.at(0).variable);
}

TEST_CASE("exists keeps its body")
{
    const auto compiled = compile_clean(with_templates("rule r when exists (a() and b()) then halt end\n"));
    CHECK(shape(*compiled->rules, rule_named(*compiled->rules, "r").conditions) == "exists(a b)");
}

TEST_CASE("top-level or: one variant per alternative, leftmost or varying slowest")
{
    const auto compiled = compile_clean(with_templates("rule r when (a() or b()) e() (c() or d()) then halt end\n"));
    const engine::RuleSet& rules = *compiled->rules;
    REQUIRE(rules.rules.size() == 4);
    const char* expected[] = {"a e c", "a e d", "b e c", "b e d"};
    for (std::uint32_t variant = 0; variant < 4; ++variant) {
        const engine::RuleSpec& rule = rules.rules[variant];
        CHECK(rule.name == "r");
        CHECK(rule.variant == variant);
        CHECK(rule.declaration_order == 0);
        CHECK(shape(rules, rule.conditions) == expected[variant]);
    }
}

TEST_CASE("or with a group: and binds tighter than or")
{
    const auto compiled = compile_clean(with_templates("rule r when (a() or b() and not c()) then halt end\n"));
    const engine::RuleSet& rules = *compiled->rules;
    REQUIRE(variant_count(rules, "r") == 2);
    CHECK(shape(rules, rule_named(rules, "r", 0).conditions) == "a");
    CHECK(shape(rules, rule_named(rules, "r", 1).conditions) == "b not(c)");
}

TEST_CASE("or under not is rewritten by De Morgan, not split")
{
    const auto compiled = compile_clean(with_templates("rule r when e() not (a() or b()) then halt end\n"));
    const engine::RuleSet& rules = *compiled->rules;
    REQUIRE(variant_count(rules, "r") == 1);
    CHECK(shape(rules, rules.rules[0].conditions) == "e not(a) not(b)");
}

TEST_CASE("De Morgan distributes over an and around the or")
{
    const auto compiled = compile_clean(with_templates("rule r when not (a() and (b() or c())) then halt end\n"));
    CHECK(shape(*compiled->rules, compiled->rules->rules.at(0).conditions) == "not(a b) not(a c)");
}

TEST_CASE("or under exists becomes not (not a, not b), so the rule still fires once")
{
    const auto compiled = compile_clean(with_templates("rule r when exists (a() or b()) then halt end\n"));
    const engine::RuleSet& rules = *compiled->rules;
    REQUIRE(variant_count(rules, "r") == 1);
    CHECK(shape(rules, rules.rules[0].conditions) == "not(not(a) not(b))");
}

TEST_CASE("or in a forall's domain gives one forall per alternative")
{
    const auto compiled = compile_clean(with_templates("rule r when forall (a() or b()) implies c() then halt end\n"));
    const engine::RuleSet& rules = *compiled->rules;
    REQUIRE(variant_count(rules, "r") == 1);
    CHECK(shape(rules, rules.rules[0].conditions) == "forall(a => c) forall(b => c)");
}

TEST_CASE("or in a forall's requirement: no domain match may fail every alternative")
{
    const auto compiled = compile_clean(with_templates(
        "rule r when forall a(x: ?v) implies (b(x: ?v) or c(x: ?v)) then halt end\n"));
    const engine::RuleSet& rules = *compiled->rules;
    REQUIRE(variant_count(rules, "r") == 1);
    const engine::RuleSpec& rule = rules.rules[0];
    CHECK(shape(rules, rule.conditions) == "not(a not(b) not(c))");
    // ?v bound by the domain is joined in both alternatives.
    const engine::ConditionSpec& counterexample = rule.conditions.at(0);
    const engine::VariableId v = counterexample.body.at(0).constraints.at(0).variable;
    CHECK(counterexample.body.at(1).body.at(0).constraints.at(0).operand.variable == v);
    CHECK(counterexample.body.at(2).body.at(0).constraints.at(0).operand.variable == v);
}

TEST_CASE("each variant numbers its own variables")
{
    const auto compiled = compile_clean(with_templates("rule r when (a(x: ?v) or (e() and b(x: ?v))) c(x: ?v) then print ?v end\n"));
    const engine::RuleSet& rules = *compiled->rules;
    for (std::uint32_t variant = 0; variant < 2; ++variant) {
        const engine::RuleSpec& rule = rule_named(rules, "r", variant);
        REQUIRE(rule.variables.size() == 1);
        CHECK(rule.variables[0].name == "v");
        CHECK(rule.conditions.back().constraints.at(0).kind == Constraint::Kind::Test);
        CHECK(rule.conditions.back().constraints.at(0).operand.variable == 0);
        CHECK(rule.actions.at(0).value.variable == 0);
    }
    CHECK(shape(rules, rule_named(rules, "r", 1).conditions) == "e b c");
}

TEST_CASE("an or inside an aggregate is reported as unsupported")
{
    const auto compiled = compile_source(with_templates("rule r when ?n = count (a() or b()) where ?n > 0 then halt end\n"));
    CHECK(compiled->rules == nullptr);
    CHECK(compile_test::codes(*compiled) == "unsupported\n");
    CHECK(compiled->messages().find("test.koers:6:13: error: an aggregate cannot range over an `or`") != std::string::npos);
}

TEST_CASE("more than 256 variants is reported")
{
    std::string conditions;
    for (int i = 0; i < 9; ++i) conditions += "(a() or b()) ";
    const auto compiled = compile_source(with_templates("rule r when " + conditions + "then halt end\n"));
    CHECK(compiled->rules == nullptr);
    CHECK(compile_test::codes(*compiled) == "unsupported\n");
    CHECK(compiled->messages().find("more than 256 alternatives") != std::string::npos);
}

TEST_CASE("256 variants still compile")
{
    std::string conditions;
    for (int i = 0; i < 8; ++i) conditions += "(a() or b()) ";
    const auto compiled = compile_clean(with_templates("rule r when " + conditions + "then halt end\n"));
    CHECK(variant_count(*compiled->rules, "r") == 256);
    CHECK(compiled->rules->rules.back().variant == 255);
}
