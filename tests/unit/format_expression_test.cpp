// Expressions in canonical form: spacing, the fewest parentheses that keep the tree,
// strings re-escaped, numbers in their source spelling.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "format/expression_text.hpp"
#include "format_support.hpp"

namespace {

using namespace koers;
using formatting::expression_text;

ast::Expr literal_int(std::int64_t value)
{
    ast::Literal literal;
    literal.kind = ast::LiteralKind::Int;
    literal.int_value = value;
    literal.text = std::to_string(value);
    return ast::Expr{{}, literal};
}

ast::Expr variable(std::string name) { return ast::Expr{{}, ast::VariableRef{std::move(name)}}; }

ast::Expr binary(ast::BinaryOp op, ast::Expr left, ast::Expr right)
{
    return ast::Expr{{}, ast::Binary{op, std::make_unique<ast::Expr>(std::move(left)),
                                     std::make_unique<ast::Expr>(std::move(right))}};
}

ast::Expr unary(ast::UnaryOp op, ast::Expr operand)
{
    return ast::Expr{{}, ast::Unary{op, std::make_unique<ast::Expr>(std::move(operand))}};
}

ast::Expr conditional(ast::Expr test, ast::Expr yes, ast::Expr no)
{
    return ast::Expr{{}, ast::Conditional{std::make_unique<ast::Expr>(std::move(test)),
                                          std::make_unique<ast::Expr>(std::move(yes)),
                                          std::make_unique<ast::Expr>(std::move(no))}};
}

ast::Expr slot_access(ast::Expr object, std::string slot)
{
    return ast::Expr{{}, ast::SlotAccess{std::make_unique<ast::Expr>(std::move(object)), ast::Name{{}, std::move(slot)}}};
}

// The body of `function f() = ...` as the formatter writes it.
std::string formatted_body(const std::string& body)
{
    const std::string text = format_test::check_round_trip("function f() = " + body + "\n");
    const std::string prefix = "function f() = ";
    REQUIRE(text.starts_with(prefix));
    return text.substr(prefix.size(), text.size() - prefix.size() - 1);
}

}  // namespace

TEST_CASE("operands of looser operators get parentheses, tighter ones do not")
{
    using enum ast::BinaryOp;
    CHECK(expression_text(binary(Mul, binary(Add, literal_int(1), literal_int(2)), literal_int(3))) == "(1 + 2) * 3");
    CHECK(expression_text(binary(Add, literal_int(1), binary(Mul, literal_int(2), literal_int(3)))) == "1 + 2 * 3");
    CHECK(expression_text(binary(And, binary(Or, variable("a"), variable("b")), variable("c"))) == "(?a or ?b) and ?c");
    CHECK(expression_text(binary(Or, variable("a"), binary(And, variable("b"), variable("c")))) == "?a or ?b and ?c");
}

TEST_CASE("left-associative operators need parentheses only on the right")
{
    using enum ast::BinaryOp;
    CHECK(expression_text(binary(Sub, binary(Sub, literal_int(1), literal_int(2)), literal_int(3))) == "1 - 2 - 3");
    CHECK(expression_text(binary(Sub, literal_int(1), binary(Sub, literal_int(2), literal_int(3)))) == "1 - (2 - 3)");
    CHECK(expression_text(binary(Div, literal_int(1), binary(Mul, literal_int(2), literal_int(3)))) == "1 / (2 * 3)");
    CHECK(expression_text(binary(Or, variable("a"), binary(Or, variable("b"), variable("c")))) == "?a or (?b or ?c)");
}

TEST_CASE("comparisons do not chain, so a comparison operand is parenthesised on either side")
{
    using enum ast::BinaryOp;
    CHECK(expression_text(binary(Eq, binary(Lt, variable("a"), literal_int(1)), variable("b"))) == "(?a < 1) == ?b");
    CHECK(expression_text(binary(Eq, variable("b"), binary(Lt, variable("a"), literal_int(1)))) == "?b == (?a < 1)");
    CHECK(expression_text(binary(Ge, binary(Add, variable("a"), literal_int(1)), literal_int(2))) == "?a + 1 >= 2");
}

TEST_CASE("not binds looser than comparisons, unary minus tighter than everything but postfix")
{
    using enum ast::BinaryOp;
    CHECK(expression_text(unary(ast::UnaryOp::Not, binary(Eq, variable("a"), variable("b")))) == "not ?a == ?b");
    CHECK(expression_text(binary(Eq, unary(ast::UnaryOp::Not, variable("a")), variable("b"))) == "(not ?a) == ?b");
    CHECK(expression_text(unary(ast::UnaryOp::Not, binary(And, variable("a"), variable("b")))) == "not (?a and ?b)");
    CHECK(expression_text(unary(ast::UnaryOp::Negate, binary(Add, variable("a"), literal_int(1)))) == "-(?a + 1)");
    CHECK(expression_text(binary(Sub, literal_int(1), unary(ast::UnaryOp::Negate, literal_int(1)))) == "1 - -1");
    CHECK(expression_text(unary(ast::UnaryOp::Negate, unary(ast::UnaryOp::Negate, variable("a")))) == "--?a");
}

