// Which nodes may be left unlinked (see engine/matcher_unlinking.cpp): a join, or an
// `exists` of one pattern, that is one of its parent's children and reads its keys
// straight off the token. While its alpha memory has had no fact such a node passes
// nothing on and meets no error, so the tokens it would hold can wait. A `not` passes its
// tokens on precisely when nothing matches, and a key computed by the evaluator can fail:
// those nodes always get their tokens.
#include "engine/network_builder.hpp"

namespace koers::engine {

namespace {

bool may_wait(const Node& node)
{
    const bool one_pattern = node.kind == NodeKind::Join || (node.kind == NodeKind::Negative && node.exists);
    return one_pattern && node.direct_keys;
}

}  // namespace

void NetworkBuilder::mark_lazy_nodes()
{
    std::vector<Node>& nodes = network_->nodes_;
    for (Node& parent : nodes) {
        for (std::uint32_t index = 0; index < parent.children.size(); ++index) {
            Node& child = nodes[parent.children[index]];
            child.child_index = index;
            child.lazy = options_.left_unlinking && may_wait(child);
            if (!child.lazy) parent.eager_children.push_back(index);
            else if (parent.first_lazy_child == no_child) parent.first_lazy_child = index;
        }
        if (parent.first_lazy_child == no_child) parent.eager_children.clear();
    }
}

}  // namespace koers::engine
