// How specific a rule is, as CLIPS 6.30 counts it for the lex and mea strategies: when
// two activations are equally recent, the rule with more tests fires first.
#pragma once

#include <cstdint>

#include "engine/ruleset.hpp"

namespace koers::engine {

// One for each pattern or other condition element, one for each comparison of a slot
// with a constant or an earlier variable, and one for each function or operator in a
// guard (`and`, `or` and `not` add nothing themselves; their operands count).
std::uint32_t rule_specificity(const RuleSpec& rule);

}  // namespace koers::engine
