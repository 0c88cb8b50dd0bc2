// `koers check`: load, check, print every diagnostic and a one-line summary.
#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

#include <spdlog/spdlog.h>

#include "check/checker.hpp"
#include "check/loader.hpp"
#include "cli/commands.hpp"

namespace koers::cli {

namespace {

std::string count_of(std::size_t count, std::string_view noun)
{
    return std::to_string(count) + ' ' + std::string(noun) + (count == 1 ? "" : "s");
}

// "2 errors, 1 warning", "1 error", "3 warnings"
std::string problem_counts(const Diagnostics& diagnostics)
{
    std::string counts;
    if (diagnostics.error_count() > 0) counts = count_of(diagnostics.error_count(), "error");
    if (diagnostics.warning_count() > 0) {
        if (!counts.empty()) counts += ", ";
        counts += count_of(diagnostics.warning_count(), "warning");
    }
    return counts;
}

std::string joined(const std::vector<std::string>& paths)
{
    std::string text;
    for (const std::string& path : paths) text += (text.empty() ? "" : " ") + path;
    return text;
}

}  // namespace

int run_check(const std::vector<std::string>& paths, std::ostream& out, std::ostream& err)
{
    if (paths.empty()) {
        err << "koers: error: no paths given; name .koers files or folders to check\n";
        return 1;
    }
    const auto start = std::chrono::steady_clock::now();
    Diagnostics diagnostics;
    const Program program = load_program({paths.begin(), paths.end()}, diagnostics);
    // Checks on a file that did not load would mostly repeat its syntax errors as
    // unknown names, so they wait until loading succeeds.
    const bool loaded = !diagnostics.has_errors();
    if (loaded) check_program(program, diagnostics);
    const auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
    spdlog::debug("loaded and checked {} in {:.1f} ms", count_of(program.sources.size(), "file"), elapsed.count());

    if (program.sources.size() == 0 && !diagnostics.has_errors()) {
        err << "koers: error: no .koers files found in " << joined(paths) << '\n';
        return 1;
    }

    diagnostics.sort();
    for (const Diagnostic& diagnostic : diagnostics.all()) err << render(diagnostic, program.sources);

    const std::string files = count_of(program.sources.size(), "file");
    if (diagnostics.all().empty()) {
        out << "checked " << files << ": no problems\n";
    } else {
        out << "checked " << files << ": " << problem_counts(diagnostics);
        if (!loaded && program.sources.size() > 0) out << " (the other checks run once these are fixed)";
        out << '\n';
    }
    return diagnostics.has_errors() ? 1 : 0;
}

}  // namespace koers::cli
