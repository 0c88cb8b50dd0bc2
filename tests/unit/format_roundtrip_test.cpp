// Every .koers file in the repository formats to text that parses to the same tree, keeps
// every comment, and formats to itself.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "format_support.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> koers_files_below(const std::vector<std::string>& folders)
{
    std::vector<fs::path> files;
    for (const std::string& folder : folders) {
        const fs::path root = fs::path(KOERS_SOURCE_DIR) / folder;
        if (!fs::is_directory(root)) continue;
        for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root)) {
            if (entry.is_regular_file() && entry.path().extension() == ".koers") files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string read(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("the sample files round-trip through the formatter")
{
    const std::vector<fs::path> files = koers_files_below({"tests/samples"});
    REQUIRE(!files.empty());
    for (const fs::path& file : files) koers::format_test::check_round_trip(read(file), file.string());
}

TEST_CASE("every .koers file in the repository round-trips through the formatter")
{
    // Shipped and documented files must all parse; error cases live elsewhere in tests/.
    const std::vector<fs::path> files =
        koers_files_below({"rulesets", "examples", "tests/samples", "docs", "bench"});
    REQUIRE(!files.empty());
    for (const fs::path& file : files) koers::format_test::check_round_trip(read(file), file.string());
}

TEST_CASE("Koers code blocks in the documentation round-trip through the formatter")
{
    const std::vector<fs::path> pages = [] {
        std::vector<fs::path> found;
        const fs::path docs = fs::path(KOERS_SOURCE_DIR) / "docs";
        if (!fs::is_directory(docs)) return found;
        for (const fs::directory_entry& entry : fs::recursive_directory_iterator(docs)) {
            if (entry.is_regular_file() && entry.path().extension() == ".md") found.push_back(entry.path());
        }
        std::sort(found.begin(), found.end());
        return found;
    }();
    for (const fs::path& page : pages) {
        std::istringstream lines(read(page));
        std::string line;
        std::string block;
        bool inside = false;
        int block_line = 0;
        int number = 0;
        while (std::getline(lines, line)) {
            ++number;
            if (!inside && line.starts_with("```koers")) {
                inside = true;
                block.clear();
                block_line = number;
            } else if (inside && line.starts_with("```")) {
                inside = false;
                const std::string name = page.string() + ":" + std::to_string(block_line);
                // Blocks that show an error, or only a fragment, do not parse on their own.
                if (koers::format_test::parse(block, name).errors.empty()) {
                    koers::format_test::check_round_trip(block, name);
                }
            } else if (inside) {
                block += line + '\n';
            }
        }
    }
}
