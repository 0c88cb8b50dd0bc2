// Truth maintenance: logical facts and advice go when their support goes.
#include <doctest/doctest.h>

#include "engine_rules_builder.hpp"

using namespace koers::engine;
using namespace koers::engine::testing;

namespace {

bool has(const Session& s, TemplateId template_id)
{
    for (const FactView& f : s.facts()) {
        if (f.template_id == template_id) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("a chain of logical facts goes when its root is retracted")
{
    // a -> logical b -> logical c
    RulesBuilder b;
    const TemplateId a = b.tmpl("a", {});
    const TemplateId bb = b.tmpl("b", {});
    const TemplateId c = b.tmpl("c", {});
    b.rule("ab").pattern("a", {}).assert_("b", {}, true);
    b.rule("bc").pattern("b", {}).assert_("c", {}, true);
    Session s(b.network());
    const FactId root = s.assert_fact(b.fact("a", {})).fact;
    s.run();
    CHECK(has(s, bb));
    CHECK(has(s, c));
    s.retract(root);
    CHECK_FALSE(has(s, a));
    CHECK_FALSE(has(s, bb));
    CHECK_FALSE(has(s, c));
}

TEST_CASE("a logical fact stays while any support remains")
{
    RulesBuilder b;
    b.tmpl("a", {});
    b.tmpl("b", {});
    const TemplateId x = b.tmpl("x", {});
    b.rule("r1").pattern("a", {}).assert_("x", {}, true);
    b.rule("r2").pattern("b", {}).assert_("x", {}, true);
    Session s(b.network());
    const FactId fa = s.assert_fact(b.fact("a", {})).fact;
    const FactId fb = s.assert_fact(b.fact("b", {})).fact;
    s.run();
    s.retract(fa);
    CHECK(has(s, x));
    s.retract(fb);
    CHECK_FALSE(has(s, x));
}

TEST_CASE("asserting a logical fact without logical support makes it unconditional")
{
    RulesBuilder b;
    b.tmpl("a", {});
    const TemplateId x = b.tmpl("x", {});
    b.rule("r1").pattern("a", {}).assert_("x", {}, true);
    Session s(b.network());
    const FactId fa = s.assert_fact(b.fact("a", {})).fact;
    s.run();
    CHECK(s.facts().back().logical);
    const FactOutcome again = s.assert_fact(b.fact("x", {}));
    CHECK(again.existed);
    s.retract(fa);
    REQUIRE(has(s, x));
    CHECK_FALSE(s.facts().back().logical);
}

TEST_CASE("a fact already there unconditionally gains no logical support")
{
    RulesBuilder b;
    b.tmpl("a", {});
    const TemplateId x = b.tmpl("x", {});
    b.rule("r1").pattern("a", {}).assert_("x", {}, true);
    Session s(b.network());
    s.assert_fact(b.fact("x", {}));
    const FactId fa = s.assert_fact(b.fact("a", {})).fact;
    s.run();
    s.retract(fa);
    CHECK(has(s, x));
}

TEST_CASE("a logical fact goes when a not that supported it stops holding")
{
    RulesBuilder b;
    b.tmpl("a", {});
    b.tmpl("blocker", {});
    const TemplateId x = b.tmpl("x", {});
    RuleDraft& r = b.rule("r");
    r.pattern("a", {}).not_([&] { r.pattern("blocker", {}); }).assert_("x", {}, true);
    Session s(b.network());
    s.assert_fact(b.fact("a", {}));
    s.run();
    CHECK(has(s, x));
    s.assert_fact(b.fact("blocker", {}));
    CHECK_FALSE(has(s, x));
}

TEST_CASE("advice disappears when what justified it is retracted")
{
    RulesBuilder b;
    b.tmpl("signal", {"level"});
    RuleDraft& r = b.rule("warn");
    r.pattern("signal", {{"level", "?l"}})
        .guard(operation(Operator::Gt, r.var("?l"), integer(2)))
        .advise("trust", Severity::Warning, {{"level", r.var("?l")}});
    Session s(b.network());
    const FactId f = s.assert_fact(b.fact("signal", {{"level", Value::integer(3)}})).fact;
    s.run();
    REQUIRE(s.advice().size() == 1);
    const Advice& given = *s.advice()[0];
    CHECK(s.values().string(given.topic) == "trust");
    CHECK(given.severity == Severity::Warning);
    REQUIRE(given.links.size() == 1);
    CHECK(given.links[0].second == Value::integer(3));
    CHECK(given.firing == 1);
    s.retract(f);
    CHECK(s.advice().empty());
}

TEST_CASE("a rule that retracts its own match asserts nothing logical after it")
{
    RulesBuilder b;
    b.tmpl("a", {});
    const TemplateId x = b.tmpl("x", {});
    const TemplateId y = b.tmpl("y", {});
    RuleDraft& r = b.rule("r");
    r.pattern("?f", "a", {}).assert_("y", {}).retract("?f").assert_("x", {}, true);
    Session s(b.network());
    s.assert_fact(b.fact("a", {}));
    const RunResult result = s.run();
    CHECK(result.stop == StopReason::Finished);
    CHECK(has(s, y));
    CHECK_FALSE(has(s, x));
}
