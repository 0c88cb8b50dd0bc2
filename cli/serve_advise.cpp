#include "cli/serve_advise.hpp"

#include <filesystem>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "advisor/assessment.hpp"
#include "json/facts_json.hpp"
#include "report/report.hpp"

namespace koers::cli {

namespace {

void reply_error(httplib::Response& response, int status, const std::string& message, const std::string& path = {})
{
    nlohmann::ordered_json error;
    error["status"] = status;
    error["message"] = message;
    if (!path.empty()) error["path"] = path;
    response.status = status;
    response.set_content(nlohmann::ordered_json{{"error", error}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                         "application/json");
}

}  // namespace

std::optional<AdviseService> AdviseService::load(const std::map<std::string, std::string>& paths, std::ostream& err)
{
    AdviseService service;
    for (const auto& [name, path] : paths) {
        std::unique_ptr<LoadedRuleset> loaded = load_ruleset({path}, err);
        if (loaded == nullptr) return std::nullopt;
        std::error_code error;
        const std::string root = std::filesystem::is_directory(path, error) ? path : std::filesystem::path(path).parent_path().string();
        service.rulesets_.emplace(name, Entry{std::move(loaded), root});
    }
    return service;
}

void AdviseService::handle(const httplib::Request& request, httplib::Response& response, const ServiceLimits& limits) const
{
    std::string name = request.has_param("ruleset") ? request.get_param_value("ruleset") : "";
    if (name.empty() && rulesets_.size() == 1) name = rulesets_.begin()->first;
    if (name.empty() && rulesets_.contains("alliance")) name = "alliance";
    const auto found = rulesets_.find(name);
    if (found == rulesets_.end()) return reply_error(response, 404, "no ruleset named `" + name + "` (see /v1/rulesets)");
    const std::string language = request.has_param("lang") ? request.get_param_value("lang") : "en";
    if (language != "en" && language != "nl") return reply_error(response, 400, "lang must be en or nl, not `" + language + "`");

    const LoadedRuleset& loaded = *found->second.loaded;
    const engine::RuleSet& rules = *loaded.rules;
    const advisor::AssessmentShape shape = advisor::assessment_shape(rules);
    advisor::AssessmentRun run(loaded.network);
    json_io::JsonFactsOptions options;
    options.allowed_templates = shape.allowed;
    options.document_name = "an assessment";
    const json_io::JsonFactsResult read = json_io::read_json_facts(request.body, rules, run.session.values(), options);
    if (read.error) {
        if (read.error->line > 0) return reply_error(response, 400, read.error->render("the body"));
        return reply_error(response, 422, read.error->message, read.error->path);
    }
    std::vector<advisor::AssessmentFact> facts;
    for (const json_io::JsonFact& fact : read.facts) facts.push_back({fact.fact, fact.path});
    if (const std::optional<std::string> problem = advisor::check_assessment(facts, rules, shape, "$")) {
        return reply_error(response, 422, *problem);
    }
    for (const advisor::AssessmentFact& item : facts) {
        const engine::FactOutcome outcome = run.session.assert_fact(item.fact);
        if (outcome.error) return reply_error(response, 422, item.place + ": " + outcome.error->message, item.place);
        if (!outcome.existed) run.assessment_facts.push_back(outcome.fact);
    }
    engine::RunOptions run_options;
    run_options.limits.max_firings = limits.max_firings;
    run_options.limits.max_time = limits.max_time;
    run.result = run.session.run(run_options);
    if (run.result.stop == engine::StopReason::Limit || run.result.stop == engine::StopReason::Error) {
        const std::string why = run.result.error ? run.result.error->render() : "the run did not finish";
        return reply_error(response, run.result.stop == engine::StopReason::Limit ? 504 : 422,
                           "no report: the analysis did not finish: " + why);
    }

    report::ReportInput input;
    input.session = &run.session;
    input.assessment_facts = run.assessment_facts;
    input.result = &run.result;
    input.ruleset_root = found->second.root;
    const report::Report built = report::build_report(input, language == "nl" ? report::Language::Nl : report::Language::En);
    response.set_content(report::render_json(built), "application/json");
}

}  // namespace koers::cli
