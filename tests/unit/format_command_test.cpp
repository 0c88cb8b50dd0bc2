// `koers fmt` as a user sees it: files rewritten whole or not at all, `--check`, exit codes.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace {

namespace fs = std::filesystem;

// A fresh folder under the system temp folder, removed with everything in it.
class Scratch {
public:
    Scratch()
    {
        static int counter = 0;
        path_ = fs::temp_directory_path() /
                ("koers-fmt-test-" + std::to_string(::getpid()) + '-' + std::to_string(counter++));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~Scratch() { fs::remove_all(path_); }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

    [[nodiscard]] std::string write(const std::string& name, const std::string& text) const
    {
        const fs::path file = path_ / name;
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
        return file.string();
    }
    [[nodiscard]] std::string path() const { return path_.string(); }

    // Every entry below the folder, relative and sorted.
    [[nodiscard]] std::vector<std::string> entries() const
    {
        std::vector<std::string> names;
        for (const auto& entry : fs::recursive_directory_iterator(path_)) {
            names.push_back(fs::relative(entry.path(), path_).string());
        }
        std::sort(names.begin(), names.end());
        return names;
    }

private:
    fs::path path_;
};

std::string read(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

struct FmtResult {
    int exit_code = 0;
    std::string out;
    std::string err;
};

FmtResult fmt(const std::vector<std::string>& paths, bool check_only = false)
{
    std::ostringstream out;
    std::ostringstream err;
    const int exit_code = koers::cli::run_fmt(paths, check_only, out, err);
    return {exit_code, out.str(), err.str()};
}

const char* const untidy = "stage   s\ntemplate t{a:int}\n";
const char* const tidy = "stage s\n\ntemplate t {\n  a: int\n}\n";

}  // namespace

TEST_CASE("fmt rewrites an untidy file and reports it")
{
    const Scratch scratch;
    const std::string file = scratch.write("a.koers", untidy);
    const FmtResult result = fmt({file});
    CHECK(result.exit_code == 0);
    CHECK(result.out == "formatted " + file + "\n");
    CHECK(result.err.empty());
    CHECK(read(file) == tidy);
}

TEST_CASE("fmt leaves a formatted file alone and says nothing")
{
    const Scratch scratch;
    const std::string file = scratch.write("a.koers", tidy);
    const auto before = fs::last_write_time(file);
    const FmtResult result = fmt({file});
    CHECK(result.exit_code == 0);
    CHECK(result.out.empty());
    CHECK(read(file) == tidy);
    CHECK(fs::last_write_time(file) == before);
}

TEST_CASE("fmt --check names the files that would change, changes nothing, and exits 1")
{
    const Scratch scratch;
    const std::string changed = scratch.write("a.koers", untidy);
    const std::string unchanged = scratch.write("b.koers", tidy);
    const FmtResult result = fmt({scratch.path()}, true);
    CHECK(result.exit_code == 1);
    CHECK(result.out == "would reformat: " + changed + "\n");
    CHECK(read(changed) == untidy);
    CHECK(read(unchanged) == tidy);

    const FmtResult clean = fmt({unchanged}, true);
    CHECK(clean.exit_code == 0);
    CHECK(clean.out.empty());
}

TEST_CASE("fmt never touches a file that does not parse, prints its errors and exits 1")
{
    const Scratch scratch;
    const std::string broken_text = "template t {\n  a: int\n\nrule   r when then\n";
    const std::string broken = scratch.write("broken.koers", broken_text);
    const std::string other = scratch.write("other.koers", untidy);
    const FmtResult result = fmt({broken, other});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find(broken + ":") != std::string::npos);
    CHECK(result.err.find("error:") != std::string::npos);
    CHECK(read(broken) == broken_text);
    // The other files are still formatted.
    CHECK(result.out == "formatted " + other + "\n");
    CHECK(read(other) == tidy);
}

TEST_CASE("fmt formats a file with only semantic errors")
{
    const Scratch scratch;
    const std::string file = scratch.write("a.koers", "rule r when unknown_template(x:1) then end");
    const FmtResult result = fmt({file});
    CHECK(result.exit_code == 0);
    CHECK(read(file) == "rule r\nwhen\n  unknown_template(x: 1)\nthen\nend\n");
}

TEST_CASE("fmt of a folder formats every .koers file below it, in sorted order")
{
    const Scratch scratch;
    const std::string second = scratch.write("sub/b.koers", untidy);
    const std::string first = scratch.write("a.koers", untidy);
    const std::string notes = scratch.write("notes.txt", "not   koers");
    const FmtResult result = fmt({scratch.path()});
    CHECK(result.exit_code == 0);
    CHECK(result.out == "formatted " + first + "\nformatted " + second + "\n");
    CHECK(read(notes) == "not   koers");
}

TEST_CASE("fmt reports a missing path and exits 1")
{
    const Scratch scratch;
    const std::string missing = scratch.path() + "/missing.koers";
    const FmtResult result = fmt({missing});
    CHECK(result.exit_code == 1);
    CHECK(result.err == "koers: error: " + missing + ": no such file or folder\n");
    CHECK(fmt({}).exit_code == 1);
}

TEST_CASE("fmt writes atomically: no temporary files are left and permissions are kept")
{
    const Scratch scratch;
    const std::string file = scratch.write("a.koers", untidy);
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    CHECK(fmt({file}).exit_code == 0);
    CHECK(scratch.entries() == std::vector<std::string>{"a.koers"});
    CHECK(fs::status(file).permissions() == (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
}

TEST_CASE("fmt through a symbolic link rewrites the file it points at and keeps the link")
{
    const Scratch scratch;
    const std::string target = scratch.write("real.koers", untidy);
    const std::string link = scratch.path() + "/link.koers";
    fs::create_symlink(target, link);
    CHECK(fmt({link}).exit_code == 0);
    CHECK(fs::is_symlink(link));
    CHECK(read(target) == tidy);
}

TEST_CASE("fmt reports a file it cannot write and leaves it as it was")
{
    if (::geteuid() == 0) return;  // root may write anywhere
    const Scratch scratch;
    const std::string file = scratch.write("sub/a.koers", untidy);
    fs::permissions(scratch.path() + "/sub", fs::perms::owner_read | fs::perms::owner_exec);
    const FmtResult result = fmt({file});
    fs::permissions(scratch.path() + "/sub", fs::perms::owner_all);
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("cannot write " + file) != std::string::npos);
    CHECK(read(file) == untidy);
}
