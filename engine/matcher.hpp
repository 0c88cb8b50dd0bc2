// The Rete network at run time for one session: node memories, propagation of facts
// that come and go, and the token tree. Activations and truth maintenance are the
// listener's business.
#pragma once

#include <algorithm>
#include <cstdint>
#include <new>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "engine/evaluator.hpp"
#include "engine/network.hpp"
#include "engine/pool.hpp"
#include "engine/token.hpp"

namespace koers::engine {

// Hash of a join key: the values in order, folded from key_seed.
inline constexpr std::uint64_t key_seed = 0x8f1bbcdcbfa53e0bULL;
inline std::uint64_t key_combine(std::uint64_t hash, const Value& value)
{
    hash = (hash ^ value.hash()) * 0x9e3779b97f4a7c15ULL;
    return hash ^ (hash >> 29U);
}
std::uint64_t key_hash(const Value* values, std::size_t count);

class MatchListener {
public:
    // A complete match of `rule` arrived: make an activation and keep it in the token.
    virtual void match_added(Token* token, RuleId rule) = 0;
    // A complete match goes away.
    virtual void match_removed(Token* token) = 0;

protected:
    ~MatchListener() = default;
};

class Matcher {
public:
    Matcher(const Network& network, Evaluator& evaluator, MemoryMeter& meter, MatchListener& listener);
    Matcher(const Matcher&) = delete;
    Matcher& operator=(const Matcher&) = delete;
    // A copy of `source` for a copied session (matcher_copy.cpp); `relocate` finishes it
    // once every pool of the copy is made.
    Matcher(const Matcher& source, Evaluator& evaluator, MemoryMeter& meter, MatchListener& listener,
            Relocation& relocation);
    void relocate(const Matcher& source, const Relocation& relocation);
    // The room its pools take in a copy, in units of max_align_t.
    [[nodiscard]] std::size_t pool_units() const
    {
        return tokens_.units() + entries_.units() + aggregates_.units() + results_.units();
    }
    ~Matcher();

    // Hands the root's empty token to the first nodes.
    void start();
    void add_fact(Fact* fact);
    void remove_fact(Fact* fact);

    // Tokens held by a node now (an unlinked node counts those it would hold).
    [[nodiscard]] std::uint32_t tokens_at(NodeId id) const;
    // Facts in an alpha memory, in arrival order.
    template <typename Visit>
    void for_each_alpha_fact(AlphaId alpha, Visit visit) const
    {
        const AlphaIndex* index = find_alpha_index(net_.alpha_memories()[alpha].first_index);
        if (index != nullptr) index->for_each([&](AlphaEntry* entry) { visit(static_cast<const Fact*>(entry->fact)); });
    }
    // Tokens waiting at a join, in the order of its left memory (for an unlinked join, the
    // placeholders that stand for them, in the order its left memory would have them).
    template <typename Visit>
    void for_each_join_token(NodeId join, Visit visit) const
    {
        if (unlinked(join)) {
            for (const Token* placeholder : placeholders_in_join_order(join)) visit(placeholder);
            return;
        }
        const NodeMemory* memory = find_node_memory(join);
        if (memory != nullptr) memory->left.for_each([&](Token* token) { visit(static_cast<const Token*>(token)); });
    }

private:
    using Values = boost::container::small_vector<Value, 4>;