TEST_CASE("a conditional is parenthesised wherever a whole expression cannot stand")
{
    using enum ast::BinaryOp;
    CHECK(expression_text(binary(Add, conditional(variable("a"), literal_int(1), literal_int(2)), literal_int(3))) ==
          "(if ?a then 1 else 2) + 3");
    CHECK(expression_text(conditional(conditional(variable("a"), variable("b"), variable("c")), literal_int(1),
                                      conditional(variable("d"), literal_int(2), literal_int(3)))) ==
          "if if ?a then ?b else ?c then 1 else if ?d then 2 else 3");
}

TEST_CASE("slot access applies to primaries only")
{
    CHECK(expression_text(slot_access(slot_access(variable("f"), "a"), "b")) == "?f.a.b");
    CHECK(expression_text(slot_access(binary(ast::BinaryOp::Add, variable("a"), literal_int(1)), "x")) == "(?a + 1).x");
    CHECK(expression_text(slot_access(unary(ast::UnaryOp::Negate, variable("a")), "x")) == "(-?a).x");
}

TEST_CASE("a number built without its spelling is written so that it reads back as the same kind")
{
    ast::Literal number;
    number.kind = ast::LiteralKind::Number;
    number.number_value = 2.0;
    CHECK(expression_text(ast::Expr{{}, number}) == "2.0");
    number.number_value = 0.25;
    CHECK(expression_text(ast::Expr{{}, number}) == "0.25");
    ast::Literal integer;
    integer.kind = ast::LiteralKind::Int;
    integer.int_value = 42;
    CHECK(expression_text(ast::Expr{{}, integer}) == "42");
}

TEST_CASE("parsed expressions get canonical spacing")
{
    CHECK(formatted_body("?a+1") == "?a + 1");
    CHECK(formatted_body("( ?a )") == "?a");
    CHECK(formatted_body("f( ?a ,?b )") == "f(?a, ?b)");
    CHECK(formatted_body("[ 1,2 , 3 ]") == "[1, 2, 3]");
    CHECK(formatted_body("[]") == "[]");
    CHECK(formatted_body("?a  in  { x,y }") == "?a in {x, y}");
    CHECK(formatted_body("?a not in 1 .. 3") == "?a not in 1..3");
    CHECK(formatted_body("?a in -2..2") == "?a in -2..2");
    CHECK(formatted_body("?a in (1 + 1)..(2 * 2)") == "?a in (1 + 1)..(2 * 2)");
    CHECK(formatted_body("if ?a then 1 else 2") == "if ?a then 1 else 2");
    CHECK(formatted_body("not  ?a") == "not ?a");
    CHECK(formatted_body("co-creëren") == "co-creëren");
    CHECK(formatted_body("?a-1") == "?a - 1");
    CHECK(formatted_body("(?a - 1) - (2 - 3)") == "?a - 1 - (2 - 3)");
}

TEST_CASE("parsed expressions keep their tree through precedence")
{
    CHECK(formatted_body("1 + 2 * 3") == "1 + 2 * 3");
    CHECK(formatted_body("(1 + 2) * 3") == "(1 + 2) * 3");
    CHECK(formatted_body("?a or ?b and ?c") == "?a or ?b and ?c");
    CHECK(formatted_body("(?a or ?b) and ?c") == "(?a or ?b) and ?c");
    CHECK(formatted_body("not (?a == 1) and ?b") == "not ?a == 1 and ?b");
    CHECK(formatted_body("(?a == 1) == true") == "(?a == 1) == true");
    CHECK(formatted_body("(if ?a then 1 else 2) * 3") == "(if ?a then 1 else 2) * 3");
    CHECK(formatted_body("-(?a)") == "-?a");
}

TEST_CASE("numbers keep their source spelling")
{
    CHECK(formatted_body("1.50") == "1.50");
    CHECK(formatted_body("1e10") == "1e10");
    CHECK(formatted_body("2.5E-3") == "2.5E-3");
    CHECK(formatted_body("007") == "007");
}

TEST_CASE("strings are re-escaped and interpolations written as {expression}")
{
    CHECK(formatted_body(R"("a \"b\" \\ c")") == R"("a \"b\" \\ c")");
    CHECK(formatted_body(R"("tab\tnew\nline\r")") == R"("tab\tnew\nline\r")");
    CHECK(formatted_body("\"raw\ttab\"") == R"("raw\ttab")");
    CHECK(formatted_body(R"("braces \{ and \} and }")") == R"("braces \{ and \} and \}")");
    CHECK(formatted_body(R"("{ ?a + 1 } items")") == R"("{?a + 1} items")");
    CHECK(formatted_body(R"("nested {f("x {?y}")}")") == R"("nested {f("x {?y}")}")");
    CHECK(formatted_body(R"("")") == R"("")");
    CHECK(formatted_body(R"("creëren")") == R"("creëren")");
}
