// The C API: sessions.
#include <vector>

#include <nlohmann/json.hpp>

#include "api/c_api_support.hpp"
#include "api/results_json.hpp"

namespace koers::api::c {

namespace {

using nlohmann::json;

koers_status no_session(const char* function) { return fail(KOERS_ERROR_ARGUMENT, std::string(function) + ": session is null"); }

// A JSON value as a slot value; strings fit symbol and text slots alike.
std::optional<Value> value_from_json(const json& value)
{
    if (value.is_null()) return Value();
    if (value.is_boolean()) return Value(value.get<bool>());
    if (value.is_number_integer()) return Value(value.get<std::int64_t>());
    if (value.is_number()) return Value(value.get<double>());
    if (value.is_string()) return Value(value.get<std::string>());
    if (value.is_array()) {
        std::vector<Value> items;
        for (const json& item : value) {
            std::optional<Value> converted = value_from_json(item);
            if (!converted) return std::nullopt;
            items.push_back(std::move(*converted));
        }
        return Value(std::move(items));
    }
    return std::nullopt;
}

koers_status status_of(const RunResult& result)
{
    switch (result.stop) {
    case StopReason::Finished:
    case StopReason::Halted: return KOERS_OK;
    case StopReason::Limit: return fail(KOERS_ERROR_LIMIT, result.error ? result.error->render() : "limit reached");
    case StopReason::Error: return fail(KOERS_ERROR_RUN, result.error ? result.error->render() : "run-time error");
    }
    return KOERS_OK;
}

}  // namespace

}  // namespace koers::api::c

using namespace koers::api;
using namespace koers::api::c;

