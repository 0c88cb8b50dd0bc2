#include "compile/expressions.hpp"

#include <array>
#include <limits>
#include <type_traits>
#include <utility>

#include "check/builtins.hpp"

namespace koers::compile {

namespace {

using engine::ExprSpec;

// In the order of check/builtins.hpp, which names them for the checker.
constexpr std::array<engine::Builtin, 14> builtin_ids{
    engine::Builtin::Min,    engine::Builtin::Max,     engine::Builtin::Abs,      engine::Builtin::Round,
    engine::Builtin::Floor,  engine::Builtin::Ceil,    engine::Builtin::Sqrt,     engine::Builtin::Len,
    engine::Builtin::Str,    engine::Builtin::Lower,   engine::Builtin::Upper,    engine::Builtin::Contains,
    engine::Builtin::StartsWith, engine::Builtin::Concat,
};
static_assert(builtin_ids.size() == builtin_functions.size());

std::optional<engine::Builtin> builtin_named(std::string_view name)
{
    for (std::size_t i = 0; i < builtin_functions.size(); ++i) {
        if (builtin_functions[i].name == name) return builtin_ids[i];
    }
    return std::nullopt;
}

engine::Value value_of(CompileContext& context, const ast::Literal& literal)
{
    switch (literal.kind) {
    case ast::LiteralKind::Int: return engine::Value::integer(literal.int_value);
    case ast::LiteralKind::Number: return engine::Value::number(literal.number_value);
    case ast::LiteralKind::Text: return context.values().text(literal.text);
    case ast::LiteralKind::Symbol: return context.values().symbol(literal.text);
    case ast::LiteralKind::Bool: return engine::Value::boolean(literal.bool_value);
    }
    return {};
}

engine::Operator binary_operator(ast::BinaryOp op)
{
    switch (op) {
    case ast::BinaryOp::Or: return engine::Operator::Or;
    case ast::BinaryOp::And: return engine::Operator::And;
    case ast::BinaryOp::Eq: return engine::Operator::Eq;
    case ast::BinaryOp::Ne: return engine::Operator::Ne;
    case ast::BinaryOp::Lt: return engine::Operator::Lt;
    case ast::BinaryOp::Le: return engine::Operator::Le;
    case ast::BinaryOp::Gt: return engine::Operator::Gt;
    case ast::BinaryOp::Ge: return engine::Operator::Ge;
    case ast::BinaryOp::Add: return engine::Operator::Add;
    case ast::BinaryOp::Sub: return engine::Operator::Sub;
    case ast::BinaryOp::Mul: return engine::Operator::Mul;
    case ast::BinaryOp::Div: return engine::Operator::Div;
    case ast::BinaryOp::Mod: return engine::Operator::Mod;
    }
    return engine::Operator::Eq;
}

bool is_constant(const ExprSpec& spec) { return spec.kind == ExprSpec::Kind::Constant; }

class ExpressionCompiler {
public:
    ExpressionCompiler(CompileContext& context, const ExprEnvironment& environment)
        : context_(context), environment_(environment)
    {
    }

    ExprSpec compile(const ast::Expr& expr)
    {
        ExprSpec spec = std::visit([&](const auto& node) { return visit(expr, node); }, expr.node);
        spec.where = context_.where(expr.span);
        return spec;
    }

    ExprSpec text(const ast::TextTemplate& text, const ast::Span& span, bool always_concat)
    {
        ExprSpec spec;
        spec.kind = ExprSpec::Kind::Concat;
        spec.where = context_.where(span);
        std::string pending;
        for (const ast::TextPart& part : text.parts) {
            if (!part.expr) {
                pending += part.text;
                continue;
            }
            if (!pending.empty()) spec.operands.push_back(constant_expression(context_.values().text(pending), spec.where));
            pending.clear();
            spec.operands.push_back(compile(*part.expr));
        }
        const bool interpolated = !spec.operands.empty();
        if (!interpolated && !always_concat) return constant_expression(context_.values().text(pending), spec.where);
        if (!pending.empty() || spec.operands.empty()) {
            spec.operands.push_back(constant_expression(context_.values().text(pending), spec.where));
        }
        return spec;
    }

private:
    ExprSpec compile(const std::unique_ptr<ast::Expr>& expr, const ast::Expr& parent)
    {
        if (expr) return compile(*expr);
        context_.internal_error(parent.span, "an expression is missing its operand");
        return {};
    }

