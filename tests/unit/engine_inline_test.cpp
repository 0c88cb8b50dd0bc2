// Inlining of small functions (engine/expr_inliner.cpp): the value and every error of an
// inlined call are those of the call, and recursive or large functions stay calls.
#include <doctest/doctest.h>

#include <algorithm>

#include "engine/expr_inliner.hpp"
#include "engine_rules_builder.hpp"

using namespace koers::engine;
using namespace koers::engine::testing;

namespace {

ExprSpec parameter(VariableId index)
{
    ExprSpec e;
    e.kind = ExprSpec::Kind::Parameter;
    e.variable = index;
    return e;
}

ExprSpec call(FunctionId function, std::vector<ExprSpec> arguments)
{
    ExprSpec e;
    e.kind = ExprSpec::Kind::Function;
    e.function = function;
    e.operands = std::move(arguments);
    return e;
}

ExprSpec conditional(ExprSpec condition, ExprSpec when_true, ExprSpec when_false)
{
    ExprSpec e;
    e.kind = ExprSpec::Kind::Conditional;
    e.operands = {std::move(condition), std::move(when_true), std::move(when_false)};
    return e;
}

std::size_t calls_in(const Network& network)
{
    const std::vector<ExprNode>& nodes = network.exprs().nodes;
    return static_cast<std::size_t>(std::count_if(nodes.begin(), nodes.end(), [](const ExprNode& node) {
        return node.op == ExprOp::Call;
    }));
}

}  // namespace

TEST_CASE("calls with plain arguments are inlined, nested ones too, and compute the same values")
{
    RulesBuilder b;
    b.tmpl("n", {"v", "w"});
    const FunctionId scaled = b.function("scaled", 2, operation(Operator::Mul, parameter(0), parameter(1)));
    const FunctionId around =
        b.function("around", 2, operation(Operator::Add, call(scaled, {parameter(1), integer(10)}), parameter(0)));
    RuleDraft& r = b.rule("show");
    r.pattern("n", {{"v", "?v"}, {"w", "?w"}});
    r.guard(operation(Operator::Gt, call(around, {r.var("?v"), r.var("?w")}), integer(0)));
    r.print(call(around, {r.var("?v"), r.var("?w")}));
    // A computed argument keeps its call: it is computed once, as before.
    r.print(call(scaled, {operation(Operator::Add, r.var("?v"), integer(1)), r.var("?w")}));
    const auto network = b.network();
    CHECK(calls_in(*network) == 1);
    Session s(network);
    s.assert_fact(b.fact("n", {{"v", Value::integer(3)}, {"w", Value::integer(4)}}));
    s.assert_fact(b.fact("n", {{"v", Value::integer(-50)}, {"w", Value::integer(4)}}));
    const RunResult result = s.run();
    CHECK_FALSE(result.error);
    CHECK(s.output() == std::vector<std::string>{"43", "16"});
}

TEST_CASE("an error in an inlined function is reported at its place in the function")
{
    RulesBuilder b;
    b.tmpl("n", {"v"});
    ExprSpec division = operation(Operator::Div, integer(1), parameter(0));
    division.where = SourceRef{"helpers.koers", 4, 20};
    const FunctionId inverse = b.function("inverse", 1, division);
    RuleDraft& r = b.rule("invert");
    r.pattern("n", {{"v", "?v"}});
    r.print(call(inverse, {r.var("?v")}));
    const auto network = b.network();
    CHECK(calls_in(*network) == 0);
    Session s(network);
    s.assert_fact(b.fact("n", {{"v", Value::integer(0)}}));
    const RunResult result = s.run();
    REQUIRE(result.error);
    CHECK(result.error->render() == "helpers.koers:4:20: error: division by zero (in rule `invert`)");
}

TEST_CASE("a recursive function stays a call and still stops at 64 levels")
{
    RulesBuilder b;
    b.tmpl("n", {"v"});
    // countdown(?x) = if ?x > 0 then countdown(?x) else 0: never reaches 0 from above.
    FunctionId countdown = 0;
    countdown = b.function("countdown", 1,
                           conditional(operation(Operator::Gt, parameter(0), integer(0)), call(countdown, {parameter(0)}),
                                       integer(0)));
    RuleDraft& r = b.rule("count");
    r.pattern("n", {{"v", "?v"}});
    r.print(call(countdown, {r.var("?v")}));
    const auto network = b.network();
    CHECK(calls_in(*network) == 2);
    Session s(network);
    s.assert_fact(b.fact("n", {{"v", Value::integer(5)}}));
    const RunResult result = s.run();
    REQUIRE(result.error);
    CHECK(result.error->message.find("nest deeper than 64 levels") != std::string::npos);
}

TEST_CASE("a function too large to inline stays a call, with the calls inside it inlined")
{
    RulesBuilder b;
    b.tmpl("n", {"v"});
    const FunctionId next = b.function("next", 1, operation(Operator::Add, parameter(0), integer(1)));
    // big(?x) = next(?x) + next(?x) + ...: three times max_inlined_nodes nodes once inlined.
    ExprSpec sum = call(next, {parameter(0)});
    for (std::size_t i = 1; i < max_inlined_nodes; ++i) sum = operation(Operator::Add, sum, call(next, {parameter(0)}));
    const FunctionId big = b.function("big", 1, sum);
    RuleDraft& r = b.rule("add");
    r.pattern("n", {{"v", "?v"}});
    r.print(call(big, {r.var("?v")}));
    const auto network = b.network();
    CHECK(calls_in(*network) == 1);
    Session s(network);
    s.assert_fact(b.fact("n", {{"v", Value::integer(1)}}));
    CHECK_FALSE(s.run().error);
    CHECK(s.output() == std::vector<std::string>{std::to_string(2 * max_inlined_nodes)});
}
