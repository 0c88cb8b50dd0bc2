// Joins, negation, exists, forall and guards: each node kind on small rule sets.
#include <doctest/doctest.h>

#include "engine_rules_builder.hpp"

using namespace koers::engine;
using namespace koers::engine::testing;

namespace {

std::vector<std::vector<FactId>> matches_of(const Session& session, const std::string& rule)
{
    std::vector<std::vector<FactId>> result;
    for (const ActivationView& a : session.agenda()) {
        if (session.network().rules().rules[a.rule].name == rule) result.push_back(a.facts);
    }
    std::sort(result.begin(), result.end());
    return result;
}

}  // namespace

TEST_CASE("a join on an equality matches facts with equal values")
{
    RulesBuilder b;
    b.tmpl("a", {"x"}, ValueType::Number);
    b.tmpl("b", {"x", "y"}, ValueType::Number);
    b.rule("r").pattern("a", {{"x", "?x"}}).pattern("b", {{"x", "?x"}, {"y", "?y"}});
    Session s(b.network());
    const FactId a1 = s.assert_fact(b.fact("a", {{"x", Value::integer(1)}})).fact;
    const FactId a2 = s.assert_fact(b.fact("a", {{"x", Value::integer(2)}})).fact;
    const FactId b1 = s.assert_fact(b.fact("b", {{"x", Value::integer(1)}, {"y", Value::integer(10)}})).fact;
    const FactId b2 = s.assert_fact(b.fact("b", {{"x", Value::integer(1)}, {"y", Value::integer(11)}})).fact;
    s.assert_fact(b.fact("b", {{"x", Value::integer(3)}, {"y", Value::integer(12)}}));
    CHECK(matches_of(s, "r") == std::vector<std::vector<FactId>>{{a1, b1}, {a1, b2}});
    const FactId b4 = s.assert_fact(b.fact("b", {{"x", Value::number(2.0)}, {"y", Value::integer(1)}})).fact;
    CHECK(matches_of(s, "r").size() == 3);  // 2 == 2.0
    CHECK(!s.retract(a1));
    CHECK(matches_of(s, "r") == std::vector<std::vector<FactId>>{{a2, b4}});
}

TEST_CASE("an identical fact is not asserted twice")
{
    RulesBuilder b;
    b.tmpl("a", {"x"});
    b.rule("r").pattern("a", {{"x", "?x"}});
    Session s(b.network());
    const FactOutcome first = s.assert_fact(b.fact("a", {{"x", Value::integer(1)}}));
    const FactOutcome second = s.assert_fact(b.fact("a", {{"x", Value::integer(1)}}));
    CHECK(first.fact == second.fact);
    CHECK_FALSE(first.existed);
    CHECK(second.existed);
    CHECK(s.facts().size() == 1);
    CHECK(s.agenda().size() == 1);
}

TEST_CASE("constant tests, comparisons, sets and ranges filter facts")
{
    RulesBuilder b;
    b.tmpl("p", {"kind", "v"}, ValueType::Symbol);
    b.rules()->templates[0].slots[1].type = ValueType::Int;
    b.rule("eq").pattern("p", {{"kind", "k1"}});
    b.rule("gt").pattern("p", {{"v", cmp(Operator::Gt, integer(5))}});
    b.rule("in").pattern("p", {{"kind", in({b.sym("k1"), b.sym("k3")})}});
    b.rule("range").pattern("p", {{"v", range(integer(2), integer(4))}});
    b.rule("out").pattern("p", {{"v", range(integer(2), integer(4), true)}});
    Session s(b.network());
    s.assert_fact(b.fact("p", {{"kind", b.symbol("k1")}, {"v", Value::integer(3)}}));
    s.assert_fact(b.fact("p", {{"kind", b.symbol("k2")}, {"v", Value::integer(7)}}));
    s.assert_fact(b.fact("p", {{"kind", b.symbol("k3")}, {"v", Value::integer(4)}}));
    CHECK(matches_of(s, "eq").size() == 1);
    CHECK(matches_of(s, "gt").size() == 1);
    CHECK(matches_of(s, "in").size() == 2);
    CHECK(matches_of(s, "range").size() == 2);
    CHECK(matches_of(s, "out").size() == 1);
}

