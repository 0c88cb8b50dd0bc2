// The canonical layout of each construct, from untidy input to the text `koers fmt` writes.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "format_support.hpp"

using koers::format_test::check_round_trip;

TEST_CASE("imports and stages stay in groups; other declarations are one blank line apart")
{
    CHECK(check_round_trip("import \"a.koers\" import\"b.koers\"\nstage  one \"First\"\n\n\n\nstage two\n"
                           "function f() = 1 function g() = 2") ==
          "import \"a.koers\"\n"
          "import \"b.koers\"\n"
          "\n"
          "stage one \"First\"\n"
          "\n"
          "stage two\n"
          "\n"
          "function f() = 1\n"
          "\n"
          "function g() = 2\n");
}

TEST_CASE("template: one slot per line with type, domain, default, optional and doc in that order")
{
    CHECK(check_round_trip("template alliance \"One alliance\" { name : text, members:int in 2 .. 500=2 \"Count\", "
                           "sectors: list  of symbol mission: text optional phase: symbol in {a,b} = a optional \"P\" }") ==
          "template alliance \"One alliance\" {\n"
          "  name: text\n"
          "  members: int in 2..500 = 2 \"Count\"\n"
          "  sectors: list of symbol\n"
          "  mission: text optional\n"
          "  phase: symbol in {a, b} = a optional \"P\"\n"
          "}\n");
    CHECK(check_round_trip("template empty {  }") == "template empty {}\n");
}

TEST_CASE("facts: one fact per line")
{
    CHECK(check_round_trip("facts start \"First\" { alliance(name: \"K\", members: 12) phase( current : formeren ) }") ==
          "facts start \"First\" {\n"
          "  alliance(name: \"K\", members: 12)\n"
          "  phase(current: formeren)\n"
          "}\n");
    CHECK(check_round_trip("facts { signal() }") == "facts {\n  signal()\n}\n");
    CHECK(check_round_trip("facts \"Only a doc\" {}") == "facts \"Only a doc\" {}\n");
}

TEST_CASE("function and stage declarations stay on one line")
{
    CHECK(check_round_trip("function share( ?part : number , ?whole ) -> number \"Doc\" = ?part / ?whole") ==
          "function share(?part: number, ?whole) -> number \"Doc\" = ?part / ?whole\n");
    CHECK(check_round_trip("function always() = true") == "function always() = true\n");
}

TEST_CASE("rule: options, when, then and end in fixed places")
{
    const std::string input =
        "rule r \"Doc\" tags b, a: x stage diagnose salience -5 when ?p <- phase(current: formeren, strength: ?s >= 0.5) "
        "where ?s > 1 not signal(kind: x) then modify ?p(strength: ?s * 0.9) halt end";
    CHECK(check_round_trip(input) ==
          "rule r \"Doc\"\n"
          "  salience -5\n"
          "  stage diagnose\n"
          "  tags b, a: x\n"
          "when\n"
          "  ?p <- phase(current: formeren, strength: ?s >= 0.5)\n"
          "  where ?s > 1\n"
          "  not signal(kind: x)\n"
          "then\n"
          "  modify ?p(strength: ?s * 0.9)\n"
          "  halt\n"
          "end\n");
    CHECK(check_round_trip("rule nothing when then end") == "rule nothing\nwhen\nthen\nend\n");
}

TEST_CASE("rule conditions: patterns, tests, groups, quantifiers and aggregates")
{
    const std::string input =
        "rule r when\n"
        "  alliance(members: not in {0, 1}, sectors: ?s, name: == ?n, size: > 3, kind: in {a}, x: ?x != 2, y: -1)\n"
        "  exists signal(kind: w)\n"
        "  forall signal(kind: ?k) implies pole(paradox: ?k)\n"
        "  (phase(current: a) or (phase(current: b) and not signal(kind: c)))\n"
        "  ?n = count signal(certain: true)\n"
        "  ?t = sum ?v * 2 of pole(value: ?v)\n"
        "then end";
    CHECK(check_round_trip(input) ==
          "rule r\n"
          "when\n"
          "  alliance(members: not in {0, 1}, sectors: ?s, name: == ?n, size: > 3, kind: in {a}, x: ?x != 2, y: -1)\n"
          "  exists signal(kind: w)\n"
          "  forall signal(kind: ?k) implies pole(paradox: ?k)\n"
          "  (phase(current: a) or (phase(current: b) and not signal(kind: c)))\n"
          "  ?n = count signal(certain: true)\n"
          "  ?t = sum ?v * 2 of pole(value: ?v)\n"
          "then\n"
          "end\n");
}

TEST_CASE("a guard inside a group keeps its parentheses when more follows it")
{
    CHECK(check_round_trip("rule r when ((where ?x > 1) and a()) (a() and where ?x > 1) then end") ==
          "rule r\n"
          "when\n"
          "  ((where ?x > 1) and a())\n"
          "  (a() and where ?x > 1)\n"
          "then\n"
          "end\n");
}

