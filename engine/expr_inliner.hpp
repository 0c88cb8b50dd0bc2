// Inlines calls of small functions: a call whose arguments are plain reads (constants,
// parameters, variables, slots) is replaced, in place, by the function's body with each
// parameter replaced by the read it was given. Such arguments cost nothing to read again
// and cannot fail, so the value and every error are those of the call; only the call's
// own cost (evaluating the arguments into a frame) goes.
#pragma once

#include <vector>

#include "engine/expr.hpp"

namespace koers::engine {

// A function is inlined when its body, once the calls in it are inlined, calls nothing
// (so no recursive function is) and has at most this many nodes.
inline constexpr std::size_t max_inlined_nodes = 256;

// Rewrites every inlinable call in `arena`; `function_bodies` are the bodies by function.
void inline_calls(ExprArena& arena, const std::vector<ExprRef>& function_bodies);

}  // namespace koers::engine
