// Limits and run-time errors: a run stops cleanly with a message that says what and where.
#include <doctest/doctest.h>

#include "engine_rules_builder.hpp"

using namespace koers::engine;
using namespace koers::engine::testing;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a loop stops at the firing limit with an error naming the rules of the cycle")
{
    RulesBuilder b;
    b.tmpl("ping", {"n"});
    b.tmpl("pong", {"n"});
    RuleDraft& ping = b.rule("ping_to_pong");
    ping.pattern("?p", "ping", {{"n", "?n"}}).retract("?p").assert_("pong", {{"n", operation(Operator::Add, ping.var("?n"), integer(1))}});
    RuleDraft& pong = b.rule("pong_to_ping");
    pong.pattern("?p", "pong", {{"n", "?n"}}).retract("?p").assert_("ping", {{"n", operation(Operator::Add, pong.var("?n"), integer(1))}});
    b.initial(b.fact("ping", {{"n", Value::integer(0)}}));
    Session s(b.network());
    RunOptions options;
    options.limits.max_firings = 1000;
    const RunResult result = s.run(options);
    CHECK(result.stop == StopReason::Limit);
    CHECK(result.partial);
    CHECK(result.firings == 1000);
    REQUIRE(result.error);
    CHECK(result.error->message ==
          "the run stopped at the limit of 1000 firings; the last rule to fire was `pong_to_ping`; the last 32 firings "
          "were of `ping_to_pong`, `pong_to_ping`");
    CHECK(result.error->where.line == 2);
}

TEST_CASE("a rule that asserts without end stops at the fact limit")
{
    RulesBuilder b;
    b.tmpl("n", {"v"});
    RuleDraft& r = b.rule("grow");
    r.pattern("n", {{"v", "?v"}}).assert_("n", {{"v", operation(Operator::Add, r.var("?v"), integer(1))}});
    b.initial(b.fact("n", {{"v", Value::integer(0)}}));
    Session s(b.network());
    RunOptions options;
    options.limits.max_facts = 50;
    const RunResult result = s.run(options);
    CHECK(result.stop == StopReason::Limit);
    REQUIRE(result.error);
    CHECK(contains(result.error->message, "the limit of 50 facts"));
    CHECK(contains(result.error->message, "`grow`"));
    CHECK(s.facts().size() == 50);
}

TEST_CASE("a run stops at the time limit")
{
    RulesBuilder b;
    b.tmpl("n", {"v"});
    RuleDraft& r = b.rule("spin");
    r.pattern("?f", "n", {{"v", "?v"}}).modify("?f", {{"v", operation(Operator::Add, r.var("?v"), integer(1))}});
    b.initial(b.fact("n", {{"v", Value::integer(0)}}));
    Session s(b.network());
    RunOptions options;
    options.limits.max_time = std::chrono::milliseconds(20);
    const RunResult result = s.run(options);
    CHECK(result.stop == StopReason::Limit);
    REQUIRE(result.error);
    CHECK(contains(result.error->message, "the time limit of 20 ms"));
    CHECK(result.elapsed < std::chrono::seconds(2));
}

TEST_CASE("the default limits stop a runaway loop within seconds")
{
    RulesBuilder b;
    b.tmpl("n", {"v"});
    RuleDraft& r = b.rule("spin");
    r.pattern("?f", "n", {{"v", "?v"}}).modify("?f", {{"v", operation(Operator::Add, r.var("?v"), integer(1))}});
    b.initial(b.fact("n", {{"v", Value::integer(0)}}));
    Session s(b.network());
    const RunResult result = s.run();
    CHECK(result.stop == StopReason::Limit);
    CHECK(result.elapsed < std::chrono::seconds(11));
}

TEST_CASE("division by zero in an action stops the run with the expression's place")
{
    RulesBuilder b;
    b.tmpl("n", {"v"});
    RuleDraft& r = b.rule("divide");
    r.pattern("n", {{"v", "?v"}});
    ExprSpec division = operation(Operator::Div, integer(1), r.var("?v"));
    division.where = SourceRef{"calc.koers", 7, 12};
    r.print(b.txt("before")).print(division).print(b.txt("after"));
    Session s(b.network());
    s.assert_fact(b.fact("n", {{"v", Value::integer(0)}}));
    const RunResult result = s.run();
    CHECK(result.stop == StopReason::Error);
    CHECK(result.partial);
    REQUIRE(result.error);
    CHECK(result.error->render() == "calc.koers:7:12: error: division by zero (in rule `divide`)");
    CHECK(s.output() == std::vector<std::string>{"before"});
}

