// `koers test`: one line per test, what failed and why, and the closing count.
#include <doctest/doctest.h>

#include "cli/engine_commands.hpp"
#include "engine_commands_support.hpp"

namespace {

using koers::engine_commands_test::CommandResult;
using koers::engine_commands_test::TempFolder;

const std::string ruleset =
    "template level { name: symbol  value: number = 0 }\n"
    "template alarm { about: symbol }\n"
    "rule high when level(name: ?n, value: ?v >= 5) then\n"
    "  assert alarm(about: ?n)\n"
    "  advise too_high severity: warning about: ?n\n"
    "end\n"
    "test \"high water raises an alarm\" {\n"
    "  given { level(name: water, value: 7) }\n"
    "  expect fact alarm(about: water)\n"
    "  expect advice too_high (severity: warning, about: water)\n"
    "  expect rule high fires 1 times\n"
    "}\n"
    "test \"low water stays quiet\" {\n"
    "  given { level(name: water, value: 1) }\n"
    "  expect no fact alarm()\n"
    "  expect no advice too_high\n"
    "  expect rule high does not fire\n"
    "}\n";

const std::string failing =
    "test \"wrong on purpose\" {\n"
    "  given { level(name: water, value: 7) level(name: wind, value: 9) }\n"
    "  expect no fact alarm(about: wind)\n"
    "  expect advice too_high (severity: critical)\n"
    "  expect fact level(name: wind, value: < 5)\n"
    "  expect rule high fires 1 times\n"
    "  expect no advice too_high\n"
    "  expect fact alarm(about: dike)\n"
    "}\n";

CommandResult test(const std::vector<std::string>& paths, bool coverage = false)
{
    std::ostringstream out;
    std::ostringstream err;
    const int code = koers::cli::run_test(paths, coverage, out, err);
    return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("koers test: passing tests")
{
    const TempFolder folder;
    const CommandResult result = test({folder.write("levels.koers", ruleset)});
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    CHECK(result.out ==
          "PASS  high water raises an alarm\n"
          "PASS  low water stays quiet\n"
          "2 passed, 0 failed\n");
}

TEST_CASE("koers test: a failure shows what was expected and what was derived, with its place")
{
    const TempFolder folder;
    const std::string path = folder.write("levels.koers", ruleset + failing);
    const CommandResult result = test({path});
    CHECK(result.exit_code == 1);
    const std::string expected =
        "PASS  high water raises an alarm\n"
        "PASS  low water stays quiet\n"
        "FAIL  wrong on purpose\n"
        "      " + path + ":21:3: expected `expect no fact alarm(about: wind)`\n"
        "        but these facts match:\n"
        "          f-3 alarm(about: wind)\n"
        "      " + path + ":22:3: expected `expect advice too_high (severity: critical)`\n"
        "        but the advice on this topic differs:\n"
        "          too_high (severity: warning, about: wind) from rule `high`\n"
        "          too_high (severity: warning, about: water) from rule `high`\n"
        "      " + path + ":23:3: expected `expect fact level(name: wind, value: < 5)`\n"
        "        but no fact matches; the `level` facts are:\n"
        "          f-1 level(name: water, value: 7.0)\n"
        "          f-2 level(name: wind, value: 9.0)\n"
        "      " + path + ":24:3: expected `expect rule high fires 1 times`\n"
        "        but rule `high` fired 2 times\n"
        "      " + path + ":25:3: expected `expect no advice too_high`\n"
        "        but this advice was given:\n"
        "          too_high (severity: warning, about: wind) from rule `high`\n"
        "          too_high (severity: warning, about: water) from rule `high`\n"
        "      " + path + ":26:3: expected `expect fact alarm(about: dike)`\n"
        "        but no fact matches; the `alarm` facts are:\n"
        "          f-3 alarm(about: wind)\n"
        "          f-4 alarm(about: water)\n"
        "2 passed, 1 failed\n";
    CHECK(result.out == expected);
}

TEST_CASE("koers test: each test starts from an empty working memory")
{
    const TempFolder folder;
    const CommandResult result = test({folder.write("levels.koers", ruleset +
                                                                         "facts { level(name: dike, value: 8) }\n"
                                                                         "test \"facts blocks are not loaded\" {\n"
                                                                         "  expect no fact level(name: dike)\n"
                                                                         "  expect rule high does not fire\n"
                                                                         "}\n")});
    CHECK(result.exit_code == 0);
    CHECK(result.out.ends_with("PASS  facts blocks are not loaded\n3 passed, 0 failed\n"));
}

TEST_CASE("koers test: no advice at all, a rule that never fires, a refused fact")
{
    const TempFolder folder;
    const std::string path = folder.write("quiet.koers",
                                          "template level { name: symbol  value: number in 0..10 = 0 }\n"
                                          "rule high when level(value: > 5) then advise too_high end\n"
                                          "test \"quiet\" {\n"
                                          "  given { level(name: a, value: 1) }\n"
                                          "  expect advice too_high\n"
                                          "  expect rule high fires\n"
                                          "  expect fact level(name: b)\n"
                                          "}\n");
    const CommandResult result = test({path});
    CHECK(result.exit_code == 1);
    CHECK(result.out.find("but no advice was given") != std::string::npos);
    CHECK(result.out.find("but rule `high` fired 0 times") != std::string::npos);
    CHECK(result.out.find("but no fact matches; the `level` facts are:\n          f-1 level(name: a, value: 1.0)") !=
          std::string::npos);
    CHECK(result.out.ends_with("0 passed, 1 failed\n"));
}

TEST_CASE("koers test: a ruleset with errors runs no test")
{
    const TempFolder folder;
    const CommandResult result = test({folder.write("broken.koers", "test \"t\" { expect rule nope fires }\n")});
    CHECK(result.exit_code == 1);
    CHECK(result.out.empty());
    CHECK(result.err.find("broken.koers:1:24: error: unknown rule `nope`") != std::string::npos);
}

TEST_CASE("koers test: no tests")
{
    const TempFolder folder;
    const CommandResult result = test({folder.write("none.koers", "template t { x: int }\n")});
    CHECK(result.exit_code == 0);
    CHECK(result.out == "0 passed, 0 failed\n");
    CHECK(result.err.find("no tests found") != std::string::npos);
}

TEST_CASE("koers test --coverage: every rule fired and near-missed passes")
{
    const TempFolder folder;
    const CommandResult result = test({folder.write("levels.koers", ruleset)}, true);
    CHECK(result.exit_code == 0);
    CHECK(result.out ==
          "PASS  high water raises an alarm\n"
          "PASS  low water stays quiet\n"
          "coverage: 1 rules, 1 fired by a test, 1 with a near-miss test\n"
          "2 passed, 0 failed\n");
}

TEST_CASE("koers test --coverage: a rule no test fires, or without a near miss, fails the run")
{
    const TempFolder folder;
    const std::string untested = ruleset +
                                 "rule calm when level(name: ?n, value: 0) then assert alarm(about: ?n) end\n"
                                 "rule storm when level(name: wind, value: ?v >= 9) then assert alarm(about: wind) end\n"
                                 "test \"a storm\" { given { level(name: wind, value: 9) } expect rule storm fires }\n";
    const CommandResult result = test({folder.write("levels.koers", untested)}, true);
    CHECK(result.exit_code == 1);
    CHECK(result.out.find("coverage: 3 rules, 2 fired by a test, 1 with a near-miss test\n"
                          "rules that no test fires:\n"
                          "  calm (") != std::string::npos);
    CHECK(result.out.find("rules without a near-miss test (`expect rule NAME does not fire`):\n"
                          "  calm (") != std::string::npos);
    CHECK(result.out.find("\n  storm (") != std::string::npos);
    CHECK(result.out.ends_with("3 passed, 0 failed\n"));
    CHECK(test({folder.write("levels.koers", untested)}).exit_code == 0);
}
