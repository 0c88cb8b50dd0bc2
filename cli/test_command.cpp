// `koers test`: runs the test blocks of a ruleset, each from an empty working memory with
// its given facts, and reports like a test runner.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "cli/engine_commands.hpp"
#include "cli/engine_loading.hpp"
#include "engine/session.hpp"

namespace koers::cli {

namespace {

// Enough of what was derived to see why an expectation failed, without flooding.
constexpr std::size_t max_listed = 10;

std::string times(std::uint64_t count) { return std::to_string(count) + (count == 1 ? " time" : " times"); }

class TestRunner {
public:
    TestRunner(const LoadedRuleset& loaded, std::ostream& out)
        : loaded_(loaded), rules_(*loaded.rules), session_(loaded.network), out_(out)
    {
    }

    // Runs one test; prints its result and returns whether it passed.
    bool run(const engine::TestSpec& test)
    {
        session_.clear();
        std::vector<std::string> failures;
        for (const engine::FactValue& fact : test.given) {
            const engine::FactOutcome outcome = session_.assert_fact(fact);
            if (!outcome.error) continue;
            // A fact that fits its template can still make a rule's test fail while it is matched.
            if (outcome.fact == 0) failures.push_back(place(fact.where) + ": the given fact is refused: " + outcome.error->message);
            else failures.push_back("matching the given fact at " + place(fact.where) + " failed: " + outcome.error->render());
        }
        if (failures.empty()) {
            const engine::RunResult result = session_.run();
            if (result.error) failures.push_back("the run stopped: " + result.error->render());
            for (const engine::ExpectationSpec& expectation : test.expectations) {
                if (std::optional<std::string> failure = check(expectation)) failures.push_back(std::move(*failure));
            }
        }
        if (failures.empty()) note_coverage(test);
        out_ << (failures.empty() ? "PASS  " : "FAIL  ") << test.name << '\n';
        for (const std::string& failure : failures) out_ << "      " << failure << '\n';
        return failures.empty();
    }

    // Rules that no passing test fires, and rules that no passing test expects not to fire
    // (a near miss), in declaration order, with where they are declared.
    [[nodiscard]] std::vector<std::string> never_fired() const { return rules_missing(fired_); }
    [[nodiscard]] std::vector<std::string> without_near_miss() const { return rules_missing(near_missed_); }
    [[nodiscard]] std::size_t rule_count() const { return rule_names().size(); }

private:
    void note_coverage(const engine::TestSpec& test)
    {
        for (const engine::RuleSpec& rule : rules_.rules) {
            if (session_.firing_count(rule.name) > 0) fired_.insert(rule.name);
        }
        for (const engine::ExpectationSpec& expectation : test.expectations) {
            if (expectation.kind == engine::ExpectationSpec::Kind::RuleFires && expectation.negated) {
                near_missed_.insert(expectation.rule);
            }
        }
    }

    [[nodiscard]] std::vector<const engine::RuleSpec*> rule_names() const
    {
        std::vector<const engine::RuleSpec*> rules;
        std::set<std::string> seen;
        for (const engine::RuleSpec& rule : rules_.rules) {
            if (seen.insert(rule.name).second) rules.push_back(&rule);
        }
        return rules;
    }

    [[nodiscard]] std::vector<std::string> rules_missing(const std::set<std::string>& covered) const
    {
        std::vector<std::string> missing;
        for (const engine::RuleSpec* rule : rule_names()) {
            if (covered.count(rule->name) == 0) missing.push_back(rule->name + " (" + place(rule->where) + ")");
        }
        return missing;
    }

    // What went wrong with one expectation, or nothing when it holds.
    std::optional<std::string> check(const engine::ExpectationSpec& expectation)
    {
        switch (expectation.kind) {
        case engine::ExpectationSpec::Kind::Fact: return check_fact(expectation);
        case engine::ExpectationSpec::Kind::Advice: return check_advice(expectation);
        case engine::ExpectationSpec::Kind::RuleFires: return check_rule(expectation);
        }
        return std::nullopt;
    }

    std::optional<std::string> check_fact(const engine::ExpectationSpec& expectation)
    {
        const std::vector<engine::FactId> found = session_.find_facts(expectation.fact);
        if (found.empty() == expectation.negated) return std::nullopt;
        if (expectation.negated) return failure(expectation, "but these facts match:", facts_text(found));
        std::vector<engine::FactId> same_template;
        for (const engine::FactView& fact : session_.facts()) {
            if (fact.template_id == expectation.fact.template_id) same_template.push_back(fact.id);
        }
        const std::string& name = rules_.templates[expectation.fact.template_id].name;
        if (same_template.empty()) return failure(expectation, "but there are no `" + name + "` facts", {});
        return failure(expectation, "but no fact matches; the `" + name + "` facts are:", facts_text(same_template));
    }

    std::optional<std::string> check_advice(const engine::ExpectationSpec& expectation)
    {
        std::vector<const engine::Advice*> on_topic;
        bool matched = false;
        for (const engine::Advice* advice : session_.advice()) {
            if (advice->topic != expectation.advice_topic) continue;
            on_topic.push_back(advice);
            matched = matched || has_properties(*advice, expectation.advice_properties);
        }
        if (matched != expectation.negated) return std::nullopt;
        if (expectation.negated) return failure(expectation, "but this advice was given:", advice_text(on_topic));
        if (!on_topic.empty()) return failure(expectation, "but the advice on this topic differs:", advice_text(on_topic));
        const std::vector<const engine::Advice*> all = session_.advice();
        if (all.empty()) return failure(expectation, "but no advice was given", {});
        return failure(expectation, "but the advice given is:", advice_text(all));
    }