TEST_CASE("a type error in a guard is reported with the fact that met it")
{
    RulesBuilder b;
    b.tmpl("p", {"v"}, ValueType::Symbol);
    RuleDraft& r = b.rule("bigger");
    r.pattern("p", {{"v", "?v"}});
    ExprSpec test = operation(Operator::Gt, r.var("?v"), integer(3));
    test.where = SourceRef{"g.koers", 3, 9};
    r.guard(test);
    const Value high = b.symbol("high");
    Session s(b.network());
    const FactOutcome outcome = s.assert_fact(b.fact("p", {{"v", high}}));
    CHECK(outcome.fact != 0);
    REQUIRE(outcome.error);
    CHECK(outcome.error->render() == "g.koers:3:9: error: cannot compare high with 3");
    CHECK(s.agenda().empty());
}

TEST_CASE("retracting a fact that is already gone is an error")
{
    RulesBuilder b;
    b.tmpl("a", {});
    b.rule("twice").pattern("?f", "a", {}).retract("?f").retract("?f").at("t.koers", 4, 3);
    Session s(b.network());
    s.assert_fact(b.fact("a", {}));
    const RunResult result = s.run();
    CHECK(result.stop == StopReason::Error);
    REQUIRE(result.error);
    CHECK(result.error->render() ==
          "t.koers:4:3: error: cannot retract f-1: it is no longer in working memory (in rule `twice`)");
    CHECK(s.retract(1)->message == "f-1 is no longer in working memory");
    CHECK(s.retract(99)->message == "there is no fact f-99");
}

TEST_CASE("a fact that does not fit its template is refused with the slot named")
{
    RulesBuilder b;
    SlotSpec value;
    value.name = "value";
    value.type = ValueType::Number;
    value.low = -2;
    value.high = 2;
    SlotSpec kind;
    kind.name = "kind";
    kind.allowed = {b.symbol("a"), b.symbol("b")};
    b.typed_tmpl("pole", {value, kind});
    b.tmpl("in", {"v"});
    RuleDraft& r = b.rule("copy");
    r.pattern("in", {{"v", "?v"}}).assert_("pole", {{"value", r.var("?v")}, {"kind", b.sym("a")}}).at("p.koers", 9, 5);
    b.symbol("c");
    b.symbol("x");
    Session s(b.network());
    CHECK(s.assert_fact(b.fact("pole", {{"value", Value::integer(3)}, {"kind", b.symbol("a")}})).error->message ==
          "slot `pole.value`: 3 is outside the range -2..2");
    CHECK(s.assert_fact(b.fact("pole", {{"value", Value::integer(1)}, {"kind", b.symbol("c")}})).error->message ==
          "slot `pole.kind` allows only a, b, not c");
    CHECK(s.assert_fact(b.fact("pole", {{"value", b.symbol("x")}, {"kind", b.symbol("a")}})).error->message ==
          "slot `pole.value` holds a number, not x");
    CHECK(s.assert_fact(b.fact("pole", {{"kind", b.symbol("a")}})).error->message == "slot `pole.value` needs a value");
    s.assert_fact(b.fact("in", {{"v", Value::integer(5)}}));
    const RunResult result = s.run();
    REQUIRE(result.error);
    CHECK(result.error->render() == "p.koers:9:5: error: slot `pole.value`: 5 is outside the range -2..2 (in rule `copy`)");
}

TEST_CASE("a network refuses a rule that uses a variable before binding it")
{
    RulesBuilder b;
    b.tmpl("a", {"x"});
    RuleDraft& r = b.rule("bad");
    r.pattern("a", {{"x", "?x"}});
    ExprSpec unbound;
    unbound.kind = ExprSpec::Kind::Variable;
    unbound.variable = 7;
    unbound.where = SourceRef{"bad.koers", 2, 4};
    r.guard(unbound);
    const NetworkBuild built = build_network(b.rules());
    CHECK_FALSE(built.network);
    REQUIRE(built.errors.size() == 1);
    CHECK(built.errors[0].render() == "bad.koers:2:4: error: variable 7 is used before it is bound (in rule `bad`)");
}
