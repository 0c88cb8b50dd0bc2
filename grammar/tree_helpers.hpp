// Small helpers shared by the files that turn the parse tree into the AST.
#pragma once

#include <memory>
#include <string_view>

#include "grammar/ast.hpp"
#include "grammar/rules.hpp"
#include "grammar/tree_to_ast.hpp"

namespace koers::tree {

namespace g = grammar;

template <typename Rule>
inline bool is(const TreeNode& node)
{
    return node.is_type<Rule>();
}

// The first child of type Rule, or null.
template <typename Rule>
inline const TreeNode* find_child(const TreeNode& node)
{
    for (const auto& child : node.children) {
        if (is<Rule>(*child)) return child;
    }
    return nullptr;
}

inline bool is_type_node(const TreeNode& node) { return is<g::base_type>(node) || is<g::list_type>(node); }

inline ast::BaseType base_type_named(std::string_view text)
{
    if (text.starts_with("text")) return ast::BaseType::Text;
    if (text.starts_with("int")) return ast::BaseType::Int;
    if (text.starts_with("number")) return ast::BaseType::Number;
    if (text.starts_with("bool")) return ast::BaseType::Bool;
    return ast::BaseType::Symbol;
}

inline ast::CompareOp compare_op_named(std::string_view text)
{
    if (text == "==") return ast::CompareOp::Eq;
    if (text == "!=") return ast::CompareOp::Ne;
    if (text == "<=") return ast::CompareOp::Le;
    if (text == ">=") return ast::CompareOp::Ge;
    if (text == "<") return ast::CompareOp::Lt;
    return ast::CompareOp::Gt;
}

inline ast::BinaryOp binary_op_for(ast::CompareOp op)
{
    switch (op) {
    case ast::CompareOp::Eq: return ast::BinaryOp::Eq;
    case ast::CompareOp::Ne: return ast::BinaryOp::Ne;
    case ast::CompareOp::Lt: return ast::BinaryOp::Lt;
    case ast::CompareOp::Le: return ast::BinaryOp::Le;
    case ast::CompareOp::Gt: return ast::BinaryOp::Gt;
    case ast::CompareOp::Ge: return ast::BinaryOp::Ge;
    }
    return ast::BinaryOp::Eq;
}

inline ast::AggregateFn aggregate_named(std::string_view text)
{
    if (text == "sum") return ast::AggregateFn::Sum;
    if (text == "min") return ast::AggregateFn::Min;
    if (text == "max") return ast::AggregateFn::Max;
    if (text == "avg") return ast::AggregateFn::Avg;
    if (text == "collect") return ast::AggregateFn::Collect;
    return ast::AggregateFn::Count;
}

inline char unescaped(char c)
{
    switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    default: return c;
    }
}

inline bool is_language_code(std::string_view key)
{
    return key.size() == 2 && key[0] >= 'a' && key[0] <= 'z' && key[1] >= 'a' && key[1] <= 'z';
}

inline std::unique_ptr<ast::Expr> boxed(ast::Expr expr) { return std::make_unique<ast::Expr>(std::move(expr)); }

}  // namespace koers::tree
