// Join nodes: a token meets the facts of an alpha memory. Both sides are hashed on the
// join's equalities, so each side only looks at the other side's bucket of equal keys.
// Left memories list the newest token first and alpha memories the oldest fact first,
// as CLIPS does, which fixes the order of activations made by one change.
#include "engine/matcher.hpp"

namespace koers::engine {

std::uint64_t key_hash(const Value* values, std::size_t count)
{
    std::uint64_t hash = key_seed;
    for (std::size_t i = 0; i < count; ++i) hash = key_combine(hash, values[i]);
    return hash;
}

std::uint64_t Matcher::right_hash(const std::vector<SlotIndex>& slots, const Fact* fact) const
{
    std::uint64_t hash = key_seed;
    for (const SlotIndex slot : slots) hash = key_combine(hash, fact->slot(slot));
    return hash;
}

bool Matcher::left_values(const Node& node, Fact* const* facts, Values& out)
{
    out.resize(node.keys.size());
    EvalFrame frame;
    frame.token = facts;
    for (std::size_t i = 0; i < node.keys.size(); ++i) {
        const JoinKey& key = node.keys[i];
        if (key.direct) out[i] = facts[key.position]->slot(key.slot);
        else if (!evaluator_.evaluate(key.left, frame, out[i])) return false;
    }
    return true;
}

bool Matcher::tests_hold(const std::vector<ExprRef>& tests, Fact* const* facts, const Fact* self)
{
    if (tests.empty()) return true;
    EvalFrame frame;
    frame.token = facts;
    frame.self = self;
    for (const ExprRef test : tests) {
        if (!evaluator_.holds(test, frame)) return false;
    }
    return true;
}

namespace {

// The token's key values equal the fact's key slots; for keys that read token slots.
bool direct_keys_equal(const Node& node, Fact* const* facts, const Fact* fact)
{
    for (const JoinKey& key : node.keys) {
        if (!(facts[key.position]->slot(key.slot) == fact->slot(key.right_slot))) return false;
    }
    return true;
}

bool values_equal(const Node& node, const boost::container::small_vector<Value, 4>& values, const Fact* fact)
{
    for (std::size_t i = 0; i < node.keys.size(); ++i) {
        if (!(values[i] == fact->slot(node.keys[i].right_slot))) return false;
    }
    return true;
}

}  // namespace

bool Matcher::left_hash(const Node& node, Fact* const* facts, Values& values, std::uint64_t& hash)
{
    if (node.direct_keys) {
        hash = key_seed;
        for (const JoinKey& key : node.keys) hash = key_combine(hash, facts[key.position]->slot(key.slot));
        return true;
    }
    const bool keyed = left_values(node, facts, values);
    hash = keyed ? key_hash(values.data(), values.size()) : 0;
    return keyed;
}

bool Matcher::keys_equal(const Node& node, Fact* const* facts, const Values& values, const Fact* fact) const
{
    return node.direct_keys ? direct_keys_equal(node, facts, fact) : values_equal(node, values, fact);
}

void Matcher::join_left(NodeId id, const Node& node, Token* token)
{
    Fact* const* facts = token->facts();
    Values left;
    std::uint64_t hash = 0;
    const bool keyed = left_hash(node, facts, left, hash);
    left_[id].push_front(token, hash, meter_);
    // A key that cannot be computed (an error, already kept) matches nothing.
    if (!keyed) return;
    const bool sub = token->node != id;
    const AlphaIndex& right = right_[key_base_[node.alpha] + node.right_key];
    const AlphaLink link{node.right_key};
    for (AlphaEntry* entry = right.bucket_head(hash); entry != nullptr; entry = link(entry).next) {
        if (link(entry).hash != hash) continue;
        Fact* fact = entry->fact;
        if (!keys_equal(node, facts, left, fact) || !tests_hold(node.tests, facts, fact)) continue;
        for (const NodeId child : node.children) emit(child, token, fact, sub);
    }
}

void Matcher::join_right(NodeId id, const Node& node, AlphaEntry* entry)
{
    Fact* fact = entry->fact;
    const std::uint64_t hash = right_hash(net_.alpha_memories()[node.alpha].keys[node.right_key], fact);
    Values left;
    for (Token* token = left_[id].bucket_head(hash); token != nullptr; token = token->link.next) {
        if (token->link.hash != hash) continue;
        Fact* const* facts = token->facts();
        if (!node.direct_keys && !left_values(node, facts, left)) continue;
        if (!keys_equal(node, facts, left, fact) || !tests_hold(node.tests, facts, fact)) continue;
        const bool sub = token->node != id;
        for (const NodeId child : node.children) emit(child, token, fact, sub);
    }
}

}  // namespace koers::engine
