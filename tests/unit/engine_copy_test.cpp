// A session starts as a copy of the state its network keeps after the initial facts, and
// a session can be copied at any point. A copy must go on exactly as the original would:
// these tests compare everything a session shows (facts with ids and time tags, firings,
// advice, output, explanations) between copies and sessions that did the work themselves.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "compile_support.hpp"
#include "engine/explanation.hpp"
#include "engine/network.hpp"
#include "engine/session.hpp"

using namespace koers;
using namespace koers::engine;

namespace {

std::filesystem::path source_path(const std::string& relative) { return std::filesystem::path(KOERS_SOURCE_DIR) / relative; }

std::shared_ptr<const Network> network_of(const std::vector<std::filesystem::path>& paths)
{
    auto compiled = std::make_unique<compile_test::Compiled>();
    compiled->program = load_program(paths, compiled->diagnostics, LoadOptions{.test_files = false});
    compiled = compile_test::check_and_compile(std::move(compiled));
    REQUIRE_MESSAGE(compiled->rules != nullptr, compiled->messages());
    NetworkBuild built = build_network(compiled->rules);
    REQUIRE(built.network != nullptr);
    return built.network;
}

// Everything a session shows, as text.
std::string digest(const Session& session)
{
    std::string out;
    for (FactId id = 1;; ++id) {
        const std::optional<FactView> fact = session.fact(id);
        if (!fact) break;
        out += "f-" + std::to_string(id) + " t" + std::to_string(fact->time_tag) + " from #" + std::to_string(fact->origin) +
               (fact->logical ? " logical " : " ") + session.render_fact(id) + '\n';
    }
    out += "live facts: " + std::to_string(session.facts().size()) + '\n';
    const FiringLog& log = session.firing_log();
    for (const FiringRecord& record : log.records()) {
        out += "fire " + session.network().rules().rules[record.rule].name;
        for (const FactId id : log.facts(record)) out += " f-" + std::to_string(id);
        out += '\n';
    }
    for (const ActivationView& activation : session.agenda()) {
        out += "waiting " + session.network().rules().rules[activation.rule].name + '\n';
    }
    for (const Advice* advice : session.advice()) {
        out += "advice " + std::to_string(advice->id) + " " + session.values().string(advice->topic) + '\n';
        for (const auto& [language, text] : advice->texts) out += "  " + session.values().string(language) + ": " + text + '\n';
        out += render_explanation(session.why_advice(advice->id));
    }
    for (const std::string& line : session.output()) out += "print " + line + '\n';
    return out;
}

// A session that asserts the initial facts itself, as sessions did before they were copies.
Session asserting_session(const std::shared_ptr<const Network>& network)
{
    Session session(network);
    session.clear();
    for (const FactValue& fact : network->rules().initial_facts) session.assert_fact(fact);
    return session;
}

}  // namespace

TEST_CASE("engine copy: a new session runs as one that asserted its initial facts itself")
{
    const std::vector<std::string> examples = {"gabv", "cems", "klimaatalliantie", "groeiende_alliantie",
                                               "ambitie_boven_vermogen", "los_netwerk"};
    for (const std::string& example : examples) {
        CAPTURE(example);
        const auto network = network_of({source_path("rulesets/alliance"), source_path("examples/alliances/" + example + ".koers")});
        Session copied(network);
        Session asserted = asserting_session(network);
        REQUIRE(digest(copied) == digest(asserted));
        copied.run();
        asserted.run();
        CHECK(copied.firing_log().size() > 10);
        CHECK(digest(copied) == digest(asserted));
    }
}

TEST_CASE("engine copy: the differential programs run the same from a copy")
{
    for (const auto& entry : std::filesystem::directory_iterator(source_path("tests/differential"))) {
        if (entry.path().extension() != ".koers") continue;
        CAPTURE(entry.path().filename().string());
        const auto network = network_of({entry.path()});
        Session copied(network);
        Session asserted = asserting_session(network);
        copied.run();
        asserted.run();
        CHECK(digest(copied) == digest(asserted));
    }
}

TEST_CASE("engine copy: a copy made halfway goes on as the original, and neither disturbs the other")
{
    const auto network = network_of({source_path("rulesets/alliance"), source_path("examples/alliances/cems.koers")});
    Session whole(network);
    whole.run();
    const std::string expected = digest(whole);
    const std::size_t firings = whole.firing_log().size();
    for (const std::uint64_t stop : {std::uint64_t{1}, firings / 3, firings / 2, firings - 1}) {
        CAPTURE(stop);
        Session original(network);
        RunOptions options;
        options.limits.max_firings = stop;
        original.run(options);
        Session copy(original);
        CHECK(digest(copy) == digest(original));
        copy.run();
        CHECK(digest(copy) == expected);
        original.run();
        CHECK(digest(original) == expected);
    }
}

TEST_CASE("engine copy: retracting and modifying in a copy withdraws what it supported, as in the original")
{
    const auto network = network_of({source_path("rulesets/alliance"), source_path("examples/alliances/gabv.koers")});
    Session original(network);
    original.run();
    Session copy(original);
    // Every fact the rules derived from an observation goes when the observation goes.
    for (Session* session : {&original, &copy}) {
        for (const FactView& fact : session->facts()) {
            if (fact.origin == 0 && session->network().rules().templates[fact.template_id].name == "pole") {
                REQUIRE_FALSE(session->retract(fact.id).has_value());
                break;
            }
        }
        session->run();
    }
    CHECK(digest(copy) == digest(original));
    Session later(original);
    original.reset();
    later.reset();
    original.run();
    later.run();
    CHECK(digest(later) == digest(original));
}
