// The grammar on its own: analysis, AST shapes of representative inputs, spans,
// recovery after syntax errors, and the nesting limit.
#include <doctest/doctest.h>

#include <string>

#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/ast_dump.hpp"
#include "grammar/parser.hpp"
#include "grammar/rules.hpp"

namespace {

struct Parsed {
    koers::SourceSet sources;
    koers::Diagnostics diagnostics;
    koers::ast::Module module;
    std::string messages;
};

Parsed parse(const std::string& text)
{
    Parsed parsed;
    const auto id = parsed.sources.add("test.koers", text);
    parsed.module = koers::parse_module(parsed.sources, id, parsed.diagnostics);
    for (const auto& diagnostic : parsed.diagnostics.all()) {
        parsed.messages += koers::render(diagnostic, parsed.sources);
    }
    return parsed;
}

// The dump of the only declaration in `text`, which must parse cleanly.
std::string shape(const std::string& text)
{
    const Parsed parsed = parse(text);
    INFO(parsed.messages);
    CHECK(parsed.diagnostics.all().empty());
    std::string dump = koers::ast::dump(parsed.module);
    while (!dump.empty() && dump.back() == '\n') dump.pop_back();
    return dump;
}

std::string guard_shape(const std::string& expression)
{
    const std::string dump = shape("rule r when where " + expression + " then end");
    const std::string prefix = "(rule r (when (where ";
    REQUIRE(dump.starts_with(prefix));
    return dump.substr(prefix.size(), dump.size() - prefix.size() - std::string(")) (then))").size());
}

}  // namespace

TEST_CASE("the grammar has no rule that can loop without consuming input")
{
    CHECK(tao::pegtl::analyze<koers::grammar::file>() == 0);
}

TEST_CASE("operators bind by precedence and associate to the left")
{
    CHECK(guard_shape("1 + 2 * 3") == "(+ 1 (* 2 3))");
    CHECK(guard_shape("1 - 2 - 3") == "(- (- 1 2) 3)");
    CHECK(guard_shape("(1 - 2) * 3") == "(* (- 1 2) 3)");
    CHECK(guard_shape("?a >= ?b - 1") == "(>= ?a (- ?b 1))");
    CHECK(guard_shape("a or b and c") == "(or a (and b c))");
    CHECK(guard_shape("not ?a == 1 and ?b") == "(and (not (== ?a 1)) ?b)");
    CHECK(guard_shape("-?x.slot % 2") == "(% (- (. ?x slot)) 2)");
    CHECK(guard_shape("?p in {a, b} or ?q not in -2..2") == "(or (in ?p (set a b)) (not-in ?q (range (- 2) 2)))");
    CHECK(guard_shape("if ?a > 1 then \"x\" else max(?a, 2)") == "(if (> ?a 1) (text \"x\") (call max ?a 2))");
    CHECK(guard_shape("len([a, b]) == 2") == "(== (call len (list a b)) 2)");
}

TEST_CASE("templates keep types, domains, defaults, optional flags and docs")
{
    CHECK(shape("template pole \"doc\" {\n  paradox: symbol in {P01, co-creëren}\n  value: number in -2..2 = 0 \"pos\"\n"
                "  note: text optional\n  tags: list of symbol\n}") ==
          "(template pole \"doc\" (slot paradox symbol (in (set P01 co-creëren))) (slot value number (in (range (- 2) 2)) "
          "(default 0) \"pos\") (slot note text optional) (slot tags (list-of symbol)))");
}

TEST_CASE("conditions: patterns, bindings, tests, groups, quantifiers, aggregates")
{
    CHECK(shape("rule r when ?f <- a(x: 1, y: ?v, z: ?w > 2, u: in {p, q}, t: != \"s\") then end") ==
          "(rule r (when (pattern ?f a (x (== 1)) (y ?v) (z ?w (> 2)) (u (in (set p q))) (t (!= (text \"s\"))))) (then))");
    CHECK(shape("rule r when not a() exists (b() and c()) forall d(k: ?k) implies e(k: ?k) then end") ==
          "(rule r (when (not (pattern a)) (exists (and (pattern b) (pattern c))) (forall (pattern d (k ?k)) "
          "(pattern e (k ?k)))) (then))");
    CHECK(shape("rule r when (a() or b() and c()) then end") ==
          "(rule r (when (or (pattern a) (and (pattern b) (pattern c)))) (then))");
    CHECK(shape("rule r when ?n = count a() ?s = sum ?h of b(h: ?h) then end") ==
          "(rule r (when (count ?n (pattern a)) (sum ?s ?h (pattern b (h ?h)))) (then))");
}

