// The loader: files and folders, imports relative to the importing file, each file once,
// and clear errors for missing files, cycles and imports that leave the root folder.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "check/loader.hpp"

namespace {

namespace fs = std::filesystem;

// A fresh folder under the system's temporary folder, removed again at the end.
class TempFolder {
public:
    TempFolder()
    {
        std::string pattern = (fs::temp_directory_path() / "koers-loader-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        root_ = pattern;
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    ~TempFolder()
    {
        std::error_code ignored;
        fs::remove_all(root_, ignored);
    }

    [[nodiscard]] const fs::path& path() const { return root_; }

    fs::path write(const std::string& relative, const std::string& text) const
    {
        const fs::path file = root_ / relative;
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
        return file;
    }

private:
    fs::path root_;
};

std::vector<std::string> loaded_paths(const koers::Program& program)
{
    std::vector<std::string> paths;
    for (const koers::ast::Module& module : program.modules) paths.push_back(program.sources.file(module.file).path);
    return paths;
}

std::string only_message(const koers::Diagnostics& diagnostics)
{
    REQUIRE(diagnostics.all().size() == 1);
    return diagnostics.all().front().message;
}

}  // namespace

TEST_CASE("a file is loaded after the files it imports")
{
    const TempFolder folder;
    folder.write("helpers.koers", "stage diagnose\n");
    const fs::path main = folder.write("main.koers", "import \"helpers.koers\"\nstage advise\n");
    koers::Diagnostics diagnostics;
    const koers::Program program = koers::load_program({main}, diagnostics);
    CHECK(diagnostics.all().empty());
    const std::vector<std::string> expected{(folder.path() / "helpers.koers").string(), main.string()};
    CHECK(loaded_paths(program) == expected);
}

TEST_CASE("imports resolve relative to the importing file, and each file loads once")
{
    const TempFolder folder;
    folder.write("lib/common.koers", "stage common\n");
    folder.write("lib/a.koers", "import \"common.koers\"\nstage a\n");
    folder.write("b.koers", "import \"lib/common.koers\"\nimport \"lib/a.koers\"\nstage b\n");
    koers::Diagnostics diagnostics;
    const koers::Program program = koers::load_program({folder.path() / "b.koers", folder.path()}, diagnostics);
    CHECK(diagnostics.all().empty());
    const fs::path root = folder.path();
    const std::vector<std::string> expected{(root / "lib/common.koers").string(), (root / "lib/a.koers").string(),
                                            (root / "b.koers").string()};
    CHECK(loaded_paths(program) == expected);
    CHECK(program.sources.size() == 3);
}

TEST_CASE("a folder loads every .koers file below it in sorted order")
{
    const TempFolder folder;
    folder.write("z.koers", "stage z\n");
    folder.write("a.koers", "stage a\n");
    folder.write("sub/m.koers", "stage m\n");
    folder.write("notes.txt", "not a ruleset\n");
    koers::Diagnostics diagnostics;
    const koers::Program program = koers::load_program({folder.path()}, diagnostics);
    CHECK(diagnostics.all().empty());
    const fs::path root = folder.path();
    const std::vector<std::string> expected{(root / "a.koers").string(), (root / "sub/m.koers").string(),
                                            (root / "z.koers").string()};
    CHECK(loaded_paths(program) == expected);
}

TEST_CASE("without test files, a folder's *_test.koers files are left out, a named one is not")
{
    const TempFolder folder;
    folder.write("rules.koers", "stage a\n");
    folder.write("rules_test.koers", "stage b\n");
    folder.write("sub/more_test.koers", "stage c\n");
    koers::Diagnostics diagnostics;
    const fs::path root = folder.path();
    const koers::LoadOptions without_tests{.test_files = false};
    CHECK(loaded_paths(koers::load_program({root}, diagnostics, without_tests)) ==
          std::vector<std::string>{(root / "rules.koers").string()});
    CHECK(loaded_paths(koers::load_program({root / "rules_test.koers"}, diagnostics, without_tests)) ==
          std::vector<std::string>{(root / "rules_test.koers").string()});
    CHECK(loaded_paths(koers::load_program({root}, diagnostics)).size() == 3);
    CHECK(diagnostics.all().empty());
}

TEST_CASE("paths stay as the user wrote them, relative ones relative")
{
    const TempFolder folder;
    folder.write("rules/helpers.koers", "stage diagnose\n");
    folder.write("rules/main.koers", "import \"./helpers.koers\"\n");
    const fs::path relative = fs::relative(folder.path() / "rules", fs::current_path());
    REQUIRE(relative.is_relative());
    koers::Diagnostics diagnostics;
    const koers::Program program = koers::load_program({relative}, diagnostics);
    CHECK(diagnostics.all().empty());
    const std::vector<std::string> expected{(relative / "helpers.koers").string(), (relative / "main.koers").string()};
    CHECK(loaded_paths(program) == expected);
}

TEST_CASE("an import cycle is reported with its chain at the import that closes it")
{
    const TempFolder folder;
    const fs::path a = folder.write("a.koers", "import \"b.koers\"\n");
    folder.write("b.koers", "stage b\nimport \"a.koers\"\n");
    koers::Diagnostics diagnostics;
    const koers::Program program = koers::load_program({a}, diagnostics);
    const std::string b = (folder.path() / "b.koers").string();
    CHECK(only_message(diagnostics) == "import cycle: " + a.string() + " -> " + b + " -> " + a.string());
    const koers::Diagnostic& cycle = diagnostics.all().front();
    CHECK(cycle.code == "import-cycle");
    CHECK(program.sources.file(cycle.span.file).path == b);
    CHECK(cycle.span.line == 2);
    CHECK(program.modules.size() == 2);
}

TEST_CASE("a file importing itself is a cycle")
{
    const TempFolder folder;
    const fs::path a = folder.write("a.koers", "import \"a.koers\"\n");
    koers::Diagnostics diagnostics;
    koers::load_program({a}, diagnostics);
    CHECK(only_message(diagnostics) == "import cycle: " + a.string() + " -> " + a.string());
}

TEST_CASE("an import may not leave the root folder")
{
    const TempFolder folder;
    folder.write("shared.koers", "stage shared\n");
    SUBCASE("root of a file is its folder")
    {
        const fs::path main = folder.write("rules/main.koers", "import \"../shared.koers\"\n");
        koers::Diagnostics diagnostics;
        const koers::Program program = koers::load_program({main}, diagnostics);
        CHECK(only_message(diagnostics) == "import `../shared.koers` leaves the folder `" +
                                               (folder.path() / "rules").string() + "` that holds this ruleset");
        CHECK(diagnostics.all().front().code == "import-outside-root");
        CHECK(program.modules.size() == 1);
    }
    SUBCASE("root of a folder is the folder itself, also for nested files")
    {
        folder.write("rules/sub/main.koers", "import \"../ok.koers\"\nimport \"../../shared.koers\"\n");
        folder.write("rules/ok.koers", "stage ok\n");
        koers::Diagnostics diagnostics;
        const koers::Program program = koers::load_program({folder.path() / "rules"}, diagnostics);
        REQUIRE(diagnostics.all().size() == 1);
        CHECK(diagnostics.all().front().code == "import-outside-root");
        CHECK(diagnostics.all().front().span.line == 2);
        CHECK(program.modules.size() == 2);
    }
    SUBCASE("absolute imports are checked the same way")
    {
        const fs::path main =
            folder.write("rules/main.koers", "import \"" + (folder.path() / "shared.koers").string() + "\"\n");
        koers::Diagnostics diagnostics;
        koers::load_program({main}, diagnostics);
        REQUIRE(diagnostics.all().size() == 1);
        CHECK(diagnostics.all().front().code == "import-outside-root");
    }
}

TEST_CASE("a missing import is reported at the import")
{
    const TempFolder folder;
    const fs::path main = folder.write("main.koers", "stage s\n\nimport \"gone.koers\"\n");
    koers::Diagnostics diagnostics;
    const koers::Program program = koers::load_program({main}, diagnostics);
    CHECK(only_message(diagnostics) ==
          "imported file `" + (folder.path() / "gone.koers").string() + "` does not exist");
    const koers::Diagnostic& missing = diagnostics.all().front();
    CHECK(missing.code == "missing-import");
    CHECK(missing.span.line == 3);
    CHECK(missing.span.column == 1);
    CHECK(program.modules.size() == 1);
}

TEST_CASE("importing a folder is an error")
{
    const TempFolder folder;
    folder.write("lib/a.koers", "stage a\n");
    const fs::path main = folder.write("main.koers", "import \"lib\"\n");
    koers::Diagnostics diagnostics;
    koers::load_program({main}, diagnostics);
    CHECK(only_message(diagnostics) ==
          "imported path `" + (folder.path() / "lib").string() + "` is a folder; import a .koers file");
}

TEST_CASE("a path that does not exist gives an error without a source location")
{
    koers::Diagnostics diagnostics;
    const koers::Program program = koers::load_program({"no/such/file.koers"}, diagnostics);
    REQUIRE(diagnostics.all().size() == 1);
    CHECK(program.modules.empty());
    CHECK(koers::render(diagnostics.all().front(), program.sources) ==
          "error: cannot read `no/such/file.koers`: no such file or folder\n");
}

TEST_CASE("an empty folder gives a warning")
{
    const TempFolder folder;
    koers::Diagnostics diagnostics;
    const koers::Program program = koers::load_program({folder.path()}, diagnostics);
    CHECK(diagnostics.error_count() == 0);
    CHECK(only_message(diagnostics) == "folder `" + folder.path().string() + "` holds no .koers files");
    CHECK(program.modules.empty());
}

TEST_CASE("syntax errors of every loaded file are reported")
{
    const TempFolder folder;
    folder.write("a.koers", "stage\n");
    folder.write("b.koers", "template {\n");
    koers::Diagnostics diagnostics;
    const koers::Program program = koers::load_program({folder.path()}, diagnostics);
    CHECK(diagnostics.error_count() == 2);
    CHECK(program.modules.size() == 2);
}

TEST_CASE("load_text parses text in memory under the given name and follows no imports")
{
    koers::Diagnostics diagnostics;
    const koers::Program program = koers::load_text("memory.koers", "import \"x.koers\"\nstage s\n", diagnostics);
    CHECK(diagnostics.all().empty());
    REQUIRE(program.modules.size() == 1);
    CHECK(program.sources.size() == 1);
    CHECK(program.sources.file(0).path == "memory.koers");
    CHECK(program.modules.front().declarations.size() == 2);
}
