// The `koers` command line: reads the arguments and hands each subcommand to cli/.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include "cli/commands.hpp"
#include "cli/engine_commands.hpp"
#include "cli/heap.hpp"
#include "cli/logging.hpp"
#include "cli/serve_command.hpp"

namespace {

// Exit code for a command line that koers does not understand (the shell convention).
constexpr int usage_error = 2;

// `koers serve`: the same command line, run by koers-serve beside this program. Returns
// only when that program cannot be started.
int hand_to_serve_program(char** argv)
{
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    const std::filesystem::path program = (error ? std::filesystem::path(argv[0]) : self).parent_path() /
                                          koers::cli::serve_program;
    argv[0] = const_cast<char*>(program.c_str());
    ::execv(program.c_str(), argv);
    std::cerr << "koers: error: cannot start " << program.string() << ": " << std::strerror(errno)
              << "\nkoers serve needs the koers-serve program installed beside koers.\n";
    return 1;
}

std::string failure_message(const CLI::App* app, const CLI::Error& error)
{
    std::string help_command = "koers --help";
    const auto commands = app->get_subcommands();
    if (!commands.empty()) help_command = "koers " + commands.front()->get_name() + " --help";
    return "koers: error: " + std::string(error.what()) + "\nRun '" + help_command + "' for usage.\n";
}

int run(int argc, char** argv)
{
    CLI::App app{"The Koers rules engine: check, format, run and test rulesets written in the Koers language.", "koers"};
    app.set_version_flag("--version", "koers " KOERS_VERSION);
    app.require_subcommand(0, 1);
    app.failure_message(failure_message);
    app.footer(
        "Examples:\n"
        "  koers check rulesets examples    report every problem in these folders\n"
        "  koers fmt --check rulesets       list the files that are not formatted\n"
        "  koers run rulesets/alliance --facts examples/alliances/gabv.koers\n"
        "                                   run the rules on an example and show what they derive\n"
        "  koers test rulesets/alliance     run the test blocks of a ruleset\n"
        "\n"
        "Run 'koers COMMAND --help' for more about one command.");

    bool verbose = false;
    app.add_flag("-v,--verbose", verbose, "Log details of what koers does to stderr");

    std::vector<std::string> check_paths;
    CLI::App* check = app.add_subcommand(
        "check", "Parse and check .koers files; report each problem as file:line:col");
    check->add_option("PATH", check_paths, ".koers files, or folders to search for .koers files")->required();
    check->footer(
        "Exits with 0 when there are no errors (warnings allowed), 1 otherwise.\n"
        "\n"
        "Example:\n"
        "  koers check rulesets/alliance examples/alliances/gabv.koers");

    std::vector<std::string> fmt_paths;
    bool fmt_check_only = false;
    CLI::App* fmt = app.add_subcommand("fmt", "Rewrite .koers files in the canonical layout");
    fmt->add_flag("--check", fmt_check_only, "Change nothing; list the files that would change and exit 1 if any would");
    fmt->add_option("PATH", fmt_paths, ".koers files, or folders to search for .koers files")->required();
    fmt->footer(
        "Comments are kept; formatting a formatted file changes nothing.\n"
        "With --check, each file that would change is printed as 'would reformat: PATH'.\n"
        "\n"
        "Examples:\n"
        "  koers fmt rulesets                 format every .koers file below rulesets/\n"
        "  koers fmt --check rulesets         the same, but only report");

    koers::cli::RunCommandOptions run_options;
    std::string run_format = "text";
    bool run_without_time = false;
    CLI::App* run_command = app.add_subcommand("run", "Run a ruleset and show the facts, advice and output it derives");
    run_command->add_option("PATH", run_options.paths, ".koers files, or folders to search for .koers files")->required();
    run_command->add_option("--facts", run_options.fact_files,
                            "Facts to start from: .koers files with facts blocks, or .json files (repeatable)");
    run_command->add_option("--strategy", run_options.strategy, "Conflict resolution: depth (default), breadth, lex or mea")
        ->check(CLI::IsMember({"depth", "breadth", "lex", "mea"}));
    run_command->add_option("--max-firings", run_options.max_firings, "Stop after this many rule firings");
    run_command->add_option("--max-facts", run_options.max_facts, "Stop when working memory holds this many facts");
    run_command->add_option("--timeout", run_options.timeout_seconds, "Stop after this many seconds");
    run_command->add_flag("--trace", run_options.trace, "Log assertions, retractions, activations and firings to stderr");
    run_command->add_flag("--explain", run_options.explain, "Show why each derived fact and piece of advice is there");
    run_command->add_flag("--no-time", run_without_time, "Leave the run time out, so that output compares byte for byte");
    run_command->add_option("--format", run_format, "Output format: text (default) or json")
        ->check(CLI::IsMember({"text", "json"}));
    run_command->footer(
        "Without limits a run stops after 1,000,000 firings, 1,000,000 facts or 10 seconds.\n"
        "Exits with 0 when the run finished or halted, 1 on an error or a limit reached.\n"
        "\n"
        "Example:\n"
        "  koers run rulesets/alliance --facts examples/alliances/gabv.koers --explain");

    koers::cli::AdviseCommandOptions advise_options;
    CLI::App* advise_command =
        app.add_subcommand("advise", "Turn an assessment of one alliance into a report with explained advice");
    advise_command->add_option("ASSESSMENT", advise_options.assessment, "The assessment: a .koers file of facts or a .json file")
        ->required();
    advise_command->add_option("--ruleset", advise_options.ruleset,
                               "Folders or files of the ruleset (default: the alliance ruleset, rulesets/alliance)");
    advise_command->add_option("--lang", advise_options.language, "Language of the report: nl or en (default)")
        ->check(CLI::IsMember({"nl", "en"}));
    advise_command->add_option("--format", advise_options.format, "Report format: text (default), md, html or json")
        ->check(CLI::IsMember({"text", "md", "html", "json"}));
    advise_command->add_option("--out", advise_options.out_file, "Write the report to this file (whole or not at all)");
    advise_command->add_option("--max-firings", advise_options.max_firings, "Stop after this many rule firings");
    advise_command->add_option("--timeout", advise_options.timeout_seconds, "Stop after this many seconds");
    advise_command->footer(
        "The assessment format is described in docs/assessment.md. Exits with 1 when the\n"
        "ruleset or the assessment has errors or the analysis does not finish; then no\n"
        "report is written.\n"
        "\n"
        "Examples:\n"
        "  koers advise examples/alliances/gabv.koers\n"
        "  koers advise examples/alliances/cems.koers --lang nl --format html --out cems.html");

    std::vector<std::string> test_paths;
    CLI::App* test_command = app.add_subcommand("test", "Run the test blocks of .koers files and report each test");
    bool test_coverage = false;
    test_command->add_option("PATH", test_paths, ".koers files, or folders to search for .koers files")->required();
    test_command->add_flag("--coverage", test_coverage,
                           "Also list the rules no test fires and those without a near-miss test; any fails the run");
    test_command->footer(
        "Each test starts from an empty working memory with its given facts. The last line\n"
        "reads 'N passed, N failed'; exits with 1 when a test fails.\n"
        "\n"
        "Example:\n"
        "  koers test rulesets/alliance");

    koers::cli::ServeOptions serve_options;
    const CLI::App* serve = koers::cli::add_serve_command(app, serve_options);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        const int code = app.exit(error);
        return code == 0 ? 0 : usage_error;
    }

    if (serve->parsed()) return hand_to_serve_program(argv);
    koers::cli::set_up_logging(verbose);
    if (check->parsed()) return koers::cli::run_check(check_paths, std::cout, std::cerr);
    if (fmt->parsed()) return koers::cli::run_fmt(fmt_paths, fmt_check_only, std::cout, std::cerr);
    if (run_command->parsed()) {
        run_options.show_time = !run_without_time;
        run_options.format = run_format == "json" ? koers::cli::OutputFormat::Json : koers::cli::OutputFormat::Text;
        return koers::cli::run_run(run_options, std::cout, std::cerr);
    }
    if (test_command->parsed()) return koers::cli::run_test(test_paths, test_coverage, std::cout, std::cerr);
    if (advise_command->parsed()) return koers::cli::run_advise(advise_options, std::cout, std::cerr);

    std::cerr << app.help();
    return usage_error;
}

}  // namespace

int main(int argc, char** argv)
{
    koers::cli::prepare_heap();
    try {
        return run(argc, argv);
    } catch (const std::exception& error) {
        std::cerr << "koers: error: " << error.what() << '\n';
    } catch (...) {
        std::cerr << "koers: error: unexpected failure\n";
    }
    return 1;
}
