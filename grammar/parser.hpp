// Parses Koers source text into an AST, recovering at the next top-level declaration
// after a syntax error so that one run reports every broken declaration.
#pragma once

#include <cstdint>

#include "grammar/ast.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/source.hpp"

namespace koers {

// Deepest nesting of brackets, groups and operators the parser accepts; deeper input
// is rejected with a diagnostic instead of exhausting the stack.
inline constexpr std::size_t max_nesting_depth = 64;

// Parses file `file` of `sources`. Syntax errors go to `diagnostics`; the module holds
// every declaration that parsed.
ast::Module parse_module(const SourceSet& sources, std::uint32_t file, Diagnostics& diagnostics);

}  // namespace koers
