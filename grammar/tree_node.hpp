// The parse tree of one declaration: the nodes the selector keeps (tree_selector.hpp),
// each with its place in the source and its children in source order. The tree is an
// internal step: tree_to_ast.cpp turns it into the AST right after the declaration parses.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace koers {

struct TreeNode;

// Where a node starts or ends in the text being parsed.
struct TextPosition {
    const char* data = nullptr;
    std::uint32_t byte = 0;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

// Identifies a grammar rule by the address of a variable of its own.
template <typename Rule>
inline constexpr char rule_tag = 0;

class TreeChildren {
public:
    [[nodiscard]] const TreeNode* const* begin() const { return nodes_; }
    [[nodiscard]] const TreeNode* const* end() const { return nodes_ + count_; }
    [[nodiscard]] std::size_t size() const { return count_; }
    [[nodiscard]] bool empty() const { return count_ == 0; }
    [[nodiscard]] const TreeNode* operator[](std::size_t index) const { return nodes_[index]; }
    [[nodiscard]] const TreeNode* at(std::size_t index) const
    {
        if (index >= count_) throw std::out_of_range("parse-tree node has no child " + std::to_string(index));
        return nodes_[index];
    }

private:
    friend class TreeBuilder;
    const TreeNode* const* nodes_ = nullptr;
    std::uint32_t count_ = 0;
};

struct TreeNode {
    const char* rule = nullptr;  // &rule_tag<Rule>
    TextPosition begin_position;
    // Null data when the node keeps no text: a folded precedence level with several operands.
    TextPosition end_position;
    TreeChildren children;

    template <typename Rule>
    [[nodiscard]] bool is_type() const noexcept
    {
        return rule == &rule_tag<Rule>;
    }
    [[nodiscard]] bool has_content() const noexcept { return end_position.data != nullptr; }
    [[nodiscard]] std::string_view string_view() const noexcept
    {
        return {begin_position.data, static_cast<std::size_t>(end_position.data - begin_position.data)};
    }
    [[nodiscard]] std::string string() const { return std::string(string_view()); }
};

}  // namespace koers
