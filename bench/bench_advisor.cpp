// koers_bench_advisor: assessments per second through the library, the way a service
// would run the advisor: the ruleset compiled once, then one fresh session per
// assessment (assert its facts, run), with and without making the JSON report.
//
//   koers_bench_advisor RULESET_DIR ASSESSMENT.json [--seconds S]
//
// Prints one line of `key=value` pairs: the compile time, firings per assessment, and
// the median time per assessment over batches of 100 (run only, and run plus report).
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "advisor/assessment.hpp"
#include "check/checker.hpp"
#include "check/loader.hpp"
#include "compile/compiler.hpp"
#include "json/facts_json.hpp"
#include "report/report.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

struct Compiled {
    std::shared_ptr<const koers::engine::RuleSet> rules;
    std::shared_ptr<const koers::engine::Network> network;
    std::vector<koers::advisor::AssessmentFact> facts;
};

// The ruleset (without its tests, as `koers advise` loads it) and the assessment's facts.
bool compile(const std::string& ruleset, const std::string& assessment, Compiled& compiled)
{
    koers::Diagnostics diagnostics;
    koers::Program program = koers::load_program({ruleset}, diagnostics, koers::LoadOptions{.test_files = false});
    if (!diagnostics.has_errors()) koers::check_program(program, diagnostics);
    std::shared_ptr<const koers::engine::RuleSet> rules;
    if (!diagnostics.has_errors()) rules = koers::compile_program(program, diagnostics);
    if (rules == nullptr) {
        std::cerr << "koers_bench_advisor: the ruleset has errors (see koers check)\n";
        return false;
    }
    std::ifstream in(assessment, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    auto with_facts = std::make_shared<koers::engine::RuleSet>(*rules);
    with_facts->values = std::make_shared<koers::engine::ValueStore>(*rules->values);
    koers::json_io::JsonFactsOptions options;
    options.allowed_templates = koers::advisor::assessment_shape(*rules).allowed;
    const koers::json_io::JsonFactsResult read = koers::json_io::read_json_facts(text.str(), *with_facts, *with_facts->values, options);
    if (read.error) {
        std::cerr << "koers_bench_advisor: " << read.error->render(assessment) << '\n';
        return false;
    }
    for (const koers::json_io::JsonFact& fact : read.facts) compiled.facts.push_back({fact.fact, fact.path});
    koers::engine::NetworkBuild built = koers::engine::build_network(with_facts);
    if (built.network == nullptr) return false;
    compiled.rules = with_facts;
    compiled.network = built.network;
    return true;
}

// Median seconds per assessment over batches of 100, for at least `budget` seconds.
template <typename Work>
double per_assessment(double budget, Work work)
{
    constexpr int batch = 100;
    std::vector<double> batches;
    const Clock::time_point start = Clock::now();
    while (batches.size() < 5 || seconds_since(start) < budget) {
        const Clock::time_point batch_start = Clock::now();
        for (int i = 0; i < batch; ++i) work();
        batches.push_back(seconds_since(batch_start) / batch);
    }
    return median(batches);
}

}  // namespace

int main(int argc, char** argv)
{
    CLI::App app("Assessments per second through the library, the ruleset compiled once");
    std::string ruleset;
    std::string assessment;
    double budget = 3;
    app.add_option("RULESET_DIR", ruleset, "The ruleset folder, e.g. rulesets/alliance")->required();
    app.add_option("ASSESSMENT", assessment, "An assessment in JSON, e.g. examples/alliances/json/gabv.json")->required();
    app.add_option("--seconds", budget, "How long to measure each variant");
    CLI11_PARSE(app, argc, argv);

    const Clock::time_point compile_start = Clock::now();
    Compiled compiled;
    if (!compile(ruleset, assessment, compiled)) return 1;
    const double compile_seconds = seconds_since(compile_start);

    std::uint64_t firings = 0;
    const double run_only = per_assessment(budget, [&] {
        const auto run = koers::advisor::run_assessment(compiled.network, compiled.facts, {});
        firings = run->result.firings;
    });
    std::size_t report_bytes = 0;
    const double with_report = per_assessment(budget, [&] {
        const auto run = koers::advisor::run_assessment(compiled.network, compiled.facts, {});
        koers::report::ReportInput input;
        input.session = &run->session;
        input.assessment_facts = run->assessment_facts;
        input.result = &run->result;
        report_bytes = koers::report::render_json(koers::report::build_report(input, koers::report::Language::En)).size();
    });
    std::cout << "compile_ms=" << compile_seconds * 1e3 << " firings=" << firings << " run_us=" << run_only * 1e6
              << " run_per_s=" << 1 / run_only << " run_and_report_us=" << with_report * 1e6
              << " run_and_report_per_s=" << 1 / with_report << " report_bytes=" << report_bytes << '\n';
    return 0;
}
