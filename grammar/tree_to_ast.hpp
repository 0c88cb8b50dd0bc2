// Turns the parse tree of one declaration into AST nodes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "grammar/ast.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/tree_node.hpp"

namespace koers {

class TreeConverter {
public:
    TreeConverter(std::uint32_t file, Diagnostics& diagnostics) : file_(file), diagnostics_(diagnostics) {}

    // The declaration a `declaration` node holds; empty (with a diagnostic) when a
    // literal in it cannot be represented, e.g. an integer too large.
    std::optional<ast::Declaration> declaration(const TreeNode& node);

private:
    ast::Span span(const TreeNode& node) const;
    ast::Name name(const TreeNode& node) const;
    std::string plain_string(const TreeNode& node);

    ast::ImportDecl import_decl(const TreeNode& node);
    ast::StageDecl stage_decl(const TreeNode& node);
    ast::TemplateDecl template_decl(const TreeNode& node);
    ast::SlotDecl slot_decl(const TreeNode& node);
    ast::TypeRef type_ref(const TreeNode& node);
    ast::FactsDecl facts_decl(const TreeNode& node);
    ast::FactSpec fact(const TreeNode& node);
    ast::SlotValue slot_value(const TreeNode& node);
    ast::FunctionDecl function_decl(const TreeNode& node);
    ast::RuleDecl rule_decl(const TreeNode& node);
    ast::TestDecl test_decl(const TreeNode& node);
    ast::Expectation expectation(const TreeNode& node);

    ast::Condition condition(const TreeNode& node);
    ast::Pattern pattern(const TreeNode& node);
    ast::SlotConstraint constraint(const TreeNode& node);
    ast::SlotTest slot_test(const TreeNode& node);
    ast::Action action(const TreeNode& node);
    void advise_item(ast::AdviseAction& advise, const TreeNode& item);

    ast::Expr expr(const TreeNode& node);
    ast::Expr literal(const TreeNode& node);
    ast::TextTemplate text_template(const TreeNode& node);
    ast::Domain domain(const TreeNode& node);
    std::int64_t integer(const TreeNode& node, std::string_view digits);

    std::uint32_t file_;
    Diagnostics& diagnostics_;
    bool failed_ = false;
};

}  // namespace koers
