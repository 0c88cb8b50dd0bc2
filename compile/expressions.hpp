// Expressions: the AST's expressions as the engine's ExprSpec trees.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "compile/compile_context.hpp"
#include "compile/variables.hpp"

namespace koers::compile {

// Where an expression's variables come from. With neither a frame nor parameters, the
// expression must be constant (a facts block, a default, a test expectation).
struct ExprEnvironment {
    const Frame* frame = nullptr;
    const RuleVariables* variables = nullptr;  // the templates of fact variables, for `?f.slot`
    const std::map<std::string, std::uint32_t, std::less<>>* parameters = nullptr;
};

engine::ExprSpec compile_expression(CompileContext& context, const ast::Expr& expr, const ExprEnvironment& environment);

// Interpolated text as a Concat of its parts; plain text as a constant unless
// `always_concat` (advice texts are always a Concat, as the engine expects).
engine::ExprSpec compile_text(CompileContext& context, const ast::TextTemplate& text, const ast::Span& span,
                              const ExprEnvironment& environment, bool always_concat);

engine::ExprSpec constant_expression(engine::Value value, engine::SourceRef where);

// The value of a literal, or of a text without interpolation; empty for any other
// expression. Names and texts are interned in the context's value store.
std::optional<engine::Value> literal_value(CompileContext& context, const ast::Expr& expr);

}  // namespace koers::compile
