// Expressions as the network runs them: ExprSpec trees flattened into one array per
// network, with every variable resolved to where its value lives at run time.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "engine/ruleset.hpp"

namespace koers::engine {

struct Fact;

using ExprRef = std::uint32_t;
inline constexpr ExprRef no_expr = std::numeric_limits<ExprRef>::max();

enum class ExprOp : std::uint8_t {
    Constant,
    TokenSlot,    // slot `b` of the fact at token position `a`
    SelfSlot,     // slot `b` of the fact being matched (a pattern's own fact, or an aggregate's result)
    TokenFact,    // the fact at token position `a` used as a value: an error
    SelfFact,     // the fact being matched used as a value: an error
    Local,        // in actions: the value of variable `a`
    LocalFactSlot,  // in actions: slot `b` of the fact bound to variable `a`
    LocalFact,    // in actions: the fact bound to variable `a` used as a value: an error
    Parameter,    // parameter `a` of the function being called
    Not,
    Negate,
    And,
    Or,
    Binary,       // `binary` applied to two operands
    Builtin,      // `builtin` applied to the operands
    Call,         // user function `a`
    Conditional,  // condition, when true, when false
    MakeList,
    Member,       // operand 0 in operands 1..; `negated`
    MemberOfList,  // operand 0 in the list operand 1 evaluates to; `negated`
    InRange,      // operand 0 in operand 1..operand 2; `negated`
    Concat,
};

struct ExprNode {
    ExprOp op = ExprOp::Constant;
    Operator binary = Operator::Eq;
    Builtin builtin = Builtin::Min;
    bool negated = false;
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    std::uint32_t first_operand = 0;  // into ExprArena::operands
    std::uint32_t operand_count = 0;
    Value value;
    std::uint32_t where = 0;  // into ExprArena::places
};

// All compiled expressions of a network.
struct ExprArena {
    std::vector<ExprNode> nodes;
    std::vector<ExprRef> operands;
    std::vector<SourceRef> places;

    [[nodiscard]] const ExprNode& node(ExprRef ref) const { return nodes[ref]; }
    [[nodiscard]] ExprRef operand(const ExprNode& node, std::uint32_t i) const { return operands[node.first_operand + i]; }
};

// Where an expression finds its values.
struct EvalFrame {
    const Fact* const* token = nullptr;  // the facts of the match by position
    const Fact* self = nullptr;          // the fact being matched
    const Value* locals = nullptr;       // action variables by VariableId
    const Fact* const* local_facts = nullptr;  // action fact variables by VariableId
    const Value* parameters = nullptr;
};

}  // namespace koers::engine
