// The C++ embedding API (include/koers/koers.hpp), used as an embedding program would.
#include <doctest/doctest.h>

#include <algorithm>
#include <thread>

#include "api_support.hpp"
#include "koers/koers.hpp"

using namespace koers::api;

namespace {

Ruleset shop()
{
    CompileResult compiled = Ruleset::compile_text("shop.koers", api_shop_ruleset);
    REQUIRE(compiled.ok());
    return *compiled.ruleset;
}

}  // namespace

TEST_CASE("api: a ruleset with errors gives diagnostics as values, with place and code")
{
    const CompileResult compiled = Ruleset::compile_text("bad.koers", "template t {\n  a: int\n}\n\nrule r\nwhen\n  nothing(a: 1)\nthen\n  print \"x\"\nend\n");
    CHECK_FALSE(compiled.ok());
    REQUIRE_FALSE(compiled.diagnostics.empty());
    const Diagnostic& first = compiled.diagnostics.front();
    CHECK(first.file == "bad.koers");
    CHECK(first.line == 7);
    CHECK(first.column == 3);
    CHECK(first.severity == Diagnostic::Severity::Error);
    CHECK(first.code == "unknown-template");
    CHECK(first.render().starts_with("bad.koers:7:3: error: "));
}

TEST_CASE("api: syntax errors and missing files are diagnostics too")
{
    const CompileResult syntax = Ruleset::compile_text("broken.koers", "rule r when then");
    CHECK_FALSE(syntax.ok());
    REQUIRE_FALSE(syntax.diagnostics.empty());
    CHECK(syntax.diagnostics.front().code == "syntax");

    const CompileResult missing = Ruleset::compile_files({"/nonexistent/koers/rules.koers"});
    CHECK_FALSE(missing.ok());
    CHECK_FALSE(missing.diagnostics.empty());

    const CompileResult none = Ruleset::compile_sources({});
    CHECK_FALSE(none.ok());
    REQUIRE(none.diagnostics.size() == 1);
    CHECK(none.diagnostics.front().code == "no-files");
}

TEST_CASE("api: compile from files follows the loader (the shipped alliance ruleset)")
{
    const CompileResult compiled = Ruleset::compile_files({KOERS_SOURCE_DIR "/rulesets/alliance"});
    REQUIRE(compiled.ok());
    CHECK(compiled.ruleset->files().size() > 1);
    CHECK_FALSE(compiled.ruleset->rules().empty());
}

TEST_CASE("api: a ruleset describes its templates, rules and stages")
{
    const Ruleset rules = shop();
    const std::vector<TemplateInfo> templates = rules.templates();
    REQUIRE(templates.size() == 4);
    CHECK(templates[0].name == "customer");
    REQUIRE(templates[0].slots.size() == 2);
    CHECK(templates[0].slots[1].type == "symbol");
    CHECK(templates[0].slots[1].has_default);
    CHECK(templates[0].slots[1].allowed == std::vector<Value>{Value::symbol("gold"), Value::symbol("silver")});
    CHECK(templates[1].slots[2].low == 0.0);
    CHECK(rules.rules() == std::vector<std::string>{"gold_discount", "count_up"});
    CHECK(rules.stages() == std::vector<std::string>{"main", "audit"});
}

TEST_CASE("api: typed facts in, facts, advice and output out")
{
    Session session(shop());
    const AssertResult ada = session.assert_fact(NewFact("customer").set("name", "ada").set("status", "gold"));
    REQUIRE(ada.ok());
    const AssertResult order = session.assert_fact(NewFact("order").set("id", 7).set("customer", "ada").set("total", 40));
    REQUIRE(order.ok());
    const RunResult result = session.run();
    CHECK(result.stop == StopReason::Finished);
    CHECK(result.firings == 1);
    CHECK_FALSE(result.partial);

    const std::vector<Fact> discounts = session.facts("discount");
    REQUIRE(discounts.size() == 1);
    CHECK(discounts[0].rule == "gold_discount");
    CHECK(discounts[0].logical);
    CHECK(*discounts[0].slot("order") == Value(7));
    CHECK(discounts[0].render() == "discount(order: 7)");
    CHECK(session.facts().size() == 3);

    const std::vector<Fact> orders = session.facts("order");
    REQUIRE(orders.size() == 1);
    CHECK(orders[0].slot("total")->type() == Value::Type::Number);  // an int fitted to a number slot
    CHECK(orders[0].slot("customer")->type() == Value::Type::Symbol);

    const std::vector<Advice> advice = session.advice();
    REQUIRE(advice.size() == 1);
    CHECK(advice[0].topic == "big_spender");
    CHECK(advice[0].severity == Severity::Warning);
    CHECK(advice[0].text("nl") == "Klant ada besteedt 40.0.");
    CHECK(advice[0].text("fr") == "Customer ada spends 40.0.");
    REQUIRE(advice[0].links.size() == 1);
    CHECK(advice[0].links[0] == std::pair<std::string, Value>{"customer", Value::symbol("ada")});
    CHECK(session.output() == std::vector<std::string>{"discount on 7"});
    CHECK(session.firing_count("gold_discount") == 1);
}

