// Conflict resolution, salience, stages and focus, halt and refraction. The expected
// firing orders are those CLIPS 6.30 gives for the same programs (written in each test
// as CLIPS source), so differential tests against CLIPS agree.
#include <doctest/doctest.h>

#include "engine_rules_builder.hpp"

using namespace koers::engine;
using namespace koers::engine::testing;

namespace {

ExprSpec concat(std::vector<ExprSpec> parts)
{
    ExprSpec e;
    e.kind = ExprSpec::Kind::Concat;
    e.operands = std::move(parts);
    return e;
}

// (defrule r1 (a ?x) => (printout t "r1 " ?x crlf))
// (defrule r2 (a ?x) => (printout t "r2 " ?x crlf))
// (defrule r3 (a ?x) (b ?y) => (printout t "r3 " ?x " " ?y crlf))
// (deffacts d (a 1) (a 2) (b 1) (b 2))
std::vector<std::string> three_rules(Strategy strategy)
{
    RulesBuilder b;
    b.tmpl("a", {"x"});
    b.tmpl("b", {"y"});
    for (const char* name : {"r1", "r2"}) {
        RuleDraft& r = b.rule(name);
        r.pattern("a", {{"x", "?x"}}).print(concat({b.txt(std::string(name) + " "), r.var("?x")}));
    }
    RuleDraft& r3 = b.rule("r3");
    r3.pattern("a", {{"x", "?x"}}).pattern("b", {{"y", "?y"}}).print(concat({b.txt("r3 "), r3.var("?x"), b.txt(" "), r3.var("?y")}));
    b.initial(b.fact("a", {{"x", Value::integer(1)}}));
    b.initial(b.fact("a", {{"x", Value::integer(2)}}));
    b.initial(b.fact("b", {{"y", Value::integer(1)}}));
    b.initial(b.fact("b", {{"y", Value::integer(2)}}));
    Session s(b.network());
    RunOptions options;
    options.strategy = strategy;
    s.run(options);
    return s.output();
}

}  // namespace

TEST_CASE("depth fires the newest activation first")
{
    CHECK(three_rules(Strategy::Depth) ==
          std::vector<std::string>{"r3 1 2", "r3 2 2", "r3 1 1", "r3 2 1", "r1 2", "r2 2", "r1 1", "r2 1"});
}

TEST_CASE("breadth fires the oldest activation first")
{
    CHECK(three_rules(Strategy::Breadth) ==
          std::vector<std::string>{"r2 1", "r1 1", "r2 2", "r1 2", "r3 2 1", "r3 1 1", "r3 2 2", "r3 1 2"});
}

TEST_CASE("lex fires by recency of all matched facts")
{
    CHECK(three_rules(Strategy::Lex) ==
          std::vector<std::string>{"r3 2 2", "r3 1 2", "r3 2 1", "r3 1 1", "r2 2", "r1 2", "r2 1", "r1 1"});
}

TEST_CASE("mea fires by recency of the first fact, then as lex")
{
    CHECK(three_rules(Strategy::Mea) ==
          std::vector<std::string>{"r3 2 2", "r3 2 1", "r2 2", "r1 2", "r3 1 2", "r3 1 1", "r2 1", "r1 1"});
}

TEST_CASE("a not counts as time tag 0, and equal recency fires the oldest activation first under lex")
{
    // (defrule r1 (a) (not (c)) =>)  (defrule r2 (a) (not (b)) =>)  (defrule r0 (a) (not (d)) =>)
    // (assert (b)) (assert (a)) (retract <b>): r2 is activated last.
    const auto order = [](Strategy strategy) {
        RulesBuilder b;
        for (const char* name : {"a", "b", "c", "d"}) b.tmpl(name, {});
        for (const auto& [rule, blocker] : std::vector<std::pair<std::string, std::string>>{{"r1", "c"}, {"r2", "b"}, {"r0", "d"}}) {
            RuleDraft& r = b.rule(rule);
            r.pattern("a", {}).not_([&, blocker = blocker] { r.pattern(blocker, {}); });
        }
        Session s(b.network());
        const FactId fact_b = s.assert_fact(b.fact("b", {})).fact;
        s.assert_fact(b.fact("a", {}));
        s.retract(fact_b);
        RunOptions options;
        options.strategy = strategy;
        s.run(options);
        return fired_rules(s);
    };
    CHECK(order(Strategy::Lex) == std::vector<std::string>{"r0", "r1", "r2"});
    CHECK(order(Strategy::Mea) == std::vector<std::string>{"r0", "r1", "r2"});
    CHECK(order(Strategy::Depth) == std::vector<std::string>{"r2", "r1", "r0"});
    CHECK(order(Strategy::Breadth) == std::vector<std::string>{"r0", "r1", "r2"});
}

TEST_CASE("a new fact meets the older facts oldest first")
{
    // (defrule r4 (b ?y) (a ?x) =>) with (a 1) (a 2) (a 3) asserted before (b 1)
    RulesBuilder b;
    b.tmpl("a", {"x"});
    b.tmpl("b", {"y"});
    RuleDraft& r = b.rule("r4");
    r.pattern("b", {{"y", "?y"}}).pattern("a", {{"x", "?x"}}).print(r.var("?x"));
    Session s(b.network());
    for (int i = 1; i <= 3; ++i) s.assert_fact(b.fact("a", {{"x", Value::integer(i)}}));
    s.assert_fact(b.fact("b", {{"y", Value::integer(1)}}));
    RunOptions breadth;
    breadth.strategy = Strategy::Breadth;
    Session s2(b.network());
    for (int i = 1; i <= 3; ++i) s2.assert_fact(b.fact("a", {{"x", Value::integer(i)}}));
    s2.assert_fact(b.fact("b", {{"y", Value::integer(1)}}));
    s.run();
    s2.run(breadth);
    CHECK(s.output() == std::vector<std::string>{"3", "2", "1"});
    CHECK(s2.output() == std::vector<std::string>{"1", "2", "3"});
}