TEST_CASE("a pattern that meets itself matches once per pair")
{
    RulesBuilder b;
    b.tmpl("n", {"v"});
    b.rule("pairs").pattern("n", {{"v", "?a"}}).pattern("n", {{"v", "?b"}});
    Session s(b.network());
    s.assert_fact(b.fact("n", {{"v", Value::integer(1)}}));
    s.assert_fact(b.fact("n", {{"v", Value::integer(2)}}));
    s.assert_fact(b.fact("n", {{"v", Value::integer(3)}}));
    CHECK(matches_of(s, "pairs").size() == 9);
}

TEST_CASE("rules with the same first conditions share nodes")
{
    RulesBuilder b;
    b.tmpl("a", {"x"});
    b.tmpl("b", {"x"});
    b.tmpl("c", {"x"});
    b.rule("r1").pattern("a", {{"x", "?v"}}).pattern("b", {{"x", "?v"}});
    b.rule("r2").pattern("a", {{"x", "?w"}}).pattern("b", {{"x", "?w"}}).pattern("c", {{"x", "?w"}});
    b.rule("r3").pattern("a", {{"x", 1}});
    const NetworkStats stats = b.network()->stats();
    CHECK(stats.joins == 4);  // a, a-b shared; c; a(x: 1)
    CHECK(stats.alpha_memories == 4);
    CHECK(stats.terminals == 3);
}

TEST_CASE("not holds while nothing matches, and follows facts that come and go")
{
    RulesBuilder c;
    c.tmpl("a", {"x"}, ValueType::Number);
    c.tmpl("b", {"x"}, ValueType::Number);
    RuleDraft& r = c.rule("lonely");
    r.pattern("a", {{"x", "?x"}}).not_([&] { r.pattern("b", {{"x", "?x"}}); });
    Session s(c.network());
    const FactId a1 = s.assert_fact(c.fact("a", {{"x", Value::integer(1)}})).fact;
    CHECK(matches_of(s, "lonely") == std::vector<std::vector<FactId>>{{a1, 0}});
    const FactId b1 = s.assert_fact(c.fact("b", {{"x", Value::integer(1)}})).fact;
    CHECK(matches_of(s, "lonely").empty());
    const FactId b1b = s.assert_fact(c.fact("b", {{"x", Value::number(1.0)}})).fact;
    CHECK(b1b == b1);
    s.retract(b1);
    CHECK(matches_of(s, "lonely").size() == 1);
}

TEST_CASE("exists fires once however many facts match")
{
    RulesBuilder b;
    b.tmpl("a", {"x"});
    b.tmpl("b", {"x", "y"});
    RuleDraft& r = b.rule("some");
    r.pattern("a", {{"x", "?x"}}).exists([&] { r.pattern("b", {{"x", "?x"}}); });
    Session s(b.network());
    s.assert_fact(b.fact("a", {{"x", Value::integer(1)}}));
    CHECK(matches_of(s, "some").empty());
    const FactId b1 = s.assert_fact(b.fact("b", {{"x", Value::integer(1)}, {"y", Value::integer(1)}})).fact;
    const FactId b2 = s.assert_fact(b.fact("b", {{"x", Value::integer(1)}, {"y", Value::integer(2)}})).fact;
    CHECK(matches_of(s, "some").size() == 1);
    CHECK(s.run().firings == 1);
    s.retract(b1);
    CHECK(s.run().firings == 0);  // still one match: nothing new
    s.retract(b2);
    s.assert_fact(b.fact("b", {{"x", Value::integer(1)}, {"y", Value::integer(3)}}));
    CHECK(s.run().firings == 1);  // it went and came back
}

TEST_CASE("forall holds when every match of the domain meets the requirement")
{
    RulesBuilder b;
    b.tmpl("member", {"name"});
    b.tmpl("commitment", {"member"});
    RuleDraft& r = b.rule("all_committed");
    r.forall([&] { r.pattern("member", {{"name", "?m"}}); }, [&] { r.pattern("commitment", {{"member", "?m"}}); });
    Session s(b.network());
    CHECK(s.agenda().size() == 1);  // vacuously true
    const FactId m1 = s.assert_fact(b.fact("member", {{"name", Value::integer(1)}})).fact;
    CHECK(s.agenda().empty());
    const FactId c1 = s.assert_fact(b.fact("commitment", {{"member", Value::integer(1)}})).fact;
    CHECK(s.agenda().size() == 1);
    s.assert_fact(b.fact("member", {{"name", Value::integer(2)}}));
    CHECK(s.agenda().empty());
    s.assert_fact(b.fact("commitment", {{"member", Value::integer(2)}}));
    CHECK(s.agenda().size() == 1);
    s.retract(c1);
    CHECK(s.agenda().empty());
    s.retract(m1);
    CHECK(s.agenda().size() == 1);
}