    std::optional<std::string> check_rule(const engine::ExpectationSpec& expectation)
    {
        const std::uint64_t fired = session_.firing_count(expectation.rule);
        bool holds = fired > 0;
        if (expectation.negated) holds = fired == 0;
        else if (expectation.times) holds = *expectation.times >= 0 && fired == static_cast<std::uint64_t>(*expectation.times);
        if (holds) return std::nullopt;
        return failure(expectation, "but rule `" + expectation.rule + "` fired " + times(fired), {});
    }

    [[nodiscard]] bool has_properties(const engine::Advice& advice,
                                      const std::vector<std::pair<engine::InternId, engine::Value>>& properties) const
    {
        return std::all_of(properties.begin(), properties.end(), [&](const auto& property) {
            const std::string& key = string(property.first);
            const engine::Value& wanted = property.second;
            if (key == "severity") {
                return wanted.type() == engine::ValueType::Symbol && string(wanted.id()) == severity_name(advice.severity);
            }
            for (const auto& [link, value] : advice.links) {
                if (link == property.first) return value == wanted;
            }
            for (const auto& [language, text] : advice.texts) {
                if (language == property.first) return session_.values().display(wanted) == text;
            }
            return false;
        });
    }

    // `file:line:col: expected <the expectation as written>`, `  <what was found>`, and a list.
    std::string failure(const engine::ExpectationSpec& expectation, const std::string& found,
                        const std::vector<std::string>& listing) const
    {
        std::string written = source_line(loaded_.program, expectation.where);
        if (written.empty()) written = "expectation";
        std::string text = place(expectation.where) + ": expected `" + written + "`\n        " + found;
        for (std::size_t i = 0; i < listing.size() && i < max_listed; ++i) text += "\n          " + listing[i];
        if (listing.size() > max_listed) text += "\n          ... and " + std::to_string(listing.size() - max_listed) + " more";
        return text;
    }

    [[nodiscard]] std::vector<std::string> facts_text(const std::vector<engine::FactId>& facts) const
    {
        std::vector<std::string> lines;
        for (const engine::FactId id : facts) lines.push_back("f-" + std::to_string(id) + " " + session_.render_fact(id));
        return lines;
    }

    [[nodiscard]] std::vector<std::string> advice_text(const std::vector<const engine::Advice*>& advice) const
    {
        std::vector<std::string> lines;
        for (const engine::Advice* item : advice) {
            std::string line = string(item->topic) + " (severity: " + severity_name(item->severity);
            for (const auto& [key, value] : item->links) line += ", " + string(key) + ": " + session_.values().render(value);
            lines.push_back(line + ") from rule `" + rules_.rules[item->rule].name + "`");
        }
        return lines;
    }

    [[nodiscard]] const std::string& string(engine::InternId id) const { return session_.values().string(id); }

    const LoadedRuleset& loaded_;
    const engine::RuleSet& rules_;
    engine::Session session_;
    std::ostream& out_;
    std::set<std::string> fired_;
    std::set<std::string> near_missed_;
};

// The coverage report; true when every rule is fired by a test and has a near-miss test.
bool report_coverage(const TestRunner& runner, std::ostream& out)
{
    const std::vector<std::string> unfired = runner.never_fired();
    const std::vector<std::string> no_near_miss = runner.without_near_miss();
    const std::size_t rules = runner.rule_count();
    out << "coverage: " << rules << " rules, " << rules - unfired.size() << " fired by a test, "
        << rules - no_near_miss.size() << " with a near-miss test\n";
    if (!unfired.empty()) out << "rules that no test fires:\n";
    for (const std::string& rule : unfired) out << "  " << rule << '\n';
    if (!no_near_miss.empty()) out << "rules without a near-miss test (`expect rule NAME does not fire`):\n";
    for (const std::string& rule : no_near_miss) out << "  " << rule << '\n';
    return unfired.empty() && no_near_miss.empty();
}

}  // namespace

int run_test(const std::vector<std::string>& paths, bool coverage, std::ostream& out, std::ostream& err)
{
    if (paths.empty()) {
        err << "koers: error: no paths given; name .koers files or folders to test\n";
        return 1;
    }
    const std::unique_ptr<LoadedRuleset> loaded = load_ruleset(paths, err);
    if (loaded == nullptr) return 1;
    TestRunner runner(*loaded, out);
    std::size_t passed = 0;
    std::size_t failed = 0;
    for (const engine::TestSpec& test : loaded->rules->tests) {
        if (runner.run(test)) ++passed;
        else ++failed;
    }
    if (loaded->rules->tests.empty()) err << "koers: no tests found; write them as `test \"name\" { ... }`\n";
    const bool covered = !coverage || report_coverage(runner, out);
    out << passed << " passed, " << failed << " failed\n";
    return failed == 0 && covered ? 0 : 1;
}

}  // namespace koers::cli
