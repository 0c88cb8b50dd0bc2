// Helpers for the tests of `koers run` and `koers test`: ruleset files in a fresh
// temporary folder, and a command's output and exit code.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace koers::engine_commands_test {

class TempFolder {
public:
    TempFolder()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "koers-run-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        root_ = pattern;
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    ~TempFolder()
    {
        std::error_code ignored;
        std::filesystem::remove_all(root_, ignored);
    }

    std::string write(const std::string& name, const std::string& text) const
    {
        const std::filesystem::path file = root_ / name;
        std::ofstream(file, std::ios::binary) << text;
        return file.string();
    }

private:
    std::filesystem::path root_;
};

struct CommandResult {
    int exit_code = 0;
    std::string out;
    std::string err;
};

}  // namespace koers::engine_commands_test
