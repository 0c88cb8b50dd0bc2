// Reads rulesets from files and folders and follows their imports.
#pragma once

#include <filesystem>
#include <vector>

#include "check/program.hpp"
#include "grammar/diagnostic.hpp"

namespace koers {

// Loads every path: a file as it is, a folder as all `.koers` files below it (in sorted
// order). Imports resolve relative to the importing file and may not leave the root
// folder of the path they were reached from (the folder itself, or a file's folder).
// Each file is loaded once. Missing files, import cycles and imports that leave the
// root are reported in `diagnostics` at the import that names them.
struct LoadOptions {
    // Test files (`*_test.koers`) found in folders. Programs that only run a ruleset, such
    // as `koers advise`, leave them out: parsing them is most of the time a small
    // ruleset takes to load. A test file named on its own is always loaded.
    bool test_files = true;
};

Program load_program(const std::vector<std::filesystem::path>& paths, Diagnostics& diagnostics,
                     const LoadOptions& options = {});

// Parses source text held in memory as one file named `name` (no imports followed).
Program load_text(std::string name, std::string text, Diagnostics& diagnostics);

}  // namespace koers
