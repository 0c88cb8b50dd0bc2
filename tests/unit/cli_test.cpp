// `koers check` as a user sees it: exit codes, diagnostics on stderr, summary on stdout.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "cli/commands.hpp"

namespace {

namespace fs = std::filesystem;

// A fresh folder under the system temp folder, removed with everything in it.
class TempFolder {
public:
    TempFolder()
    {
        static int counter = 0;
        path_ = fs::temp_directory_path() /
                ("koers-cli-test-" + std::to_string(::getpid()) + '-' + std::to_string(counter++));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempFolder() { fs::remove_all(path_); }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    std::string write(const std::string& name, const std::string& text) const
    {
        const fs::path file = path_ / name;
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
        return file.string();
    }
    [[nodiscard]] std::string path() const { return path_.string(); }

private:
    fs::path path_;
};

struct CheckResult {
    int exit_code = 0;
    std::string out;
    std::string err;
};

CheckResult check(const std::vector<std::string>& paths)
{
    std::ostringstream out;
    std::ostringstream err;
    const int exit_code = koers::cli::run_check(paths, out, err);
    return {exit_code, out.str(), err.str()};
}

const char* const valid_ruleset =
    "template signal \"Something the partners noticed\" {\n"
    "  kind: symbol\n"
    "  weight: int in 0..10 = 1\n"
    "}\n"
    "\n"
    "facts start {\n"
    "  signal(kind: wantrouwen, weight: 3)\n"
    "}\n";

}  // namespace

TEST_CASE("check: a valid file passes with a one-line summary")
{
    const TempFolder folder;
    const std::string file = folder.write("valid.koers", valid_ruleset);
    const CheckResult result = check({file});
    CHECK(result.exit_code == 0);
    CHECK(result.out == "checked 1 file: no problems\n");
    CHECK(result.err.empty());
}

TEST_CASE("check: a folder is searched for .koers files")
{
    const TempFolder folder;
    folder.write("one.koers", valid_ruleset);
    folder.write("nested/two.koers", "template phase { current: symbol }\n");
    folder.write("notes.txt", "not a ruleset");
    const CheckResult result = check({folder.path()});
    CHECK(result.exit_code == 0);
    CHECK(result.out == "checked 2 files: no problems\n");
}

TEST_CASE("check: a syntax error is reported with file, line and column and fails")
{
    const TempFolder folder;
    const std::string file = folder.write("broken.koers", "template signal {\n  kind symbol\n}\n");
    const CheckResult result = check({file});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find(file + ":2:") == 0);
    CHECK(result.err.find(": error: ") != std::string::npos);
    CHECK(result.out.find("checked 1 file: 1 error") == 0);
}

TEST_CASE("check: warnings alone do not fail")
{
    const TempFolder folder;
    const std::string file = folder.write("unused.koers",
                                          "template signal { kind: symbol }\n"
                                          "rule r\n"
                                          "when\n"
                                          "  signal(kind: ?kind)\n"
                                          "then\n"
                                          "  halt\n"
                                          "end\n");
    const CheckResult result = check({file});
    CHECK(result.exit_code == 0);
    CHECK(result.out == "checked 1 file: 1 warning\n");
    CHECK(result.err.find(file + ":4:16: warning: ") == 0);
}

TEST_CASE("check: a path that does not exist is an error")
{
    const TempFolder folder;
    const CheckResult result = check({folder.path() + "/missing.koers"});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("missing.koers") != std::string::npos);
}

TEST_CASE("check: a folder without .koers files is an error")
{
    const TempFolder folder;
    const CheckResult result = check({folder.path()});
    CHECK(result.exit_code == 1);
    CHECK(result.err == "koers: error: no .koers files found in " + folder.path() + "\n");
}

TEST_CASE("check: no paths is an error")
{
    const CheckResult result = check({});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("no paths given") != std::string::npos);
}