TEST_CASE("actions and advice")
{
    CHECK(shape("rule r when ?f <- a(x: ?x) then assert logical b(y: ?x + 1) modify ?f(x: 2) retract ?f "
                "bind ?z = 3 print \"z={?z}\" focus s, t halt end") ==
          "(rule r (when (pattern ?f a (x ?x))) (then (assert logical (fact b (y (+ ?x 1)))) (modify ?f (x 2)) "
          "(retract ?f) (bind ?z 3) (print (text \"z=\" ?z)) (focus s t) (halt)))");
    CHECK(shape("rule r when a() then advise P01 severity: warning competence: c nl: \"tekst\" en: \"text\" end") ==
          "(rule r (when (pattern a)) (then (advise P01 (severity warning) (link competence c) "
          "(text nl (text \"tekst\")) (text en (text \"text\")))))");
}

TEST_CASE("rule options, functions, tests and imports")
{
    CHECK(shape("rule r \"doc\" salience -5 stage s tags a: b, c when then end") ==
          "(rule r \"doc\" (salience -5) (stage s) (tags (a b) (c)) (when) (then))");
    CHECK(shape("function f(?a: int, ?b) -> number = ?a * ?b") ==
          "(function f (params (?a int) (?b)) (-> number) (* ?a ?b))");
    CHECK(shape("import \"x/y.koers\"") == "(import \"x/y.koers\")");
    CHECK(shape("test \"t\" { given { a(x: 1) } expect rule r fires 2 times expect no advice q }") ==
          "(test \"t\" (given (fact a (x 1))) (expect-rule r fires 2) (expect-advice no q))");
}

TEST_CASE("spans point at the first character, counted in bytes")
{
    const Parsed parsed = parse("// header\n\nrule créer\nwhen\n  a(x: 1)\nthen\nend\n");
    REQUIRE(parsed.module.declarations.size() == 1);
    const auto& rule = std::get<koers::ast::RuleDecl>(parsed.module.declarations[0]);
    CHECK(rule.span.line == 3);
    CHECK(rule.span.column == 1);
    CHECK(rule.name.text == "créer");
    CHECK(rule.name.span.column == 6);
    REQUIRE(rule.conditions.size() == 1);
    CHECK(rule.conditions[0].span.line == 5);
    CHECK(rule.conditions[0].span.column == 3);
    REQUIRE(parsed.module.comments.size() == 1);
    CHECK(parsed.module.comments[0].text == "// header");
}

TEST_CASE("after a syntax error the parser resumes at the next declaration")
{
    const Parsed parsed = parse("template a {\n  x int\n}\n\nrule ok when then end\n\nrule bad when a(x 1) then end\n"
                                "stage s\n");
    CHECK(parsed.diagnostics.error_count() == 2);
    CHECK(parsed.module.declarations.size() == 2);
    CHECK(parsed.messages.find("test.koers:2:5: error: expected ':' after the slot name") != std::string::npos);
    CHECK(parsed.messages.find("test.koers:7:19: error: expected ':' after the slot name") != std::string::npos);
}

TEST_CASE("deep nesting is rejected with a diagnostic, not a crash")
{
    const std::string deep(10000, '(');
    const Parsed parsed = parse("rule r when where " + deep + "1 then end");
    REQUIRE(parsed.diagnostics.error_count() == 1);
    CHECK(parsed.messages.find("nesting is too deep") != std::string::npos);
    std::string nots;
    for (int i = 0; i < 5000; ++i) nots += "not ";
    CHECK(parse("rule r when " + nots + "a() then end").diagnostics.error_count() == 1);
    CHECK(parse("rule r when where " + nots + "true then end").diagnostics.error_count() == 1);
}

TEST_CASE("bad input never throws")
{
    for (const char* text : {"\"", "/*", "rule", "template t {", "rule r when where ( then end", "\xff\xfe",
                             "test \"x\" { expect", "facts { a(", "function f(?a", "rule r when a(x: \"{\") then end"}) {
        CAPTURE(text);
        const Parsed parsed = parse(text);
        CHECK(parsed.diagnostics.has_errors());
    }
}
