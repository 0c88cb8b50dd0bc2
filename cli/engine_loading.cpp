#include "cli/engine_loading.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/checker.hpp"
#include "check/loader.hpp"
#include "compile/compiler.hpp"

namespace koers::cli {

namespace {

void print_errors(Diagnostics& diagnostics, const Program& program, std::ostream& err)
{
    diagnostics.sort();
    for (const Diagnostic& diagnostic : diagnostics.all()) {
        if (diagnostic.severity == Severity::Error) err << render(diagnostic, program.sources);
    }
}

}  // namespace

std::unique_ptr<LoadedRuleset> load_ruleset(const std::vector<std::string>& paths, std::ostream& err,
                                            const LoadOptions& options)
{
    auto loaded = std::make_unique<LoadedRuleset>();
    Diagnostics diagnostics;
    loaded->program = load_program({paths.begin(), paths.end()}, diagnostics, options);
    if (!diagnostics.has_errors() && loaded->program.sources.size() == 0) {
        err << "koers: error: no .koers files found in";
        for (const std::string& path : paths) err << ' ' << path;
        err << '\n';
        return nullptr;
    }
    if (!diagnostics.has_errors()) check_program(loaded->program, diagnostics);
    if (!diagnostics.has_errors()) loaded->rules = compile_program(loaded->program, diagnostics);
    if (diagnostics.has_errors() || loaded->rules == nullptr) {
        print_errors(diagnostics, loaded->program, err);
        err << "koers: error: the ruleset has errors; `koers check` lists them with warnings\n";
        return nullptr;
    }
    // From here on only the sources are read (to quote a line): the syntax trees go, and
    // the network and the run reuse their memory.
    loaded->program.modules = std::vector<ast::Module>();
    engine::NetworkBuild built = engine::build_network(loaded->rules);
    if (built.network == nullptr) {
        for (const engine::RuntimeError& error : built.errors) err << error.render() << '\n';
        return nullptr;
    }
    loaded->network = std::move(built.network);
    return loaded;
}

std::string severity_name(engine::Severity severity)
{
    switch (severity) {
    case engine::Severity::Info: return "info";
    case engine::Severity::Notice: return "notice";
    case engine::Severity::Warning: return "warning";
    case engine::Severity::Critical: return "critical";
    }
    return "notice";
}

std::string source_line(const Program& program, const engine::SourceRef& where)
{
    for (std::uint32_t file = 0; file < program.sources.size(); ++file) {
        if (program.sources.file(file).path != where.file) continue;
        std::string_view line = program.sources.line_text(file, where.line);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
        return std::string(line);
    }
    return {};
}

std::optional<engine::Limits> limits_from(std::optional<std::uint64_t> max_firings, std::optional<std::uint64_t> max_facts,
                                          std::optional<double> timeout_seconds, std::ostream& err)
{
    engine::Limits limits;
    if (max_firings) limits.max_firings = *max_firings;
    if (max_facts) limits.max_facts = static_cast<std::size_t>(*max_facts);
    if (timeout_seconds) {
        if (!(*timeout_seconds > 0) || *timeout_seconds > 1e9) {
            err << "koers: error: --timeout needs a number of seconds above 0\n";
            return std::nullopt;
        }
        limits.max_time = std::chrono::milliseconds(static_cast<std::int64_t>(std::ceil(*timeout_seconds * 1000)));
    }
    return limits;
}

std::optional<std::string> read_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return text.str();
}

std::string place(const engine::SourceRef& where)
{
    return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

}  // namespace koers::cli
