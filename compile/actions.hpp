// Actions of one rule variant, with the variables its conditions bound.
#pragma once

#include <vector>

#include "compile/compile_context.hpp"
#include "compile/variables.hpp"

namespace koers::compile {

// `bind` adds a variable to `frame` for the actions after it.
std::vector<engine::ActionSpec> compile_actions(CompileContext& context, RuleVariables& variables, Frame& frame,
                                                const std::vector<ast::Action>& actions);

}  // namespace koers::compile
