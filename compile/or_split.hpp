// Normalisation before compiling conditions: `or` taken out of a rule's conditions.
//
// Top-level `or` groups are multiplied out into alternatives (one rule variant each).
// Under the quantifiers, where a split would change what the rule means, `or` is
// rewritten with conditions the engine has:
//   not (A or B)                 ->  not A, not B                     (De Morgan)
//   exists (A or B)              ->  not (not A, not B)               (still fires once)
//   forall (D1 or D2) implies R  ->  forall D1 implies R, forall D2 implies R
//   forall D implies (R1 or R2)  ->  not (D, not R1, not R2)
// An `or` in an aggregate's source is reported as unsupported: counting or summing
// over two alternatives would count a fact that matches both twice.
#pragma once

#include <optional>
#include <vector>

#include "compile/compile_context.hpp"

namespace koers::compile {

struct FlatCondition {
    enum class Kind { Pattern, Guard, Not, Exists, Forall, Aggregate };
    Kind kind = Kind::Pattern;
    // The condition as written: a pattern, guard or aggregate, or the quantifier (or
    // the `or` rewritten into one) whose place it takes.
    const ast::Condition* source = nullptr;
    std::vector<FlatCondition> body;  // Not, Exists and Aggregate: the nested conditions; Forall: the domain
    std::vector<FlatCondition> requirement;  // Forall
};

using FlatConjunction = std::vector<FlatCondition>;

// More variants than this make a rule that nobody meant to write; it is reported.
constexpr std::size_t max_rule_variants = 256;

// The alternatives of a rule's conditions, in order: each `or` branch in turn, the
// leftmost `or` varying slowest. Nothing after reporting a problem.
std::optional<std::vector<FlatConjunction>> split_alternatives(CompileContext& context,
                                                               const std::vector<ast::Condition>& conditions,
                                                               const ast::Span& rule_span);

}  // namespace koers::compile
