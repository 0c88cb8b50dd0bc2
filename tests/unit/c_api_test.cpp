// The C embedding API (include/koers/koers.h), called as a C program would: status
// codes, the last error, JSON in and out, and ownership of returned strings.
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "api_support.hpp"
#include "koers/koers.h"

namespace {

// Takes ownership of a string the library handed out.
std::string taken(char* text)
{
    REQUIRE(text != nullptr);
    std::string copy = text;
    koers_free_string(text);
    return copy;
}

koers_ruleset* shop()
{
    koers_ruleset* rules = nullptr;
    REQUIRE(koers_ruleset_compile_text("shop.koers", api_shop_ruleset, &rules, nullptr) == KOERS_OK);
    REQUIRE(rules != nullptr);
    return rules;
}

}  // namespace

TEST_CASE("c api: compile errors come back as a status, the last error and diagnostics JSON")
{
    koers_ruleset* rules = reinterpret_cast<koers_ruleset*>(1);
    char* diagnostics = nullptr;
    CHECK(koers_ruleset_compile_text("bad.koers", "rule r\nwhen\n  nothing()\nthen\nend\n", &rules, &diagnostics) ==
          KOERS_ERROR_COMPILE);
    CHECK(rules == nullptr);
    CHECK(std::string(koers_last_error()).starts_with("bad.koers:3:3: error: "));
    const nlohmann::json list = nlohmann::json::parse(taken(diagnostics));
    REQUIRE(list.is_array());
    CHECK(list[0]["file"] == "bad.koers");
    CHECK(list[0]["line"] == 3);
    CHECK(list[0]["severity"] == "error");
    CHECK(list[0]["code"] == "unknown-template");

    const char* missing[] = {"/nonexistent/koers"};
    CHECK(koers_ruleset_compile_files(missing, 1, &rules, nullptr) == KOERS_ERROR_COMPILE);
    CHECK(std::string(koers_status_name(KOERS_ERROR_COMPILE)) == "compile");
}

TEST_CASE("c api: null handles and pointers are argument errors, never crashes")
{
    CHECK(koers_ruleset_compile_text(nullptr, "x", nullptr, nullptr) == KOERS_ERROR_ARGUMENT);
    CHECK(koers_ruleset_compile_files(nullptr, 1, nullptr, nullptr) == KOERS_ERROR_ARGUMENT);
    CHECK(koers_session_new(nullptr, nullptr) == KOERS_ERROR_ARGUMENT);
    CHECK(koers_session_assert_json(nullptr, "{}", nullptr) == KOERS_ERROR_ARGUMENT);
    CHECK(std::string(koers_last_error()) == "koers_session_assert_json: session is null");
    CHECK(koers_session_run(nullptr, nullptr, nullptr) == KOERS_ERROR_ARGUMENT);
    CHECK(koers_session_results_json(nullptr, 0, nullptr) == KOERS_ERROR_ARGUMENT);
    CHECK(koers_session_retract(nullptr, 1) == KOERS_ERROR_ARGUMENT);
    CHECK(koers_session_reset(nullptr) == KOERS_ERROR_ARGUMENT);
    CHECK(koers_ruleset_describe_json(nullptr, nullptr) == KOERS_ERROR_ARGUMENT);
    koers_session_free(nullptr);
    koers_ruleset_free(nullptr);
    koers_free_string(nullptr);
    CHECK(std::string(koers_version()) == KOERS_VERSION_TEXT);
}

TEST_CASE("c api: facts as JSON in, results as JSON out, explanations as text")
{
    koers_ruleset* rules = shop();
    koers_session* session = nullptr;
    REQUIRE(koers_session_new(rules, &session) == KOERS_OK);
    koers_ruleset_free(rules);  // the session keeps the ruleset alive

    char* ids = nullptr;
    REQUIRE(koers_session_assert_json(session, R"({"customer": {"name": "ada", "status": "gold"},
                                                   "order": [{"id": 1, "customer": "ada", "total": 30}]})",
                                      &ids) == KOERS_OK);
    CHECK(std::string(koers_last_error()).empty());
    CHECK(taken(ids) == "[1,2]");

    char* run = nullptr;
    REQUIRE(koers_session_run(session, nullptr, &run) == KOERS_OK);
    const nlohmann::json run_json = nlohmann::json::parse(taken(run));
    CHECK(run_json["stop"] == "finished");
    CHECK(run_json["firings"] == 1);

    char* results = nullptr;
    REQUIRE(koers_session_results_json(session, KOERS_RESULTS_EXPLAIN | KOERS_RESULTS_NO_TIME, &results) == KOERS_OK);
    const nlohmann::json document = nlohmann::json::parse(taken(results));
    CHECK(document["facts"].size() == 3);
    CHECK(document["advice"][0]["texts"]["en"] == "Customer ada spends 30.0.");
    CHECK(document["advice"][0]["explanation"]["rule"] == "gold_discount");
    CHECK_FALSE(document["run"].contains("time_ms"));

    char* why = nullptr;
    REQUIRE(koers_session_explain_fact(session, 3, &why) == KOERS_OK);
    CHECK(taken(why).starts_with("f-3 discount(order: 1)  <- rule `gold_discount` (firing 1)"));
    REQUIRE(koers_session_explain_advice(session, 1, &why) == KOERS_OK);
    CHECK(taken(why).starts_with("advice big_spender (warning)"));
    CHECK(koers_session_explain_fact(session, 42, &why) == KOERS_ERROR_FACT);
    CHECK(why == nullptr);
    CHECK(koers_session_why_not(session, "count_up", &why) == KOERS_OK);
    CHECK(taken(why).find("count_up") != std::string::npos);
    CHECK(koers_session_why_not(session, "nope", &why) == KOERS_ERROR_FACT);

    koers_session_free(session);
}