TEST_CASE("api: a fact that does not fit is an error value, and changes nothing")
{
    Session session(shop());
    CHECK(session.assert_fact(NewFact("nothing")).error->message == "unknown template `nothing`");
    CHECK(session.assert_fact(NewFact("order").set("colour", 1)).error->message == "template `order` has no slot `colour`");
    CHECK(session.assert_fact(NewFact("order").set("id", "seven").set("customer", "x")).error->message ==
          "slot `order.id`: expected int, not \"seven\"");
    CHECK(session.assert_fact(NewFact("order").set("customer", "x")).error->message == "a `order` fact needs slot `id`");
    const AssertResult out_of_range = session.assert_fact(NewFact("order").set("id", 1).set("customer", "x").set("total", -5));
    REQUIRE_FALSE(out_of_range.ok());
    CHECK(out_of_range.error->message.find("0..100000") != std::string::npos);
    CHECK(session.facts().empty());
}

TEST_CASE("api: duplicates, retract and modify, logical support follows")
{
    Session session(shop());
    const FactId ada = session.assert_fact(NewFact("customer").set("name", "ada").set("status", "gold")).fact;
    const AssertResult again = session.assert_fact(NewFact("customer").set("name", "ada").set("status", "gold"));
    CHECK(again.existed);
    CHECK(again.fact == ada);
    const FactId order = session.assert_fact(NewFact("order").set("id", 1).set("customer", "ada")).fact;
    session.run();
    CHECK(session.facts("discount").size() == 1);

    const AssertResult silver = session.modify(ada, {{"status", "silver"}});
    REQUIRE(silver.ok());
    CHECK(silver.fact != ada);
    CHECK(session.facts("discount").empty());  // its support went with the gold customer
    CHECK(session.advice().empty());
    CHECK_FALSE(session.fact(ada)->live);
    CHECK(session.fact(silver.fact)->live);

    CHECK_FALSE(session.retract(order).has_value());
    REQUIRE(session.retract(order).has_value());  // already gone
    CHECK(session.modify(9999, {}).error->message == "there is no fact f-9999");
    CHECK(session.modify(silver.fact, {{"status", "bronze"}}).error.has_value());
}

TEST_CASE("api: facts from JSON in both shapes, errors name the JSON path")
{
    Session session(shop());
    const JsonAssertResult facts = session.assert_json(
        R"({"facts": [{"template": "customer", "slots": {"name": "bo", "status": "gold"}},
                      {"template": "order", "slots": {"id": 2, "customer": "bo", "total": 12.5}}]})");
    REQUIRE(facts.ok());
    CHECK(facts.facts.size() == 2);
    const JsonAssertResult assessment = session.assert_json(R"({"order": [{"id": 3, "customer": "bo"}]})");
    REQUIRE(assessment.ok());
    CHECK(assessment.facts.size() == 1);
    session.run();
    CHECK(session.advice().size() == 2);

    const JsonAssertResult bad = session.assert_json(R"({"order": [{"id": 4, "customer": "bo"}, {"id": "x", "customer": "bo"}]})");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error->path == "$.order[1].id");
    CHECK(bad.facts.empty());
    CHECK(session.facts("order").size() == 2);  // the good fact before it was not asserted either

    const JsonAssertResult broken = session.assert_json("{\"order\": [");
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error->message.find("not valid JSON") != std::string::npos);
}

TEST_CASE("api: explanations of facts and advice, why not")
{
    Session session(shop());
    session.assert_fact(NewFact("customer").set("name", "ada").set("status", "gold"));
    CHECK(session.why_not("gold_discount").find("no match") != std::string::npos);
    CHECK(session.why_not("no_such_rule").empty());
    session.assert_fact(NewFact("order").set("id", 1).set("customer", "ada"));
    session.run();

    const Fact discount = session.facts("discount").at(0);
    const std::optional<Explanation> why = session.explain_fact(discount.id);
    REQUIRE(why.has_value());
    CHECK(why->rule == "gold_discount");
    CHECK(why->firing == 1);
    CHECK(why->file == "shop.koers");
    REQUIRE(why->because.size() == 2);
    CHECK(why->because[0].input);
    CHECK(why->render().find("<- rule `gold_discount` (firing 1) with ?c = ada") != std::string::npos);

    const std::optional<Explanation> advice = session.explain_advice(session.advice().at(0).id);
    REQUIRE(advice.has_value());
    CHECK(advice->text == "advice big_spender (warning)");
    CHECK_FALSE(session.explain_advice(99).has_value());
    CHECK_FALSE(session.explain_fact(99).has_value());
}

