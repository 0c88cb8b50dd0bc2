// From a finished session to a Report: the alliance-level summary read from the facts the
// ruleset derives, and every piece of advice with its grounds in words.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "report/phrases.hpp"
#include "report/report.hpp"
#include "report/vocabulary.hpp"

namespace koers::report {

namespace {

// Advice links that the report shows in its own way rather than as a link.
bool reserved_link(const std::string& name) { return name == "priority" || name == "provenance"; }

class ReportBuilder {
public:
    ReportBuilder(const ReportInput& input, Language language)
        : input_(input), session_(*input.session), rules_(session_.network().rules()), facts_(session_),
          words_(facts_, language),
          language_(language)
    {
        assessment_.insert(input.assessment_facts.begin(), input.assessment_facts.end());
    }

    Report build()
    {
        Report report;
        report.language = language_;
        report.title = phrase(language_, Phrase::Title);
        const FactTable alliance(facts_, "alliance");
        if (!alliance.rows().empty()) report.alliance = alliance.text(alliance.rows().front(), "name");
        const FactTable classification(facts_, "classification");
        if (!classification.rows().empty()) {
            report.classification_id = classification.text(classification.rows().front(), "kind");
            report.classification = words_.symbol(report.classification_id);
        }
        report.phases = phases();
        report.poles = poles();
        report.competences = scores("competence_model", "competence_score", "competence", "competence_need", "competence");
        report.success_factors = scores("success_factor_model", "success_factor_score", "factor", "success_factor_risk", "factor");
        report.sections = words_.sections();
        report.advice = advice();
        report.assessment_facts = input_.assessment_facts.size();
        if (input_.result != nullptr) {
            report.firings = input_.result->firings;
            const engine::StopReason stop = input_.result->stop;
            report.complete = stop == engine::StopReason::Finished || stop == engine::StopReason::Halted;
            if (input_.result->error) report.stop_note = input_.result->error->message;
        }
        return report;
    }

private:
    [[nodiscard]] std::string label_slot() const { return language_ == Language::Nl ? "label" : "label_en"; }

    std::vector<PhaseEntry> phases()
    {
        std::vector<PhaseEntry> result;
        const FactTable model(facts_, "phase_model");
        const FactTable current(facts_, "current_phase");
        const FactTable indication(facts_, "phase_indication");
        const FactTable evidence(facts_, "phase_evidence");
        for (const engine::FactView& row : model.rows()) {
            PhaseEntry phase;
            phase.id = model.text(row, "id");
            phase.label = words_.symbol(phase.id);
            for (const engine::FactView& fact : current.rows()) {
                if (current.text(fact, "phase") != phase.id) continue;
                const std::string rank = current.text(fact, "rank");
                if (phase.rank.empty() || rank == "primary") phase.rank = rank;
            }
            for (const engine::FactView& fact : indication.rows()) {
                if (indication.text(fact, "phase") != phase.id) continue;
                phase.hits = static_cast<std::int64_t>(indication.get(fact, "hits").as_number());
                phase.strength = indication.get(fact, "strength").as_number();
            }
            for (const engine::FactView& fact : evidence.rows()) {
                if (evidence.text(fact, "phase") == phase.id) phase.indicators.push_back(words_.symbol(evidence.text(fact, "indicator")));
            }
            std::sort(phase.indicators.begin(), phase.indicators.end());
            result.push_back(std::move(phase));
        }
        return result;
    }

