// The checker's passes, one concept per file; `checker.cpp` runs them in order.
#pragma once

#include <string_view>

#include "check/check_context.hpp"
#include "check/variable_scope.hpp"

namespace koers::checks {

// Where an expression stands. With a tracker, its variables must be bound in `frame`;
// without one it must be constant, and `constant_context` names the place for messages
// ("a facts block").
struct ExprScope {
    VariableTracker* tracker = nullptr;
    Frame* frame = nullptr;
    std::string_view constant_context;
};

// check_names.cpp: fills the symbol table, reporting duplicate names.
void collect_symbols(CheckContext& context);

// check_templates.cpp: slots, allowed values and defaults; completes the symbol table
// entry of the template when it is the one registered under its name.
void check_template(CheckContext& context, const ast::TemplateDecl& decl);

// check_values.cpp: a constant value against the type and, when `check_allowed`, the
// allowed values of a slot. Values that are not constant are left alone.
void check_slot_value(CheckContext& context, const ast::Expr& value, const TemplateInfo& info,
                      const SlotInfo& slot, bool check_allowed);
// The same for one item of the slot's element type (a list item or an allowed value).
void check_slot_item(CheckContext& context, const ast::Expr& value, const TemplateInfo& info,
                     const SlotInfo& slot, bool check_allowed);

// check_expressions.cpp: calls, variables and constant-ness.
void check_expression(CheckContext& context, const ast::Expr& expr, const ExprScope& scope);

// check_facts.cpp: a fact in a facts block, a given block or an assert.
void check_fact(CheckContext& context, const ast::FactSpec& fact, const ExprScope& scope);

// check_conditions.cpp
void check_pattern(CheckContext& context, const ast::Pattern& pattern, VariableTracker& tracker, Frame& frame);
void check_condition(CheckContext& context, const ast::Condition& condition, VariableTracker& tracker, Frame& frame);

// check_actions.cpp
void check_action(CheckContext& context, const ast::Action& action, VariableTracker& tracker, Frame& frame);
// Reports a severity name outside info, notice, warning, critical.
void check_severity(CheckContext& context, std::string_view severity, const ast::Span& span);

// check_declarations.cpp
void check_rule(CheckContext& context, const ast::RuleDecl& rule);
void check_function(CheckContext& context, const ast::FunctionDecl& function);
void check_facts_block(CheckContext& context, const ast::FactsDecl& facts);
void check_test(CheckContext& context, const ast::TestDecl& test);

}  // namespace koers::checks
