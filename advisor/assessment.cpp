#include "advisor/assessment.hpp"

#include <algorithm>

namespace koers::advisor {

namespace {

std::optional<engine::TemplateId> template_named(const engine::RuleSet& rules, std::string_view name)
{
    for (engine::TemplateId id = 0; id < rules.templates.size(); ++id) {
        if (rules.templates[id].name == name) return id;
    }
    return std::nullopt;
}

std::optional<engine::SlotIndex> slot_named(const engine::TemplateSpec& spec, std::string_view name)
{
    for (engine::SlotIndex i = 0; i < spec.slots.size(); ++i) {
        if (spec.slots[i].name == name) return i;
    }
    return std::nullopt;
}

std::string names(const engine::RuleSet& rules, const std::vector<engine::TemplateId>& ids)
{
    std::string text;
    for (const engine::TemplateId id : ids) text += (text.empty() ? "" : ", ") + rules.templates[id].name;
    return text;
}

}  // namespace

AssessmentShape assessment_shape(const engine::RuleSet& rules)
{
    AssessmentShape shape;
    const std::optional<engine::TemplateId> input = template_named(rules, "assessment_input");
    if (!input) return shape;
    const engine::TemplateSpec& spec = rules.templates[*input];
    const std::optional<engine::SlotIndex> part = slot_named(spec, "part");
    const std::optional<engine::SlotIndex> required = slot_named(spec, "required");
    if (!part) return shape;
    for (const engine::FactValue& fact : rules.initial_facts) {
        if (fact.template_id != *input) continue;
        const std::optional<engine::TemplateId> id = template_named(rules, rules.values->display(fact.slots[*part]));
        if (!id) continue;
        shape.allowed.push_back(*id);
        if (required && fact.slots[*required] == engine::Value::boolean(true)) shape.required.push_back(*id);
    }
    return shape;
}

std::optional<std::string> check_assessment(std::span<const AssessmentFact> facts, const engine::RuleSet& rules,
                                            const AssessmentShape& shape, const std::string& document)
{
    if (!shape.allowed.empty()) {
        for (const AssessmentFact& item : facts) {
            const engine::TemplateId id = item.fact.template_id;
            if (std::find(shape.allowed.begin(), shape.allowed.end(), id) != shape.allowed.end()) continue;
            return item.place + ": an assessment may not hold `" + rules.templates[id].name +
                   "` facts; it holds observations only: " + names(rules, shape.allowed);
        }
    }
    for (const engine::TemplateId id : shape.required) {
        const bool present = std::any_of(facts.begin(), facts.end(),
                                         [&](const AssessmentFact& item) { return item.fact.template_id == id; });
        if (!present) return document + ": the assessment has no `" + rules.templates[id].name + "`; it needs one";
    }
    return std::nullopt;
}

void run_assessment(AssessmentRun& run, std::span<const AssessmentFact> facts, const engine::RunOptions& options)
{
    for (const AssessmentFact& item : facts) {
        const engine::FactOutcome outcome = run.session.assert_fact(item.fact);
        if (outcome.error) {
            run.error = item.place + ": " + outcome.error->message;
            return;
        }
        if (!outcome.existed) run.assessment_facts.push_back(outcome.fact);
    }
    run.result = run.session.run(options);
}

std::unique_ptr<AssessmentRun> run_assessment(std::shared_ptr<const engine::Network> network,
                                              std::span<const AssessmentFact> facts,
                                              const engine::RunOptions& options)
{
    auto run = std::make_unique<AssessmentRun>(std::move(network));
    run_assessment(*run, facts, options);
    return run;
}

}  // namespace koers::advisor