TEST_CASE("api: limits stop a run with partial results, a later run goes on")
{
    Session session(shop());
    session.assert_fact(NewFact("counter").set("value", 0));
    RunOptions options;
    options.max_firings = 100;
    const RunResult stopped = session.run(options);
    CHECK(stopped.stop == StopReason::Limit);
    CHECK(stopped.partial);
    CHECK(stopped.firings == 100);
    REQUIRE(stopped.error.has_value());
    CHECK(stopped.error->message.find("limit of 100 firings") != std::string::npos);
    CHECK(stopped.error->file == "shop.koers");
    CHECK(*session.facts("counter").at(0).slot("value") == Value(100));
    session.run(options);
    CHECK(*session.facts("counter").at(0).slot("value") == Value(200));

    options.max_firings = 1'000'000'000;
    options.max_time = std::chrono::milliseconds(50);
    const RunResult timed = session.run(options);
    CHECK(timed.stop == StopReason::Limit);
    CHECK(timed.error->message.find("time") != std::string::npos);
}

TEST_CASE("api: reset and clear, focus names stages")
{
    CompileResult compiled = Ruleset::compile_text("start.koers",
                                                   "template seen {\n  what: symbol\n}\n\nfacts start {\n  seen(what: "
                                                   "boot)\n}\n");
    REQUIRE(compiled.ok());
    Session session(*compiled.ruleset);
    CHECK(session.facts().size() == 1);
    session.assert_fact(NewFact("seen").set("what", "more"));
    CHECK(session.facts().size() == 2);
    session.reset();
    CHECK(session.facts().size() == 1);
    session.clear();
    CHECK(session.facts().empty());

    Session shop_session(shop());
    CHECK_FALSE(shop_session.focus({"audit"}).has_value());
    CHECK(shop_session.focus({"nowhere"})->message == "unknown stage `nowhere`");
}

TEST_CASE("api: results as JSON, with explanations and without time")
{
    Session session(shop());
    CHECK(session.results_json({.explanations = false, .time = false, .indent = -1}) ==
          R"({"facts":[],"advice":[],"output":[],"run":null})");
    session.assert_json(R"({"customer": {"name": "ada", "status": "gold"}, "order": {"id": 1, "customer": "ada", "total": 5}})");
    session.run();
    const std::string json = session.results_json({.explanations = true, .time = false, .indent = -1});
    CHECK(json.find(R"x("template":"discount","slots":{"order":1},"rule":"gold_discount","logical":true,"explanation":{"text":"f-3 discount(order: 1)")x") !=
          std::string::npos);
    CHECK(json.find(R"("run":{"stop":"finished","partial":false,"error":null,"firings":1,"facts":3,"peak_memory_bytes":)") !=
          std::string::npos);
    CHECK(json.find("time_ms") == std::string::npos);
    CHECK(session.results_json().find("time_ms") != std::string::npos);
}

TEST_CASE("api: values render as Koers writes them and compare across int and number")
{
    CHECK(Value().render() == "nil");
    CHECK(Value(2).render() == "2");
    CHECK(Value(2.0).render() == "2.0");
    CHECK(Value::symbol("gold").render() == "gold");
    CHECK(Value("say \"hi\"").render() == R"("say \"hi\"")");
    CHECK(Value(std::vector<Value>{1, Value::symbol("a")}).render() == "[1, a]");
    CHECK(Value(1) == Value(1.0));
    CHECK_FALSE(Value::symbol("a") == Value::text("a"));
    CHECK(std::string(version()) == KOERS_VERSION_TEXT);
}

TEST_CASE("api: many sessions on one ruleset from several threads give the same results")
{
    const Ruleset rules = shop();
    constexpr int thread_count = 8;
    std::vector<std::string> results(thread_count);
    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t) {
        threads.emplace_back([&rules, &results, t] {
            for (int round = 0; round < 20; ++round) {
                Session session(rules);
                session.assert_fact(NewFact("customer").set("name", "ada").set("status", "gold"));
                for (int id = 0; id < 50; ++id) session.assert_fact(NewFact("order").set("id", id).set("customer", "ada"));
                session.run();
                results[static_cast<std::size_t>(t)] = session.results_json({.explanations = true, .time = false, .indent = -1});
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    CHECK(results[0].find("\"order\":49") != std::string::npos);
    CHECK(std::all_of(results.begin(), results.end(), [&](const std::string& r) { return r == results[0]; }));
}
