// The subcommands of `koers`; main.cpp wires them to the command line.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace koers::cli {

// `koers check PATH...`: parse and check, print diagnostics to `err`, a summary line to
// `out`. Returns the process exit code: 0 when there is no error, 1 otherwise.
int run_check(const std::vector<std::string>& paths, std::ostream& out, std::ostream& err);

// `koers fmt [--check] PATH...`: rewrite files in canonical layout (atomically), or with
// `check_only` name the files that would change. Returns 0, or 1 when a file does not
// parse or (with `check_only`) would change.
int run_fmt(const std::vector<std::string>& paths, bool check_only, std::ostream& out, std::ostream& err);

}  // namespace koers::cli
