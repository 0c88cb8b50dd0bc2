// The report as JSON for tools; the schema is documented in docs/assessment.md
// ("The report as JSON") and versioned by its "schema" field.
#include <nlohmann/json.hpp>

#include "report/phrases.hpp"
#include "report/report.hpp"

namespace koers::report {

namespace {

using nlohmann::ordered_json;

ordered_json grounds(const std::vector<Ground>& list)
{
    ordered_json out = ordered_json::array();
    for (const Ground& ground : list) {
        ordered_json item;
        item["kind"] = ground.observation ? "observation" : "conclusion";
        item["text"] = ground.text;
        if (!ground.observation) {
            item["rule"] = ground.rule;
            item["because"] = grounds(ground.because);
        }
        out.push_back(std::move(item));
    }
    return out;
}

ordered_json scores(const std::vector<ScoreEntry>& entries, const char* flag)
{
    ordered_json out = ordered_json::array();
    for (const ScoreEntry& entry : entries) {
        ordered_json item;
        item["id"] = entry.id;
        item["label"] = entry.label;
        item["score"] = entry.score ? ordered_json(*entry.score) : ordered_json(nullptr);
        item[flag] = entry.flagged;
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace

std::string render_json(const Report& report)
{
    ordered_json out;
    out["schema"] = "koers-advice-report/1";
    out["language"] = report.language == Language::Nl ? "nl" : "en";
    out["alliance"] = report.alliance;
    out["complete"] = report.complete;
    if (!report.complete) out["stop"] = report.stop_note;
    if (!report.classification_id.empty()) {
        out["classification"] = {{"id", report.classification_id}, {"label", report.classification}};
    }
    ordered_json phases = ordered_json::array();
    for (const PhaseEntry& phase : report.phases) {
        phases.push_back({{"id", phase.id},
                          {"label", phase.label},
                          {"rank", phase.rank.empty() ? ordered_json(nullptr) : ordered_json(phase.rank)},
                          {"hits", phase.hits},
                          {"strength", phase.strength},
                          {"indicators", phase.indicators}});
    }
    out["phases"] = std::move(phases);
    ordered_json paradoxes = ordered_json::array();
    for (const PoleEntry& pole : report.poles) {
        paradoxes.push_back({{"id", pole.id},
                             {"slug", pole.slug},
                             {"left", pole.left_label},
                             {"right", pole.right_label},
                             {"home", pole.home.empty() ? ordered_json(nullptr) : ordered_json(pole.home)},
                             {"intense", pole.intense.empty() ? ordered_json(nullptr) : ordered_json(pole.intense)},
                             {"value", pole.value ? ordered_json(*pole.value) : ordered_json(nullptr)},
                             {"derived", pole.derived},
                             {"level", pole.level.empty() ? ordered_json(nullptr) : ordered_json(pole.level)}});
    }
    out["paradoxes"] = std::move(paradoxes);
    out["competences"] = scores(report.competences, "develop");
    out["success_factors"] = scores(report.success_factors, "at_risk");
    ordered_json advice = ordered_json::array();
    for (const AdviceEntry& entry : report.advice) {
        ordered_json links = ordered_json::object();
        for (const auto& [name, value] : entry.links) links[name] = value;
        advice.push_back({{"priority", entry.priority},
                          {"topic", entry.topic},
                          {"section", entry.section},
                          {"severity", entry.severity},
                          {"provenance", entry.provenance.empty() ? ordered_json(nullptr) : ordered_json(entry.provenance)},
                          {"source", source_words(report.language, entry.provenance)},
                          {"text", entry.text},
                          {"links", std::move(links)},
                          {"rule", {{"name", entry.rule}, {"doc", entry.rule_doc}, {"at", entry.rule_place}}},
                          {"because", grounds(entry.grounds)}});
    }
    out["advice"] = std::move(advice);
    out["run"] = {{"firings", report.firings}, {"assessment_facts", report.assessment_facts}};
    return out.dump(2) + "\n";
}

}  // namespace koers::report