TEST_CASE("rule actions, with advise properties under the topic: links first, then texts")
{
    const std::string input =
        "rule r when then\n"
        "  advise gevoel_analyse nl: \"Tekst {?v}\" severity: warning perspective: balanceren, en: \"Text\" "
        "competence: samen\n"
        "  advise bare\n"
        "  assert logical signal(kind: geteld, certain: ?n > 0) assert signal()\n"
        "  retract ?s print \"x\" bind ?label = \"{?name}: {?n}\" focus advise ,diagnose\n"
        "end";
    CHECK(check_round_trip(input) ==
          "rule r\n"
          "when\n"
          "then\n"
          "  advise gevoel_analyse severity: warning\n"
          "    perspective: balanceren\n"
          "    competence: samen\n"
          "    nl: \"Tekst {?v}\"\n"
          "    en: \"Text\"\n"
          "  advise bare\n"
          "  assert logical signal(kind: geteld, certain: ?n > 0)\n"
          "  assert signal()\n"
          "  retract ?s\n"
          "  print \"x\"\n"
          "  bind ?label = \"{?name}: {?n}\"\n"
          "  focus advise, diagnose\n"
          "end\n");
}

TEST_CASE("test: given facts at 4, expectations at 2")
{
    const std::string input =
        "test \"warns\" { given { phase(current: formeren) pole(value: 2) }\n"
        "expect advice a (severity: warning, competence: x) expect no advice b expect fact phase(strength: < 1)\n"
        "expect no fact signal(kind: x) expect rule r fires 1 times expect rule s does not fire expect rule t fires }";
    CHECK(check_round_trip(input) ==
          "test \"warns\" {\n"
          "  given {\n"
          "    phase(current: formeren)\n"
          "    pole(value: 2)\n"
          "  }\n"
          "  expect advice a (severity: warning, competence: x)\n"
          "  expect no advice b\n"
          "  expect fact phase(strength: < 1)\n"
          "  expect no fact signal(kind: x)\n"
          "  expect rule r fires 1 times\n"
          "  expect rule s does not fire\n"
          "  expect rule t fires\n"
          "}\n");
    CHECK(check_round_trip("test \"empty given\" { given { } expect rule r fires }") ==
          "test \"empty given\" {\n  given {}\n  expect rule r fires\n}\n");
    CHECK(check_round_trip("test \"nothing\" { }") == "test \"nothing\" {}\n");
}

TEST_CASE("blank lines inside blocks: at most one, where the source had one")
{
    const std::string input =
        "template t {\n\n  a: int\n\n\n\n  b: int\n  c: int\n\n}\n"
        "rule r\nwhen\n\n  a()\n\n  b()\nthen\n  halt\n\n  halt\nend\n";
    CHECK(check_round_trip(input) ==
          "template t {\n  a: int\n\n  b: int\n  c: int\n}\n"
          "\n"
          "rule r\nwhen\n  a()\n\n  b()\nthen\n  halt\n\n  halt\nend\n");
}

TEST_CASE("doc strings, import paths and test names keep their braces and get re-escaped")
{
    CHECK(check_round_trip("stage s \"a {b} \\\"q\\\" \\{c\\}\" import \"x\\\\y.koers\" test \"t\\t{1}\" {}") ==
          "stage s \"a {b} \\\"q\\\" {c}\"\n"
          "\n"
          "import \"x\\\\y.koers\"\n"
          "\n"
          "test \"t\\t{1}\" {}\n");
}

TEST_CASE("an empty file stays empty, CRLF line endings become LF")
{
    CHECK(check_round_trip("") == "");
    CHECK(check_round_trip("  \n\n") == "");
    CHECK(check_round_trip("stage a\r\nstage b // note\r\n") == "stage a\nstage b // note\n");
}

TEST_CASE("the tour of the language is already in canonical form")
{
    std::ifstream in(std::string(KOERS_SOURCE_DIR) + "/tests/samples/tour.koers", std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    CHECK(check_round_trip(text.str(), "tour.koers") == text.str());
}

TEST_CASE("a tree built by hand, without source text or spans, formats all the same")
{
    using namespace koers::ast;
    TemplateDecl signal;
    signal.name.text = "signal";
    SlotDecl kind;
    kind.name.text = "kind";
    signal.slots.push_back(std::move(kind));

    RuleDecl rule;
    rule.name.text = "r";
    rule.salience = 3;
    Pattern pattern;
    pattern.template_name.text = "signal";
    rule.conditions.push_back(Condition{{}, std::move(pattern)});
    rule.actions.push_back(Action{{}, HaltAction{}});

    TestDecl test;
    test.name = "t";
    Expectation fires;
    fires.kind = Expectation::Kind::RuleFires;
    fires.name.text = "r";
    test.expectations.push_back(std::move(fires));

    Module module;
    module.declarations.emplace_back(std::move(signal));
    module.declarations.emplace_back(std::move(rule));
    module.declarations.emplace_back(std::move(test));
    CHECK(koers::format_module(module, koers::SourceSet{}) ==
          "template signal {\n  kind: symbol\n}\n"
          "\n"
          "rule r\n  salience 3\nwhen\n  signal()\nthen\n  halt\nend\n"
          "\n"
          "test \"t\" {\n  expect rule r fires\n}\n");
}
