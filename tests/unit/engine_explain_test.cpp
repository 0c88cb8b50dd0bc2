// Provenance and explanation: the firing log, `why` down to input facts, `why not`, and
// queries over the facts.
#include <doctest/doctest.h>

#include <sstream>

#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include "engine_rules_builder.hpp"

using namespace koers::engine;
using namespace koers::engine::testing;

namespace {

struct Chain {
    RulesBuilder b;
    std::shared_ptr<const Network> network;

    Chain()
    {
        b.tmpl("phase", {"current"}, ValueType::Symbol);
        b.tmpl("pole", {"paradox", "value"}, ValueType::Symbol);
        b.rules()->templates[1].slots[1].type = ValueType::Int;
        b.tmpl("concern", {"paradox"}, ValueType::Symbol);
        RuleDraft& r1 = b.rule("concern_early");
        r1.pattern("phase", {{"current", "formeren"}})
            .pattern("pole", {{"paradox", "?p"}, {"value", cmp(Operator::Ge, integer(2))}})
            .assert_("concern", {{"paradox", r1.var("?p")}}, true);
        RuleDraft& r2 = b.rule("advise_concern");
        r2.pattern("concern", {{"paradox", "?p"}}).advise("trust", Severity::Warning, {{"paradox", r2.var("?p")}});
        b.symbol("formeren");
        b.symbol("P01");
        b.symbol("funderen");
        network = b.network();
    }
};

}  // namespace

TEST_CASE("the firing log records rule, matched facts and variable values")
{
    Chain c;
    Session s(c.network);
    s.assert_fact(c.b.fact("phase", {{"current", c.b.symbol("formeren")}}));
    s.assert_fact(c.b.fact("pole", {{"paradox", c.b.symbol("P01")}, {"value", Value::integer(2)}}));
    s.run();
    REQUIRE(s.firing_log().size() == 2);
    const FiringRecord& first = s.firing_log().records()[0];
    CHECK(s.network().rules().rules[first.rule].name == "concern_early");
    CHECK(std::vector<FactId>(s.firing_log().facts(first).begin(), s.firing_log().facts(first).end()) ==
          std::vector<FactId>{1, 2});
    REQUIRE(s.firing_log().values(first).size() == 1);
    CHECK(s.firing_log().values(first)[0] == c.b.symbol("P01"));
    CHECK(s.fact(3)->origin == 1);
}

TEST_CASE("why explains a fact and advice down to the input facts")
{
    Chain c;
    Session s(c.network);
    s.assert_fact(c.b.fact("phase", {{"current", c.b.symbol("formeren")}}));
    s.assert_fact(c.b.fact("pole", {{"paradox", c.b.symbol("P01")}, {"value", Value::integer(2)}}));
    s.run();
    const Explanation fact = s.why_fact(3);
    CHECK(fact.rule == "concern_early");
    REQUIRE(fact.because.size() == 2);
    CHECK(fact.because[0].input);
    CHECK(render_explanation(fact) ==
          "f-3 concern(paradox: P01)  <- rule `concern_early` (firing 1) with ?p = P01\n"
          "  f-1 phase(current: formeren)  [input]\n"
          "  f-2 pole(paradox: P01, value: 2)  [input]\n");
    REQUIRE(s.advice().size() == 1);
    const Explanation advice = s.why_advice(s.advice()[0]->id);
    CHECK(render_explanation(advice) ==
          "advice trust (warning)  <- rule `advise_concern` (firing 2) with ?p = P01\n"
          "  f-3 concern(paradox: P01)  <- rule `concern_early` (firing 1) with ?p = P01\n"
          "    f-1 phase(current: formeren)  [input]\n"
          "    f-2 pole(paradox: P01, value: 2)  [input]\n");
}

TEST_CASE("why not names the first condition that fails and the closest fact")
{
    Chain c;
    Session s(c.network);
    WhyNot none = s.why_not("concern_early");
    REQUIRE(none.variants.size() == 1);
    CHECK(none.variants[0].condition == 0u);
    CHECK(none.variants[0].reason == "there are no `phase` facts");
    s.assert_fact(c.b.fact("phase", {{"current", c.b.symbol("funderen")}}));
    WhyNot wrong_phase = s.why_not("concern_early");
    CHECK(wrong_phase.variants[0].reason == "the closest fact, f-1 phase(current: funderen), fails `current: formeren`");
    s.assert_fact(c.b.fact("phase", {{"current", c.b.symbol("formeren")}}));
    s.assert_fact(c.b.fact("pole", {{"paradox", c.b.symbol("P01")}, {"value", Value::integer(1)}}));
    WhyNot low = s.why_not("concern_early");
    CHECK(low.variants[0].condition == 1u);
    CHECK(render_why_not(low) ==
          "rule `concern_early`: no match\n"
          "  rules.koers:1:1: condition 2 `pole(paradox: ?p, value: >= 2)` fails: the closest fact, f-3 pole(paradox: P01, "
          "value: 1), fails `value: >= 2` (with f-2 matched before)\n");
    s.assert_fact(c.b.fact("pole", {{"paradox", c.b.symbol("P01")}, {"value", Value::integer(2)}}));
    CHECK(s.why_not("concern_early").variants[0].matched);
    CHECK_FALSE(s.why_not("no_such_rule").known);
}

TEST_CASE("find_facts answers a pattern with constants")
{
    Chain c;
    Session s(c.network);
    s.assert_fact(c.b.fact("pole", {{"paradox", c.b.symbol("P01")}, {"value", Value::integer(1)}}));
    s.assert_fact(c.b.fact("pole", {{"paradox", c.b.symbol("P01")}, {"value", Value::integer(2)}}));
    QuerySpec query;
    query.template_id = 1;
    SlotConstraintSpec at_least;
    at_least.slot = 1;
    at_least.op = Operator::Ge;
    at_least.operand = integer(2);
    query.constraints.push_back(at_least);
    CHECK(s.find_facts(query) == std::vector<FactId>{2});
}

TEST_CASE("two sessions of one network run the same facts to the same firings")
{
    Chain c;
    const auto run = [&] {
        Session s(c.network);
        s.assert_fact(c.b.fact("phase", {{"current", c.b.symbol("formeren")}}));
        for (int i = 0; i < 5; ++i) {
            s.assert_fact(c.b.fact("pole", {{"paradox", c.b.symbol("P01")}, {"value", Value::integer(i)}}));
        }
        s.run();
        std::vector<std::string> log = fired_rules(s);
        for (const FactView& f : s.facts()) log.push_back(s.render_fact(f.id));
        return log;
    };
    const auto first = run();
    CHECK(first.size() > 4);
    CHECK(run() == first);
}

TEST_CASE("tracing logs assertions, activations and firings when on, and nothing when off")
{
    RulesBuilder b;
    b.tmpl("n", {"v"});
    b.rule("r").pattern("n", {{"v", "?v"}});
    std::ostringstream out;
    auto logger = std::make_shared<spdlog::logger>("trace_test", std::make_shared<spdlog::sinks::ostream_sink_st>(out));
    logger->set_level(spdlog::level::debug);
    logger->set_pattern("%v");
    Session s(b.network());
    s.set_trace(false, logger);
    s.assert_fact(b.fact("n", {{"v", Value::integer(1)}}));
    CHECK(out.str().empty());
    s.set_trace(true, logger);
    s.assert_fact(b.fact("n", {{"v", Value::integer(2)}}));
    s.run();
    CHECK(out.str() ==
          "==> f-2 n(v: 2)\n"
          "==> activation r: f-2\n"
          "FIRE 1 r: f-2\n"
          "FIRE 2 r: f-1\n");
}
