#include "check/constant_value.hpp"

#include <limits>
#include <type_traits>

namespace koers::checks {

namespace {

ConstantValue from_literal(const ast::Literal& literal)
{
    ConstantValue value;
    value.text = literal.text;
    switch (literal.kind) {
    case ast::LiteralKind::Int:
        value.kind = ConstantValue::Kind::Int;
        value.int_value = literal.int_value;
        value.number_value = static_cast<double>(literal.int_value);
        break;
    case ast::LiteralKind::Number:
        value.kind = ConstantValue::Kind::Number;
        value.number_value = literal.number_value;
        break;
    case ast::LiteralKind::Text: value.kind = ConstantValue::Kind::Text; break;
    case ast::LiteralKind::Symbol: value.kind = ConstantValue::Kind::Symbol; break;
    case ast::LiteralKind::Bool:
        value.kind = ConstantValue::Kind::Bool;
        value.bool_value = literal.bool_value;
        value.text = literal.bool_value ? "true" : "false";
        break;
    }
    return value;
}

std::optional<ConstantValue> negate(ConstantValue value)
{
    if (value.kind == ConstantValue::Kind::Int) {
        if (value.int_value == std::numeric_limits<std::int64_t>::min()) return std::nullopt;
        value.int_value = -value.int_value;
    } else if (value.kind != ConstantValue::Kind::Number) {
        return std::nullopt;
    }
    value.number_value = -value.number_value;
    value.text = value.text.starts_with('-') ? value.text.substr(1) : "-" + value.text;
    return value;
}

std::optional<ConstantValue> fold_text(const ast::TextTemplate& text)
{
    ConstantValue value;
    value.kind = ConstantValue::Kind::Text;
    for (const ast::TextPart& part : text.parts) {
        if (part.expr) return std::nullopt;
        value.text += part.text;
    }
    return value;
}

std::optional<ConstantValue> fold_list(const ast::ListExpr& list)
{
    ConstantValue value;
    value.kind = ConstantValue::Kind::List;
    for (const ast::Expr& item : list.items) {
        std::optional<ConstantValue> folded = fold_constant(item);
        if (!folded) return std::nullopt;
        value.items.push_back(std::move(*folded));
    }
    return value;
}

}  // namespace

std::optional<ConstantValue> fold_constant(const ast::Expr& expr)
{
    return std::visit(
        [](const auto& node) -> std::optional<ConstantValue> {
            using Node = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<Node, ast::Literal>) {
                return from_literal(node);
            } else if constexpr (std::is_same_v<Node, ast::TextTemplate>) {
                return fold_text(node);
            } else if constexpr (std::is_same_v<Node, ast::ListExpr>) {
                return fold_list(node);
            } else if constexpr (std::is_same_v<Node, ast::Unary>) {
                if (node.op != ast::UnaryOp::Negate || !node.operand) return std::nullopt;
                std::optional<ConstantValue> operand = fold_constant(*node.operand);
                if (!operand) return std::nullopt;
                return negate(std::move(*operand));
            } else {
                return std::nullopt;
            }
        },
        expr.node);
}

bool is_numeric(const ConstantValue& value)
{
    return value.kind == ConstantValue::Kind::Int || value.kind == ConstantValue::Kind::Number;
}

bool same_value(const ConstantValue& a, const ConstantValue& b)
{
    if (is_numeric(a) && is_numeric(b)) return a.number_value == b.number_value;
    if (a.kind != b.kind) return false;
    if (a.kind == ConstantValue::Kind::Bool) return a.bool_value == b.bool_value;
    if (a.kind != ConstantValue::Kind::List) return a.text == b.text;
    if (a.items.size() != b.items.size()) return false;
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        if (!same_value(a.items[i], b.items[i])) return false;
    }
    return true;
}

std::string spell(const ConstantValue& value)
{
    switch (value.kind) {
    case ConstantValue::Kind::Text: return '"' + value.text + '"';
    case ConstantValue::Kind::List: {
        std::string out = "[";
        for (std::size_t i = 0; i < value.items.size(); ++i) {
            if (i > 0) out += ", ";
            out += spell(value.items[i]);
        }
        return out + "]";
    }
    default: return value.text;
    }
}

std::string describe(const ConstantValue& value)
{
    switch (value.kind) {
    case ConstantValue::Kind::Int:
    case ConstantValue::Kind::Number: return "the number " + value.text;
    case ConstantValue::Kind::Text: return "the text " + spell(value);
    case ConstantValue::Kind::Symbol: return "the symbol `" + value.text + "`";
    case ConstantValue::Kind::Bool: return "`" + value.text + "`";
    case ConstantValue::Kind::List: return "the list " + spell(value);
    }
    return spell(value);
}

}  // namespace koers::checks
