// Negative nodes: `not` and `exists` of a single pattern. Like a join, but instead of
// making a token per matching fact the node counts the facts that match each token, and
// passes the token on while the count is zero (not) or above zero (exists). A fact that
// leaves is matched against the tokens again to count down; tokens made after the fact
// left (a newer generation) never counted it.
#include "engine/matcher.hpp"

namespace koers::engine {

void Matcher::negative_left(NodeId id, const Node& node, Token* token)
{
    Fact* const* facts = token->facts();
    Values left;
    std::uint64_t hash = 0;
    const bool keyed = left_hash(node, facts, left, hash);
    NodeMemory& memory = node_memory(id);
    memory.left.push_front(token, hash, meter_);
    std::uint64_t count = 0;
    if (keyed) {
        const AlphaIndex& right = alpha_index(net_.alpha_memories()[node.alpha].first_index + node.right_key);
        const AlphaLink link{node.right_key};
        for (AlphaEntry* entry = right.bucket_head(hash); entry != nullptr; entry = link(entry).next) {
            if (link(entry).hash == hash && keys_equal(node, facts, left, entry->fact) &&
                tests_hold(node.compiled_tests, facts, entry->fact)) {
                ++count;
            }
        }
    }
    token->state.count = count;
    if ((count > 0) == node.exists) negative_outputs(node, memory, token);
}

void Matcher::negative_right(NodeId id, const Node& node, Fact* fact, bool added)
{
    const std::uint64_t hash = right_hash(net_.alpha_memories()[node.alpha].keys[node.right_key], fact);
    Values left;
    NodeMemory& memory = node_memory(id);
    for (Token* token = memory.left.bucket_head(hash); token != nullptr; token = token->link.next) {
        if (token->link.hash != hash || (!added && token->generation == generation_)) continue;
        Fact* const* facts = token->facts();
        if (!node.direct_keys && !left_values(node, facts, left)) continue;
        if (!keys_equal(node, facts, left, fact) || !tests_hold(node.compiled_tests, facts, fact)) continue;
        const bool was_holding = (token->state.count > 0) == node.exists;
        if (added) ++token->state.count;
        else --token->state.count;
        const bool holds = (token->state.count > 0) == node.exists;
        if (holds && !was_holding) negative_outputs(node, memory, token);
        else if (!holds && was_holding) delete_outputs(token);
    }
}

void Matcher::negative_outputs(const Node& node, NodeMemory& memory, Token* token)
{
    if (!tests_hold(node.compiled_output_tests, token->facts(), nullptr)) return;
    emit_children(token->node, node, memory, token, nullptr, false);
}

}  // namespace koers::engine
