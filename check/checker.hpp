// Semantic checks on a parsed program: names, types, ranges and variable scopes.
#pragma once

#include "check/program.hpp"
#include "grammar/diagnostic.hpp"

namespace koers {

// Reports every problem found in `program` to `diagnostics`. Never throws on bad input.
void check_program(const Program& program, Diagnostics& diagnostics);

}  // namespace koers
