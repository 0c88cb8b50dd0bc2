// Copying the match state into a copied session: the pools are copied byte for byte, then
// every pointer a token, alpha entry, aggregate state or aggregate result holds, and
// every index bucket, is moved to the copy (relocation.hpp).
#include "engine/matcher.hpp"

namespace koers::engine {

Matcher::Matcher(const Matcher& source, Evaluator& evaluator, MemoryMeter& meter, MatchListener& listener,
                 Relocation& relocation)
    : net_(source.net_), evaluator_(evaluator), meter_(meter), listener_(listener), tokens_(source.tokens_, meter, relocation),
      entries_(source.entries_, meter, relocation), aggregates_(source.aggregates_, meter, relocation),
      results_(source.results_, meter, relocation), node_chunks_(source.node_chunks_.size()),
      alpha_chunks_(source.alpha_chunks_.size())
{
}

void Matcher::relocate(Token& token, const Relocation& relocation) const
{
    token.parent = relocation(token.parent);
    token.first_child = relocation(token.first_child);
    token.first_sub = relocation(token.first_sub);
    token.next_sibling = relocation(token.next_sibling);
    token.prev_sibling = relocation(token.prev_sibling);
    token.fact = relocation(token.fact);
    token.fact_next = relocation(token.fact_next);
    token.fact_prev = relocation(token.fact_prev);
    token.link.next = relocation(token.link.next);
    token.link.prev = relocation(token.link.prev);
    const Node& node = net_.node(token.node);
    // A placeholder's state is the index of a child, not a pointer.
    const bool placeholder = (token.flags & token_placeholder) != 0;
    if (!placeholder && node.kind == NodeKind::Terminal) {
        token.state.activation = relocation(token.state.activation);
    } else if (!placeholder && node.kind == NodeKind::Owner && node.owner_kind == OwnerKind::Aggregate) {
        token.state.aggregate = relocation(token.state.aggregate);
    } else if (!placeholder && node.kind == NodeKind::Negative) {
        token.state.blocker = relocation(token.state.blocker);
    }
    Fact** facts = token.facts();
    for (std::uint16_t i = 0; i < token.depth; ++i) facts[i] = relocation(facts[i]);
}

void Matcher::relocate(const Matcher& source, const Relocation& relocation)
{
    tokens_.relocate(relocation, [&](void* block, std::size_t) { relocate(*static_cast<Token*>(block), relocation); });
    entries_.relocate(relocation, [&](void* block, std::size_t) {
        auto* entry = static_cast<AlphaEntry*>(block);
        entry->fact = relocation(entry->fact);
        entry->next_of_fact = relocation(entry->next_of_fact);
        for (std::uint32_t key = 0; key < entry->key_count; ++key) {
            entry->links()[key].next = relocation(entry->links()[key].next);
            entry->links()[key].prev = relocation(entry->links()[key].prev);
        }
    });
    aggregates_.relocate(relocation, [&](void* block) {
        auto* state = static_cast<AggregateState*>(block);
        state->first_result = relocation(state->first_result);
        state->last_result = relocation(state->last_result);
        state->result = relocation(state->result);
    });
    results_.relocate(relocation, [&](void* block) { engine::relocate(*static_cast<Fact*>(block), relocation); });
    for (std::size_t chunk = 0; chunk < source.node_chunks_.size(); ++chunk) {
        node_chunks_[chunk].reserve(source.node_chunks_[chunk].size());
        for (const NodeMemory& memory : source.node_chunks_[chunk]) {
            node_chunks_[chunk].emplace_back(memory, relocation);
        }
    }
    for (std::size_t chunk = 0; chunk < source.alpha_chunks_.size(); ++chunk) {
        alpha_chunks_[chunk].reserve(source.alpha_chunks_[chunk].size());
        for (const AlphaIndex& index : source.alpha_chunks_[chunk]) alpha_chunks_[chunk].emplace_back(index, relocation);
    }
}

}  // namespace koers::engine
