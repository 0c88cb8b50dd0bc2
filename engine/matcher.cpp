#include "engine/matcher.hpp"

#include <algorithm>
#include <functional>
#include <new>

namespace koers::engine {

Matcher::Matcher(const Network& network, Evaluator& evaluator, MemoryMeter& meter, MatchListener& listener)
    : net_(network), evaluator_(evaluator), meter_(meter), listener_(listener), tokens_(sizeof(Token), sizeof(Fact*), meter),
      entries_(sizeof(AlphaEntry), sizeof(IndexLink<AlphaEntry>), meter), aggregates_(sizeof(AggregateState), meter),
      results_(sizeof(Fact) + sizeof(Value), meter),
      node_chunks_((network.nodes().size() + chunk_size - 1) / chunk_size),
      alpha_chunks_((network.alpha_indexes().size() + chunk_size - 1) / chunk_size)
{
}

Matcher::~Matcher()
{
    for (std::vector<NodeMemory>& chunk : node_chunks_) {
        for (NodeMemory& memory : chunk) memory.left.release(meter_);
    }
    for (std::vector<AlphaIndex>& chunk : alpha_chunks_) {
        for (AlphaIndex& index : chunk) index.release(meter_);
    }
}

void Matcher::make_node_chunk(std::uint32_t chunk)
{
    std::vector<NodeMemory>& memories = node_chunks_[chunk];
    const std::size_t end = std::min<std::size_t>(net_.nodes().size(), (chunk + 1) * std::size_t{chunk_size});
    memories.reserve(chunk_size);
    for (std::size_t id = chunk * std::size_t{chunk_size}; id < end; ++id) {
        const Node& node = net_.nodes()[id];
        NodeMemory& memory = memories.emplace_back(!node.keys.empty());
        memory.unlinked_children = node.first_lazy_child != no_child;
        memory.linked_children = node.eager_children;
    }
}

void Matcher::make_alpha_chunk(std::uint32_t chunk)
{
    std::vector<AlphaIndex>& indexes = alpha_chunks_[chunk];
    const auto& all = net_.alpha_indexes();
    const std::size_t end = std::min<std::size_t>(all.size(), (chunk + 1) * std::size_t{chunk_size});
    indexes.reserve(chunk_size);
    for (std::size_t index = chunk * std::size_t{chunk_size}; index < end; ++index) {
        const auto [alpha, key] = all[index];
        indexes.emplace_back(!net_.alpha_memories()[alpha].keys[key].empty(), AlphaLink{key});
    }
}

void Matcher::start() { emit_children(0, net_.node(0), node_memory(0), nullptr, nullptr, false); }

void Matcher::add_fact(Fact* fact)
{
    if (fact->template_id >= net_.rules().templates.size()) return;
    const TemplateAlpha& lookups = net_.template_alpha(fact->template_id);
    boost::container::small_vector<AlphaId, 16> candidates(lookups.unkeyed.begin(), lookups.unkeyed.end());
    for (const TemplateAlpha::SlotLookup& lookup : lookups.by_slot) {
        const auto found = lookup.memories.find(fact->slot(lookup.slot));
        if (found != lookup.memories.end()) candidates.insert(candidates.end(), found->second.begin(), found->second.end());
    }
    std::sort(candidates.begin(), candidates.end());
    boost::container::small_vector<std::pair<NodeId, AlphaEntry*>, 16> joins;
    EvalFrame frame;
    frame.self = fact;
    for (const AlphaId alpha : candidates) {
        const AlphaMemory& memory = net_.alpha_memories()[alpha];
        if (!std::all_of(memory.tests.begin(), memory.tests.end(), [&](ExprRef test) { return evaluator_.holds(test, frame); })) {
            continue;
        }
        const auto keys = static_cast<std::uint32_t>(memory.keys.size());
        auto* entry = new (entries_.allocate(keys)) AlphaEntry{};
        entry->fact = fact;
        entry->memory = alpha;
        entry->key_count = keys;
        entry->next_of_fact = fact->alpha_entries;
        fact->alpha_entries = entry;
        for (std::uint32_t key = 0; key < keys; ++key) {
            new (&entry->links()[key]) IndexLink<AlphaEntry>{};
            alpha_index(memory.first_index + key).push_back(entry, right_hash(memory.keys[key], fact), meter_);
        }
        // Unlinked joins wait for the first fact of their memory (matcher_unlinking.cpp).
        const bool first_fact = alpha_index(memory.first_index).size() == 1;
        for (const NodeId join : memory.joins) {
            if (first_fact && net_.node(join).lazy) link_node(join, net_.node(join));
            // A join with no tokens has nothing to match the fact with.
            if (node_memory(join).left.size() > 0) joins.emplace_back(join, entry);
        }
    }
    // Newest node first. A node is made after every node that feeds it (an owner's
    // successors after its body), so a join that another one feeds has had its turn
    // before the other passes tokens on to it: it does not see the new fact both ways.
    // For the same reason a join without tokens above has none at its turn either.
    std::sort(joins.begin(), joins.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [join, entry] : joins) {
        const Node& node = net_.node(join);
        if (node.kind == NodeKind::Negative) negative_right(join, node, fact, true);
        else join_right(join, node, entry);
    }
}

void Matcher::remove_fact(Fact* fact)
{
    boost::container::small_vector<NodeId, 8> negatives;
    for (AlphaEntry* entry = fact->alpha_entries; entry != nullptr;) {
        AlphaEntry* next = entry->next_of_fact;
        const std::uint32_t first = net_.alpha_memories()[entry->memory].first_index;
        for (std::uint32_t key = 0; key < entry->key_count; ++key) alpha_index(first + key).remove(entry);
        for (const NodeId join : net_.alpha_memories()[entry->memory].joins) {
            if (net_.node(join).kind == NodeKind::Negative) negatives.push_back(join);
        }
        entries_.release(entry, entry->key_count);
        entry = next;
    }
    fact->alpha_entries = nullptr;
    // First the matches that hold the fact go, then the negations it blocked look for
    // another blocker.
    while (fact->tokens != nullptr) delete_token(fact->tokens);
    std::sort(negatives.begin(), negatives.end(), std::greater<>());
    for (const NodeId negative : negatives) negative_right(negative, net_.node(negative), fact, false);
}

void Matcher::emit(NodeId id, Token* parent, Fact* fact, bool sub)
{
    const Node& node = net_.node(id);
    // A filter adds no position: test the parent's facts before making anything.
    if (node.kind == NodeKind::Filter && !tests_hold(node.compiled_tests, parent != nullptr ? parent->facts() : nullptr, nullptr)) return;
    Token* token = make_token(id, node.depth, parent, fact);
    link_token(token, parent, sub);
    NodeMemory& memory = node_memory(id);
    ++memory.tokens;
    switch (node.kind) {
    case NodeKind::Join: join_left(id, node, token); break;
    case NodeKind::Negative: negative_left(id, node, token); break;
    case NodeKind::Filter: emit_children(id, node, memory, token, nullptr, false); break;
    case NodeKind::Owner: owner_start(node, token); break;
    case NodeKind::Partner: result_added(node, token); break;
    case NodeKind::Terminal: listener_.match_added(token, node.rule); break;
    case NodeKind::Root: break;
    }
}

void Matcher::link_token(Token* token, Token* parent, bool sub)
{
    token->parent = parent;
    if (parent != nullptr) {
        Token*& head = sub ? parent->first_sub : parent->first_child;
        if (sub) token->flags |= token_sub;
        token->next_sibling = head;
        if (head != nullptr) head->prev_sibling = token;
        head = token;
    }
    if (token->fact != nullptr) {
        token->fact_next = token->fact->tokens;
        if (token->fact_next != nullptr) token->fact_next->fact_prev = token;
        token->fact->tokens = token;
    }
}

void Matcher::unlink_token(Token* token)
{
    if (token->parent != nullptr) {
        if (token->prev_sibling != nullptr) token->prev_sibling->next_sibling = token->next_sibling;
        else if ((token->flags & token_sub) != 0) token->parent->first_sub = token->next_sibling;
        else token->parent->first_child = token->next_sibling;
        if (token->next_sibling != nullptr) token->next_sibling->prev_sibling = token->prev_sibling;
    }
    if (token->fact != nullptr) {
        if (token->fact_prev != nullptr) token->fact_prev->fact_next = token->fact_next;
        else token->fact->tokens = token->fact_next;
        if (token->fact_next != nullptr) token->fact_next->fact_prev = token->fact_prev;
    }
}

void Matcher::delete_token(Token* token)
{
    token->flags |= token_dying;
    while (token->first_child != nullptr) delete_token(token->first_child);
    while (token->first_sub != nullptr) delete_token(token->first_sub);
    const Node& node = net_.node(token->node);
    NodeMemory& memory = node_memory(token->node);
    switch (node.kind) {
    case NodeKind::Join:
    case NodeKind::Negative:
        // A placeholder (matcher_unlinking.cpp) is held by a lazy join and has no children.
        if ((token->flags & token_placeholder) != 0) {
            delete_placeholder(token);
            return;
        }
        memory.left.remove(token);
        break;
    case NodeKind::Owner: release_owner(node, token); break;
    case NodeKind::Partner: result_removed(node, token); break;
    case NodeKind::Terminal: listener_.match_removed(token); break;
    default: break;
    }
    unlink_token(token);
    --memory.tokens;
    tokens_.release(token, token->depth);
}

void Matcher::delete_outputs(Token* owner)
{
    while (owner->first_child != nullptr) delete_token(owner->first_child);
}

}  // namespace koers::engine
