// One assessment run through a ruleset: which templates an assessment may hold, checking
// its facts against that, and a session that runs them. Used by `koers advise`, the
// library API and the HTTP service alike; the report is made from the result.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/network.hpp"
#include "engine/ruleset.hpp"
#include "engine/session.hpp"

namespace koers::advisor {

// From the ruleset's `assessment_input(part: T, required: B)` facts. A ruleset without
// them lets an assessment hold facts of every template and requires none.
struct AssessmentShape {
    std::vector<engine::TemplateId> allowed;
    std::vector<engine::TemplateId> required;
};

AssessmentShape assessment_shape(const engine::RuleSet& rules);

// The facts of an assessment, each with where it was written (`$.pole[1]` or
// `file:line:col`) for messages.
struct AssessmentFact {
    engine::FactValue fact;
    std::string place;
};

// Why the facts do not make an assessment (a fact of a template it may not hold, a
// required template missing), or nothing. `document` names the assessment in messages.
std::optional<std::string> check_assessment(std::span<const AssessmentFact> facts, const engine::RuleSet& rules,
                                            const AssessmentShape& shape, const std::string& document);

struct AssessmentRun {
    explicit AssessmentRun(std::shared_ptr<const engine::Network> network) : session(std::move(network)) {}
    engine::Session session;
    std::vector<engine::FactId> assessment_facts;  // as asserted, in order
    engine::RunResult result;
    std::optional<std::string> error;  // a fact the engine refused, with its place
};

// Asserts the assessment's facts into `run`'s session (values of the facts interned in the
// ruleset's store or in the session's) and runs it; a refused fact ends it in `error`.
void run_assessment(AssessmentRun& run, std::span<const AssessmentFact> facts, const engine::RunOptions& options);

// The same on a fresh session of `network`.
std::unique_ptr<AssessmentRun> run_assessment(std::shared_ptr<const engine::Network> network,
                                              std::span<const AssessmentFact> facts,
                                              const engine::RunOptions& options);

}  // namespace koers::advisor
