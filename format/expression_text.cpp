#include "format/expression_text.hpp"
#include "grammar/overloaded.hpp"
#include "grammar/string_spelling.hpp"

#include <array>
#include <charconv>
#include <string_view>
#include <type_traits>

namespace koers::formatting {

namespace {

Precedence precedence_of(ast::BinaryOp op)
{
    switch (op) {
    case ast::BinaryOp::Or: return Precedence::or_;
    case ast::BinaryOp::And: return Precedence::and_;
    case ast::BinaryOp::Eq:
    case ast::BinaryOp::Ne:
    case ast::BinaryOp::Lt:
    case ast::BinaryOp::Le:
    case ast::BinaryOp::Gt:
    case ast::BinaryOp::Ge: return Precedence::comparison;
    case ast::BinaryOp::Add:
    case ast::BinaryOp::Sub: return Precedence::additive;
    case ast::BinaryOp::Mul:
    case ast::BinaryOp::Div:
    case ast::BinaryOp::Mod: return Precedence::multiplicative;
    }
    return Precedence::postfix;
}

std::string_view spelling_of(ast::BinaryOp op)
{
    switch (op) {
    case ast::BinaryOp::Or: return "or";
    case ast::BinaryOp::And: return "and";
    case ast::BinaryOp::Eq: return "==";
    case ast::BinaryOp::Ne: return "!=";
    case ast::BinaryOp::Lt: return "<";
    case ast::BinaryOp::Le: return "<=";
    case ast::BinaryOp::Gt: return ">";
    case ast::BinaryOp::Ge: return ">=";
    case ast::BinaryOp::Add: return "+";
    case ast::BinaryOp::Sub: return "-";
    case ast::BinaryOp::Mul: return "*";
    case ast::BinaryOp::Div: return "/";
    case ast::BinaryOp::Mod: return "%";
    }
    return "?";
}

Precedence next_tighter(Precedence precedence)
{
    return precedence == Precedence::postfix ? precedence
                                             : static_cast<Precedence>(static_cast<int>(precedence) + 1);
}

Precedence precedence_of(const ast::Expr& expr)
{
    return std::visit(
        Overloaded{
            [](const ast::Literal& literal) {
                // A literal the parser folded with its sign reads as a negation.
                return literal.text.starts_with('-') ? Precedence::unary : Precedence::postfix;
            },
            [](const ast::Unary& unary) {
                return unary.op == ast::UnaryOp::Not ? Precedence::not_ : Precedence::unary;
            },
            [](const ast::Binary& binary) { return precedence_of(binary.op); },
            [](const ast::Membership&) { return Precedence::comparison; },
            [](const ast::Conditional&) { return Precedence::conditional; },
            [](const auto&) { return Precedence::postfix; },
        },
        expr.node);
}

// Numbers keep their source spelling; a tree built without one gets the shortest text
// that reads back as the same value and kind.
std::string number_text(const ast::Literal& literal)
{
    if (!literal.text.empty()) return literal.text;
    if (literal.kind == ast::LiteralKind::Int) return std::to_string(literal.int_value);
    std::array<char, 64> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), literal.number_value);
    std::string text(buffer.data(), result.ptr);
    if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
    return text;
}

std::string literal_text(const ast::Literal& literal)
{
    switch (literal.kind) {
    case ast::LiteralKind::Int:
    case ast::LiteralKind::Number: return number_text(literal);
    case ast::LiteralKind::Text: {
        ast::TextTemplate text;
        text.parts.push_back(ast::TextPart{literal.text, nullptr});
        return text_template_text(text);
    }
    case ast::LiteralKind::Symbol: return literal.text;
    case ast::LiteralKind::Bool: return literal.bool_value ? "true" : "false";
    }
    return literal.text;
}

std::string joined(const std::vector<ast::Expr>& items)
{
    std::string text;
    for (const ast::Expr& item : items) {
        if (!text.empty()) text += ", ";
        text += expression_text(item);
    }
    return text;
}

std::string operand_text(const std::unique_ptr<ast::Expr>& operand, Precedence context)
{
    return operand ? expression_text(*operand, context) : std::string();
}

std::string bare_text(const ast::Expr& expr)
{
    return std::visit(
        Overloaded{
            [](const ast::Literal& literal) { return literal_text(literal); },
            [](const ast::TextTemplate& text) { return text_template_text(text); },
            [](const ast::VariableRef& variable) { return variable_text(variable.name); },
            [](const ast::Call& call) { return call.function.text + '(' + joined(call.arguments) + ')'; },
            [](const ast::Unary& unary) {
                if (unary.op == ast::UnaryOp::Not) return "not " + operand_text(unary.operand, Precedence::not_);
                return '-' + operand_text(unary.operand, Precedence::unary);
            },
            [](const ast::Binary& binary) {
                const Precedence own = precedence_of(binary.op);
                // Comparisons do not chain; the other operators group to the left.
                const Precedence left = own == Precedence::comparison ? Precedence::additive : own;
                return operand_text(binary.left, left) + ' ' + std::string(spelling_of(binary.op)) + ' ' +
                       operand_text(binary.right, next_tighter(own));
            },
            [](const ast::Membership& membership) {
                return operand_text(membership.value, Precedence::additive) +
                       (membership.negated ? " not in " : " in ") + domain_text(membership.domain);
            },
            [](const ast::Conditional& conditional) {
                return "if " + operand_text(conditional.condition, Precedence::conditional) + " then " +
                       operand_text(conditional.when_true, Precedence::conditional) + " else " +
                       operand_text(conditional.when_false, Precedence::conditional);
            },
            [](const ast::ListExpr& list) { return '[' + joined(list.items) + ']'; },
            [](const ast::SlotAccess& access) {
                return operand_text(access.object, Precedence::postfix) + '.' + access.slot.text;
            },
        },
        expr.node);
}

}  // namespace

std::string expression_text(const ast::Expr& expr, Precedence context)
{
    std::string text = bare_text(expr);
    if (precedence_of(expr) < context) return '(' + text + ')';
    return text;
}

std::string plain_string_text(std::string_view text) { return '"' + escaped_text(text, false) + '"'; }

std::string text_template_text(const ast::TextTemplate& text)
{
    std::string out = "\"";
    for (const ast::TextPart& part : text.parts) {
        if (part.expr) {
            out += '{' + expression_text(*part.expr) + '}';
        } else {
            out += escaped_text(part.text, true);
        }
    }
    return out + '"';
}

std::string domain_text(const ast::Domain& domain)
{
    if (domain.kind == ast::Domain::Kind::Set) return '{' + joined(domain.items) + '}';
    std::string text;
    for (const ast::Expr& bound : domain.items) {
        if (!text.empty()) text += "..";
        text += expression_text(bound, Precedence::unary);
    }
    return text;
}

std::string type_text(const ast::TypeRef& type)
{
    std::string_view base = "symbol";
    switch (type.base) {
    case ast::BaseType::Symbol: base = "symbol"; break;
    case ast::BaseType::Text: base = "text"; break;
    case ast::BaseType::Int: base = "int"; break;
    case ast::BaseType::Number: base = "number"; break;
    case ast::BaseType::Bool: base = "bool"; break;
    }
    return (type.is_list ? "list of " : "") + std::string(base);
}

std::string variable_text(std::string_view name)
{
    if (name.starts_with('?')) return std::string(name);
    return '?' + std::string(name);
}

}  // namespace koers::formatting
