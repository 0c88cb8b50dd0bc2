// The AST dump: one S-expression per declaration, no spans, no comments. These tests pin
// both the dump format and the shape of the trees the parser builds.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "format_support.hpp"

using koers::format_test::dump_of;

TEST_CASE("dump of simple declarations")
{
    CHECK(dump_of("import \"a.koers\"") == "(import \"a.koers\")\n");
    CHECK(dump_of("stage s \"Doc\" stage t") == "(stage s \"Doc\")\n(stage t)\n");
    CHECK(dump_of("function f(?a: number, ?b) -> int \"Doc\" = ?a") ==
          "(function f (params (?a number) (?b)) (-> int) \"Doc\" ?a)\n");
}

TEST_CASE("dump of a template shows every slot field")
{
    CHECK(dump_of("template t \"Doc\" { a: int in 1..3 = 2 optional \"A\" b: list of symbol c: symbol in {x, y} }") ==
          "(template t \"Doc\" (slot a int (in (range 1 3)) (default 2) optional \"A\") (slot b (list-of symbol)) "
          "(slot c symbol (in (set x y))))\n");
}

TEST_CASE("dump of literals: kinds and number spellings")
{
    CHECK(dump_of("facts { t(a: 1, b: 1.50, c: 2e3, d: \"x\\\"y\", e: sym, f: true, g: [1, 2], h: ?v) }") ==
          "(facts (fact t (a 1) (b 1.50) (c 2e3) (d (text \"x\\\"y\")) (e sym) (f true) (g (list 1 2)) (h ?v)))\n");
}

TEST_CASE("dump of text with interpolation merges the plain parts")
{
    CHECK(dump_of("function f() = \"a\\{b\\} {?x + 1} c\"") ==
          "(function f (params) (text \"a{b} \" (+ ?x 1) \" c\"))\n");
}

TEST_CASE("dump of expressions follows precedence")
{
    CHECK(dump_of("function f() = 1 + 2 * 3") == "(function f (params) (+ 1 (* 2 3)))\n");
    CHECK(dump_of("function f() = 1 - 2 - 3") == "(function f (params) (- (- 1 2) 3))\n");
    CHECK(dump_of("function f() = ?a or ?b and ?c") == "(function f (params) (or ?a (and ?b ?c)))\n");
    CHECK(dump_of("function f() = not ?a == 1") == "(function f (params) (not (== ?a 1)))\n");
    CHECK(dump_of("function f() = -?a.b") == "(function f (params) (- (. ?a b)))\n");
    CHECK(dump_of("function f() = ?a not in {1} and ?b in 1..2") ==
          "(function f (params) (and (not-in ?a (set 1)) (in ?b (range 1 2))))\n");
    CHECK(dump_of("function f() = if ?a then g(1) else 2") == "(function f (params) (if ?a (call g 1) 2))\n");
}

TEST_CASE("dump of a rule: options, conditions and actions")
{
    const std::string rule =
        "rule r \"Doc\" salience -5 stage s tags a: b, c\n"
        "when\n"
        "  ?p <- phase(current: formeren, strength: ?s >= 0.5, kind: not in {x})\n"
        "  not signal(kind: x)\n"
        "  exists signal()\n"
        "  forall a(k: ?k) implies b(k: ?k)\n"
        "  (a() or b() and c())\n"
        "  where ?s > 1\n"
        "  ?n = count a()\n"
        "  ?t = sum ?v of b(v: ?v)\n"
        "then\n"
        "  advise topic severity: warning competence: x nl: \"t {?s}\"\n"
        "  assert logical a(k: 1)\n"
        "  retract ?p\n"
        "  modify ?p(strength: 1)\n"
        "  print \"x\"\n"
        "  halt\n"
        "  bind ?x = 1\n"
        "  focus s, t\n"
        "end";
    CHECK(dump_of(rule) ==
          "(rule r \"Doc\" (salience -5) (stage s) (tags (a b) (c)) "
          "(when (pattern ?p phase (current (== formeren)) (strength ?s (>= 0.5)) (kind (not-in (set x)))) "
          "(not (pattern signal (kind (== x)))) (exists (pattern signal)) "
          "(forall (pattern a (k ?k)) (pattern b (k ?k))) "
          "(or (pattern a) (and (pattern b) (pattern c))) (where (> ?s 1)) "
          "(count ?n (pattern a)) (sum ?t ?v (pattern b (v ?v)))) "
          "(then (advise topic (severity warning) (link competence x) (text nl (text \"t \" ?s))) "
          "(assert logical (fact a (k 1))) (retract ?p) (modify ?p (strength 1)) (print (text \"x\")) (halt) "
          "(bind ?x 1) (focus s t)))\n");
}

TEST_CASE("dump of a test")
{
    CHECK(dump_of("test \"t\" { given { a(k: 1) } expect advice x (severity: warning) expect no fact b(k: 2) "
                  "expect rule r fires 2 times expect rule q does not fire }") ==
          "(test \"t\" (given (fact a (k 1))) (expect-advice x (severity warning)) "
          "(expect-fact no (pattern b (k (== 2)))) (expect-rule r fires 2) (expect-rule q no-fire))\n");
}

TEST_CASE("the dump leaves out spans and comments")
{
    CHECK(dump_of("// note\nstage   s /* x */") == dump_of("stage s"));
}

TEST_CASE("dump of a single expression and condition built by hand")
{
    using namespace koers::ast;
    Literal one;
    one.kind = LiteralKind::Int;
    one.int_value = 1;
    Expr sum{{}, Binary{BinaryOp::Add, std::make_unique<Expr>(Expr{{}, VariableRef{"x"}}),
                        std::make_unique<Expr>(Expr{{}, one})}};
    CHECK(dump(sum) == "(+ ?x 1)");

    Pattern pattern;
    pattern.template_name.text = "t";
    Condition negated{{}, NotCondition{std::make_unique<Condition>(Condition{{}, std::move(pattern)})}};
    CHECK(dump(negated) == "(not (pattern t))");
}
