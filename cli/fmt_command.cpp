// `koers fmt`: rewrite files in the canonical layout, or (`--check`) name the files that
// would change. A file that does not parse is never touched, and a file is only ever
// replaced whole: the new text goes to a temporary file beside it that is renamed over it.
#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "cli/engine_loading.hpp"
#include "format/formatter.hpp"
#include "grammar/ast_dump.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/parser.hpp"
#include "grammar/source.hpp"

namespace koers::cli {

namespace {

namespace fs = std::filesystem;

// The files to format, in the order given; folders contribute their `.koers` files in
// sorted order. Each file is named once. Returns false when a path does not exist.
bool collect_files(const std::vector<std::string>& paths, std::vector<fs::path>& files, std::ostream& err)
{
    bool ok = true;
    std::set<fs::path> seen;
    const auto add = [&](const fs::path& file) {
        std::error_code error;
        fs::path key = fs::weakly_canonical(file, error);
        if (error) key = file;
        if (seen.insert(key).second) files.push_back(file);
    };
    for (const std::string& path : paths) {
        std::error_code error;
        const fs::file_status status = fs::status(path, error);
        if (error || !fs::exists(status)) {
            err << "koers: error: " << path << ": no such file or folder\n";
            ok = false;
        } else if (fs::is_directory(status)) {
            std::vector<fs::path> found;
            for (auto it = fs::recursive_directory_iterator(path, error); !error && it != fs::recursive_directory_iterator();
                 it.increment(error)) {
                if (it->path().extension() == ".koers" && it->is_regular_file(error)) found.push_back(it->path());
            }
            if (error) {
                err << "koers: error: " << path << ": cannot list the folder: " << error.message() << '\n';
                ok = false;
            }
            std::sort(found.begin(), found.end());
            for (const fs::path& file : found) add(file);
        } else {
            add(path);
        }
    }
    return ok;
}

// The formatted text must parse back to the same tree with the same comments; a
// formatter bug must never reach the user's file.
bool keeps_meaning(const ast::Module& module, const std::string& formatted)
{
    SourceSet sources;
    const std::uint32_t file = sources.add("formatted", formatted);
    Diagnostics diagnostics;
    const ast::Module again = parse_module(sources, file, diagnostics);
    return !diagnostics.has_errors() && again.comments.size() == module.comments.size() &&
           ast::dump(again) == ast::dump(module);
}

enum class Outcome { unchanged, changed, failed };

Outcome format_file(const fs::path& path, bool check_only, std::ostream& out, std::ostream& err)
{
    const std::string name = path.string();
    const std::optional<std::string> text = read_file(path);
    if (!text) {
        err << "koers: error: cannot read " << name << '\n';
        return Outcome::failed;
    }
    SourceSet sources;
    const std::uint32_t file = sources.add(name, *text);
    Diagnostics diagnostics;
    const ast::Module module = parse_module(sources, file, diagnostics);
    if (diagnostics.has_errors()) {
        diagnostics.sort();
        for (const Diagnostic& diagnostic : diagnostics.all()) err << render(diagnostic, sources);
        err << "koers: " << name << " was not formatted because it does not parse\n";
        return Outcome::failed;
    }

    const std::string formatted = format_module(module, sources);
    if (formatted == *text) return Outcome::unchanged;
    if (!keeps_meaning(module, formatted)) {
        err << "koers: error: " << name
            << ": internal error: the formatted text would not read back the same; the file is left unchanged "
               "(please report this)\n";
        return Outcome::failed;
    }
    if (check_only) {
        out << "would reformat: " << name << '\n';
        return Outcome::changed;
    }
    if (const std::optional<std::string> failure = write_file_atomically(path, formatted)) {
        err << "koers: error: cannot write " << name << ": " << *failure << '\n';
        return Outcome::failed;
    }
    out << "formatted " << name << '\n';
    return Outcome::changed;
}

}  // namespace

int run_fmt(const std::vector<std::string>& paths, bool check_only, std::ostream& out, std::ostream& err)
{
    if (paths.empty()) {
        err << "koers: error: no paths given; name .koers files or folders to format\n";
        return 1;
    }
    std::vector<fs::path> files;
    bool failed = !collect_files(paths, files, err);
    bool would_change = false;
    for (const fs::path& file : files) {
        Outcome outcome = Outcome::failed;
        try {
            outcome = format_file(file, check_only, out, err);
        } catch (const std::exception& error) {
            err << "koers: error: " << file.string() << ": " << error.what() << '\n';
        }
        failed = failed || outcome == Outcome::failed;
        would_change = would_change || (check_only && outcome == Outcome::changed);
    }
    return failed || would_change ? 1 : 0;
}

}  // namespace koers::cli
