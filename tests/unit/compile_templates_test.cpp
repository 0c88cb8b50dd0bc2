// The compiler on declarations: templates with their slots, stages, functions, and
// facts blocks with every slot filled.
#include <doctest/doctest.h>

#include <string>

#include "compile_support.hpp"

namespace {

using namespace koers;
using compile_test::compile_clean;
using compile_test::string_of;

const std::string source =
    "stage collect \"Gather facts\"\n"
    "stage judge\n"
    "template alliance \"An alliance\" {\n"
    "  name: text\n"
    "  phase: symbol in {formeren, funderen} = formeren \"Lifecycle phase\"\n"
    "  members: int in 2..500 = 2\n"
    "  trust: number in -2..2.5 = 1\n"
    "  sectors: list of symbol = [energie]\n"
    "  weights: list of number optional\n"
    "  active: bool = true\n"
    "}\n"
    "template note { text: text }\n"
    "facts first { alliance(name: \"één\") note(text: \"x\") }\n"
    "facts { alliance(name: \"B\", phase: funderen, trust: -1, weights: [1, 2.5], active: false) }\n";

}  // namespace

TEST_CASE("templates: ids in source order, slots with types, allowed values, ranges and defaults")
{
    const auto compiled = compile_clean(source);
    const engine::RuleSet& rules = *compiled->rules;
    REQUIRE(rules.templates.size() == 2);
    const engine::TemplateSpec& alliance = rules.templates[0];
    CHECK(alliance.name == "alliance");
    CHECK(alliance.doc == "An alliance");
    CHECK(alliance.where.line == 3);
    CHECK(alliance.where.column == 1);
    CHECK(rules.templates[1].name == "note");
    REQUIRE(alliance.slots.size() == 7);

    const engine::SlotSpec& name = alliance.slots[0];
    CHECK(name.name == "name");
    CHECK(name.type == engine::ValueType::Text);
    CHECK_FALSE(name.default_value.has_value());
    CHECK_FALSE(name.optional);

    const engine::SlotSpec& phase = alliance.slots[1];
    CHECK(phase.type == engine::ValueType::Symbol);
    REQUIRE(phase.allowed.size() == 2);
    CHECK(string_of(rules, phase.allowed[0]) == "formeren");
    CHECK(string_of(rules, phase.allowed[1]) == "funderen");
    CHECK(string_of(rules, *phase.default_value) == "formeren");
    CHECK(phase.doc == "Lifecycle phase");

    const engine::SlotSpec& members = alliance.slots[2];
    CHECK(members.type == engine::ValueType::Int);
    CHECK(members.low == 2.0);
    CHECK(members.high == 500.0);
    CHECK(members.default_value->type() == engine::ValueType::Int);
    CHECK(members.allowed.empty());

    const engine::SlotSpec& trust = alliance.slots[3];
    CHECK(trust.low == -2.0);
    CHECK(trust.high == 2.5);
    // A default written as an int is stored as the number the slot holds.
    CHECK(trust.default_value->type() == engine::ValueType::Number);
    CHECK(trust.default_value->as_number() == 1.0);

    const engine::SlotSpec& sectors = alliance.slots[4];
    CHECK(sectors.is_list);
    CHECK(sectors.type == engine::ValueType::Symbol);
    REQUIRE(sectors.default_value->type() == engine::ValueType::List);
    CHECK(rules.values->list_items(sectors.default_value->id()).size() == 1);

    const engine::SlotSpec& weights = alliance.slots[5];
    CHECK(weights.is_list);
    CHECK(weights.type == engine::ValueType::Number);
    CHECK(weights.optional);
    CHECK(alliance.slots[6].default_value == engine::Value::boolean(true));
}

TEST_CASE("stages: main first, then the declared ones in order")
{
    const auto compiled = compile_clean(source);
    const auto& stages = compiled->rules->stages;
    REQUIRE(stages.size() == 3);
    CHECK(stages[0].name == "main");
    CHECK(stages[1].name == "collect");
    CHECK(stages[1].doc == "Gather facts");
    CHECK(stages[2].name == "judge");
}

TEST_CASE("a declared main stage stays stage 0")
{
    const auto compiled = compile_clean("stage early\nstage main \"The default\"\ntemplate t { x: int }\n"
                                        "rule r stage main when t(x: 1) then focus early end\n");
    const engine::RuleSet& rules = *compiled->rules;
    REQUIRE(rules.stages.size() == 2);
    CHECK(rules.stages[0].doc == "The default");
    CHECK(rules.stages[1].name == "early");
    CHECK(rules.rules.at(0).stage == 0);
}

TEST_CASE("facts: every slot filled, defaults and nil for what is left out, in source order")
{
    const auto compiled = compile_clean(source);
    const engine::RuleSet& rules = *compiled->rules;
    REQUIRE(rules.initial_facts.size() == 3);
    const engine::FactValue& first = rules.initial_facts[0];
    CHECK(first.template_id == 0);
    REQUIRE(first.slots.size() == 7);
    CHECK(string_of(rules, first.slots[0]) == "één");
    CHECK(string_of(rules, first.slots[1]) == "formeren");
    CHECK(first.slots[2] == engine::Value::integer(2));
    CHECK(first.slots[3].type() == engine::ValueType::Number);
    CHECK(first.slots[4] == *rules.templates[0].slots[4].default_value);
    CHECK(first.slots[5].is_nil());
    CHECK(first.slots[6] == engine::Value::boolean(true));
    CHECK(first.where.line == 13);
    CHECK(first.where.column == 15);

    CHECK(rules.initial_facts[1].template_id == 1);
    // Columns count characters, not the bytes of "één".
    CHECK(rules.initial_facts[1].where.column == 37);

    const engine::FactValue& second = rules.initial_facts[2];
    CHECK(string_of(rules, second.slots[1]) == "funderen");
    CHECK(second.slots[3].type() == engine::ValueType::Number);
    CHECK(second.slots[3].as_number() == -1.0);
    CHECK(second.slots[5].type() == engine::ValueType::List);
    CHECK(second.slots[6] == engine::Value::boolean(false));
}

TEST_CASE("rules: salience, stage, tags, doc, declaration order and place")
{
    const auto compiled = compile_clean(source +
                                        "rule first \"The first\" salience -5 stage judge tags area: trust, draft\n"
                                        "when note(text: ?t) then print ?t end\n"
                                        "rule second when note(text: ?t) then print ?t end\n");
    const engine::RuleSet& rules = *compiled->rules;
    REQUIRE(rules.rules.size() == 2);
    const engine::RuleSpec& first = rules.rules[0];
    CHECK(first.name == "first");
    CHECK(first.doc == "The first");
    CHECK(first.salience == -5);
    CHECK(first.stage == 2);
    REQUIRE(first.tags.size() == 2);
    CHECK(first.tags[0].key == "area");
    CHECK(first.tags[0].value == "trust");
    CHECK(first.tags[1].key == "draft");
    CHECK(first.tags[1].value.empty());
    CHECK(first.declaration_order == 0);
    CHECK(first.where.file == "test.koers");
    CHECK(first.where.line == 15);
    CHECK(first.where.column == 1);
    const engine::RuleSpec& second = rules.rules[1];
    CHECK(second.salience == 0);
    CHECK(second.stage == 0);
    CHECK(second.declaration_order == 1);
}