    ExprSpec visit(const ast::Expr&, const ast::Literal& literal)
    {
        ExprSpec spec;
        spec.value = value_of(context_, literal);
        return spec;
    }

    ExprSpec visit(const ast::Expr& expr, const ast::TextTemplate& template_text)
    {
        return text(template_text, expr.span, false);
    }

    ExprSpec visit(const ast::Expr& expr, const ast::VariableRef& variable)
    {
        ExprSpec spec;
        if (environment_.parameters != nullptr) {
            const auto found = environment_.parameters->find(variable.name);
            if (found != environment_.parameters->end()) {
                spec.kind = ExprSpec::Kind::Parameter;
                spec.variable = found->second;
                return spec;
            }
        }
        if (environment_.frame != nullptr) {
            if (const std::optional<engine::VariableId> id = environment_.frame->find(variable.name)) {
                spec.kind = ExprSpec::Kind::Variable;
                spec.variable = *id;
                return spec;
            }
        }
        context_.internal_error(expr.span, "variable " + quoted("?" + variable.name) + " is not bound here");
        return spec;
    }

    ExprSpec visit(const ast::Expr& expr, const ast::Call& call)
    {
        ExprSpec spec;
        if (const std::optional<engine::Builtin> builtin = builtin_named(call.function.text)) {
            spec.kind = ExprSpec::Kind::Builtin;
            spec.builtin = *builtin;
        } else if (const auto found = context_.function_ids.find(call.function.text);
                   found != context_.function_ids.end()) {
            spec.kind = ExprSpec::Kind::Function;
            spec.function = found->second;
        } else {
            context_.internal_error(expr.span, "unknown function " + quoted(call.function.text));
            return spec;
        }
        for (const ast::Expr& argument : call.arguments) spec.operands.push_back(compile(argument));
        return spec;
    }

    ExprSpec visit(const ast::Expr& expr, const ast::Unary& unary)
    {
        ExprSpec operand = compile(unary.operand, expr);
        if (unary.op == ast::UnaryOp::Negate && is_constant(operand)) {
            // A negative literal is written as minus and a number; keep it a constant.
            const engine::Value& value = operand.value;
            if (value.type() == engine::ValueType::Number) return constant_expression(engine::Value::number(-value.as_number()), {});
            if (value.type() == engine::ValueType::Int && value.as_int() != std::numeric_limits<std::int64_t>::min()) {
                return constant_expression(engine::Value::integer(-value.as_int()), {});
            }
        }
        ExprSpec spec;
        spec.kind = ExprSpec::Kind::Operation;
        spec.op = unary.op == ast::UnaryOp::Negate ? engine::Operator::Negate : engine::Operator::Not;
        spec.operands.push_back(std::move(operand));
        return spec;
    }

    ExprSpec visit(const ast::Expr& expr, const ast::Binary& binary)
    {
        ExprSpec spec;
        spec.kind = ExprSpec::Kind::Operation;
        spec.op = binary_operator(binary.op);
        spec.operands.push_back(compile(binary.left, expr));
        spec.operands.push_back(compile(binary.right, expr));
        return spec;
    }

    ExprSpec visit(const ast::Expr& expr, const ast::Membership& membership)
    {
        ExprSpec spec;
        spec.negated = membership.negated;
        spec.operands.push_back(compile(membership.value, expr));
        if (membership.domain.kind == ast::Domain::Kind::Range) {
            spec.kind = ExprSpec::Kind::InRange;
            if (membership.domain.items.size() != 2) {
                context_.internal_error(membership.domain.span, "a range needs a low and a high bound");
                return spec;
            }
        } else {
            spec.kind = ExprSpec::Kind::Member;
        }
        for (const ast::Expr& item : membership.domain.items) spec.operands.push_back(compile(item));
        return spec;
    }

