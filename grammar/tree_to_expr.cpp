#include "grammar/tree_to_ast.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include "grammar/tree_helpers.hpp"

namespace koers {

using namespace tree;

// ---------------------------------------------------------------- expressions

ast::Expr TreeConverter::literal(const TreeNode& node)
{
    ast::Expr result;
    result.span = span(node);
    ast::Literal value;
    if (is<g::number_literal>(node)) {
        const std::string_view spelling = node.string_view();
        value.text = std::string(spelling);
        if (spelling.find_first_of(".eE") == std::string_view::npos) {
            value.kind = ast::LiteralKind::Int;
            value.int_value = integer(node, spelling);
            value.number_value = static_cast<double>(value.int_value);
        }
        else {
            value.kind = ast::LiteralKind::Number;
            const auto [end, error] =
                std::from_chars(spelling.data(), spelling.data() + spelling.size(), value.number_value);
            if (error != std::errc() || end != spelling.data() + spelling.size() || !std::isfinite(value.number_value)) {
                diagnostics_.error("syntax", span(node), "number " + value.text + " is out of range");
                failed_ = true;
            }
        }
    }
    else if (is<g::bool_literal>(node)) {
        value.kind = ast::LiteralKind::Bool;
        value.bool_value = node.string_view() == "true";
        value.text = node.string();
    }
    else {
        value.kind = ast::LiteralKind::Symbol;
        value.text = node.string();
    }
    result.node = std::move(value);
    return result;
}

ast::TextTemplate TreeConverter::text_template(const TreeNode& node)
{
    ast::TextTemplate text;
    auto append_plain = [&text](std::string_view piece) {
        if (text.parts.empty() || text.parts.back().expr) text.parts.push_back(ast::TextPart{});
        text.parts.back().text += piece;
    };
    for (const auto& child : node.children) {
        if (is<g::text_chars>(*child)) append_plain(child->string_view());
        else if (is<g::escape>(*child)) append_plain(std::string(1, unescaped(child->string_view().at(1))));
        else if (is<g::interpolation>(*child)) {
            text.parts.push_back(ast::TextPart{{}, boxed(expr(*child->children.at(0)))});
        }
    }
    if (text.parts.empty()) text.parts.push_back(ast::TextPart{});
    return text;
}

ast::Domain TreeConverter::domain(const TreeNode& node)
{
    ast::Domain result;
    result.span = span(node);
    result.kind = is<g::value_range>(node) ? ast::Domain::Kind::Range : ast::Domain::Kind::Set;
    for (const auto& child : node.children) result.items.push_back(expr(*child));
    return result;
}

ast::Expr TreeConverter::expr(const TreeNode& node)
{
    if (is<g::number_literal>(node) || is<g::bool_literal>(node) || is<g::symbol_literal>(node)) return literal(node);

    ast::Expr result;
    result.span = span(node);
    if (is<g::text_literal>(node)) {
        result.node = text_template(node);
    }
    else if (is<g::variable>(node)) {
        result.node = ast::VariableRef{node.string().substr(1)};
    }
    else if (is<g::call>(node)) {
        ast::Call call;
        call.function = name(*node.children.at(0));
        for (std::size_t i = 1; i < node.children.size(); ++i) call.arguments.push_back(expr(*node.children[i]));
        result.node = std::move(call);
    }
    else if (is<g::list_expression>(node)) {
        ast::ListExpr list;
        for (const auto& child : node.children) list.items.push_back(expr(*child));
        result.node = std::move(list);
    }
    else if (is<g::postfix_expression>(node)) {
        result = expr(*node.children.at(0));
        for (std::size_t i = 1; i < node.children.size(); ++i) {
            ast::Expr access;
            access.span = result.span;
            access.node = ast::SlotAccess{boxed(std::move(result)), name(*node.children[i]->children.at(0))};
            result = std::move(access);
        }
    }
    else if (is<g::negation>(node) || is<g::logical_not>(node)) {
        const auto op = is<g::negation>(node) ? ast::UnaryOp::Negate : ast::UnaryOp::Not;
        result.node = ast::Unary{op, boxed(expr(*node.children.at(0)))};
    }
    else if (is<g::term>(node) || is<g::additive>(node)) {
        result = expr(*node.children.at(0));
        for (std::size_t i = 1; i + 1 < node.children.size(); i += 2) {
            const char op = node.children[i]->string_view().at(0);
            ast::BinaryOp binary = ast::BinaryOp::Add;
            if (op == '-') binary = ast::BinaryOp::Sub;
            else if (op == '*') binary = ast::BinaryOp::Mul;
            else if (op == '/') binary = ast::BinaryOp::Div;
            else if (op == '%') binary = ast::BinaryOp::Mod;
            ast::Expr combined;
            combined.span = result.span;
            combined.node = ast::Binary{binary, boxed(std::move(result)), boxed(expr(*node.children[i + 1]))};
            result = std::move(combined);
        }
    }
    else if (is<g::and_expression>(node) || is<g::or_expression>(node)) {
        const auto op = is<g::and_expression>(node) ? ast::BinaryOp::And : ast::BinaryOp::Or;
        result = expr(*node.children.at(0));
        for (std::size_t i = 1; i < node.children.size(); ++i) {
            ast::Expr combined;
            combined.span = result.span;
            combined.node = ast::Binary{op, boxed(std::move(result)), boxed(expr(*node.children[i]))};
            result = std::move(combined);
        }
    }
    else if (is<g::comparison>(node)) {
        ast::Expr left = expr(*node.children.at(0));
        const TreeNode& tail = *node.children.at(1);
        if (is<g::comparison_tail>(tail)) {
            const auto op = binary_op_for(compare_op_named(tail.children.at(0)->string_view()));
            result.node = ast::Binary{op, boxed(std::move(left)), boxed(expr(*tail.children.at(1)))};
        }
        else {
            ast::Membership membership;
            membership.value = boxed(std::move(left));
            membership.negated = tail.children.at(0)->string_view().starts_with("not");
            membership.domain = domain(*tail.children.at(1));
            result.node = std::move(membership);
        }
    }
    else if (is<g::conditional>(node)) {
        result.node = ast::Conditional{boxed(expr(*node.children.at(0))), boxed(expr(*node.children.at(1))),
                                       boxed(expr(*node.children.at(2)))};
    }
    return result;
}

}  // namespace koers
