// Canonical layout of Koers source text.
#pragma once

#include <string>

#include "grammar/ast.hpp"
#include "grammar/source.hpp"

namespace koers {

// The canonical text of a module that parsed without errors, with its comments kept.
// Formatting the result again gives the same text.
std::string format_module(const ast::Module& module, const SourceSet& sources);

}  // namespace koers
