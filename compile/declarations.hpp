// Templates, stages and functions: what rules, facts and tests refer to by id.
#pragma once

#include "compile/compile_context.hpp"

namespace koers::compile {

// Gives ids in source order (files in program order) and fills the RuleSet's templates,
// stages (stages[0] is "main") and functions.
void compile_declarations(CompileContext& context);

}  // namespace koers::compile