TEST_CASE("salience comes before the strategy")
{
    RulesBuilder b;
    b.tmpl("go", {});
    b.rule("low").salience(-5).pattern("go", {});
    b.rule("high").salience(10).pattern("go", {});
    b.rule("plain").pattern("go", {});
    b.initial(b.fact("go", {}));
    Session s(b.network());
    s.run();
    CHECK(fired_rules(s) == std::vector<std::string>{"high", "plain", "low"});
}

TEST_CASE("changing the strategy orders the waiting activations anew")
{
    RulesBuilder b;
    b.tmpl("n", {"v"});
    RuleDraft& r = b.rule("r");
    r.pattern("n", {{"v", "?v"}}).print(r.var("?v"));
    Session s(b.network());
    for (int i = 1; i <= 3; ++i) s.assert_fact(b.fact("n", {{"v", Value::integer(i)}}));
    RunOptions breadth;
    breadth.strategy = Strategy::Breadth;
    s.run(breadth);
    CHECK(s.output() == std::vector<std::string>{"1", "2", "3"});
}

TEST_CASE("focus runs stages on a stack and returns to the stage below")
{
    // As CLIPS modules: MAIN::m1 focuses A then B; m2 fires after both are done.
    RulesBuilder b;
    b.tmpl("go", {});
    b.tmpl("more", {});
    const StageId a = b.stage("A");
    const StageId bee = b.stage("B");
    b.rule("m1").pattern("go", {}).focus({a, bee});
    b.rule("m2").pattern("go", {});
    b.rule("a1").stage(a).pattern("go", {});
    b.rule("b1").stage(bee).pattern("go", {}).assert_("more", {});
    b.rule("b2").stage(bee).pattern("more", {});
    b.initial(b.fact("go", {}));
    Session s(b.network());
    const RunResult result = s.run();
    CHECK(result.stop == StopReason::Finished);
    CHECK(fired_rules(s) == std::vector<std::string>{"m1", "a1", "b1", "b2", "m2"});
}

TEST_CASE("halt stops the run after the rule; the next run goes on")
{
    RulesBuilder b;
    b.tmpl("n", {"v"});
    RuleDraft& r = b.rule("stop_at_2");
    r.pattern("n", {{"v", "?v"}}).guard(operation(Operator::Eq, r.var("?v"), integer(2))).halt();
    b.rule("each").salience(-1).pattern("n", {{"v", "?v"}});
    Session s(b.network());
    for (int i = 1; i <= 3; ++i) s.assert_fact(b.fact("n", {{"v", Value::integer(i)}}));
    const RunResult first = s.run();
    CHECK(first.stop == StopReason::Halted);
    CHECK_FALSE(first.partial);
    CHECK(first.firings == 1);
    const RunResult second = s.run();
    CHECK(second.stop == StopReason::Finished);
    CHECK(second.firings == 3);
}

TEST_CASE("an activation fires once; a run after the agenda is empty fires nothing")
{
    RulesBuilder b;
    b.tmpl("n", {"v"});
    b.rule("r").pattern("n", {{"v", "?v"}});
    Session s(b.network());
    s.assert_fact(b.fact("n", {{"v", Value::integer(1)}}));
    CHECK(s.run().firings == 1);
    CHECK(s.run().firings == 0);
    s.assert_fact(b.fact("n", {{"v", Value::integer(2)}}));
    CHECK(s.run().firings == 1);
    CHECK(s.firing_count("r") == 2);
}

TEST_CASE("reset returns to the initial facts and the same run repeats exactly")
{
    RulesBuilder b;
    b.tmpl("n", {"v"});
    RuleDraft& r = b.rule("r");
    r.pattern("?f", "n", {{"v", "?v"}})
        .guard(operation(Operator::Lt, r.var("?v"), integer(20)))
        .assert_("n", {{"v", operation(Operator::Add, r.var("?v"), integer(1))}})
        .assert_("n", {{"v", operation(Operator::Add, r.var("?v"), integer(2))}})
        .print(r.var("?v"));
    b.initial(b.fact("n", {{"v", Value::integer(0)}}));
    Session s(b.network());
    s.run();
    const std::vector<std::string> first = s.output();
    const std::vector<std::string> log = fired_rules(s);
    s.reset();
    CHECK(s.output().empty());
    CHECK(s.facts().size() == 1);
    s.run();
    CHECK(s.output() == first);
    Session other(b.network());
    other.run();
    CHECK(other.output() == first);
    CHECK(first.size() == 20);
}

TEST_CASE("focus from the API runs a stage before the main stage")
{
    RulesBuilder b;
    b.tmpl("go", {});
    const StageId report = b.stage("report");
    b.rule("main_rule").pattern("go", {});
    b.rule("report_rule").stage(report).pattern("go", {});
    b.initial(b.fact("go", {}));
    Session s(b.network());
    const StageId stages[] = {report};
    s.focus(stages);
    const RunResult result = s.run();
    CHECK(fired_rules(s) == std::vector<std::string>{"report_rule", "main_rule"});
    CHECK(result.peak_memory > 0);
    CHECK(result.elapsed.count() > 0);
}
