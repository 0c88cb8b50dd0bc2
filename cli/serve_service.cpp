#include "cli/serve_service.hpp"

#include <charconv>
#include <optional>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "cli/serve_advise.hpp"

namespace koers::cli {

namespace {

using nlohmann::ordered_json;

constexpr const char* json_type = "application/json";

std::string dumped(const ordered_json& document)
{
    return document.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

void reply_error(httplib::Response& response, int status, const std::string& message, const std::string& path = {})
{
    ordered_json error;
    error["status"] = status;
    error["message"] = message;
    if (!path.empty()) error["path"] = path;
    response.status = status;
    response.set_content(dumped(ordered_json{{"error", error}}), json_type);
}

// A whole number from the query string, at most `cap`; nothing (and a 400 reply) when it
// is not one.
std::optional<std::uint64_t> query_number(const httplib::Request& request, httplib::Response& response,
                                          const std::string& name, std::uint64_t fallback, std::uint64_t cap)
{
    if (!request.has_param(name)) return fallback;
    const std::string text = request.get_param_value(name);
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value == 0) {
        reply_error(response, 400, "query parameter `" + name + "` must be a whole number above 0, not `" + text + "`");
        return std::nullopt;
    }
    return std::min(value, cap);
}

std::optional<api::Strategy> strategy_named(const std::string& name)
{
    if (name == "depth") return api::Strategy::Depth;
    if (name == "breadth") return api::Strategy::Breadth;
    if (name == "lex") return api::Strategy::Lex;
    if (name == "mea") return api::Strategy::Mea;
    return std::nullopt;
}

ordered_json diagnostics_json(const std::vector<api::Diagnostic>& diagnostics)
{
    ordered_json list = ordered_json::array();
    for (const api::Diagnostic& diagnostic : diagnostics) {
        list.push_back({{"file", diagnostic.file},
                        {"line", diagnostic.line},
                        {"column", diagnostic.column},
                        {"severity", diagnostic.severity == api::Diagnostic::Severity::Error ? "error" : "warning"},
                        {"code", diagnostic.code},
                        {"message", diagnostic.message}});
    }
    return list;
}

ordered_json ruleset_json(const std::string& name, const api::Ruleset& ruleset)
{
    ordered_json templates = ordered_json::array();
    for (const api::TemplateInfo& info : ruleset.templates()) {
        ordered_json slots = ordered_json::array();
        for (const api::SlotInfo& slot : info.slots) {
            slots.push_back({{"name", slot.name}, {"type", slot.type}, {"list", slot.is_list}, {"optional", slot.optional}});
        }
        templates.push_back({{"name", info.name}, {"doc", info.doc}, {"slots", std::move(slots)}});
    }
    return {{"name", name}, {"rules", ruleset.rules()}, {"stages", ruleset.stages()}, {"templates", std::move(templates)}};
}

}  // namespace

void Service::install(httplib::Server& server) const
{
    server.Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(R"({"status":"ok"})", json_type);
    });

    server.Get("/v1/rulesets", [this](const httplib::Request&, httplib::Response& response) {
        ordered_json list = ordered_json::array();
        for (const auto& [name, ruleset] : rulesets_) list.push_back(ruleset_json(name, ruleset));
        response.set_content(dumped(ordered_json{{"rulesets", std::move(list)}}), json_type);
    });

    // Body: ruleset text. Query: name (the file name in diagnostics).
    server.Post("/v1/check", [](const httplib::Request& request, httplib::Response& response) {
        const std::string name = request.has_param("name") ? request.get_param_value("name") : "request.koers";
        const api::CompileResult compiled = api::Ruleset::compile_text(name, request.body);
        ordered_json reply;
        reply["ok"] = compiled.ok();
        reply["diagnostics"] = diagnostics_json(compiled.diagnostics);
        response.set_content(dumped(reply), json_type);
    });

    // Body: facts in either JSON shape. Query: ruleset (optional with one ruleset),
    // strategy, max_firings, timeout_ms, explain.
    server.Post("/v1/run", [this](const httplib::Request& request, httplib::Response& response) {
        std::string name = request.has_param("ruleset") ? request.get_param_value("ruleset") : "";
        if (name.empty() && rulesets_.size() == 1) name = rulesets_.begin()->first;
        const auto found = rulesets_.find(name);
        if (found == rulesets_.end()) {
            return reply_error(response, 404, name.empty() ? "name the ruleset: /v1/run?ruleset=NAME (see /v1/rulesets)"
                                                           : "no ruleset named `" + name + "` (see /v1/rulesets)");
        }
        api::RunOptions options;
        const std::optional<std::uint64_t> firings =
            query_number(request, response, "max_firings", limits_.max_firings, limits_.max_firings);
        if (!firings) return;
        const auto time_cap = static_cast<std::uint64_t>(limits_.max_time.count());
        const std::optional<std::uint64_t> time = query_number(request, response, "timeout_ms", time_cap, time_cap);
        if (!time) return;
        options.max_firings = *firings;
        options.max_time = std::chrono::milliseconds(static_cast<std::int64_t>(*time));
        if (request.has_param("strategy")) {
            const std::optional<api::Strategy> strategy = strategy_named(request.get_param_value("strategy"));
            if (!strategy) return reply_error(response, 400, "strategy must be depth, breadth, lex or mea");
            options.strategy = *strategy;
        }
        if (!ordered_json::accept(request.body)) {
            return reply_error(response, 400, "the body is not valid JSON; send facts as docs/json.md describes");
        }

        api::Session session(found->second);
        const api::JsonAssertResult facts = session.assert_json(request.body);
        if (!facts.ok()) return reply_error(response, 422, facts.error->render(), facts.error->path);
        const api::RunResult result = session.run(options);
        api::ResultsJsonOptions results;
        results.explanations = request.has_param("explain") && request.get_param_value("explain") != "false";
        response.status = result.stop == api::StopReason::Limit ? 504 : result.stop == api::StopReason::Error ? 422 : 200;
        response.set_content(session.results_json(results), json_type);
    });

    // Body: an assessment as JSON. Query: ruleset, lang (en or nl).
    server.Post("/v1/advise", [this](const httplib::Request& request, httplib::Response& response) {
        advise_.handle(request, response, limits_);
    });

    server.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty()) return;
        if (response.status == 404) return reply_error(response, 404, "no such endpoint: " + request.method + " " + request.path);
        if (response.status == 413) return reply_error(response, 413, "the request body is larger than the server accepts");
        reply_error(response, response.status, "the request could not be served");
    });
    server.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
        reply_error(response, 500, "unexpected failure");
    });
}

}  // namespace koers::cli
