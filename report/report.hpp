// A report of one assessment run: the advice in priority order, each with why it was
// given in words (the rule, and the facts it rests on down to the assessment's
// observations), and, when the ruleset has them, the alliance's classification, phases,
// positions on the paradoxes, competences and success factors for the figures.
//
// Built from a session by build_report(); rendered by the render_* functions. Nothing
// here reads files or clocks, so the same run gives the same bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "engine/session.hpp"

namespace koers::report {

enum class Language : std::uint8_t { Nl, En };

// One thing a piece of advice rests on, in words: an observation from the assessment, or
// a conclusion of the rules with what that rests on in turn.
struct Ground {
    std::string text;
    bool observation = false;
    std::string rule;  // the rule that concluded it; empty for an observation
    std::vector<Ground> because;
};

struct AdviceEntry {
    std::string topic;
    std::string section;  // heading of the topic's section
    std::string severity;  // info, notice, warning, critical
    std::int64_t priority = 0;
    std::string provenance;  // T, P, R or D; empty when the rule gave none
    std::string text;  // in the report's language
    std::vector<std::pair<std::string, std::string>> links;  // name, value as written
    std::string rule;
    std::string rule_doc;
    std::string rule_place;  // `paradoxes.koers:34:1`, relative to the ruleset
    std::vector<Ground> grounds;
};

struct PhaseEntry {
    std::string id;
    std::string label;
    std::string rank;  // primary, secondary or empty
    std::int64_t hits = 0;
    double strength = 0;
    std::vector<std::string> indicators;  // in words
};

struct PoleEntry {
    std::string id;  // P01..P12, H4
    std::string slug;
    std::string left_label;
    std::string right_label;
    std::optional<double> value;  // unscored: unknown, not 0
    bool derived = false;  // the rules derived it from evidence
    std::string level;  // watch, warning, high or empty
    std::string home;  // phase id or empty
    std::string intense;  // H1..H4 or empty
};

struct ScoreEntry {
    std::string id;
    std::string label;
    std::optional<std::int64_t> score;  // 1..5
    bool flagged = false;  // a competence to develop, a success factor at risk
};

struct Report {
    Language language = Language::En;
    std::string title;
    std::string alliance;  // the name the assessment gives
    std::string classification;  // in words; empty when the ruleset does not classify
    std::string classification_id;
    std::vector<PhaseEntry> phases;  // every phase the ruleset knows, in its order
    std::vector<PoleEntry> poles;
    std::vector<ScoreEntry> competences;
    std::vector<ScoreEntry> success_factors;
    std::vector<std::pair<std::string, std::string>> sections;  // topic, heading, in order
    std::vector<AdviceEntry> advice;  // in priority order
    std::uint64_t firings = 0;
    std::size_t assessment_facts = 0;
    bool complete = true;  // false when the run stopped early (a limit or an error)
    std::string stop_note;
};

struct ReportInput {
    const engine::Session* session = nullptr;
    std::span<const engine::FactId> assessment_facts;
    const engine::RunResult* result = nullptr;
    std::string ruleset_root;  // rule places are shown relative to this folder
};

Report build_report(const ReportInput& input, Language language);

std::string render_text(const Report& report);
std::string render_markdown(const Report& report);
std::string render_html(const Report& report);
std::string render_json(const Report& report);

}  // namespace koers::report
