// Conditions of one rule variant: patterns with their slot constraints, guards, and the
// nested conjunctions of `not`, `exists`, `forall` and aggregates.
#pragma once

#include "compile/compile_context.hpp"
#include "compile/or_split.hpp"
#include "compile/variables.hpp"

namespace koers::compile {

// Compiles `conditions` in order. Names bound at the top level stay bound in `frame`
// (the actions see them); what nested conditions bind stays inside them.
engine::Conjunction compile_conditions(CompileContext& context, RuleVariables& variables,
                                       const FlatConjunction& conditions, Frame& frame);

// One pattern: `slot: ?v` binds ?v the first time and tests equality after that.
engine::ConditionSpec compile_pattern(CompileContext& context, RuleVariables& variables, const ast::Pattern& pattern,
                                      const ast::Span& span, Frame& frame);

}  // namespace koers::compile
