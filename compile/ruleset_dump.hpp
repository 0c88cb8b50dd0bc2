// A RuleSet as readable text, one line per template slot, fact, condition and action,
// with source places. Equal RuleSets give equal text, so tests compare dumps; people
// read it to see what the compiler made of a ruleset.
#pragma once

#include <string>

#include "engine/ruleset.hpp"

namespace koers::compile {

std::string dump_ruleset(const engine::RuleSet& rules);

// One expression in prefix form: `(+ ?v#2 1)`, `(share $0 2)`, `?f#0.strength`.
std::string dump_expression(const engine::RuleSet& rules, const engine::ExprSpec& expr);

}  // namespace koers::compile
