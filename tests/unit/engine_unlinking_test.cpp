// Left unlinking changes nothing a ruleset does: each ruleset here runs twice, on a
// network built with unlinking and on one built without, and the two transcripts (the
// trace of assertions, retractions, activations and firings, then the facts, advice,
// output, agenda and explanations, `why not` of every rule included) must be equal. The
// rulesets: the alliance ruleset on its examples, Manners and Waltz on small data, the
// differential programs under every strategy, and generated rules with a shared prefix
// driven by random assertions, retractions, modifications and runs.
#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <set>
#include <sstream>

#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include "cli/engine_loading.hpp"
#include "engine/explanation.hpp"
#include "engine_commands_support.hpp"
#include "json/facts_json.hpp"

namespace {

namespace fs = std::filesystem;
using namespace koers;
using koers::engine_commands_test::TempFolder;

const fs::path source_dir = KOERS_SOURCE_DIR;

// What one session did and shows, as text.
class Transcript {
public:
    explicit Transcript(std::shared_ptr<const engine::Network> network)
        : logger_(std::make_shared<spdlog::logger>("unlinking", std::make_shared<spdlog::sinks::ostream_sink_st>(trace_))),
          session_(std::move(network))
    {
        logger_->set_level(spdlog::level::debug);
        logger_->set_pattern("%v");
        session_.set_trace(true, logger_);
    }

    engine::Session& session() { return session_; }
    void note(const std::string& line) { text_ += line + "\n"; }

    void run(engine::Strategy strategy)
    {
        engine::RunOptions options;
        options.strategy = strategy;
        options.limits.max_firings = 2000;
        const engine::RunResult result = session_.run(options);
        note("run: " + std::to_string(result.firings) + " firings, stop " + std::to_string(static_cast<int>(result.stop)) +
             (result.error ? ", " + result.error->render() : ""));
        snapshot();
    }

    void snapshot()
    {
        text_ += trace_.str();
        trace_.str({});
        const engine::ValueStore& values = session_.values();
        for (const engine::FactView& fact : session_.facts()) {
            note("fact " + session_.render_fact(fact.id) + " origin " + std::to_string(fact.origin) +
                 (fact.logical ? " logical" : ""));
            if (fact.origin != 0) note(engine::render_explanation(session_.why_fact(fact.id)));
        }
        for (const engine::Advice* advice : session_.advice()) {
            std::string line = "advice " + std::to_string(advice->id) + " " + values.string(advice->topic);
            for (const auto& [key, value] : advice->links) line += " " + values.string(key) + "=" + values.render(value);
            note(line);
            note(engine::render_explanation(session_.why_advice(advice->id)));
        }
        for (const std::string& line : session_.output()) note("output " + line);
        for (const engine::ActivationView& activation : session_.agenda()) {
            std::string line = "waiting " + std::to_string(activation.rule);
            for (const engine::FactId fact : activation.facts) line += " " + std::to_string(fact);
            note(line);
        }
        std::set<std::string> names;
        for (const engine::RuleSpec& rule : session_.network().rules().rules) names.insert(rule.name);
        for (const std::string& name : names) note(engine::render_why_not(session_.why_not(name)));
    }

