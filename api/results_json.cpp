#include "api/results_json.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "api/conversion.hpp"

namespace koers::api {

namespace {

using nlohmann::ordered_json;

ordered_json value_json(const engine::Value& value, const engine::ValueStore& values)
{
    switch (value.type()) {
    case engine::ValueType::Nil: return nullptr;
    case engine::ValueType::Bool: return value.as_bool();
    case engine::ValueType::Int: return value.as_int();
    case engine::ValueType::Number:
        // JSON has no infinity or NaN; they stay readable as text.
        if (!std::isfinite(value.as_number())) return values.render(value);
        return value.as_number();
    case engine::ValueType::Symbol:
    case engine::ValueType::Text: return values.string(value.id());
    case engine::ValueType::List: {
        ordered_json items = ordered_json::array();
        for (const engine::Value& item : values.list_items(value.id())) items.push_back(value_json(item, values));
        return items;
    }
    }
    return nullptr;
}

ordered_json explanation_json(const engine::Explanation& explanation)
{
    ordered_json out;
    out["text"] = explanation.text;
    out["rule"] = explanation.firing != 0 ? ordered_json(explanation.rule) : ordered_json(nullptr);
    out["firing"] = explanation.firing != 0 ? ordered_json(explanation.firing) : ordered_json(nullptr);
    out["input"] = explanation.input;
    out["live"] = explanation.live;
    if (explanation.repeated) out["repeated"] = true;
    if (explanation.cut) out["cut"] = true;
    ordered_json bindings = ordered_json::object();
    for (const auto& [name, value] : explanation.bindings) bindings[name] = value;
    out["bindings"] = std::move(bindings);
    ordered_json because = ordered_json::array();
    for (const engine::Explanation& child : explanation.because) because.push_back(explanation_json(child));
    out["because"] = std::move(because);
    return out;
}

ordered_json error_object(const Error& error)
{
    ordered_json out;
    out["message"] = error.message;
    if (!error.path.empty()) out["path"] = error.path;
    if (!error.file.empty()) {
        out["file"] = error.file;
        out["line"] = error.line;
        out["column"] = error.column;
    }
    if (!error.rule.empty()) out["rule"] = error.rule;
    out["text"] = error.render();
    return out;
}

ordered_json run_object(const RunResult& result, std::size_t live_facts, bool time)
{
    ordered_json run;
    run["stop"] = stop_reason_name(result.stop);
    run["partial"] = result.partial;
    run["error"] = result.error ? error_object(*result.error) : ordered_json(nullptr);
    run["firings"] = result.firings;
    run["facts"] = live_facts;
    if (time) run["time_ms"] = static_cast<double>(result.elapsed.count()) / 1e6;
    run["peak_memory_bytes"] = result.peak_memory;
    return run;
}

}  // namespace

std::string render_results_json(const engine::Session& session, const std::optional<RunResult>& last_run,
                                 const ResultsJsonOptions& options)
{
    const engine::RuleSet& rules = session.network().rules();
    const engine::ValueStore& values = session.values();
    const std::vector<engine::FactView> facts = session.facts();
    ordered_json report;
    report["facts"] = ordered_json::array();
    for (const engine::FactView& fact : facts) {
        const engine::TemplateSpec& spec = rules.templates[fact.template_id];
        ordered_json item;
        item["id"] = fact.id;
        item["template"] = spec.name;
        ordered_json slots = ordered_json::object();
        for (std::size_t i = 0; i < fact.slots.size() && i < spec.slots.size(); ++i) {
            slots[spec.slots[i].name] = value_json(fact.slots[i], values);
        }
        item["slots"] = std::move(slots);
        item["rule"] = fact.origin != 0 ? ordered_json(rules.rules[session.firing_log().at(fact.origin).rule].name)
                                        : ordered_json(nullptr);
        item["logical"] = fact.logical;
        if (options.explanations && fact.origin != 0) item["explanation"] = explanation_json(session.why_fact(fact.id));
        report["facts"].push_back(std::move(item));
    }
    report["advice"] = ordered_json::array();
    for (const engine::Advice* advice : session.advice()) {
        ordered_json item;
        item["id"] = advice->id;
        item["topic"] = values.string(advice->topic);
        item["severity"] = severity_name(public_severity(advice->severity));
        item["rule"] = rules.rules[advice->rule].name;
        ordered_json links = ordered_json::object();
        for (const auto& [key, link] : advice->links) links[values.string(key)] = value_json(link, values);
        item["links"] = std::move(links);
        ordered_json texts = ordered_json::object();
        for (const auto& [language, text] : advice->texts) texts[values.string(language)] = text;
        item["texts"] = std::move(texts);
        if (options.explanations) item["explanation"] = explanation_json(session.why_advice(advice->id));
        report["advice"].push_back(std::move(item));
    }
    report["output"] = session.output();
    report["run"] = last_run ? run_object(*last_run, facts.size(), options.time) : ordered_json(nullptr);
    return report.dump(options.indent, ' ', false, ordered_json::error_handler_t::replace);
}

std::string error_json(const Error& error)
{
    return error_object(error).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string run_json(const RunResult& result, std::size_t live_facts, bool time)
{
    return run_object(result, live_facts, time).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace koers::api
