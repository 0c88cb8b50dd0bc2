// `koers advise`: one assessment through a ruleset (by default the alliance ruleset),
// rendered as a report in Dutch or English, as text, Markdown, HTML or JSON.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <variant>

#include "advisor/assessment.hpp"
#include "check/checker.hpp"
#include "check/loader.hpp"
#include "cli/atomic_file.hpp"
#include "cli/engine_commands.hpp"
#include "cli/engine_loading.hpp"
#include "compile/compiler.hpp"
#include "json/facts_json.hpp"
#include "report/report.hpp"

namespace koers::cli {

namespace {

namespace fs = std::filesystem;

constexpr int usage_error = 2;

// A report needs the rules, not their tests.
const LoadOptions without_tests{.test_files = false};

// The alliance ruleset when none is named: installed beside the program
// (PREFIX/share/koers), in the source tree the program was built in (build/koers), or
// under the current folder.
std::optional<fs::path> default_ruleset()
{
    std::error_code error;
    const fs::path program = fs::read_symlink("/proc/self/exe", error);
    std::vector<fs::path> candidates;
    if (!error) {
        candidates.push_back(program.parent_path() / ".." / "share" / "koers" / "rulesets" / "alliance");
        candidates.push_back(program.parent_path() / ".." / "rulesets" / "alliance");
    }
    candidates.push_back(fs::current_path(error) / "rulesets" / "alliance");
    for (const fs::path& candidate : candidates) {
        if (fs::is_directory(candidate, error)) return candidate.lexically_normal();
    }
    return std::nullopt;
}

struct PreparedRun {
    std::unique_ptr<LoadedRuleset> loaded;  // its program is empty: a report does not need it
    std::vector<advisor::AssessmentFact> facts;
    std::unique_ptr<advisor::AssessmentRun> run;  // a fresh session, the facts not yet asserted
};

// A `.koers` assessment is checked together with the ruleset (so its facts are checked
// against the templates with file:line:col), then its facts are taken out of the
// ruleset's initial facts and asserted like any other assessment's.
std::optional<PreparedRun> prepare_koers(const std::vector<std::string>& ruleset, const std::string& assessment,
                                         std::ostream& err)
{
    std::shared_ptr<engine::RuleSet> rules;
    {
        // The program lives only until it is compiled: the network is then built in the
        // memory its syntax tree held.
        std::vector<std::string> paths = ruleset;
        paths.push_back(assessment);
        Diagnostics diagnostics;
        const Program program = load_program({paths.begin(), paths.end()}, diagnostics, without_tests);
        for (const ast::Module& module : program.modules) {
            if (fs::path(program.sources.file(module.file).path) != fs::path(assessment)) continue;
            for (const ast::Declaration& declaration : module.declarations) {
                if (std::holds_alternative<ast::FactsDecl>(declaration)) continue;
                const ast::Span span = std::visit([](const auto& d) { return d.span; }, declaration);
                diagnostics.error("assessment-facts-only", span,
                                  "an assessment holds facts blocks only; rules, templates and the rest belong in the ruleset");
            }
        }
        if (!diagnostics.has_errors()) check_program(program, diagnostics);
        if (!diagnostics.has_errors()) rules = compile_program(program, diagnostics);
        if (diagnostics.has_errors() || rules == nullptr) {
            diagnostics.sort();
            for (const Diagnostic& diagnostic : diagnostics.all()) {
                if (diagnostic.severity == Severity::Error) err << render(diagnostic, program.sources);
            }
            return std::nullopt;
        }
    }
    PreparedRun prepared;
    std::vector<engine::FactValue> ruleset_facts;
    for (engine::FactValue& fact : rules->initial_facts) {
        if (fs::path(fact.where.file) == fs::path(assessment)) {
            prepared.facts.push_back({fact, place(fact.where)});
        } else {
            ruleset_facts.push_back(std::move(fact));
        }
    }
    rules->initial_facts = std::move(ruleset_facts);
    engine::NetworkBuild built = engine::build_network(rules);
    if (built.network == nullptr) {
        for (const engine::RuntimeError& error : built.errors) err << error.render() << '\n';
        return std::nullopt;
    }
    prepared.loaded = std::make_unique<LoadedRuleset>();
    prepared.loaded->rules = std::move(rules);
    prepared.loaded->network = std::move(built.network);
    prepared.run = std::make_unique<advisor::AssessmentRun>(prepared.loaded->network);
    return prepared;
}

// A JSON assessment's names and texts are interned in the session it runs in.
std::optional<PreparedRun> prepare_json(const std::vector<std::string>& ruleset, const std::string& assessment,
                                        std::ostream& err)
{
    const std::optional<std::string> text = read_file(assessment);
    if (!text) {
        err << "koers: error: cannot read the assessment " << assessment << '\n';
        return std::nullopt;
    }
    PreparedRun prepared;
    prepared.loaded = load_ruleset(ruleset, err, without_tests);
    if (prepared.loaded == nullptr) return std::nullopt;
    json_io::JsonFactsOptions options;
    options.allowed_templates = advisor::assessment_shape(*prepared.loaded->rules).allowed;
    options.document_name = "an assessment";
    prepared.run = std::make_unique<advisor::AssessmentRun>(prepared.loaded->network);
    const json_io::JsonFactsResult read =
        json_io::read_json_facts(*text, *prepared.loaded->rules, prepared.run->session.values(), options);
    if (read.error) {
        err << "koers: error: " << read.error->render(assessment) << '\n';
        return std::nullopt;
    }
    for (const json_io::JsonFact& fact : read.facts) prepared.facts.push_back({fact.fact, assessment + ": " + fact.path});
    return prepared;
}

}  // namespace

int run_advise(const AdviseCommandOptions& options, std::ostream& out, std::ostream& err)
{
    if (options.language != "nl" && options.language != "en") {
        err << "koers: error: --lang must be nl or en, not `" << options.language << "`\n";
        return usage_error;
    }
    using Render = std::string (*)(const report::Report&);
    Render render_report = nullptr;
    if (options.format == "text") render_report = report::render_text;
    else if (options.format == "md") render_report = report::render_markdown;
    else if (options.format == "html") render_report = report::render_html;
    else if (options.format == "json") render_report = report::render_json;
    else {
        err << "koers: error: --format must be text, md, html or json, not `" << options.format << "`\n";
        return usage_error;
    }
    const std::optional<engine::Limits> limits = limits_from(options.max_firings, std::nullopt, options.timeout_seconds, err);
    if (!limits) return usage_error;
    const bool is_json = options.assessment.ends_with(".json");
    if (!is_json && !options.assessment.ends_with(".koers")) {
        err << "koers: error: the assessment " << options.assessment << " must end in .koers or .json\n";
        return usage_error;
    }
    std::error_code error;
    if (!fs::is_regular_file(options.assessment, error)) {
        err << "koers: error: " << options.assessment << ": no such file\n";
        return 1;
    }

    std::vector<std::string> ruleset = options.ruleset;
    if (ruleset.empty()) {
        const std::optional<fs::path> found = default_ruleset();
        if (!found) {
            err << "koers: error: cannot find the alliance ruleset (rulesets/alliance); name one with --ruleset DIR\n";
            return 1;
        }
        ruleset.push_back(found->string());
    }
    std::optional<PreparedRun> prepared =
        is_json ? prepare_json(ruleset, options.assessment, err) : prepare_koers(ruleset, options.assessment, err);
    if (!prepared) return 1;
    const engine::RuleSet& rules = *prepared->loaded->rules;
    if (const std::optional<std::string> problem =
            advisor::check_assessment(prepared->facts, rules, advisor::assessment_shape(rules), options.assessment)) {
        err << "koers: error: " << *problem << '\n';
        return 1;
    }

    advisor::AssessmentRun* const result = prepared->run.get();
    advisor::run_assessment(*result, prepared->facts, engine::RunOptions{.limits = *limits});
    if (result->error) {
        err << "koers: error: " << *result->error << '\n';
        return 1;
    }
    if (result->result.stop != engine::StopReason::Finished && result->result.stop != engine::StopReason::Halted) {
        const std::optional<engine::RuntimeError>& stop = result->result.error;
        err << (stop && !stop->where.file.empty() ? "" : "koers: error: ") << (stop ? stop->render() : "the run did not finish")
            << "\nkoers: error: no report written: the analysis did not finish\n";
        return 1;
    }

    report::ReportInput input;
    input.session = &result->session;
    input.assessment_facts = result->assessment_facts;
    input.result = &result->result;
    input.ruleset_root = fs::is_directory(ruleset.front(), error) ? ruleset.front() : fs::path(ruleset.front()).parent_path().string();
    const report::Report built =
        report::build_report(input, options.language == "nl" ? report::Language::Nl : report::Language::En);
    const std::string text = render_report(built);
    if (options.out_file.empty()) {
        out << text;
        return 0;
    }
    if (const std::optional<std::string> failure = write_file_atomically(options.out_file, text)) {
        err << "koers: error: cannot write " << options.out_file << ": " << *failure << '\n';
        return 1;
    }
    return 0;
}

}  // namespace koers::cli
