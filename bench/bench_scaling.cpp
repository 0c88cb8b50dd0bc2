// koers_bench_scaling: how the engine scales, through the library as an embedding
// program uses it. Two workloads, each printed as one line of `key=value` pairs:
//
//   facts N   a join-heavy workload of N facts (items and links between them, with
//             the same seed the same facts everywhere): the time to assert them all and
//             run, firings, and the peak resident set of the process. --clips DIR also
//             writes the same program and facts for CLIPS.
//   rules N   N generated rules that share their first two conditions and differ in
//             the third: the time to compile them (parse, check, compile, build the
//             network), the resident set they add, and the median time of a session
//             that asserts five facts touching three of the rules and runs.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "bench/split_mix.hpp"
#include "koers/koers.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using koers::api::NewFact;
using koers::api::Ruleset;
using koers::api::Session;
using koers::api::Value;

constexpr int item_groups = 16;

// Two rules over items and links: a three-way join on hash keys, and a negation.
const char* const join_program_koers = R"(template item {
  id: int
  group: int
}

template link {
  from: int
  to: int
}

template pair {
  from: int
  to: int
}

template lonely {
  id: int
}

rule same_group
when
  link(from: ?a, to: ?b)
  item(id: ?a, group: ?g)
  item(id: ?b, group: ?g)
then
  assert pair(from: ?a, to: ?b)
end

rule lonely
when
  item(id: ?a)
  not link(from: ?a)
then
  assert lonely(id: ?a)
end
)";

const char* const join_program_clips = R"((deftemplate item (slot id) (slot group))
(deftemplate link (slot from) (slot to))
(deftemplate pair (slot from) (slot to))
(deftemplate lonely (slot id))

(defrule same_group
  (link (from ?a) (to ?b))
  (item (id ?a) (group ?g))
  (item (id ?b) (group ?g))
  =>
  (assert (pair (from ?a) (to ?b))))

(defrule lonely
  (item (id ?a))
  (not (link (from ?a)))
  =>
  (assert (lonely (id ?a))))
)";

double milliseconds(Clock::duration duration) { return std::chrono::duration<double, std::milli>(duration).count(); }

// The peak resident set of this process so far, in KiB.
long peak_kib()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// The facts of the join workload, in order: half items, half links.
template <typename Visit>
void join_facts(int count, Visit visit)
{
    koers::bench::SplitMix random(1);
    const int items = count / 2;
    for (int id = 0; id < items; ++id) visit(false, id, random.between(0, item_groups - 1));
    for (int link = items; link < count; ++link) visit(true, random.between(0, items - 1), random.between(0, items - 1));
}

bool write_clips(const std::string& dir, int count)
{
    std::ofstream program(dir + "/join.clp");
    program << join_program_clips;
    std::ofstream facts(dir + "/join-" + std::to_string(count) + ".facts");
    join_facts(count, [&](bool is_link, int a, int b) {
        if (is_link) facts << "(link (from " << a << ") (to " << b << "))\n";
        else facts << "(item (id " << a << ") (group " << b << "))\n";
    });
    return static_cast<bool>(program) && static_cast<bool>(facts);
}

int run_facts(int count, const std::string& clips_dir)
{
    if (!clips_dir.empty() && !write_clips(clips_dir, count)) {
        std::cerr << "koers_bench_scaling: error: cannot write the CLIPS files in " << clips_dir << '\n';
        return 1;
    }
    const auto compiled = Ruleset::compile_text("join.koers", join_program_koers);
    if (!compiled.ok()) {
        for (const auto& diagnostic : compiled.diagnostics) std::cerr << diagnostic.render() << '\n';
        return 1;
    }
    const long before_kib = peak_kib();
    Session session(*compiled.ruleset);
    const auto started = Clock::now();
    bool failed = false;
    join_facts(count, [&](bool is_link, int a, int b) {
        const auto result = is_link ? session.assert_fact(NewFact("link").set("from", a).set("to", b))
                                    : session.assert_fact(NewFact("item").set("id", a).set("group", b));
        failed = failed || !result.ok();
    });
    const auto asserted = Clock::now();
    koers::api::RunOptions options;
    options.max_facts = 100'000'000;
    options.max_firings = 100'000'000;
    options.max_time = std::chrono::hours(1);
    const auto result = session.run(options);
    const auto finished = Clock::now();
    if (failed || result.error) {
        std::cerr << "koers_bench_scaling: error: the run failed" << (result.error ? ": " + result.error->render() : "")
                  << '\n';
        return 1;
    }
    std::printf("facts=%d assert_ms=%.1f run_ms=%.1f total_ms=%.1f firings=%llu peak_kib=%ld added_kib=%ld\n", count,
                milliseconds(asserted - started), milliseconds(finished - asserted), milliseconds(finished - started),
                static_cast<unsigned long long>(result.firings), peak_kib(), peak_kib() - before_kib);
    return 0;
}

