// The compiler on expressions: operators, builtins, user functions, `?f.slot`,
// interpolated text, membership, and constants computed at compile time.
#include <doctest/doctest.h>

#include <string>

#include "compile/ruleset_dump.hpp"
#include "compile_support.hpp"

namespace {

using namespace koers;
using compile_test::compile_clean;
using compile_test::compile_source;
using Expr = engine::ExprSpec;

const std::string templates =
    "template m { v: number  n: int = 0  s: text optional  l: list of number optional }\n"
    "function half(?x) = ?x / 2\n";

// The guard of rule `r` written as `where EXPRESSION` after `?f <- m(v: ?v)`.
std::string guard_dump(const std::string& expression)
{
    const auto compiled = compile_clean(templates + "rule r when ?f <- m(v: ?v) where " + expression + " then halt end\n");
    const engine::RuleSpec& rule = compiled->rules->rules.at(0);
    REQUIRE(rule.conditions.size() == 2);
    return compile::dump_expression(*compiled->rules, rule.conditions[1].test);
}

// The value a facts block computes for slot `v` (or `s`, `l`) of an `m` fact.
engine::Value fact_value(const std::string& slots, std::size_t slot, std::unique_ptr<compile_test::Compiled>& keep)
{
    keep = compile_clean(templates + "facts { m(" + slots + ") }\n");
    REQUIRE(keep->rules->initial_facts.size() == 1);
    return keep->rules->initial_facts[0].slots.at(slot);
}

}  // namespace

TEST_CASE("operators keep their operands in order")
{
    CHECK(guard_dump("?v + 1 * 2 >= 3 - ?v % 2") == "(>= (+ #1 (* 1 2)) (- 3 (% #1 2)))");
    CHECK(guard_dump("not (?v == 1) or ?v != 2 and true") == "(or (not (== #1 1)) (and (!= #1 2) true))");
    CHECK(guard_dump("-?v < -2") == "(< (neg #1) -2)");
    CHECK(guard_dump("(if ?v > 0 then ?v else 0) <= 1") == "(<= (if (> #1 0) #1 0) 1)");
}

TEST_CASE("builtins by name, user functions by id")
{
    CHECK(guard_dump("max(abs(?v), sqrt(2), round(?v)) > half(?v)") == "(> (max (abs #1) (sqrt 2) (round #1)) (half #1))");
    CHECK(guard_dump("contains(lower(str(?v)), \"1\") and starts_with(upper(\"a\"), \"A\")") ==
          "(and (contains (lower (str #1)) \"1\") (starts_with (upper \"a\") \"A\"))");
    CHECK(guard_dump("len(concat(\"a\", \"b\")) == floor(ceil(min(1, 2)))") ==
          "(== (len (concat \"a\" \"b\")) (floor (ceil (min 1 2))))");
}

TEST_CASE("a user function's body reads its parameters")
{
    const auto compiled = compile_clean(templates + "function scaled(?a, ?b) = half(?a) * ?b\n");
    const engine::RuleSet& rules = *compiled->rules;
    REQUIRE(rules.functions.size() == 2);
    CHECK(rules.functions[0].name == "half");
    CHECK(rules.functions[1].name == "scaled");
    CHECK(rules.functions[1].parameter_count == 2);
    CHECK(compile::dump_expression(rules, rules.functions[1].body) == "(* (half $0) $1)");
    const Expr& call = rules.functions[1].body.operands.at(0);
    CHECK(call.kind == Expr::Kind::Function);
    CHECK(call.function == 0);
    CHECK(call.operands.at(0).kind == Expr::Kind::Parameter);
}

TEST_CASE("?f.slot reads a slot of the fact variable by index")
{
    const auto compiled = compile_clean(templates + "rule r when ?f <- m(v: 1) where ?f.n > 0 then print ?f.s end\n");
    const Expr& read = compiled->rules->rules.at(0).conditions.at(1).test.operands.at(0);
    CHECK(read.kind == Expr::Kind::FactSlot);
    CHECK(read.variable == 0);
    CHECK(read.slot == 1);
    CHECK(compiled->rules->rules.at(0).actions.at(0).value.slot == 2);
}

TEST_CASE("interpolated text is a Concat of its parts; plain text a constant")
{
    CHECK(guard_dump("\"v={?v}, half={half(?v)}!\" != \"plain\"") ==
          "(!= (concat-text \"v=\" #1 \", half=\" (half #1) \"!\") \"plain\")");
}

TEST_CASE("membership in expressions")
{
    CHECK(guard_dump("?v in {1, 2, ?v} and ?v not in 0..half(4)") ==
          "(and (in #1 1 2 #1) (not-in-range #1 0 (half 4)))");
}

TEST_CASE("lists of constants are constants; others are built at run time")
{
    CHECK(guard_dump("contains([1, 2], ?v) and contains([?v], 1)") == "(and (contains [1, 2] #1) (contains (list #1) 1))");
}

TEST_CASE("facts blocks compute constant expressions")
{
    std::unique_ptr<compile_test::Compiled> keep;
    CHECK(fact_value("v: 1 + 2 * 3", 0, keep) == engine::Value::number(7));
    CHECK(fact_value("v: 7 / 2", 0, keep) == engine::Value::number(3.5));
    CHECK(fact_value("v: half(5)", 0, keep) == engine::Value::number(2.5));
    CHECK(fact_value("v: if 1 < 2 then -1.5 else 0", 0, keep) == engine::Value::number(-1.5));
    CHECK(fact_value("v: 1, n: 7 % 3", 1, keep) == engine::Value::integer(1));
    CHECK(fact_value("v: 1, n: round(2.5) + max([3, 9, 4])", 1, keep) == engine::Value::integer(12));
    CHECK(fact_value("v: 1, n: len(\"creëren\")", 1, keep) == engine::Value::integer(7));
    const engine::Value text = fact_value("v: 1, s: concat(\"a\", 1, upper(\"b\"))", 2, keep);
    CHECK(compile_test::string_of(*keep->rules, text) == "a1B");
    const engine::Value list = fact_value("v: 1, l: [1, half(1)]", 3, keep);
    REQUIRE(list.type() == engine::ValueType::List);
    const auto& items = keep->rules->values->list_items(list.id());
    REQUIRE(items.size() == 2);
    CHECK(items[0] == engine::Value::number(1));
    CHECK(items[1] == engine::Value::number(0.5));
}

TEST_CASE("a constant that cannot be computed is reported at its place")
{
    const auto compiled = compile_source(templates + "facts { m(v: 1 / (2 - 2)) }\n");
    CHECK(compiled->rules == nullptr);
    CHECK(compile_test::codes(*compiled) == "bad-constant\n");
    CHECK(compiled->messages().find("test.koers:3:14: error: this value cannot be computed: it divides by zero") !=
          std::string::npos);
}

TEST_CASE("constants: overflow, type errors and runaway recursion are reported, not crashes")
{
    const char* cases[] = {
        "m(v: 1, n: 9223372036854775807 + 1)",
        "m(v: 1 + \"a\")",
        "m(v: 1, n: len(3))",
        "m(v: loop(1))",
        "m(v: sqrt(-1))",
    };
    for (const char* fact : cases) {
        CAPTURE(fact);
        const auto compiled = compile_source(templates + "function loop(?x) = loop(?x + 1)\nfacts { " + fact + " }\n");
        CHECK(compiled->rules == nullptr);
        CHECK(compile_test::codes(*compiled) == "bad-constant\n");
    }
}
