// Tests the matcher can answer straight off the facts: a comparison of two slots, or of
// a slot and a constant, is read without the evaluator (Matcher::tests_hold).
#pragma once

#include <vector>

#include "engine/expr.hpp"
#include "engine/network.hpp"

namespace koers::engine {

std::vector<CompiledTest> compile_tests(const std::vector<ExprRef>& tests, const ExprArena& exprs);

}  // namespace koers::engine
