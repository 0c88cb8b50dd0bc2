#include "check/loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <system_error>

#include "grammar/parser.hpp"

namespace koers {

namespace fs = std::filesystem;

namespace {

// Diagnostics about a path the user gave have no place in any file; render() then
// prints the message alone.
constexpr ast::Span no_file_span{std::numeric_limits<std::uint32_t>::max(), 0, 0, 0, 0};

std::string quoted_path(const std::string& path) { return "`" + path + "`"; }

// std::error_code messages start with a capital ("No such file or directory").
std::string reason(const std::error_code& error)
{
    std::string text = error.message();
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

bool read_file(const fs::path& path, std::string& text, std::error_code& error)
{
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) {
        error = std::error_code(errno, std::generic_category());
        return false;
    }
    text.clear();
    char buffer[1 << 16];
    std::size_t count = 0;
    while ((count = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text.append(buffer, count);
    if (std::ferror(file.get()) != 0) {
        error = std::make_error_code(std::errc::io_error);
        return false;
    }
    return true;
}

// True when `path` lies inside `root`; both canonical.
bool is_within(const fs::path& path, const fs::path& root)
{
    const auto [root_end, path_at] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
    return root_end == root.end();
}

class Loader {
public:
    Loader(Diagnostics& diagnostics, const LoadOptions& options) : diagnostics_(diagnostics), options_(options) {}

    void load_path(const fs::path& given)
    {
        std::error_code error;
        const fs::file_status status = fs::status(given, error);
        if (error || !fs::exists(status)) {
            diagnostics_.error("unreadable-path", no_file_span,
                               "cannot read " + quoted_path(given.string()) + ": no such file or folder");
            return;
        }
        const fs::path canonical = fs::canonical(given, error);
        if (error) {
            diagnostics_.error("unreadable-path", no_file_span,
                               "cannot read " + quoted_path(given.string()) + ": " + reason(error));
            return;
        }
        if (fs::is_directory(status)) {
            load_folder(given, canonical);
            return;
        }
        const std::string root_display = given.parent_path().empty() ? "." : given.parent_path().string();
        load_file(canonical, given.string(), Root{canonical.parent_path(), root_display}, nullptr);
    }

    Program take() { return std::move(program_); }

private:
    enum class State { Loading, Loaded };

    struct Root {
        fs::path canonical;
        std::string display;
    };

    struct Chain {
        fs::path canonical;
        std::string display;
    };

    void load_folder(const fs::path& given, const fs::path& canonical)
    {
        std::error_code error;
        std::vector<fs::path> found;
        fs::recursive_directory_iterator entries(given, fs::directory_options::skip_permission_denied, error);
        for (; !error && entries != fs::recursive_directory_iterator(); entries.increment(error)) {
            std::error_code type_error;
            const bool test_file = entries->path().filename().string().ends_with("_test.koers");
            if (entries->is_regular_file(type_error) && entries->path().extension() == ".koers" &&
                (options_.test_files || !test_file)) {
                found.push_back(entries->path().lexically_relative(given));
            }
        }
        if (error) {
            diagnostics_.error("unreadable-path", no_file_span,
                               "cannot list folder " + quoted_path(given.string()) + ": " + reason(error));
        }
        if (found.empty() && !error) {
            diagnostics_.warning("empty-folder", no_file_span,
                                 "folder " + quoted_path(given.string()) + " holds no .koers files");
            return;
        }
        std::sort(found.begin(), found.end(), [](const fs::path& a, const fs::path& b) {
            return a.generic_string() < b.generic_string();
        });
        const Root root{canonical, given.string()};
        for (const fs::path& relative : found) {
            std::error_code file_error;
            const fs::path file = fs::canonical(given / relative, file_error);
            if (file_error) continue;  // vanished while listing
            load_file(file, (given / relative).string(), root, nullptr);
        }
    }

    void load_file(const fs::path& canonical, const std::string& display, const Root& root,
                   const ast::Span* imported_at)
    {
        if (states_.contains(canonical)) return;
        std::string text;
        std::error_code error;
        if (!read_file(canonical, text, error)) {
            diagnostics_.error("unreadable-path", imported_at != nullptr ? *imported_at : no_file_span,
                               "cannot read " + quoted_path(display) + ": " + reason(error));
            return;
        }
        states_.emplace(canonical, State::Loading);
        chain_.push_back(Chain{canonical, display});
        const std::uint32_t index = program_.sources.add(display, std::move(text));
        ast::Module module = parse_module(program_.sources, index, diagnostics_);
        for (const ast::Declaration& declaration : module.declarations) {
            if (const auto* import = std::get_if<ast::ImportDecl>(&declaration)) follow_import(*import, root);
        }
        program_.modules.push_back(std::move(module));
        chain_.pop_back();
        states_[canonical] = State::Loaded;
    }

    void follow_import(const ast::ImportDecl& import, const Root& root)
    {
        const Chain& importer = chain_.back();
        if (import.path.empty()) {
            diagnostics_.error("missing-import", import.span, "import needs a file name");
            return;
        }
        const fs::path written(import.path);
        const std::string display = (fs::path(importer.display).parent_path() / written).lexically_normal().string();
        std::error_code error;
        const fs::path target = fs::weakly_canonical(importer.canonical.parent_path() / written, error);
        if (error) {
            diagnostics_.error("missing-import", import.span,
                               "cannot read imported file " + quoted_path(display) + ": " + reason(error));
            return;
        }
        if (!is_within(target, root.canonical)) {
            diagnostics_.error("import-outside-root", import.span,
                               "import " + quoted_path(import.path) + " leaves the folder " +
                                   quoted_path(root.display) + " that holds this ruleset");
            return;
        }
        const fs::file_status status = fs::status(target, error);
        if (error || !fs::exists(status)) {
            diagnostics_.error("missing-import", import.span,
                               "imported file " + quoted_path(display) + " does not exist");
            return;
        }
        if (fs::is_directory(status)) {
            diagnostics_.error("missing-import", import.span,
                               "imported path " + quoted_path(display) + " is a folder; import a .koers file");
            return;
        }
        const auto state = states_.find(target);
        if (state != states_.end() && state->second == State::Loading) {
            report_cycle(import, target);
            return;
        }
        load_file(target, display, root, &import.span);
    }

    void report_cycle(const ast::ImportDecl& import, const fs::path& target)
    {
        std::string cycle;
        bool in_cycle = false;
        std::string first;
        for (const Chain& link : chain_) {
            if (link.canonical == target) {
                in_cycle = true;
                first = link.display;
            }
            if (in_cycle) cycle += link.display + " -> ";
        }
        diagnostics_.error("import-cycle", import.span, "import cycle: " + cycle + first);
    }

    Diagnostics& diagnostics_;
    const LoadOptions& options_;
    Program program_;
    std::map<fs::path, State> states_;
    std::vector<Chain> chain_;  // files being loaded, outermost first
};

}  // namespace

Program load_program(const std::vector<fs::path>& paths, Diagnostics& diagnostics, const LoadOptions& options)
{
    Loader loader(diagnostics, options);
    for (const fs::path& path : paths) loader.load_path(path);
    return loader.take();
}

Program load_text(std::string name, std::string text, Diagnostics& diagnostics)
{
    Program program;
    const std::uint32_t index = program.sources.add(std::move(name), std::move(text));
    program.modules.push_back(parse_module(program.sources, index, diagnostics));
    return program;
}

}  // namespace koers
