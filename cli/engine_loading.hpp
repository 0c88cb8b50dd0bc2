// What `koers run` and `koers test` share: a ruleset loaded, checked, compiled and built
// into a network, with every problem printed on the way.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "check/loader.hpp"
#include "check/program.hpp"
#include "engine/network.hpp"
#include "engine/ruleset.hpp"
#include "engine/session.hpp"

namespace koers::cli {

struct LoadedRuleset {
    Program program;  // its sources; the syntax trees are dropped once compiled
    std::shared_ptr<const engine::RuleSet> rules;
    std::shared_ptr<const engine::Network> network;
};

// Null after printing the errors (`file:line:col: error: ...`) to `err`; warnings are
// left to `koers check`.
std::unique_ptr<LoadedRuleset> load_ruleset(const std::vector<std::string>& paths, std::ostream& err,
                                            const LoadOptions& options = {});

// "warning", "critical", ...
std::string severity_name(engine::Severity severity);

// The source line that `where` points at, without its indentation; empty if unknown.
std::string source_line(const Program& program, const engine::SourceRef& where);

// The limits of a command's `--max-firings`, `--max-facts` and `--timeout` (seconds) over
// the defaults, or nothing after saying why the timeout is not a number of seconds.
std::optional<engine::Limits> limits_from(std::optional<std::uint64_t> max_firings, std::optional<std::uint64_t> max_facts,
                                          std::optional<double> timeout_seconds, std::ostream& err);

// The whole content of a file, or nothing when it cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& path);

// `file:line:col`
std::string place(const engine::SourceRef& where);

}  // namespace koers::cli