TEST_CASE("not over a conjunction: no pair matches")
{
    RulesBuilder b;
    b.tmpl("a", {"x"});
    b.tmpl("b", {"x"});
    b.tmpl("c", {"x"});
    RuleDraft& r = b.rule("r");
    r.pattern("a", {{"x", "?x"}}).not_([&] { r.pattern("b", {{"x", "?x"}}).pattern("c", {{"x", "?x"}}); });
    Session s(b.network());
    s.assert_fact(b.fact("a", {{"x", Value::integer(1)}}));
    const FactId b1 = s.assert_fact(b.fact("b", {{"x", Value::integer(1)}})).fact;
    CHECK(s.agenda().size() == 1);
    s.assert_fact(b.fact("c", {{"x", Value::integer(1)}}));
    CHECK(s.agenda().empty());
    s.retract(b1);
    CHECK(s.agenda().size() == 1);
}

TEST_CASE("guards filter matches, first in a rule, after a pattern, and inside not")
{
    RulesBuilder b;
    b.tmpl("a", {"x"});
    b.tmpl("b", {"x"});
    RuleDraft& r1 = b.rule("big");
    r1.pattern("a", {{"x", "?x"}}).guard(operation(Operator::Gt, r1.var("?x"), integer(5)));
    RuleDraft& r2 = b.rule("always");
    r2.guard(operation(Operator::Eq, integer(1), integer(1))).pattern("a", {{"x", "?x"}});
    RuleDraft& r3 = b.rule("no_bigger_b");
    r3.pattern("a", {{"x", "?x"}}).not_([&] {
        r3.pattern("b", {{"x", "?y"}}).guard(operation(Operator::Gt, r3.var("?y"), r3.var("?x")));
    });
    Session s(b.network());
    s.assert_fact(b.fact("a", {{"x", Value::integer(3)}}));
    s.assert_fact(b.fact("a", {{"x", Value::integer(7)}}));
    CHECK(matches_of(s, "big").size() == 1);
    CHECK(matches_of(s, "always").size() == 2);
    CHECK(matches_of(s, "no_bigger_b").size() == 2);
    s.assert_fact(b.fact("b", {{"x", Value::integer(5)}}));
    CHECK(matches_of(s, "no_bigger_b").size() == 1);
}

TEST_CASE("modify gives the fact a new id and the rules see the new values")
{
    RulesBuilder b;
    b.tmpl("counter", {"n"});
    RuleDraft& r = b.rule("count_up");
    r.pattern("?c", "counter", {{"n", "?n"}})
        .guard(operation(Operator::Lt, r.var("?n"), integer(5)))
        .modify("?c", {{"n", operation(Operator::Add, r.var("?n"), integer(1))}});
    Session s(b.network());
    const FactId first = s.assert_fact(b.fact("counter", {{"n", Value::integer(0)}})).fact;
    const RunResult result = s.run();
    CHECK(result.firings == 5);
    const std::vector<FactView> facts = s.facts();
    REQUIRE(facts.size() == 1);
    CHECK(facts[0].slots[0] == Value::integer(5));
    CHECK(facts[0].id == first + 5);
    CHECK(facts[0].origin == 5);
}

TEST_CASE("a not over the same template finds the largest value as facts come and go")
{
    RulesBuilder b;
    b.tmpl("n", {"v"});
    RuleDraft& r = b.rule("largest");
    r.pattern("n", {{"v", "?v"}}).not_([&] { r.pattern("n", {{"v", cmp(Operator::Gt, r.var("?v"))}}); });
    Session s(b.network());
    CHECK(b.network()->stats().negatives == 1);
    std::vector<FactId> ids;
    for (int v : {2, 3, 1}) ids.push_back(s.assert_fact(b.fact("n", {{"v", Value::integer(v)}})).fact);
    CHECK(matches_of(s, "largest") == std::vector<std::vector<FactId>>{{ids[1], 0}});
    s.retract(ids[1]);
    CHECK(matches_of(s, "largest") == std::vector<std::vector<FactId>>{{ids[0], 0}});
    const SlotChange change{0, Value::integer(0)};
    const FactId lowered = s.modify(ids[0], std::span<const SlotChange>(&change, 1)).fact;
    CHECK(matches_of(s, "largest") == std::vector<std::vector<FactId>>{{ids[2], 0}});
    s.retract(ids[2]);
    CHECK(matches_of(s, "largest") == std::vector<std::vector<FactId>>{{lowered, 0}});
}