    [[nodiscard]] const std::string& text() const { return text_; }

private:
    std::ostringstream trace_;
    std::shared_ptr<spdlog::logger> logger_;
    engine::Session session_;
    std::string text_;
};

std::shared_ptr<const engine::RuleSet> load(const std::vector<std::string>& paths)
{
    std::ostringstream err;
    const std::unique_ptr<cli::LoadedRuleset> loaded = cli::load_ruleset(paths, err);
    INFO(err.str());
    REQUIRE(loaded != nullptr);
    return loaded->rules;
}

std::shared_ptr<const engine::Network> network(const std::shared_ptr<const engine::RuleSet>& rules, bool unlinking)
{
    engine::NetworkBuild built = engine::build_network(rules, {.left_unlinking = unlinking});
    REQUIRE(built.network != nullptr);
    return built.network;
}

// A run of the ruleset from its facts blocks and a JSON facts file, if any.
std::string run_program(const std::shared_ptr<const engine::RuleSet>& rules, bool unlinking, const std::string& json_file,
                        engine::Strategy strategy)
{
    Transcript transcript(network(rules, unlinking));
    if (!json_file.empty()) {
        const std::optional<std::string> text = cli::read_file(json_file);
        REQUIRE(text);
        engine::Session& session = transcript.session();
        const json_io::JsonFactsResult read = json_io::read_json_facts(*text, *rules, session.values());
        REQUIRE_FALSE(read.error);
        for (const json_io::JsonFact& item : read.facts) session.assert_fact(item.fact);
    }
    transcript.run(strategy);
    return transcript.text();
}

// Empty when the transcripts are equal; else the first line where they differ.
std::string difference(const std::string& eager, const std::string& unlinked)
{
    std::istringstream a(eager);
    std::istringstream b(unlinked);
    std::string line_a;
    std::string line_b;
    for (int line = 1;; ++line) {
        const bool more_a = static_cast<bool>(std::getline(a, line_a));
        const bool more_b = static_cast<bool>(std::getline(b, line_b));
        if (!more_a && !more_b) return {};
        if (more_a != more_b || line_a != line_b) {
            return "line " + std::to_string(line) + ": without unlinking `" + (more_a ? line_a : "(end)") + "`, with `" +
                   (more_b ? line_b : "(end)") + "`";
        }
    }
}

// The transcript without unlinking, after checking that the one with it is the same.
std::string check_program(const std::vector<std::string>& paths, const std::string& json_file = {},
                          engine::Strategy strategy = engine::Strategy::Depth)
{
    const std::shared_ptr<const engine::RuleSet> rules = load(paths);
    const std::string eager = run_program(rules, false, json_file, strategy);
    CHECK(difference(eager, run_program(rules, true, json_file, strategy)) == "");
    return eager;
}

bool fired(const std::string& transcript) { return transcript.find("FIRE 1 ") != std::string::npos; }

// Rules that share `context(...) setting(...)` and differ below it: a pattern (with and
// without a hash key), exists, not, a count and an exists over two patterns, some with a
// fourth pattern; actions that assert logically, retract and modify what they matched.
std::string generated_rules(std::mt19937& random, int count)
{
    const auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
    std::string text =
        "template context {\n  id: int\n  phase: symbol\n}\n\ntemplate setting {\n  phase: symbol\n  level: int\n}\n\n"
        "template reading {\n  sensor: symbol\n  zone: int\n  value: int\n}\n\ntemplate mark {\n  zone: int\n}\n\n"
        "template alert {\n  rule: int\n  zone: int\n}\n\ntemplate note {\n  rule: int\n}\n\n"
        "rule page\nwhen\n  alert(rule: ?r, zone: ?z)\n  exists mark(zone: ?z)\nthen\n  print \"page {?r} {?z}\"\nend\n";
    for (int rule = 0; rule < count; ++rule) {
        const std::string number = std::to_string(rule);
        const std::string sensor = "s" + std::to_string(pick(6));
        const int shape = pick(6);
        const bool bound = shape < 2;
        text += "\nrule r" + number + "\n  salience " + std::to_string(pick(3) - 1) +
                "\nwhen\n  context(phase: ?p)\n  setting(phase: ?p, level: ?l)\n  ";
        switch (shape) {
        case 0: text += "?f <- reading(sensor: " + sensor + ", value: > ?l)\n"; break;
        case 1: text += "?f <- reading(sensor: " + sensor + ", zone: ?l)\n"; break;
        case 2: text += "exists reading(sensor: " + sensor + ", zone: ?l)\n"; break;
        case 3: text += "not reading(sensor: " + sensor + ", zone: ?l)\n"; break;
        case 4: text += "?n = count reading(sensor: " + sensor + ", zone: ?l)\n  where ?n > 1\n"; break;
        default: text += "exists (reading(sensor: " + sensor + ", zone: ?l) and mark(zone: ?l))\n"; break;
        }
        if (pick(3) == 0) text += pick(2) == 0 ? "  mark(zone: ?l)\n" : "  not mark(zone: ?l)\n";
        text += "then\n";
        switch (bound ? pick(4) : pick(2)) {
        case 0: text += "  assert logical alert(rule: " + number + ", zone: ?l)\n"; break;
        case 1: text += "  assert note(rule: " + number + ")\n  print \"r" + number + " {?l}\"\n"; break;
        case 2: text += "  assert logical alert(rule: " + number + ", zone: ?l)\n  retract ?f\n"; break;
        default: text += "  modify ?f(zone: ?l + 10, value: ?l)\n"; break;
        }
        text += "end\n";
    }
    return text;
}

// Asserts, retracts and modifies facts at random, runs now and then, and notes the state.
std::string drive(const std::shared_ptr<const engine::RuleSet>& rules, bool unlinking, std::uint32_t seed)
{
    std::mt19937 random(seed);
    const auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
    Transcript transcript(network(rules, unlinking));
    engine::Session& session = transcript.session();
    engine::ValueStore& values = session.values();
    const auto integer = [](int n) { return engine::Value::integer(n); };
    const auto phase = [&] { return values.symbol(pick(3) == 0 ? "b" : "a"); };
    const auto assert_fact = [&](const char* name, std::vector<engine::Value> slots) {
        engine::FactValue fact;
        for (engine::TemplateId id = 0; id < rules->templates.size(); ++id) {
            if (rules->templates[id].name == name) fact.template_id = id;
        }
        fact.slots = std::move(slots);
        const engine::FactOutcome outcome = session.assert_fact(fact);
        transcript.note("assert " + std::string(name) + " f-" + std::to_string(outcome.fact));
    };
    for (int step = 0; step < 120; ++step) {
        const std::vector<engine::FactView> live = session.facts();
        switch (pick(12)) {
        case 0: assert_fact("context", {integer(pick(6)), phase()}); break;
        case 1:
        case 2: assert_fact("setting", {phase(), integer(pick(4))}); break;
        case 3:
        case 4:
        case 5: {
            const engine::Value sensor = values.symbol("s" + std::to_string(pick(8)));
            assert_fact("reading", {sensor, integer(pick(4)), integer(pick(5))});
            break;
        }
        case 6: assert_fact("mark", {integer(pick(4))}); break;
        case 7:
        case 8:
            if (!live.empty()) {
                const engine::FactId id = live[static_cast<std::size_t>(pick(static_cast<int>(live.size())))].id;
                transcript.note("retract f-" + std::to_string(id));
                session.retract(id);
            }
            break;
        case 9:
            if (!live.empty()) {
                // The last int slot: the level of a setting, the value of a reading, ...
                const engine::FactView& fact = live[static_cast<std::size_t>(pick(static_cast<int>(live.size())))];
                engine::SlotIndex slot = 0;
                for (engine::SlotIndex i = 0; i < fact.slots.size(); ++i) {
                    if (fact.slots[i].type() == engine::ValueType::Int) slot = i;
                }
                const engine::SlotChange change{slot, integer(pick(4))};
                const engine::FactOutcome outcome = session.modify(fact.id, {&change, 1});
                transcript.note("modify f-" + std::to_string(fact.id) + " to f-" + std::to_string(outcome.fact));
            }
            break;
        case 10: transcript.snapshot(); break;
        default: transcript.run(static_cast<engine::Strategy>(pick(4))); break;
        }
    }
    transcript.run(engine::Strategy::Depth);
    return transcript.text();
}

}  // namespace