    // What a session keeps per node: its tokens (indexed for joins and negatives) and
    // their count; for left unlinking (matcher_unlinking.cpp), whether a lazy node gets
    // tokens yet, and for a node with lazy children, what stands for their tokens.
    struct NodeMemory {
        explicit NodeMemory(bool keyed) : left(keyed, TokenLink{}) {}
        // In a copied session (matcher_copy.cpp).
        NodeMemory(const NodeMemory& source, const Relocation& relocation)
            : left(source.left, relocation), tokens(source.tokens), linked(source.linked),
              unlinked_children(source.unlinked_children), placeholders(relocation(source.placeholders)),
              first_lazy_placeholders(source.first_lazy_placeholders), peak_passes(source.peak_passes),
              linked_children(source.linked_children)
        {
        }
        TokenIndex left;
        std::uint32_t tokens = 0;
        bool linked = false;  // a lazy node whose alpha memory has had a fact
        bool unlinked_children = false;  // some of the node's lazy children are not linked yet
        Token* placeholders = nullptr;  // newest first, through Token::link
        std::uint32_t first_lazy_placeholders = 0;  // that stand for tokens of the first lazy child
        std::uint32_t peak_passes = 0;  // the most passes that stood at once while a child was unlinked
        std::vector<std::uint32_t> linked_children;  // indexes into the node's children, ascending
    };
    // Node memories and alpha indexes are made a chunk at a time, on first use, so that
    // a session that touches a few rules of a large ruleset pays for those only.
    static constexpr std::uint32_t chunk_size = 64;

    NodeMemory& node_memory(NodeId id)
    {
        std::vector<NodeMemory>& chunk = node_chunks_[id / chunk_size];
        if (chunk.empty()) make_node_chunk(id / chunk_size);
        return chunk[id % chunk_size];
    }
    // By AlphaMemory::first_index plus the key.
    AlphaIndex& alpha_index(std::uint32_t index)
    {
        std::vector<AlphaIndex>& chunk = alpha_chunks_[index / chunk_size];
        if (chunk.empty()) make_alpha_chunk(index / chunk_size);
        return chunk[index % chunk_size];
    }
    [[nodiscard]] const NodeMemory* find_node_memory(NodeId id) const
    {
        const std::vector<NodeMemory>& chunk = node_chunks_[id / chunk_size];
        return chunk.empty() ? nullptr : &chunk[id % chunk_size];
    }
    [[nodiscard]] const AlphaIndex* find_alpha_index(std::uint32_t index) const
    {
        const std::vector<AlphaIndex>& chunk = alpha_chunks_[index / chunk_size];
        return chunk.empty() ? nullptr : &chunk[index % chunk_size];
    }
    void make_node_chunk(std::uint32_t chunk);
    void make_alpha_chunk(std::uint32_t chunk);
    void relocate(Token& token, const Relocation& relocation) const;

    void emit(NodeId id, Token* parent, Fact* fact, bool sub);
    // A token of `depth` positions for node `id`: the parent's facts, then `fact`; not
    // linked yet.
    Token* make_token(NodeId id, std::uint32_t depth, Token* parent, Fact* fact)
    {
        auto* token = new (tokens_.allocate(depth)) Token{};
        token->node = id;
        token->depth = static_cast<std::uint16_t>(depth);
        token->fact = fact;
        const std::uint32_t parent_depth = parent != nullptr ? parent->depth : 0;
        if (parent_depth > 0) std::copy_n(parent->facts(), parent_depth, token->facts());
        if (depth > parent_depth) token->facts()[parent_depth] = fact;
        return token;
    }
    void delete_token(Token* token);
    void delete_outputs(Token* owner);
    void link_token(Token* token, Token* parent, bool sub);
    void unlink_token(Token* token);

    // joins (matcher_join.cpp)
    void join_left(NodeId id, const Node& node, Token* token);
    void join_right(NodeId id, const Node& node, AlphaEntry* entry);
    bool left_values(const Node& node, Fact* const* facts, Values& out);
    // The hash of a token's key when every key reads a slot of the token.
    static std::uint64_t direct_left_hash(const Node& node, Fact* const* facts)
    {
        std::uint64_t hash = key_seed;
        for (const JoinKey& key : node.keys) hash = key_combine(hash, facts[key.position]->slot(key.slot));
        return hash;
    }
    // The hash of a token's key; false when a key cannot be computed.
    bool left_hash(const Node& node, Fact* const* facts, Values& values, std::uint64_t& hash);
    bool keys_equal(const Node& node, Fact* const* facts, const Values& values, const Fact* fact) const;
    std::uint64_t right_hash(const std::vector<SlotIndex>& slots, const Fact* fact) const;
    // Most nodes have no tests: that is answered without a call.
    bool tests_hold(const std::vector<CompiledTest>& tests, Fact* const* facts, const Fact* self)
    {
        return tests.empty() || all_tests_hold(tests, facts, self);
    }
    bool all_tests_hold(const std::vector<CompiledTest>& tests, Fact* const* facts, const Fact* self);

