// The compiler on actions: asserts with every slot filled, retract and modify on fact
// variables, advice, print, bind, focus and halt.
#include <doctest/doctest.h>

#include <string>

#include "compile_support.hpp"

namespace {

using namespace koers;
using compile_test::compile_clean;
using compile_test::rule_named;
using compile_test::string_of;
using Action = engine::ActionSpec;
using Expr = engine::ExprSpec;

const std::string templates =
    "stage report\n"
    "stage review\n"
    "template item {\n"
    "  name: symbol\n"
    "  weight: number = 1.5\n"
    "  count: int = 2\n"
    "  note: text optional\n"
    "  tags: list of symbol = [x]\n"
    "}\n";

const engine::RuleSpec& only_rule(const compile_test::Compiled& compiled) { return compiled.rules->rules.at(0); }

}  // namespace

TEST_CASE("assert gives every slot in template order, defaults and nil as constants")
{
    const auto compiled = compile_clean(templates + "rule r when item(name: ?n) then assert logical item(count: 3, name: ?n, weight: 4) end\n");
    const Action& action = only_rule(*compiled).actions.at(0);
    CHECK(action.kind == Action::Kind::Assert);
    CHECK(action.logical);
    CHECK(action.template_id == 0);
    REQUIRE(action.slots.size() == 5);
    for (std::size_t i = 0; i < 5; ++i) CHECK(action.slots[i].slot == i);
    CHECK(action.slots[0].value.kind == Expr::Kind::Variable);
    // An int written for a number slot is stored as a number.
    CHECK(action.slots[1].value.value.type() == engine::ValueType::Number);
    CHECK(action.slots[1].value.value == engine::Value::number(4));
    CHECK(action.slots[2].value.value.type() == engine::ValueType::Int);
    CHECK(action.slots[2].value.value == engine::Value::integer(3));
    CHECK(action.slots[3].value.kind == Expr::Kind::Constant);
    CHECK(action.slots[3].value.value.is_nil());
    CHECK(action.slots[4].value.value.type() == engine::ValueType::List);
}

TEST_CASE("a plain assert is not logical")
{
    const auto compiled = compile_clean(templates + "rule r when item(name: a) then assert item(name: b) end\n");
    CHECK_FALSE(only_rule(*compiled).actions.at(0).logical);
}

TEST_CASE("retract and modify name the fact variable; modify lists the changed slots")
{
    const auto compiled = compile_clean(templates +
                                        "rule r when ?i <- item(weight: ?w) ?j <- item(name: b) then\n"
                                        "  modify ?i(note: \"heavy\", count: 1, weight: ?w * 2)\n"
                                        "  retract ?j\n"
                                        "end\n");
    const engine::RuleSpec& rule = only_rule(*compiled);
    const Action& modify = rule.actions.at(0);
    CHECK(modify.kind == Action::Kind::Modify);
    CHECK(modify.variable == 0);
    REQUIRE(modify.slots.size() == 3);
    CHECK(modify.slots[0].slot == 3);
    CHECK(string_of(*compiled->rules, modify.slots[0].value.value) == "heavy");
    CHECK(modify.slots[1].slot == 2);
    CHECK(modify.slots[2].slot == 1);
    CHECK(modify.slots[2].value.kind == Expr::Kind::Operation);
    CHECK(modify.slots[2].value.op == engine::Operator::Mul);
    const Action& retract = rule.actions.at(1);
    CHECK(retract.kind == Action::Kind::Retract);
    CHECK(retract.variable == 2);
    CHECK(rule.variables.at(2).name == "j");
}

TEST_CASE("advice: topic, default severity, links and texts by language")
{
    const auto compiled = compile_clean(templates +
                                        "rule r when item(name: ?n) then\n"
                                        "  advise balance perspective: balanceren, about: ?n\n"
                                        "    nl: \"Weeg {?n} af\" en: \"Weigh it\"\n"
                                        "  advise urgent severity: critical\n"
                                        "end\n");
    const engine::RuleSet& rules = *compiled->rules;
    const Action& advice = only_rule(*compiled).actions.at(0);
    CHECK(advice.kind == Action::Kind::Advise);
    CHECK(rules.values->string(advice.topic) == "balance");
    CHECK(advice.severity == engine::Severity::Notice);
    REQUIRE(advice.links.size() == 2);
    CHECK(rules.values->string(advice.links[0].first) == "perspective");
    CHECK(string_of(rules, advice.links[0].second.value) == "balanceren");
    CHECK(rules.values->string(advice.links[1].first) == "about");
    CHECK(advice.links[1].second.kind == Expr::Kind::Variable);
    REQUIRE(advice.texts.size() == 2);
    CHECK(rules.values->string(advice.texts[0].first) == "nl");
    const Expr& dutch = advice.texts[0].second;
    CHECK(dutch.kind == Expr::Kind::Concat);
    REQUIRE(dutch.operands.size() == 3);
    CHECK(string_of(rules, dutch.operands[0].value) == "Weeg ");
    CHECK(dutch.operands[1].kind == Expr::Kind::Variable);
    CHECK(string_of(rules, dutch.operands[2].value) == " af");
    // Plain text is a Concat too, so the engine treats every advice text alike.
    const Expr& english = advice.texts[1].second;
    CHECK(english.kind == Expr::Kind::Concat);
    REQUIRE(english.operands.size() == 1);
    CHECK(string_of(rules, english.operands[0].value) == "Weigh it");
    CHECK(only_rule(*compiled).actions.at(1).severity == engine::Severity::Critical);
}

TEST_CASE("print, bind, focus and halt")
{
    const auto compiled = compile_clean(templates +
                                        "rule r when item(count: ?c) then\n"
                                        "  bind ?c = ?c + 1\n"
                                        "  bind ?label = \"count {?c}\"\n"
                                        "  print ?label\n"
                                        "  focus review, report\n"
                                        "  halt\n"
                                        "end\n");
    const engine::RuleSpec& rule = only_rule(*compiled);
    REQUIRE(rule.variables.size() == 3);
    const Action& first_bind = rule.actions.at(0);
    CHECK(first_bind.kind == Action::Kind::Bind);
    CHECK(first_bind.variable == 1);  // a new variable that reads the matched ?c
    CHECK(first_bind.value.operands.at(0).variable == 0);
    const Action& second_bind = rule.actions.at(1);
    CHECK(second_bind.variable == 2);
    CHECK(second_bind.value.kind == Expr::Kind::Concat);
    CHECK(second_bind.value.operands.at(1).variable == 1);
    const Action& print = rule.actions.at(2);
    CHECK(print.kind == Action::Kind::Print);
    CHECK(print.value.variable == 2);
    const Action& focus = rule.actions.at(3);
    CHECK(focus.kind == Action::Kind::Focus);
    CHECK(focus.stages == std::vector<engine::StageId>{2, 1});
    CHECK(rule.actions.at(4).kind == Action::Kind::Halt);
}

TEST_CASE("actions carry their place in the source")
{
    const auto compiled = compile_clean(templates + "rule r when item(name: a) then\n  print \"é\"  halt\nend\n");
    const engine::RuleSpec& rule = only_rule(*compiled);
    CHECK(rule.actions.at(0).where.file == "test.koers");
    CHECK(rule.actions.at(0).where.line == 11);
    CHECK(rule.actions.at(0).where.column == 3);
    // Columns count characters: "é" is two bytes but one column.
    CHECK(rule.actions.at(1).where.column == 14);
}
