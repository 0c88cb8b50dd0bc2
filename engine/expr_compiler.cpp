#include "engine/expr_compiler.hpp"

#include <array>
#include <cstring>
#include <string_view>

namespace koers::engine {

namespace {

std::string constant_text(const Value& value)
{
    std::string out = "k" + std::to_string(static_cast<int>(value.type())) + ":";
    switch (value.type()) {
    case ValueType::Nil: break;
    case ValueType::Bool: out += value.as_bool() ? "1" : "0"; break;
    case ValueType::Int: out += std::to_string(value.as_int()); break;
    case ValueType::Number: {
        std::uint64_t bits = 0;
        const double d = value.as_number();
        std::memcpy(&bits, &d, sizeof bits);
        out += std::to_string(bits);
        break;
    }
    default: out += std::to_string(value.id()); break;
    }
    return out;
}

}  // namespace

std::uint32_t ExprCompiler::place(const SourceRef& where)
{
    const auto found = places_.find(std::tuple<std::uint32_t, std::uint32_t, std::string_view>(where.line, where.column, where.file));
    if (found != places_.end()) return found->second;
    const auto index = static_cast<std::uint32_t>(arena_.places.size());
    arena_.places.push_back(where);
    places_.emplace(std::make_tuple(where.line, where.column, where.file), index);
    return index;
}

ExprRef ExprCompiler::add(ExprNode node, std::span<const ExprRef> operands, const SourceRef& where)
{
    node.first_operand = static_cast<std::uint32_t>(arena_.operands.size());
    node.operand_count = static_cast<std::uint32_t>(operands.size());
    arena_.operands.insert(arena_.operands.end(), operands.begin(), operands.end());
    node.where = place(where);
    arena_.nodes.push_back(node);
    return static_cast<ExprRef>(arena_.nodes.size() - 1);
}

ExprRef ExprCompiler::error(const ExprSpec& spec, std::string message)
{
    errors_.push_back(RuntimeError{std::move(message), spec.where, {}});
    return add(ExprNode{}, {}, spec.where);
}

bool ExprCompiler::check_operands(const ExprSpec& spec)
{
    const std::size_t n = spec.operands.size();
    switch (spec.kind) {
    case ExprSpec::Kind::Operation:
        return n == (spec.op == Operator::Not || spec.op == Operator::Negate ? 1U : 2U);
    case ExprSpec::Kind::Conditional:
    case ExprSpec::Kind::InRange: return n == 3;
    case ExprSpec::Kind::Member:
    case ExprSpec::Kind::Builtin: return n >= 1;
    case ExprSpec::Kind::Function:
        return spec.function < rules_.functions.size() && n == rules_.functions[spec.function].parameter_count;
    default: return true;
    }
}

ExprRef ExprCompiler::variable(const ExprSpec& spec, const ExprContext& context, ExprUse* use)
{
    const Scope* scope = context.scope;
    const std::string name = context.names != nullptr && spec.variable < context.names->size()
                                 ? "?" + (*context.names)[spec.variable].name
                                 : "variable " + std::to_string(spec.variable);
    if (scope == nullptr || spec.variable >= scope->size() || (*scope)[spec.variable].kind == Site::Kind::Unbound) {
        return error(spec, name + " is used before it is bound");
    }
    const Site& site = (*scope)[spec.variable];
    const bool fact_slot = spec.kind == ExprSpec::Kind::FactSlot;
    if (fact_slot && site.kind != Site::Kind::Fact) return error(spec, name + " is not bound to a fact");
    ExprNode node;
    if (context.actions) {
        node.a = spec.variable;
        node.b = spec.slot;
        node.op = fact_slot ? ExprOp::LocalFactSlot : site.kind == Site::Kind::Fact ? ExprOp::LocalFact : ExprOp::Local;
        return add(node, {}, spec.where);
    }
    if (site.kind == Site::Kind::Local) return error(spec, name + " is bound by an action, not by a condition");
    const bool self = context.self_position && *context.self_position == site.position;
    if (use != nullptr) (self ? use->self : use->token) = true;
    node.a = site.position;
    node.b = fact_slot ? spec.slot : site.slot;
    if (site.kind == Site::Kind::Fact && !fact_slot) node.op = self ? ExprOp::SelfFact : ExprOp::TokenFact;
    else node.op = self ? ExprOp::SelfSlot : ExprOp::TokenSlot;
    if (self) node.a = 0;
    return add(node, {}, spec.where);
}

ExprRef ExprCompiler::compile(const ExprSpec& spec, const ExprContext& context, ExprUse* use)
{
    if (!check_operands(spec)) return error(spec, "an expression has the wrong number of operands");
    std::vector<ExprRef> operands;
    operands.reserve(spec.operands.size());
    for (const ExprSpec& operand : spec.operands) operands.push_back(compile(operand, context, use));
    ExprNode node;
    node.negated = spec.negated;
    switch (spec.kind) {
    case ExprSpec::Kind::Constant: node.value = spec.value; break;
    case ExprSpec::Kind::Variable:
    case ExprSpec::Kind::FactSlot: return variable(spec, context, use);
    case ExprSpec::Kind::Parameter:
        if (!context.function) return error(spec, "a parameter outside a function");
        node.op = ExprOp::Parameter;
        node.a = spec.variable;
        break;
    case ExprSpec::Kind::Operation:
        node.binary = spec.op;
        node.op = spec.op == Operator::Not      ? ExprOp::Not
                  : spec.op == Operator::Negate ? ExprOp::Negate
                  : spec.op == Operator::And    ? ExprOp::And
                  : spec.op == Operator::Or     ? ExprOp::Or
                                                : ExprOp::Binary;
        break;
    case ExprSpec::Kind::Builtin:
        node.op = ExprOp::Builtin;
        node.builtin = spec.builtin;
        break;
    case ExprSpec::Kind::Function:
        node.op = ExprOp::Call;
        node.a = spec.function;
        break;
    case ExprSpec::Kind::Conditional: node.op = ExprOp::Conditional; break;
    case ExprSpec::Kind::MakeList: node.op = ExprOp::MakeList; break;
    case ExprSpec::Kind::Member: node.op = ExprOp::Member; break;
    case ExprSpec::Kind::InRange: node.op = ExprOp::InRange; break;
    case ExprSpec::Kind::Concat: node.op = ExprOp::Concat; break;
    }
    return add(node, operands, spec.where);
}

std::string ExprCompiler::canonical(ExprRef ref) const
{
    const ExprNode& node = arena_.node(ref);
    if (node.op == ExprOp::Constant) return constant_text(node.value);
    std::string out = "(" + std::to_string(static_cast<int>(node.op)) + "," + std::to_string(static_cast<int>(node.binary)) +
                      "," + std::to_string(static_cast<int>(node.builtin)) + "," + (node.negated ? "n" : "p") + "," +
                      std::to_string(node.a) + "," + std::to_string(node.b);
    for (std::uint32_t i = 0; i < node.operand_count; ++i) out += " " + canonical(arena_.operand(node, i));
    return out + ")";
}

std::vector<ConstraintTest> compile_constraints(ExprCompiler& compiler, const ConditionSpec& pattern, std::uint32_t position,
                                                Scope& scope, const std::vector<VariableSpec>* names)
{
    std::vector<ConstraintTest> result;
    const auto bind = [&](VariableId variable, Site site) {
        if (variable >= scope.size()) scope.resize(variable + 1);
        scope[variable] = site;
    };
    if (pattern.fact_variable) bind(*pattern.fact_variable, Site{Site::Kind::Fact, position, 0});
    const ExprContext context{&scope, position, false, false, names};
    for (std::uint32_t i = 0; i < pattern.constraints.size(); ++i) {
        const SlotConstraintSpec& constraint = pattern.constraints[i];
        if (constraint.kind == SlotConstraintSpec::Kind::Bind) {
            bind(constraint.variable, Site{Site::Kind::Slot, position, constraint.slot});
            continue;
        }
        const ExprSpec& first = constraint.kind == SlotConstraintSpec::Kind::Range ? constraint.low : constraint.operand;
        const SourceRef& where = first.where.file.empty() && first.where.line == 0 ? pattern.where : first.where;
        ConstraintTest compiled;
        compiled.constraint = i;
        ExprNode slot_node;
        slot_node.op = ExprOp::SelfSlot;
        slot_node.b = constraint.slot;
        const ExprRef slot = compiler.add(slot_node, {}, where);
        ExprNode node;
        node.negated = constraint.negated;
        std::vector<ExprRef> operands{slot};
        switch (constraint.kind) {
        case SlotConstraintSpec::Kind::Test:
            node.op = ExprOp::Binary;
            node.binary = constraint.op;
            compiled.operand = compiler.compile(constraint.operand, context, &compiled.use);
            operands.push_back(compiled.operand);
            break;
        case SlotConstraintSpec::Kind::Member:
            if (constraint.operand.kind == ExprSpec::Kind::MakeList) {
                node.op = ExprOp::Member;
                for (const ExprSpec& item : constraint.operand.operands) {
                    operands.push_back(compiler.compile(item, context, &compiled.use));
                }
            } else {
                node.op = ExprOp::MemberOfList;
                operands.push_back(compiler.compile(constraint.operand, context, &compiled.use));
            }
            break;
        default:
            node.op = ExprOp::InRange;
            operands.push_back(compiler.compile(constraint.low, context, &compiled.use));
            operands.push_back(compiler.compile(constraint.high, context, &compiled.use));
            break;
        }
        compiled.test = compiler.add(node, operands, where);
        result.push_back(compiled);
    }
    return result;
}

}  // namespace koers::engine
