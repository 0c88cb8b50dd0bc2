// The subcommands that run rules: `koers run` and `koers test`. main.cpp wires them to
// the command line, as it does those of commands.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace koers::cli {

enum class OutputFormat { Text, Json };

struct RunCommandOptions {
    std::vector<std::string> paths;  // .koers files or folders
    // Facts to start from besides the ruleset's facts blocks: `.koers` files with facts
    // blocks, or `.json` files (see run_command.cpp for the shape).
    std::vector<std::string> fact_files;
    std::string strategy = "depth";  // depth, breadth, lex or mea
    std::optional<std::uint64_t> max_firings;
    std::optional<std::uint64_t> max_facts;
    std::optional<double> timeout_seconds;
    bool trace = false;  // log assertions, retractions, activations and firings to stderr
    bool explain = false;  // show why each derived fact and piece of advice is there
    bool show_time = true;  // false leaves the time out, so that output compares byte for byte
    OutputFormat format = OutputFormat::Text;
};

// `koers run`: load, check and compile the ruleset, run it, and print the facts, the
// advice, the printed output and statistics to `out`; problems go to `err`. Returns 0
// when the run finished or halted, 1 on errors in the ruleset or the facts, a run-time
// error or a limit reached (the partial results are still printed), 2 on bad options.
int run_run(const RunCommandOptions& options, std::ostream& out, std::ostream& err);

// `koers test PATH...`: runs every test block, each from an empty working memory with its
// given facts; prints PASS or FAIL per test (with what was expected and what was derived
// for a failure) and ends with the line `N passed, N failed`. Returns 0 when all pass,
// 1 otherwise (also when the ruleset has errors). With `coverage`, a coverage report
// comes before the last line: the rules no passing test fires and the rules no passing
// test expects not to fire (a near miss); any such rule makes the result 1.
int run_test(const std::vector<std::string>& paths, bool coverage, std::ostream& out, std::ostream& err);

struct AdviseCommandOptions {
    std::string assessment;  // a .koers file of facts blocks, or a .json file
    // Folders or files of the ruleset; empty means rulesets/alliance beside the program
    // (see docs/assessment.md for where it is looked for).
    std::vector<std::string> ruleset;
    std::string language = "en";  // nl or en
    std::string format = "text";  // text, md, html or json
    std::string out_file;  // empty: standard output
    std::optional<std::uint64_t> max_firings;
    std::optional<double> timeout_seconds;
};

// `koers advise ASSESSMENT`: runs the ruleset on one assessment and prints (or writes,
// whole or not at all) the report. Returns 0 on success, 1 when the ruleset or the
// assessment has errors or the run did not finish, 2 on bad options.
int run_advise(const AdviseCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace koers::cli