    ExprSpec visit(const ast::Expr& expr, const ast::Conditional& conditional)
    {
        ExprSpec spec;
        spec.kind = ExprSpec::Kind::Conditional;
        spec.operands.push_back(compile(conditional.condition, expr));
        spec.operands.push_back(compile(conditional.when_true, expr));
        spec.operands.push_back(compile(conditional.when_false, expr));
        return spec;
    }

    ExprSpec visit(const ast::Expr&, const ast::ListExpr& list)
    {
        ExprSpec spec;
        spec.kind = ExprSpec::Kind::MakeList;
        bool all_constant = true;
        for (const ast::Expr& item : list.items) {
            spec.operands.push_back(compile(item));
            all_constant = all_constant && is_constant(spec.operands.back());
        }
        if (!all_constant) return spec;
        std::vector<engine::Value> items;
        items.reserve(spec.operands.size());
        for (const ExprSpec& operand : spec.operands) items.push_back(operand.value);
        return constant_expression(context_.values().list(std::move(items)), {});
    }

    ExprSpec visit(const ast::Expr& expr, const ast::SlotAccess& access)
    {
        ExprSpec spec;
        spec.kind = ExprSpec::Kind::FactSlot;
        const auto* variable = access.object ? std::get_if<ast::VariableRef>(&access.object->node) : nullptr;
        const std::optional<engine::VariableId> id =
            variable != nullptr && environment_.frame != nullptr ? environment_.frame->find(variable->name)
                                                                 : std::nullopt;
        const std::optional<engine::TemplateId> fact_template =
            id && environment_.variables != nullptr ? environment_.variables->fact_template(*id) : std::nullopt;
        if (!fact_template) {
            context_.unsupported(expr.span, "`." + access.slot.text +
                                                "` reads a slot of a fact variable only; bind the fact with `?f <- "
                                                "template(...)` and write `?f." +
                                                access.slot.text + "`");
            return spec;
        }
        const std::optional<engine::SlotIndex> slot = context_.find_slot(*fact_template, access.slot.text);
        if (!slot) {
            context_.unsupported(access.slot.span, "template " + quoted(context_.rules().templates[*fact_template].name) +
                                                       " has no slot " + quoted(access.slot.text));
            return spec;
        }
        spec.variable = *id;
        spec.slot = *slot;
        return spec;
    }

    CompileContext& context_;
    const ExprEnvironment& environment_;
};

}  // namespace

engine::ExprSpec constant_expression(engine::Value value, engine::SourceRef where)
{
    ExprSpec spec;
    spec.kind = ExprSpec::Kind::Constant;
    spec.value = value;
    spec.where = std::move(where);
    return spec;
}

std::optional<engine::Value> literal_value(CompileContext& context, const ast::Expr& expr)
{
    if (const auto* literal = std::get_if<ast::Literal>(&expr.node)) return value_of(context, *literal);
    const auto* text = std::get_if<ast::TextTemplate>(&expr.node);
    if (text == nullptr) return std::nullopt;
    std::string plain;
    for (const ast::TextPart& part : text->parts) {
        if (part.expr) return std::nullopt;
        plain += part.text;
    }
    return context.values().text(plain);
}

engine::ExprSpec compile_expression(CompileContext& context, const ast::Expr& expr, const ExprEnvironment& environment)
{
    return ExpressionCompiler(context, environment).compile(expr);
}

engine::ExprSpec compile_text(CompileContext& context, const ast::TextTemplate& text, const ast::Span& span,
                              const ExprEnvironment& environment, bool always_concat)
{
    return ExpressionCompiler(context, environment).text(text, span, always_concat);
}

}  // namespace koers::compile
