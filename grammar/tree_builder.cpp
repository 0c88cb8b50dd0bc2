#include "grammar/tree_builder.hpp"

namespace koers {

void TreeBuilder::reset()
{
    nodes_.clear();
    first_child_.clear();
    children_.clear();
    child_nodes_.clear();
    pending_count_ = 0;
    open_ = 0;
}

void TreeBuilder::keep_node(const char* rule, const TextPosition& end)
{
    const std::uint32_t mark = marks_[--open_];
    TreeNode node;
    node.rule = rule;
    node.begin_position = begins_[open_];
    node.end_position = end;
    // The count is kept in the node now; finish() adds where the children are.
    node.children.count_ = pending_count_ - mark;
    first_child_.push_back(static_cast<std::uint32_t>(children_.size()));
    children_.insert(children_.end(), pending_.begin() + mark, pending_.begin() + pending_count_);
    pending_count_ = mark;
    if (pending_count_ == pending_.size()) grow(pending_, pending_count_);
    pending_[pending_count_++] = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back(node);
}

TreeChildren TreeBuilder::finish()
{
    const auto top_level = static_cast<std::uint32_t>(children_.size());
    children_.insert(children_.end(), pending_.begin(), pending_.begin() + pending_count_);
    child_nodes_.resize(children_.size());
    for (std::size_t i = 0; i < children_.size(); ++i) child_nodes_[i] = &nodes_[children_[i]];
    for (std::size_t i = 0; i < nodes_.size(); ++i) nodes_[i].children.nodes_ = child_nodes_.data() + first_child_[i];
    TreeChildren result;
    result.nodes_ = child_nodes_.data() + top_level;
    result.count_ = pending_count_;
    return result;
}

}  // namespace koers