TEST_CASE("c api: bad facts JSON is rejected with the JSON path, nothing is asserted")
{
    koers_ruleset* rules = shop();
    koers_session* session = nullptr;
    REQUIRE(koers_session_new(rules, &session) == KOERS_OK);
    CHECK(koers_session_assert_json(session, R"({"order": {"id": 1.5, "customer": "ada"}})", nullptr) == KOERS_ERROR_JSON);
    CHECK(std::string(koers_last_error()).starts_with("$.order.id: expected "));
    CHECK(koers_session_assert_json(session, "[{", nullptr) == KOERS_ERROR_JSON);
    CHECK(std::string(koers_last_error()).find("not valid JSON") != std::string::npos);
    char* results = nullptr;
    REQUIRE(koers_session_results_json(session, KOERS_RESULTS_NO_TIME, &results) == KOERS_OK);
    CHECK(taken(results) == R"({"facts":[],"advice":[],"output":[],"run":null})");
    koers_session_free(session);
    koers_ruleset_free(rules);
}

TEST_CASE("c api: modify, retract, focus, reset and clear")
{
    koers_ruleset* rules = shop();
    koers_session* session = nullptr;
    REQUIRE(koers_session_new(rules, &session) == KOERS_OK);
    REQUIRE(koers_session_assert_json(session, R"({"customer": {"name": "ada"}})", nullptr) == KOERS_OK);
    std::uint64_t changed = 0;
    REQUIRE(koers_session_modify_json(session, 1, R"({"status": "gold"})", &changed) == KOERS_OK);
    CHECK(changed == 2);
    CHECK(koers_session_modify_json(session, 2, R"({"status": "bronze"})", &changed) == KOERS_ERROR_FACT);
    CHECK(changed == 0);
    CHECK(koers_session_modify_json(session, 2, "[1]", nullptr) == KOERS_ERROR_JSON);
    CHECK(koers_session_modify_json(session, 2, R"({"colour": 1})", nullptr) == KOERS_ERROR_FACT);
    CHECK(koers_session_retract(session, 1) == KOERS_ERROR_FACT);  // modify retracted it
    CHECK(koers_session_retract(session, 2) == KOERS_OK);

    const char* stages[] = {"audit"};
    CHECK(koers_session_focus(session, stages, 1) == KOERS_OK);
    const char* unknown[] = {"nowhere"};
    CHECK(koers_session_focus(session, unknown, 1) == KOERS_ERROR_FACT);
    CHECK(koers_session_reset(session) == KOERS_OK);
    CHECK(koers_session_clear(session) == KOERS_OK);
    koers_session_free(session);
    koers_ruleset_free(rules);
}

TEST_CASE("c api: a run that reaches its limit says so, bad options are argument errors")
{
    koers_ruleset* rules = shop();
    koers_session* session = nullptr;
    REQUIRE(koers_session_new(rules, &session) == KOERS_OK);
    REQUIRE(koers_session_assert_json(session, R"({"counter": {"value": 0}})", nullptr) == KOERS_OK);
    koers_run_options options;
    koers_run_options_init(&options);
    CHECK(options.max_firings == 1'000'000);
    options.max_firings = 10;
    char* run = nullptr;
    CHECK(koers_session_run(session, &options, &run) == KOERS_ERROR_LIMIT);
    CHECK(std::string(koers_last_error()).find("limit of 10 firings") != std::string::npos);
    const nlohmann::json run_json = nlohmann::json::parse(taken(run));
    CHECK(run_json["stop"] == "limit");
    CHECK(run_json["partial"] == true);
    CHECK(run_json["error"]["message"].get<std::string>().find("limit of 10 firings") != std::string::npos);

    options.strategy = 9;
    CHECK(koers_session_run(session, &options, nullptr) == KOERS_ERROR_ARGUMENT);
    koers_session_free(session);
    koers_ruleset_free(rules);
}

TEST_CASE("c api: describe a ruleset as JSON")
{
    koers_ruleset* rules = shop();
    char* description = nullptr;
    REQUIRE(koers_ruleset_describe_json(rules, &description) == KOERS_OK);
    const nlohmann::json document = nlohmann::json::parse(taken(description));
    CHECK(document["templates"][0]["name"] == "customer");
    CHECK(document["templates"][0]["slots"][1]["allowed"] == nlohmann::json::array({"gold", "silver"}));
    CHECK(document["rules"] == nlohmann::json::array({"gold_discount", "count_up"}));
    CHECK(document["stages"] == nlohmann::json::array({"main", "audit"}));
    koers_ruleset_free(rules);
}

TEST_CASE("c api: the last error belongs to each thread")
{
    CHECK(koers_session_reset(nullptr) == KOERS_ERROR_ARGUMENT);
    std::string other;
    std::thread thread([&other] {
        koers_ruleset* rules = nullptr;
        koers_ruleset_compile_text("t.koers", "rule", &rules, nullptr);
        other = koers_last_error();
    });
    thread.join();
    CHECK(std::string(koers_last_error()) == "koers_session_reset: session is null");
    CHECK(other.starts_with("t.koers:"));
}
