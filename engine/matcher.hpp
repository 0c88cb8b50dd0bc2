// The Rete network at run time for one session: node memories, propagation of facts
// that come and go, and the token tree. Activations and truth maintenance are the
// listener's business.
#pragma once

#include <cstdint>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "engine/evaluator.hpp"
#include "engine/network.hpp"
#include "engine/pool.hpp"
#include "engine/token.hpp"

namespace koers::engine {

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
    ~Matcher();

    // Hands the root's empty token to the first nodes.
    void start();
    void add_fact(Fact* fact);
    void remove_fact(Fact* fact);

    // Tokens held by a node now.
    [[nodiscard]] std::uint32_t tokens_at(NodeId id) const { return counts_[id]; }
    // Facts in an alpha memory, in arrival order.
    template <typename Visit>
    void for_each_alpha_fact(AlphaId alpha, Visit visit) const
    {
        right_[key_base_[alpha]].for_each([&](AlphaEntry* entry) { visit(static_cast<const Fact*>(entry->fact)); });
    }
    // Tokens waiting at a join.
    template <typename Visit>
    void for_each_join_token(NodeId join, Visit visit) const
    {
        left_[join].for_each([&](Token* token) { visit(static_cast<const Token*>(token)); });
    }

private:
    using Values = boost::container::small_vector<Value, 4>;

    void emit(NodeId id, Token* parent, Fact* fact, bool sub);
    void delete_token(Token* token);
    void delete_outputs(Token* owner);
    void link_token(Token* token, Token* parent, bool sub);
    void unlink_token(Token* token);

    // joins (matcher_join.cpp)
    void join_left(NodeId id, const Node& node, Token* token);
    void join_right(NodeId id, const Node& node, AlphaEntry* entry);
    bool left_values(const Node& node, Fact* const* facts, Values& out);
    // The hash of a token's key; false when a key cannot be computed.
    bool left_hash(const Node& node, Fact* const* facts, Values& values, std::uint64_t& hash);
    bool keys_equal(const Node& node, Fact* const* facts, const Values& values, const Fact* fact) const;
    std::uint64_t right_hash(const std::vector<SlotIndex>& slots, const Fact* fact) const;
    bool tests_hold(const std::vector<ExprRef>& tests, Fact* const* facts, const Fact* self);

    // not and exists of one pattern (matcher_negative.cpp)
    void negative_left(NodeId id, const Node& node, Token* token);
    void negative_right(NodeId id, const Node& node, Fact* fact, bool added);
    void negative_outputs(const Node& node, Token* token);

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
    std::vector<TokenIndex> left_;   // by node; used by joins
    std::vector<AlphaIndex> right_;  // by alpha memory and key
    std::vector<std::uint32_t> key_base_;  // first of an alpha memory's indexes in right_
    std::vector<std::uint32_t> counts_;  // tokens by node
    // Bumped when a fact leaves: tokens made since then never counted it.
    std::uint32_t generation_ = 0;
};

// Hash of a join key: the values in order, folded from key_seed.
inline constexpr std::uint64_t key_seed = 0x8f1bbcdcbfa53e0bULL;
inline std::uint64_t key_combine(std::uint64_t hash, const Value& value)
{
    hash = (hash ^ value.hash()) * 0x9e3779b97f4a7c15ULL;
    return hash ^ (hash >> 29U);
}
std::uint64_t key_hash(const Value* values, std::size_t count);

}  // namespace koers::engine