    std::vector<PoleEntry> poles()
    {
        std::vector<PoleEntry> result;
        const FactTable model(facts_, "paradox_model");
        const FactTable pole_model(facts_, "pole_model");
        const FactTable poles(facts_, "pole");
        const FactTable risks(facts_, "paradox_risk");
        for (const engine::FactView& row : model.rows()) {
            PoleEntry pole;
            pole.id = model.text(row, "id");
            pole.slug = model.text(row, "slug");
            pole.home = model.text(row, "home");
            pole.intense = model.text(row, "intense");
            for (const engine::FactView& side : pole_model.rows()) {
                if (pole_model.text(side, "paradox") != pole.id) continue;
                const std::string label = pole_model.text(side, label_slot());
                (pole_model.text(side, "side") == "left" ? pole.left_label : pole.right_label) = label;
            }
            for (const engine::FactView& fact : poles.rows()) {
                if (poles.text(fact, "paradox") != pole.id) continue;
                const bool derived = poles.get(fact, "derived") == engine::Value::boolean(true);
                // A scored value wins over one the rules derived.
                if (pole.value && !pole.derived) continue;
                pole.value = poles.get(fact, "value").as_number();
                pole.derived = derived;
            }
            for (const engine::FactView& fact : risks.rows()) {
                if (risks.text(fact, "paradox") != pole.id) continue;
                const std::string level = risks.text(fact, "level");
                if (rank(level) > rank(pole.level)) pole.level = level;
            }
            result.push_back(std::move(pole));
        }
        return result;
    }

    static int rank(const std::string& level)
    {
        if (level == "high") return 3;
        if (level == "warning") return 2;
        if (level == "watch") return 1;
        return 0;
    }

    std::vector<ScoreEntry> scores(std::string_view model_name, std::string_view score_name, std::string_view score_key,
                                   std::string_view flag_name, std::string_view flag_key)
    {
        std::vector<ScoreEntry> result;
        const FactTable model(facts_, model_name);
        const FactTable scores(facts_, score_name);
        const FactTable flags(facts_, flag_name);
        for (const engine::FactView& row : model.rows()) {
            ScoreEntry entry;
            entry.id = model.text(row, "id");
            entry.label = model.text(row, label_slot());
            for (const engine::FactView& fact : scores.rows()) {
                if (scores.text(fact, score_key) != entry.id) continue;
                // An observer's rating wins over a self-rating.
                if (entry.score && scores.text(fact, "rater") != "observer") continue;
                entry.score = static_cast<std::int64_t>(scores.get(fact, "score").as_number());
            }
            for (const engine::FactView& fact : flags.rows()) {
                if (flags.text(fact, flag_key) == entry.id) entry.flagged = true;
            }
            result.push_back(std::move(entry));
        }
        return result;
    }

    std::vector<AdviceEntry> advice()
    {
        std::vector<std::pair<std::tuple<std::int64_t, int, std::uint64_t>, AdviceEntry>> ordered;
        const std::string language = language_ == Language::Nl ? "nl" : "en";
        for (const engine::Advice* given : session_.advice()) {
            AdviceEntry entry;
            entry.topic = session_.values().string(given->topic);
            entry.section = words_.section_heading(entry.topic);
            entry.severity = severity_text(given->severity);
            for (const auto& [key, value] : given->links) {
                const std::string name = session_.values().string(key);
                if (name == "priority" && value.is_numeric()) entry.priority = static_cast<std::int64_t>(value.as_number());
                else if (name == "provenance") entry.provenance = session_.values().display(value);
                if (!reserved_link(name)) entry.links.emplace_back(name, session_.values().display(value));
            }
            entry.text = text_in_language(*given, language);
            const engine::RuleSpec& rule = rules_.rules[given->rule];
            entry.rule = rule.name;
            entry.rule_doc = rule.doc;
            entry.rule_place = place(rule.where);
            const engine::Explanation why = session_.why_advice(given->id);
            entry.grounds = grounds(why);
            ordered.push_back({{entry.priority, words_.section_order(entry.topic), given->id}, std::move(entry)});
        }
        std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<AdviceEntry> result;
        for (auto& entry : ordered) result.push_back(std::move(entry.second));
        return result;
    }

    std::string text_in_language(const engine::Advice& advice, const std::string& language) const
    {
        for (const auto& [key, text] : advice.texts) {
            if (session_.values().string(key) == language) return text;
        }
        return advice.texts.empty() ? std::string() : advice.texts.front().second;
    }

