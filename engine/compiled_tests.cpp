#include "engine/compiled_tests.hpp"

namespace koers::engine {

namespace {

bool direct_operand(const ExprNode& node, TestOperand& out)
{
    switch (node.op) {
    case ExprOp::Constant: out.kind = TestOperand::Kind::Constant; out.constant = node.value; return true;
    case ExprOp::TokenSlot: out.kind = TestOperand::Kind::TokenSlot; break;
    case ExprOp::SelfSlot: out.kind = TestOperand::Kind::SelfSlot; break;
    default: return false;
    }
    out.position = node.a;
    out.slot = node.b;
    return true;
}

bool comparison(Operator op)
{
    switch (op) {
    case Operator::Eq:
    case Operator::Ne:
    case Operator::Lt:
    case Operator::Le:
    case Operator::Gt:
    case Operator::Ge: return true;
    default: return false;
    }
}

}  // namespace

std::vector<CompiledTest> compile_tests(const std::vector<ExprRef>& tests, const ExprArena& exprs)
{
    std::vector<CompiledTest> compiled;
    for (const ExprRef test : tests) {
        CompiledTest& out = compiled.emplace_back();
        out.test = test;
        if (test >= exprs.nodes.size()) continue;
        const ExprNode& node = exprs.node(test);
        if (node.op != ExprOp::Binary || node.operand_count != 2 || !comparison(node.binary)) continue;
        out.op = node.binary;
        out.direct = direct_operand(exprs.node(exprs.operand(node, 0)), out.left) &&
                     direct_operand(exprs.node(exprs.operand(node, 1)), out.right);
    }
    return compiled;
}

}  // namespace koers::engine
