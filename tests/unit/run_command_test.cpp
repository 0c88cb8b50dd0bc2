// `koers run`: what a run derived, as text and JSON, facts from files, and the exit
// codes for errors, limits and bad options.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli/engine_commands.hpp"
#include "engine_commands_support.hpp"

namespace {

using koers::cli::RunCommandOptions;
using koers::engine_commands_test::CommandResult;
using koers::engine_commands_test::TempFolder;

const std::string levels =
    "stage diagnose\n"
    "template level { name: symbol  value: number in 0..10 = 0 }\n"
    "template alarm { about: symbol  note: text optional }\n"
    "facts { level(name: water, value: 7.5) level(name: wind, value: 2) }\n"
    "rule start when level(name: water) then focus diagnose end\n"
    "rule high stage diagnose when level(name: ?n, value: ?v >= 5) then\n"
    "  assert logical alarm(about: ?n, note: \"{?n} at {?v}\")\n"
    "  advise too_high severity: warning about: ?n en: \"{?n} is high\"\n"
    "  print \"high: {?n}\"\n"
    "end\n";

RunCommandOptions options_for(std::vector<std::string> paths)
{
    RunCommandOptions options;
    options.paths = std::move(paths);
    return options;
}

CommandResult run(RunCommandOptions options)
{
    options.show_time = false;
    std::ostringstream out;
    std::ostringstream err;
    const int code = koers::cli::run_run(options, out, err);
    return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("koers run prints facts, advice, output and statistics")
{
    const TempFolder folder;
    const CommandResult result = run(options_for({folder.write("levels.koers", levels)}));
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(result.out ==
          "facts (3):\n"
          "  f-1 level(name: water, value: 7.5)\n"
          "  f-2 level(name: wind, value: 2.0)\n"
          "  f-3 alarm(about: water, note: \"water at 7.5\")  <- high\n"
          "advice (1):\n"
          "  warning too_high  <- high\n"
          "    about: water\n"
          "    en: water is high\n"
          "output (1 line):\n"
          "  high: water\n"
          "run: finished, 2 firings, 3 facts, peak memory " +
              result.out.substr(result.out.rfind("memory ") + 7));
}

TEST_CASE("koers run --format json gives the same results as JSON")
{
    const TempFolder folder;
    RunCommandOptions options = options_for({folder.write("levels.koers", levels)});
    options.format = koers::cli::OutputFormat::Json;
    const CommandResult result = run(options);
    CHECK(result.exit_code == 0);
    const nlohmann::json report = nlohmann::json::parse(result.out);
    REQUIRE(report["facts"].size() == 3);
    CHECK(report["facts"][0]["slots"]["name"] == "water");
    CHECK(report["facts"][0]["slots"]["value"] == 7.5);
    CHECK(report["facts"][2]["rule"] == "high");
    CHECK(report["facts"][2]["logical"] == true);
    CHECK(report["advice"][0]["topic"] == "too_high");
    CHECK(report["advice"][0]["severity"] == "warning");
    CHECK(report["advice"][0]["links"]["about"] == "water");
    CHECK(report["advice"][0]["texts"]["en"] == "water is high");
    CHECK(report["output"] == nlohmann::json::array({"high: water"}));
    CHECK(report["run"]["stop"] == "finished");
    CHECK(report["run"]["firings"] == 2);
    CHECK_FALSE(report["run"].contains("time_ms"));
}

TEST_CASE("koers run gives the same bytes every time")
{
    const TempFolder folder;
    const std::string path = folder.write("levels.koers", levels);
    for (const auto format : {koers::cli::OutputFormat::Text, koers::cli::OutputFormat::Json}) {
        RunCommandOptions options = options_for({path});
        options.format = format;
        options.explain = true;
        CHECK(run(options).out == run(options).out);
    }
}

TEST_CASE("koers run --explain shows why derived facts and advice are there")
{
    const TempFolder folder;
    RunCommandOptions options = options_for({folder.write("levels.koers", levels)});
    options.explain = true;
    const CommandResult result = run(options);
    CHECK(result.out.find("  f-3 alarm(about: water, note: \"water at 7.5\")  <- high\n      f-3 alarm") != std::string::npos);
    CHECK(result.out.find("[input]") != std::string::npos);
}

TEST_CASE("koers run --facts adds facts from .koers and .json files")
{
    const TempFolder folder;
    RunCommandOptions options = options_for({folder.write("levels.koers", levels)});
    options.fact_files = {folder.write("more.koers", "facts { level(name: river, value: 9) }\n"),
                          folder.write("more.json", R"({"facts": [{"template": "level", "slots": {"name": "dike", "value": 6}}]})")};
    const CommandResult result = run(options);
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("level(name: river, value: 9.0)") != std::string::npos);
    CHECK(result.out.find("level(name: dike, value: 6.0)") != std::string::npos);
    CHECK(result.out.find("alarm(about: dike") != std::string::npos);
    CHECK(result.out.find("alarm(about: river") != std::string::npos);
}

TEST_CASE("koers run reports bad JSON facts by file and position")
{
    const TempFolder folder;
    RunCommandOptions options = options_for({folder.write("levels.koers", levels)});
    const std::pair<std::string, std::string> cases[] = {
        {"[{\"template\": \"level\", \"slots\": {\"name\": \"a\", \"value\": \"high\"}}]",
         "$[0].slots.value: expected a number in 0..10, not \"high\""},
        {"[{\"template\": \"levle\"}]", "$[0].template: unknown template `levle`; allowed: level, alarm"},
        {"[{\"template\": \"level\", \"slots\": {\"value\": 1}}]",
         "$[0].slots: missing required field `name`: a name (a string)"},
        {"[{\"template\": \"level\", \"slots\": {\"name\": \"a\", \"value\": 11}}]",
         "$[0].slots.value: expected a number in 0..10, not 11"},
        {"[{\"template\": \"level\", \"slots\": {\"name\": \"a\", \"vlaue\": 1}}]",
         "$[0].slots: unknown field `vlaue` in `level`; the fields are name, value"},
        {"{\"facts\": 3}", "$.facts: expected an array of facts, not 3"},
        {"{\"level\": {\"name\": \"a\", \"value\": -1}}", "$.level.value: expected a number in 0..10, not -1"},
        {"{\"levels\": []}", "$.levels: unknown template `levels`; allowed: level, alarm"},
        {"{", "1:2: not valid JSON: "},
    };
    for (const auto& [json_text, message] : cases) {
        const std::string& facts = json_text;
        CAPTURE(facts);
        options.fact_files = {folder.write("facts.json", facts)};
        const CommandResult result = run(options);
        CHECK(result.exit_code == 1);
        CHECK(result.out.empty());
        CHECK(result.err.find("facts.json" + std::string(message.starts_with("1:") ? ":" : ": ") + message) != std::string::npos);
    }
}

TEST_CASE("koers run: a limit stops the run with partial results and exit 1")
{
    const TempFolder folder;
    RunCommandOptions options = options_for({folder.write(
        "loop.koers", "template counter { n: int = 0 }\nfacts { counter() }\n"
                      "rule up when ?c <- counter(n: ?n) then modify ?c(n: ?n + 1) end\n")});
    options.max_firings = 100;
    const CommandResult result = run(options);
    CHECK(result.exit_code == 1);
    CHECK(result.out.find("run: limit (partial results), 100 firings") != std::string::npos);
    CHECK(result.err.find("loop.koers:3:1: error: the run stopped at the limit of 100 firings") != std::string::npos);
}

TEST_CASE("koers run: a run-time error names its place and the rule")
{
    const TempFolder folder;
    const CommandResult result = run(options_for({folder.write("divide.koers", "template pair { a: int  b: int }\n"
                                                                             "facts { pair(a: 1, b: 0) }\n"
                                                                             "rule divide when pair(a: ?a, b: ?b) then print \"{?a / ?b}\" end\n")}));
    CHECK(result.exit_code == 1);
    CHECK(result.out.find("run: error (partial results)") != std::string::npos);
    CHECK(result.err.find("divide.koers:3:") != std::string::npos);
    CHECK(result.err.find("division by zero (in rule `divide`)") != std::string::npos);
}

TEST_CASE("koers run: errors in the ruleset and bad options")
{
    const TempFolder folder;
    const CommandResult broken = run(options_for({folder.write("broken.koers", "rule r when nothing() then halt end\n")}));
    CHECK(broken.exit_code == 1);
    CHECK(broken.out.empty());
    CHECK(broken.err.find("broken.koers:1:13: error: unknown template `nothing`") != std::string::npos);

    RunCommandOptions options = options_for({folder.write("levels.koers", levels)});
    options.strategy = "fastest";
    CHECK(run(options).exit_code == 2);
    options.strategy = "lex";
    options.fact_files = {"facts.csv"};
    const CommandResult csv = run(options);
    CHECK(csv.exit_code == 2);
    CHECK(csv.err == "koers: error: facts file facts.csv must end in .koers or .json\n");
    CHECK(run(options_for({})).exit_code == 2);
}
