// Golden diagnostics: each tests/diagnostics/<case>.koers holds one kind of mistake and
// <case>.expected exactly what `koers check` prints for it. Run with
// KOERS_UPDATE_GOLDEN=1 to rewrite the expected files, then review every change by eye.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "check/checker.hpp"
#include "check/loader.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path golden_folder = fs::path(KOERS_SOURCE_DIR) / "tests" / "diagnostics";

std::string read_text(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<fs::path> golden_inputs()
{
    std::vector<fs::path> inputs;
    for (const fs::directory_entry& entry : fs::directory_iterator(golden_folder)) {
        if (entry.path().extension() == ".koers") inputs.push_back(entry.path());
    }
    std::sort(inputs.begin(), inputs.end());
    return inputs;
}

// What `koers check` prints for one file, with the path shown relative to the repository
// so that the output does not depend on where the tests run. Checks wait for a clean
// parse, as in the command.
std::string rendered_diagnostics(const fs::path& input)
{
    koers::Diagnostics diagnostics;
    const koers::Program program =
        koers::load_text("tests/diagnostics/" + input.filename().string(), read_text(input), diagnostics);
    if (!diagnostics.has_errors()) koers::check_program(program, diagnostics);
    diagnostics.sort();
    std::string out;
    for (const koers::Diagnostic& diagnostic : diagnostics.all()) out += koers::render(diagnostic, program.sources);
    return out;
}

bool updating_golden_files()
{
    const char* update = std::getenv("KOERS_UPDATE_GOLDEN");
    return update != nullptr && std::string(update) == "1";
}

}  // namespace

TEST_CASE("every golden diagnostics case prints exactly its expected text")
{
    const std::vector<fs::path> inputs = golden_inputs();
    REQUIRE(inputs.size() >= 45);
    for (const fs::path& input : inputs) {
        const std::string name = input.stem().string();
        SUBCASE(name.c_str())
        {
            fs::path expected_path = input;
            expected_path.replace_extension(".expected");
            const std::string actual = rendered_diagnostics(input);
            if (updating_golden_files()) {
                std::ofstream(expected_path, std::ios::binary) << actual;
            }
            INFO("case: ", name);
            CHECK_MESSAGE(!actual.empty(), "a golden case must produce at least one diagnostic");
            REQUIRE_MESSAGE(fs::exists(expected_path), "missing ", expected_path.string(),
                            "; run with KOERS_UPDATE_GOLDEN=1 to create it");
            CHECK(actual == read_text(expected_path));
        }
    }
}