    static std::string severity_text(engine::Severity severity)
    {
        switch (severity) {
        case engine::Severity::Info: return "info";
        case engine::Severity::Notice: return "notice";
        case engine::Severity::Warning: return "warning";
        case engine::Severity::Critical: return "critical";
        }
        return "notice";
    }

    [[nodiscard]] std::string place(const engine::SourceRef& where) const
    {
        std::filesystem::path file(where.file);
        if (!input_.ruleset_root.empty()) {
            const std::filesystem::path relative = file.lexically_relative(input_.ruleset_root);
            file = relative.empty() || *relative.begin() == ".." ? file.filename() : relative;
        }
        return file.generic_string() + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
    }

    // The rule (the variant of it) whose firing made `why`.
    const engine::RuleSpec* rule_of(const engine::Explanation& why) const
    {
        if (why.firing == 0) return nullptr;
        return &rules_.rules[session_.firing_log().at(why.firing).rule];
    }

    // The grounds of a firing: each matched fact that came from the assessment, or that a
    // rule concluded; the ruleset's own model facts are left out, the rule stands for them.
    std::vector<Ground> grounds(const engine::Explanation& why)
    {
        std::vector<Ground> result;
        const engine::RuleSpec* rule = rule_of(why);
        std::size_t next_condition = 0;
        for (const engine::Explanation& child : why.because) {
            const std::optional<engine::FactView> fact = session_.fact(child.fact);
            if (!fact) continue;
            const std::vector<engine::SlotIndex> tested = rule ? tested_slots(*rule, fact->template_id, next_condition)
                                                               : std::vector<engine::SlotIndex>{};
            const bool from_assessment = assessment_.count(child.fact) > 0;
            if (child.input && !from_assessment) continue;
            Ground ground;
            ground.text = fact_words(*fact, tested);
            ground.observation = child.input;
            if (!child.input) {
                ground.rule = child.rule;
                if (!child.repeated) ground.because = grounds(child);
            }
            result.push_back(std::move(ground));
        }
        return result;
    }

    // The slots that the next pattern on `template_id` (from `next`) constrains or binds.
    static std::vector<engine::SlotIndex> tested_slots(const engine::RuleSpec& rule, engine::TemplateId template_id,
                                                       std::size_t& next)
    {
        for (std::size_t i = next; i < rule.conditions.size(); ++i) {
            const engine::ConditionSpec& condition = rule.conditions[i];
            if (condition.kind != engine::ConditionSpec::Kind::Pattern || condition.template_id != template_id) continue;
            next = i + 1;
            std::vector<engine::SlotIndex> slots;
            for (const engine::SlotConstraintSpec& constraint : condition.constraints) {
                if (std::find(slots.begin(), slots.end(), constraint.slot) == slots.end()) slots.push_back(constraint.slot);
            }
            std::sort(slots.begin(), slots.end());
            return slots;
        }
        return {};
    }

    // "phase indicators — admission policy: selective"
    std::string fact_words(const engine::FactView& fact, const std::vector<engine::SlotIndex>& tested) const
    {
        std::string slots;
        for (engine::SlotIndex i = 0; i < fact.slots.size(); ++i) {
            const bool shown = tested.empty() ? !fact.slots[i].is_nil()
                                              : std::find(tested.begin(), tested.end(), i) != tested.end();
            if (!shown) continue;
            slots += (slots.empty() ? "" : "; ") + words_.slot_term(fact.template_id, i) + ": " + words_.value(fact.slots[i]);
        }
        return words_.template_term(fact.template_id) + (slots.empty() ? "" : " — " + slots);
    }

    const ReportInput& input_;
    const engine::Session& session_;
    const engine::RuleSet& rules_;
    SessionFacts facts_;
    Vocabulary words_;
    Language language_;
    std::set<engine::FactId> assessment_;
};

}  // namespace

Report build_report(const ReportInput& input, Language language) { return ReportBuilder(input, language).build(); }

}  // namespace koers::report