extern "C" {

koers_status koers_session_new(const koers_ruleset* ruleset, koers_session** session)
{
    if (session != nullptr) *session = nullptr;
    return guarded([&] {
        if (ruleset == nullptr || session == nullptr) {
            return fail(KOERS_ERROR_ARGUMENT, "koers_session_new: ruleset and session must not be null");
        }
        *session = new koers_session{Session(ruleset->ruleset)};
        return KOERS_OK;
    });
}

void koers_session_free(koers_session* session) { delete session; }

koers_status koers_session_assert_json(koers_session* session, const char* json_text, char** fact_ids_json)
{
    reset_out(fact_ids_json);
    return guarded([&] {
        if (session == nullptr) return no_session("koers_session_assert_json");
        if (json_text == nullptr) return fail(KOERS_ERROR_ARGUMENT, "koers_session_assert_json: json is null");
        const JsonAssertResult result = session->session.assert_json(json_text);
        hand_out(fact_ids_json, nlohmann::json(result.facts).dump());
        if (result.error) {
            // A fact that read well but failed while rules matched it is a run-time error.
            const bool run_time = !result.error->rule.empty() || !result.error->file.empty();
            return fail(run_time ? KOERS_ERROR_RUN : KOERS_ERROR_JSON, result.error->render());
        }
        return KOERS_OK;
    });
}

koers_status koers_session_retract(koers_session* session, uint64_t fact)
{
    return guarded([&] {
        if (session == nullptr) return no_session("koers_session_retract");
        if (const std::optional<Error> error = session->session.retract(fact)) return fail(KOERS_ERROR_FACT, error->render());
        return KOERS_OK;
    });
}

koers_status koers_session_modify_json(koers_session* session, uint64_t fact, const char* changes_json, uint64_t* new_fact)
{
    if (new_fact != nullptr) *new_fact = 0;
    return guarded([&] {
        if (session == nullptr) return no_session("koers_session_modify_json");
        if (changes_json == nullptr) return fail(KOERS_ERROR_ARGUMENT, "koers_session_modify_json: changes_json is null");
        const json changes = json::parse(changes_json, nullptr, false);
        if (changes.is_discarded() || !changes.is_object()) {
            return fail(KOERS_ERROR_JSON, "$: expected an object of slot names and values");
        }
        std::vector<std::pair<std::string, Value>> slot_changes;
        for (const auto& entry : changes.items()) {
            std::optional<Value> value = value_from_json(entry.value());
            if (!value) return fail(KOERS_ERROR_JSON, "$." + entry.key() + ": expected a value, not " + entry.value().dump());
            slot_changes.emplace_back(entry.key(), std::move(*value));
        }
        const AssertResult result = session->session.modify(fact, slot_changes);
        if (result.error) return fail(KOERS_ERROR_FACT, result.error->render());
        if (new_fact != nullptr) *new_fact = result.fact;
        return KOERS_OK;
    });
}

koers_status koers_session_focus(koers_session* session, const char* const* stages, size_t count)
{
    return guarded([&] {
        if (session == nullptr) return no_session("koers_session_focus");
        if (stages == nullptr && count > 0) return fail(KOERS_ERROR_ARGUMENT, "koers_session_focus: stages is null");
        std::vector<std::string> names;
        for (size_t index = 0; index < count; ++index) {
            if (stages[index] == nullptr) return fail(KOERS_ERROR_ARGUMENT, "koers_session_focus: a stage is null");
            names.emplace_back(stages[index]);
        }
        if (const std::optional<Error> error = session->session.focus(names)) return fail(KOERS_ERROR_FACT, error->render());
        return KOERS_OK;
    });
}

void koers_run_options_init(koers_run_options* options)
{
    if (options == nullptr) return;
    const RunOptions defaults;
    options->strategy = KOERS_STRATEGY_DEPTH;
    options->max_firings = defaults.max_firings;
    options->max_facts = defaults.max_facts;
    options->max_time_ms = static_cast<uint64_t>(defaults.max_time.count());
}

koers_status koers_session_run(koers_session* session, const koers_run_options* options, char** run_json)
{
    reset_out(run_json);
    return guarded([&] {
        if (session == nullptr) return no_session("koers_session_run");
        RunOptions run;
        if (options != nullptr) {
            if (options->strategy < KOERS_STRATEGY_DEPTH || options->strategy > KOERS_STRATEGY_MEA) {
                return fail(KOERS_ERROR_ARGUMENT, "koers_session_run: unknown strategy");
            }
            if (options->max_time_ms > 1'000'000'000'000ULL) {
                return fail(KOERS_ERROR_ARGUMENT, "koers_session_run: max_time_ms is too large");
            }
            run.strategy = static_cast<Strategy>(options->strategy);
            run.max_firings = options->max_firings;
            run.max_facts = static_cast<std::size_t>(options->max_facts);
            run.max_time = std::chrono::milliseconds(static_cast<std::int64_t>(options->max_time_ms));
        }
        const RunResult result = session->session.run(run);
        hand_out(run_json, koers::api::run_json(result, session->session.facts().size(), true));
        return status_of(result);
    });
}

koers_status koers_session_results_json(const koers_session* session, int flags, char** results_json)
{
    reset_out(results_json);
    return guarded([&] {
        if (session == nullptr) return no_session("koers_session_results_json");
        if (results_json == nullptr) return fail(KOERS_ERROR_ARGUMENT, "koers_session_results_json: results_json is null");
        ResultsJsonOptions options;
        options.explanations = (flags & KOERS_RESULTS_EXPLAIN) != 0;
        options.time = (flags & KOERS_RESULTS_NO_TIME) == 0;
        options.indent = (flags & KOERS_RESULTS_PRETTY) != 0 ? 2 : -1;
        hand_out(results_json, session->session.results_json(options));
        return KOERS_OK;
    });
}

koers_status koers_session_explain_fact(const koers_session* session, uint64_t fact, char** explanation)
{
    reset_out(explanation);
    return guarded([&] {
        if (session == nullptr) return no_session("koers_session_explain_fact");
        if (explanation == nullptr) return fail(KOERS_ERROR_ARGUMENT, "koers_session_explain_fact: explanation is null");
        const std::optional<Explanation> found = session->session.explain_fact(fact);
        if (!found) return fail(KOERS_ERROR_FACT, "there is no fact f-" + std::to_string(fact));
        hand_out(explanation, found->render());
        return KOERS_OK;
    });
}

koers_status koers_session_explain_advice(const koers_session* session, uint64_t advice, char** explanation)
{
    reset_out(explanation);
    return guarded([&] {
        if (session == nullptr) return no_session("koers_session_explain_advice");
        if (explanation == nullptr) return fail(KOERS_ERROR_ARGUMENT, "koers_session_explain_advice: explanation is null");
        const std::optional<Explanation> found = session->session.explain_advice(advice);
        if (!found) return fail(KOERS_ERROR_FACT, "there is no advice " + std::to_string(advice));
        hand_out(explanation, found->render());
        return KOERS_OK;
    });
}

koers_status koers_session_why_not(const koers_session* session, const char* rule, char** explanation)
{
    reset_out(explanation);
    return guarded([&] {
        if (session == nullptr) return no_session("koers_session_why_not");
        if (rule == nullptr || explanation == nullptr) {
            return fail(KOERS_ERROR_ARGUMENT, "koers_session_why_not: rule and explanation must not be null");
        }
        const std::string text = session->session.why_not(rule);
        if (text.empty()) return fail(KOERS_ERROR_FACT, std::string("there is no rule `") + rule + "`");
        hand_out(explanation, text);
        return KOERS_OK;
    });
}

koers_status koers_session_reset(koers_session* session)
{
    return guarded([&] {
        if (session == nullptr) return no_session("koers_session_reset");
        session->session.reset();
        return KOERS_OK;
    });
}

koers_status koers_session_clear(koers_session* session)
{
    return guarded([&] {
        if (session == nullptr) return no_session("koers_session_clear");
        session->session.clear();
        return KOERS_OK;
    });
}

}  // extern "C"