// N rules that share `context` and `setting` and differ in the sensor they read.
std::string generate_rules(int count)
{
    std::string text = "template context {\n  phase: symbol\n}\n\ntemplate setting {\n  phase: symbol\n  level: int\n}\n\n"
                       "template reading {\n  sensor: symbol\n  value: int\n}\n\ntemplate alert {\n  rule: int\n}\n";
    for (int rule = 0; rule < count; ++rule) {
        const std::string number = std::to_string(rule);
        text += "\nrule r" + number + "\nwhen\n  context(phase: ?p)\n  setting(phase: ?p, level: ?l)\n  reading(sensor: s" +
                number + ", value: > ?l)\nthen\n  assert alert(rule: " + number + ")\nend\n";
    }
    return text;
}

int run_rules(int count, int sessions)
{
    const std::string text = generate_rules(count);
    const long before_kib = peak_kib();
    const auto started = Clock::now();
    const auto compiled = Ruleset::compile_text("rules.koers", text);
    const auto compiled_at = Clock::now();
    if (!compiled.ok()) {
        for (const auto& diagnostic : compiled.diagnostics) std::cerr << diagnostic.render() << '\n';
        return 1;
    }
    const long compiled_kib = peak_kib();
    std::vector<double> times;
    std::uint64_t firings = 0;
    for (int round = 0; round < sessions; ++round) {
        const auto session_started = Clock::now();
        Session session(*compiled.ruleset);
        session.assert_fact(NewFact("context").set("phase", Value::symbol("run")));
        session.assert_fact(NewFact("setting").set("phase", Value::symbol("run")).set("level", 10));
        session.assert_fact(NewFact("reading").set("sensor", Value::symbol("s0")).set("value", 50));
        session.assert_fact(NewFact("reading").set("sensor", Value::symbol("s1")).set("value", 5));
        session.assert_fact(NewFact("reading").set("sensor", Value::symbol("s2")).set("value", 70));
        firings = session.run().firings;
        times.push_back(milliseconds(Clock::now() - session_started));
    }
    std::sort(times.begin(), times.end());
    std::printf("rules=%d compile_ms=%.1f compile_kib=%ld session_ms=%.4f firings=%llu\n", count,
                milliseconds(compiled_at - started), compiled_kib - before_kib, times[times.size() / 2],
                static_cast<unsigned long long>(firings));
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    CLI::App app{"Times how the engine scales with facts and with rules.", "koers_bench_scaling"};
    app.require_subcommand(1);
    int facts = 1000;
    std::string clips_dir;
    CLI::App* facts_command = app.add_subcommand("facts", "The join workload with N facts");
    facts_command->add_option("N", facts, "Number of facts, half items and half links")->required()->check(
        CLI::Range(2, 100'000'000));
    facts_command->add_option("--clips", clips_dir, "Also write join.clp and join-N.facts for CLIPS into this folder");
    int rules = 10;
    int sessions = 101;
    CLI::App* rules_command = app.add_subcommand("rules", "N rules with a shared prefix; sessions touch three");
    rules_command->add_option("N", rules, "Number of rules")->required()->check(CLI::Range(3, 10'000'000));
    rules_command->add_option("--sessions", sessions, "Sessions to time (median)")->check(CLI::Range(1, 100'000));
    CLI11_PARSE(app, argc, argv);
    if (facts_command->parsed()) return run_facts(facts, clips_dir);
    return run_rules(rules, sessions);
}
