// Negative nodes: `not` and `exists` of a single pattern. Like a join, but instead of
// making a token per matching fact the node finds one fact that matches each token, its
// blocker, and passes the token on while it has none (not) or has one (exists). Looking
// stops at the first match, and a new fact is tested only against tokens without a
// blocker; when a blocker leaves, only the tokens it blocked look for another.
#include "engine/matcher.hpp"

namespace koers::engine {

Fact* Matcher::find_blocker(const Node& node, Fact* const* facts, const Values& left, std::uint64_t hash)
{
    const AlphaIndex& right = alpha_index(net_.alpha_memories()[node.alpha].first_index + node.right_key);
    const AlphaLink link{node.right_key};
    for (AlphaEntry* entry = right.bucket_head(hash); entry != nullptr; entry = link(entry).next) {
        if (link(entry).hash == hash && keys_equal(node, facts, left, entry->fact) &&
            tests_hold(node.compiled_tests, facts, entry->fact)) {
            return entry->fact;
        }
    }
    return nullptr;
}

void Matcher::negative_left(NodeId id, const Node& node, Token* token)
{
    Fact* const* facts = token->facts();
    Values left;
    std::uint64_t hash = 0;
    const bool keyed = left_hash(node, facts, left, hash);
    NodeMemory& memory = node_memory(id);
    memory.left.push_front(token, hash, meter_);
    token->state.blocker = keyed ? find_blocker(node, facts, left, hash) : nullptr;
    if ((token->state.blocker != nullptr) == node.exists) negative_outputs(node, memory, token);
}

void Matcher::negative_right(NodeId id, const Node& node, Fact* fact, bool added)
{
    NodeMemory& memory = node_memory(id);
    if (memory.left.size() == 0) return;
    const std::uint64_t hash = right_hash(net_.alpha_memories()[node.alpha].keys[node.right_key], fact);
    Values left;
    for (Token* token = memory.left.bucket_head(hash); token != nullptr; token = token->link.next) {
        if (token->link.hash != hash) continue;
        // A new fact matters only to tokens without a blocker, a leaving one only to
        // those it blocked (it has left the alpha memory already).
        if (token->state.blocker != (added ? nullptr : fact)) continue;
        Fact* const* facts = token->facts();
        if (!node.direct_keys && !left_values(node, facts, left)) continue;
        if (added) {
            if (!keys_equal(node, facts, left, fact) || !tests_hold(node.compiled_tests, facts, fact)) continue;
            token->state.blocker = fact;
        } else {
            token->state.blocker = find_blocker(node, facts, left, hash);
            if (token->state.blocker != nullptr) continue;
        }
        if (added == node.exists) negative_outputs(node, memory, token);
        else delete_outputs(token);
    }
}

void Matcher::negative_outputs(const Node& node, NodeMemory& memory, Token* token)
{
    if (!tests_hold(node.compiled_output_tests, token->facts(), nullptr)) return;
    emit_children(token->node, node, memory, token, nullptr, false);
}

}  // namespace koers::engine
