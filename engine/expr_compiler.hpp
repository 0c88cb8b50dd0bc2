// Compiles ExprSpec trees into a network's expression arena, resolving each variable to
// where its value is at run time, and describes compiled expressions canonically so the
// network builder can tell when two nodes test the same thing.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "engine/errors.hpp"
#include "engine/expr.hpp"
#include "engine/network.hpp"

namespace koers::engine {

struct ExprContext {
    const Scope* scope = nullptr;
    std::optional<std::uint32_t> self_position;  // matching: this position is the fact being tested
    bool actions = false;  // in actions every variable is a local of the firing
    bool function = false;  // in a function body parameters are allowed
    const std::vector<VariableSpec>* names = nullptr;  // for messages
};

// What a compiled expression reads.
struct ExprUse {
    bool self = false;
    bool token = false;
};

class ExprCompiler {
public:
    ExprCompiler(ExprArena& arena, const RuleSet& rules, std::vector<RuntimeError>& errors)
        : arena_(arena), rules_(rules), errors_(errors)
    {
    }

    ExprRef compile(const ExprSpec& spec, const ExprContext& context, ExprUse* use = nullptr);
    ExprRef add(ExprNode node, std::span<const ExprRef> operands, const SourceRef& where);
    [[nodiscard]] std::string canonical(ExprRef ref) const;
    [[nodiscard]] const ExprArena& arena() const { return arena_; }
    std::uint32_t place(const SourceRef& where);

private:
    ExprRef variable(const ExprSpec& spec, const ExprContext& context, ExprUse* use);
    ExprRef error(const ExprSpec& spec, std::string message);
    bool check_operands(const ExprSpec& spec);

    ExprArena& arena_;
    const RuleSet& rules_;
    std::vector<RuntimeError>& errors_;
    // Line and column first: most places differ there, and the file needs no copy to look up.
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::string>, std::uint32_t, std::less<>> places_;
};

// One slot constraint of a pattern, compiled to a test on the pattern's fact (`self`).
struct ConstraintTest {
    std::uint32_t constraint = 0;  // index into the pattern's constraints
    ExprRef test = no_expr;
    ExprRef operand = no_expr;  // for an equality: the value the slot must equal
    ExprUse use;  // what the test reads besides the slot
};

// Compiles a pattern's constraints for the pattern at `position`, binding its variables
// (and its fact variable) in `scope` as it goes. Binds give no test.
std::vector<ConstraintTest> compile_constraints(ExprCompiler& compiler, const ConditionSpec& pattern, std::uint32_t position,
                                                Scope& scope, const std::vector<VariableSpec>* names);

}  // namespace koers::engine
