// The compiler stage: a checked program in engine terms. It numbers variables, splits
// rules with `or` into variants, resolves names to ids and fills in slot defaults, so
// that the engine never sees the AST.
#pragma once

#include <memory>

#include "check/program.hpp"
#include "engine/ruleset.hpp"
#include "grammar/diagnostic.hpp"

namespace koers {

// Compiles a program that check_program accepted. What the checker cannot rule out (an
// `or` inside an aggregate, a constant that cannot be computed) is reported to
// `diagnostics`; then, and on anything the checker should have caught, the result is
// null. Never throws on bad input.
std::shared_ptr<engine::RuleSet> compile_program(const Program& program, Diagnostics& diagnostics);

}  // namespace koers
