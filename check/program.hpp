// A loaded ruleset: the text of every file and its parsed modules, in load order.
#pragma once

#include <vector>

#include "grammar/ast.hpp"
#include "grammar/source.hpp"

namespace koers {

struct Program {
    SourceSet sources;
    std::vector<ast::Module> modules;  // one per file, imports before the files that import them
};

}  // namespace koers
