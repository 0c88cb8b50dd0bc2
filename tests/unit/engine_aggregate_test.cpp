// Aggregates kept up to date as facts are asserted and retracted.
#include <doctest/doctest.h>

#include "engine_rules_builder.hpp"

using namespace koers::engine;
using namespace koers::engine::testing;

namespace {

struct Scores {
    RulesBuilder b;
    Session session;

    static std::shared_ptr<const Network> build(RulesBuilder& b, AggregateKind kind)
    {
        b.tmpl("score", {"team", "value"}, ValueType::Number);
        b.tmpl("team", {"id"}, ValueType::Number);
        RuleDraft& r = b.rule("total");
        r.pattern("team", {{"id", "?t"}})
            .aggregate(
                "?result", kind, [&] { r.pattern("score", {{"team", "?t"}, {"value", "?v"}}); }, [&] { return r.var("?v"); })
            .print(r.var("?result"));
        return b.network();
    }

    explicit Scores(AggregateKind kind) : session(build(b, kind)) {}

    FactId score(int team, double value)
    {
        return session.assert_fact(b.fact("score", {{"team", Value::integer(team)}, {"value", Value::number(value)}})).fact;
    }
    FactId score_int(int team, int value)
    {
        return session.assert_fact(b.fact("score", {{"team", Value::integer(team)}, {"value", Value::integer(value)}})).fact;
    }
    // The value the rule sees now: run, and read the last printed line.
    std::string now()
    {
        const std::size_t before = session.output().size();
        session.run();
        return session.output().size() > before ? session.output().back() : "(no firing)";
    }
};

}  // namespace

TEST_CASE("count follows facts that come and go")
{
    Scores s(AggregateKind::Count);
    s.session.assert_fact(s.b.fact("team", {{"id", Value::integer(1)}}));
    CHECK(s.now() == "0");
    const FactId a = s.score(1, 5);
    s.score(1, 6);
    s.score(2, 7);
    CHECK(s.now() == "2");
    s.session.retract(a);
    CHECK(s.now() == "1");
}

TEST_CASE("sum of ints stays an int; sum with numbers is a number, exact after retraction")
{
    Scores s(AggregateKind::Sum);
    s.session.assert_fact(s.b.fact("team", {{"id", Value::integer(1)}}));
    CHECK(s.now() == "0");
    s.score_int(1, 2);
    const FactId three = s.score_int(1, 3);
    CHECK(s.now() == "5");
    const FactId tenth = s.score(1, 0.1);
    s.score(1, 0.2);
    CHECK(s.now() == "5.3");
    s.session.retract(tenth);
    s.session.retract(three);
    CHECK(s.now() == "2.2");
}

TEST_CASE("min and max follow the extreme when it leaves")
{
    Scores low(AggregateKind::Min);
    low.session.assert_fact(low.b.fact("team", {{"id", Value::integer(1)}}));
    CHECK(low.now() == "(no firing)");  // no scores: no minimum
    const FactId one = low.score(1, 1);
    low.score(1, 3);
    const FactId one_again = low.score(1, 1.0 + 0.0 * 2);
    CHECK(one_again == one);  // the same fact
    low.score(1, 2);
    CHECK(low.now() == "1.0");
    low.session.retract(one);
    CHECK(low.now() == "2.0");

    Scores high(AggregateKind::Max);
    high.session.assert_fact(high.b.fact("team", {{"id", Value::integer(1)}}));
    const FactId nine = high.score(1, 9);
    high.score(1, 4);
    CHECK(high.now() == "9.0");
    high.score(1, 5);
    CHECK(high.now() == "(no firing)");  // the maximum did not change: nothing to fire
    high.session.retract(nine);
    CHECK(high.now() == "5.0");
}

TEST_CASE("avg and collect")
{
    Scores mean(AggregateKind::Avg);
    mean.session.assert_fact(mean.b.fact("team", {{"id", Value::integer(1)}}));
    mean.score_int(1, 1);
    const FactId two = mean.score_int(1, 2);
    CHECK(mean.now() == "1.5");
    mean.session.retract(two);
    CHECK(mean.now() == "1.0");

    Scores all(AggregateKind::Collect);
    all.session.assert_fact(all.b.fact("team", {{"id", Value::integer(1)}}));
    CHECK(all.now() == "[]");
    all.score_int(1, 3);
    const FactId one = all.score_int(1, 1);
    all.score_int(1, 2);
    CHECK(all.now() == "[3, 1, 2]");
    all.session.retract(one);
    CHECK(all.now() == "[3, 2]");
}

TEST_CASE("a guard on an aggregate decides whether the rule fires")
{
    RulesBuilder c;
    c.tmpl("signal", {"kind", "id"});
    RuleDraft& r2 = c.rule("many");
    r2.aggregate("?n", AggregateKind::Count, [&] { r2.pattern("signal", {{"kind", 1}}); })
        .guard(operation(Operator::Gt, r2.var("?n"), integer(2)))
        .print(r2.var("?n"));
    Session t(c.network());
    for (int i = 0; i < 2; ++i) t.assert_fact(c.fact("signal", {{"kind", Value::integer(1)}, {"id", Value::integer(i)}}));
    t.run();
    CHECK(t.output().empty());
    for (int i = 2; i < 4; ++i) t.assert_fact(c.fact("signal", {{"kind", Value::integer(1)}, {"id", Value::integer(i)}}));
    t.run();
    CHECK(t.output() == std::vector<std::string>{"4"});
}
