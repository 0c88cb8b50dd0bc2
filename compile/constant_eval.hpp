// The value of an expression without variables, computed at compile time for facts,
// defaults, allowed values and test expectations. It follows the engine's run-time
// rules: ints stay ints under + - * % and min/max, `/` always gives a number, and
// round/floor/ceil give ints.
#pragma once

#include <optional>
#include <string>

#include "engine/ruleset.hpp"

namespace koers::compile {

// Whether the expression reads no variable, fact or parameter.
[[nodiscard]] bool is_constant_expression(const engine::ExprSpec& expr);

// The value, or nothing with the reason in `error` (a variable, division by zero,
// a type mismatch, an overflow, calls nested too deep).
std::optional<engine::Value> evaluate_constant(const engine::ExprSpec& expr, const engine::RuleSet& rules,
                                               engine::ValueStore& values, std::string& error);

}  // namespace koers::compile
