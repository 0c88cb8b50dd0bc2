// The checker on valid programs (nothing to report) and on the finer points of variable
// scopes, constant folding and totality that the golden files do not show one by one.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "check/checker.hpp"
#include "check/loader.hpp"
#include "grammar/parser.hpp"

namespace {

namespace fs = std::filesystem;

// "code line:column" for every diagnostic of `text`, which must parse, one per line.
std::string problems_in(const std::string& text)
{
    koers::Diagnostics diagnostics;
    const koers::Program program = koers::load_text("test.koers", text, diagnostics);
    REQUIRE_MESSAGE(!diagnostics.has_errors(), "the test input does not parse");
    koers::check_program(program, diagnostics);
    diagnostics.sort();
    std::string problems;
    for (const koers::Diagnostic& diagnostic : diagnostics.all()) {
        problems += diagnostic.code + " " + std::to_string(diagnostic.span.line) + ":" +
                    std::to_string(diagnostic.span.column) + "\n";
    }
    return problems;
}

const std::string pole = R"(
template pole {
  paradox: symbol in {gevoel_analyse, eenheid_diversiteit}
  value: number in -2..2 = 0
}
template signal {
  kind: symbol
  certain: bool = true
  tags: list of symbol optional
}
)";

}  // namespace

TEST_CASE("the tour of the language checks clean")
{
    koers::Diagnostics diagnostics;
    const koers::Program program =
        koers::load_program({fs::path(KOERS_SOURCE_DIR) / "tests" / "samples" / "tour.koers"}, diagnostics);
    if (!diagnostics.has_errors()) koers::check_program(program, diagnostics);
    for (const koers::Diagnostic& diagnostic : diagnostics.all()) MESSAGE(koers::render(diagnostic, program.sources));
    CHECK(program.modules.size() == 2);
    CHECK(diagnostics.error_count() == 0);
    CHECK(diagnostics.warning_count() == 0);
}