    // not and exists of one pattern (matcher_negative.cpp)
    // The first fact of the node's alpha memory that matches a token; null if none does.
    Fact* find_blocker(const Node& node, Fact* const* facts, const Values& left, std::uint64_t hash);
    void negative_left(NodeId id, const Node& node, Token* token);
    void negative_right(NodeId id, const Node& node, Fact* fact, bool added);
    void negative_outputs(const Node& node, NodeMemory& memory, Token* token);

    // left unlinking (matcher_unlinking.cpp)
    // Hands a token to each of a node's children: a placeholder for each run of
    // unlinked ones. `memory` is the node's, which the callers have at hand.
    void emit_children(NodeId id, const Node& node, NodeMemory& memory, Token* parent, Fact* fact, bool sub)
    {
        if (memory.unlinked_children) {
            emit_to_unlinked_children(id, node, memory, parent, fact, sub);
            return;
        }
        for (const NodeId child : node.children) emit(child, parent, fact, sub);
    }
    void emit_to_unlinked_children(NodeId id, const Node& node, NodeMemory& memory, Token* parent, Fact* fact, bool sub);
    Token* make_placeholder(NodeId id, Token* parent, Fact* fact, std::uint32_t first, std::uint32_t last);
    void delete_placeholder(Token* placeholder);
    void drop_placeholder(NodeMemory& memory, Token* placeholder);
    // A lazy node's alpha memory got a fact: from now on it gets its tokens, beginning
    // with those its placeholders stood for.
    void link_node(NodeId id, const Node& node);
    void realise(NodeId id, const Node& node, NodeMemory& memory, NodeMemory& parent, Token* placeholder);
    [[nodiscard]] bool unlinked(NodeId id) const;
    [[nodiscard]] std::uint32_t passes(const Node& node, const NodeMemory& memory) const;
    [[nodiscard]] std::vector<const Token*> placeholders_in_join_order(NodeId id) const;

    // not, exists and aggregates (matcher_owner.cpp)
    void owner_start(const Node& node, Token* owner);
    void owner_update(const Node& node, Token* owner);
    void emit_outputs(const Node& node, Token* owner, Fact* result);
    void result_added(const Node& partner, Token* result);
    void result_removed(const Node& partner, Token* result);
    void release_owner(const Node& node, Token* owner);

    // aggregates (matcher_aggregate.cpp)
    void aggregate_add(const Node& node, AggregateState& state, Token* result);
    void aggregate_remove(const Node& node, AggregateState& state, Token* result);
    bool aggregate_value(const Node& node, Token* result, Value& out);
    bool take_in(const Node& node, AggregateState& state, const Value& value);
    void recount(const Node& node, AggregateState& state);
    bool aggregate_result(const Node& node, const AggregateState& state, Value& out);
    Fact* make_result(const Value& value);
    void release_result(Fact* fact);

    const Network& net_;
    Evaluator& evaluator_;
    MemoryMeter& meter_;
    MatchListener& listener_;
    SizedPools tokens_;
    SizedPools entries_;
    BlockPool aggregates_;
    BlockPool results_;
    std::vector<std::vector<NodeMemory>> node_chunks_;  // empty until used
    std::vector<std::vector<AlphaIndex>> alpha_chunks_;
};

}  // namespace koers::engine