TEST_CASE("left unlinking: the alliance ruleset fires the same on every example")
{
    const std::string ruleset = (source_dir / "rulesets" / "alliance").string();
    for (const fs::directory_entry& entry : fs::directory_iterator(source_dir / "examples" / "alliances")) {
        if (entry.path().extension() != ".koers") continue;
        INFO(entry.path().string());
        CHECK(fired(check_program({ruleset, entry.path().string()})));
    }
    for (const fs::directory_entry& entry : fs::directory_iterator(source_dir / "examples" / "alliances" / "json")) {
        INFO(entry.path().string());
        CHECK(fired(check_program({ruleset}, entry.path().string())));
    }
}

TEST_CASE("left unlinking: Manners and Waltz fire the same")
{
    const fs::path bench = source_dir / "bench";
    const fs::path data = source_dir / "tests" / "unlinking";
    CHECK(fired(check_program({(bench / "manners" / "manners.koers").string()}, (data / "manners-16.json").string())));
    CHECK(fired(check_program({(bench / "waltz" / "waltz.koers").string()}, (data / "waltz-4.json").string())));
}

TEST_CASE("left unlinking: the differential programs fire the same under every strategy")
{
    for (const fs::directory_entry& entry : fs::directory_iterator(source_dir / "tests" / "differential")) {
        if (entry.path().extension() != ".koers") continue;
        for (const engine::Strategy strategy :
             {engine::Strategy::Depth, engine::Strategy::Breadth, engine::Strategy::Lex, engine::Strategy::Mea}) {
            INFO(entry.path().string(), " strategy ", static_cast<int>(strategy));
            check_program({entry.path().string()}, {}, strategy);
        }
    }
}

TEST_CASE("left unlinking: why not names the same closest match at a join that got its tokens late or never")
{
    // `tag(id: ?i, kind: red)`, keyed on ?i, would have held 40 tokens and then 5: its left
    // memory's buckets, and so the order `why not` tries its tokens in, follow the 40. Its
    // alpha memory gets a fact only after the 35 have gone (`late`), or never.
    std::string text = "template item {\n  id: int\n}\n\ntemplate tag {\n  id: int\n  kind: symbol\n}\n\nfacts {\n";
    for (int id = 1; id <= 40; ++id) {
        text += "  item(id: " + std::to_string(id) + ")\n  tag(id: " + std::to_string(id) + ", kind: blue)\n";
    }
    text += "}\n\nrule drop\n  salience 10\nwhen\n  ?f <- item(id: ?i)\n  where ?i > 5\nthen\n  retract ?f\nend\n\n"
            "rule red\nwhen\n  item(id: ?i)\n  tag(id: ?i, kind: red)\nthen\n  print \"red {?i}\"\nend\n";
    const std::string late =
        "\nrule late\n  salience -10\nwhen\n  item(id: 1)\nthen\n  assert tag(id: 99, kind: red)\nend\n";
    const TempFolder folder;
    CHECK(check_program({folder.write("never.koers", text)}).find("with f-") != std::string::npos);
    CHECK(check_program({folder.write("late.koers", text + late)}).find("with f-") != std::string::npos);
}

TEST_CASE("left unlinking: generated rules with a shared prefix fire the same as facts come and go")
{
    const TempFolder folder;
    for (std::uint32_t seed = 1; seed <= 300; ++seed) {
        std::mt19937 random(seed);
        const std::string text = generated_rules(random, 4 + static_cast<int>(seed % 20));
        const std::string file = folder.write("rules" + std::to_string(seed) + ".koers", text);
        const std::shared_ptr<const engine::RuleSet> rules = load({file});
        INFO("seed ", seed);
        const std::string eager = drive(rules, false, seed);
        CHECK(fired(eager));
        CHECK(difference(eager, drive(rules, true, seed)) == "");
    }
}