TEST_CASE("literals that fit their slots pass")
{
    CHECK(problems_in(pole + R"(
facts {
  pole(paradox: gevoel_analyse, value: -2)
  pole(paradox: eenheid_diversiteit, value: 1.5)
  pole(paradox: gevoel_analyse)
  signal(kind: twijfel, tags: [a, b], certain: false)
  signal(kind: twijfel, tags: [])
}
)") == "");
}

TEST_CASE("a negated literal is folded, twice negated too")
{
    CHECK(problems_in(pole + "facts { pole(paradox: gevoel_analyse, value: --2) }") == "");
    CHECK(problems_in(pole + "facts { pole(paradox: gevoel_analyse, value: -(-3)) }") ==
          "value-not-allowed 11:46\n");
}

TEST_CASE("values that are not constant are not type-checked")
{
    CHECK(problems_in(pole + "facts { pole(paradox: gevoel_analyse, value: 1 + 5) }") == "");
}

TEST_CASE("a variable joins patterns, and is bound by its first occurrence")
{
    CHECK(problems_in(pole + R"(
rule r
when
  pole(paradox: ?p, value: ?v)
  pole(paradox: ?p, value: > ?v)
  signal(kind: ?p)
then
  halt
end
)") == "");
}

TEST_CASE("a variable bound in every branch of an or is bound after it")
{
    CHECK(problems_in(pole + R"(
rule r
when
  (pole(value: ?v) or (signal(kind: twijfel) and pole(paradox: gevoel_analyse, value: ?v)))
then
  print ?v
end
)") == "");
}

TEST_CASE("a fact variable bound in every branch keeps its template for modify")
{
    CHECK(problems_in(pole + R"(
rule r
when
  (?f <- pole(value: 1) or ?f <- pole(value: 2))
then
  modify ?f(valeu: 0)
end
)") == "unknown-slot 16:13\n");
}

TEST_CASE("forall's domain binds for its requirement only")
{
    CHECK(problems_in(pole + R"(
rule r
when
  forall signal(kind: ?k) implies pole(paradox: ?k)
then
  print ?k
end
)") == "variable-out-of-scope 16:9\n");
}

TEST_CASE("an aggregate's source binds for its value; the result is bound after it")
{
    CHECK(problems_in(pole + R"(
rule r
when
  ?total = sum ?v of pole(value: ?v)
  ?kinds = collect ?k of signal(kind: ?k)
  ?n = count signal(certain: true)
  where ?n > 0 and len(?kinds) > 1
then
  print "{?total}"
end
)") == "");
}

TEST_CASE("variables inside not may be used inside it")
{
    CHECK(problems_in(pole + R"(
rule r
when
  pole(value: ?v)
  not (signal(kind: ?k) and where ?k != twijfel and ?v > 1)
then
  halt
end
)") == "");
}

TEST_CASE("bind adds a variable for later actions only")
{
    CHECK(problems_in(pole + R"(
rule r
when
  pole(value: ?v)
then
  print ?label
  bind ?label = "value {?v}"
  print ?label
end
)") == "unbound-variable 16:9\n");
}

TEST_CASE("names starting with _ and fact variables used by retract are not unused")
{
    CHECK(problems_in(pole + R"(
rule r
when
  ?f <- pole(value: ?_v)
then
  retract ?f
end
)") == "");
}

TEST_CASE("an unbound variable is reported once, at its first use")
{
    CHECK(problems_in(pole + R"(
rule r
when
  pole(value: 1)
then
  print ?x
  print ?x
end
)") == "unbound-variable 16:9\n");
}

TEST_CASE("slot access on a fact variable checks the slot; on a value it is an error")
{
    CHECK(problems_in(pole + R"(
rule r
when
  ?f <- pole(value: ?v)
then
  print ?f.value
  print ?v.value
end
)") == "not-a-fact 17:9\n");
}

TEST_CASE("functions: parameters are bound in the body; built-ins and user functions are called")
{
    CHECK(problems_in(R"(
function share(?part: number, ?whole: number) -> number = if ?whole == 0 then 0 else ?part / ?whole
function clamp(?x, ?low, ?high) = min(max(?x, ?low), ?high)
function label(?x) = concat(upper(str(?x)), "!", lower("A"))
function rounded(?x) = round(sqrt(abs(share(?x, 2)))) + floor(?x) + ceil(?x) + len([1, 2])
function check(?x) = contains("abc", ?x) and starts_with("abc", ?x) and min([1, 2]) < 3
)") == "");
    CHECK(problems_in("function f(?a, ?a) = ?a") == "duplicate-parameter 1:16\n");
}

TEST_CASE("stages, focus and expected rules that exist pass")
{
    CHECK(problems_in(pole + R"(
stage diagnose
stage advise
rule r
  stage diagnose
when
  ?f <- pole(value: 2)
then
  advise gevoel_analyse severity: critical
    en: "Value {?f.value}"
    nl: "Waarde {?f.value}"
  focus advise, diagnose
end
test "r fires" {
  given { pole(paradox: gevoel_analyse, value: 2) }
  expect rule r fires 1 times
  expect advice gevoel_analyse (severity: critical)
  expect fact pole(value: ?v, paradox: ?v)
}
)") == "");
}

TEST_CASE("duplicates across files point at the first definition with its path")
{
    koers::Diagnostics diagnostics;
    koers::Program program;
    program.sources.add("first.koers", "stage diagnose\n");
    program.sources.add("second.koers", "\nstage diagnose\n");
    for (std::uint32_t file = 0; file < 2; ++file) {
        program.modules.push_back(koers::parse_module(program.sources, file, diagnostics));
    }
    koers::check_program(program, diagnostics);
    REQUIRE(diagnostics.all().size() == 1);
    CHECK(diagnostics.all().front().message == "stage `diagnose` is already defined at first.koers:1:7");
    CHECK(diagnostics.all().front().span.file == 1);
}

TEST_CASE("the checker is total: hand-made trees with missing parts do not crash it")
{
    using namespace koers::ast;
    Module module;
    RuleDecl rule;
    rule.name.text = "broken";
    Condition negation;
    negation.node = NotCondition{};
    rule.conditions.push_back(std::move(negation));
    Condition forall;
    forall.node = ForallCondition{};
    rule.conditions.push_back(std::move(forall));
    Condition aggregate;
    aggregate.node = AggregateCondition{};
    rule.conditions.push_back(std::move(aggregate));
    Condition group;
    group.node = GroupCondition{GroupCondition::Op::Or, {}};
    rule.conditions.push_back(std::move(group));
    Action print;
    Expr unary;
    unary.node = Unary{UnaryOp::Negate, nullptr};
    print.node = PrintAction{std::move(unary)};
    rule.actions.push_back(std::move(print));
    Action modify;
    modify.node = ModifyAction{};
    rule.actions.push_back(std::move(modify));
    module.declarations.emplace_back(std::move(rule));
    TemplateDecl tpl;
    tpl.name.text = "t";
    SlotDecl slot;
    slot.name.text = "s";
    slot.type.base = BaseType::Number;
    slot.allowed = Domain{{}, Domain::Kind::Range, {}};
    tpl.slots.push_back(std::move(slot));
    module.declarations.emplace_back(std::move(tpl));
    TestDecl test;
    Expectation expectation;
    expectation.kind = Expectation::Kind::Fact;
    test.expectations.push_back(std::move(expectation));
    module.declarations.emplace_back(std::move(test));

    koers::Program program;
    program.modules.push_back(std::move(module));
    koers::Diagnostics diagnostics;
    CHECK_NOTHROW(koers::check_program(program, diagnostics));
    for (const koers::Diagnostic& diagnostic : diagnostics.all()) {
        CHECK_NOTHROW(koers::render(diagnostic, program.sources));
    }
}
