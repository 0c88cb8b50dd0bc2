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

namespace {

// A slot or a constant, read as Evaluator::holds reads it; null when it is not there.
const Value* operand_value(const TestOperand& operand, Fact* const* facts, const Fact* self)
{
    const Fact* fact = nullptr;
    switch (operand.kind) {
    case TestOperand::Kind::Constant: return &operand.constant;
    case TestOperand::Kind::SelfSlot: fact = self; break;
    case TestOperand::Kind::TokenSlot: fact = facts != nullptr ? facts[operand.position] : nullptr; break;
    }
    return fact != nullptr && operand.slot < fact->slot_count ? &fact->slot(operand.slot) : nullptr;
}

// The answer of a direct test when the two values decide it without the evaluator:
// 1 holds, 0 does not, -1 ask the evaluator (the same shortcuts as Evaluator::holds).
int direct_answer(const CompiledTest& test, Fact* const* facts, const Fact* self)
{
    const Value* left = operand_value(test.left, facts, self);
    const Value* right = left != nullptr ? operand_value(test.right, facts, self) : nullptr;
    if (right == nullptr) return -1;
    switch (test.op) {
    case Operator::Eq: return *left == *right ? 1 : 0;
    case Operator::Ne: return *left == *right ? 0 : 1;
    default: break;
    }
    if (left->type() != ValueType::Int || right->type() != ValueType::Int) return -1;
    const std::int64_t a = left->as_int();
    const std::int64_t b = right->as_int();
    switch (test.op) {
    case Operator::Lt: return a < b ? 1 : 0;
    case Operator::Le: return a <= b ? 1 : 0;
    case Operator::Gt: return a > b ? 1 : 0;
    case Operator::Ge: return a >= b ? 1 : 0;
    default: return -1;
    }
}

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

bool Matcher::all_tests_hold(const std::vector<CompiledTest>& tests, Fact* const* facts, const Fact* self)
{
    for (const CompiledTest& test : tests) {
        const int answer = test.direct ? direct_answer(test, facts, self) : -1;
        if (answer == 1) continue;
        if (answer == 0) return false;
        EvalFrame frame;
        frame.token = facts;
        frame.self = self;
        if (!evaluator_.holds(test.test, frame)) return false;
    }
    return true;
}

bool Matcher::left_hash(const Node& node, Fact* const* facts, Values& values, std::uint64_t& hash)
{
    if (node.direct_keys) {
        hash = direct_left_hash(node, facts);
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
    NodeMemory& memory = node_memory(id);
    memory.left.push_front(token, hash, meter_);
    // A key that cannot be computed (an error, already kept) matches nothing.
    if (!keyed) return;
    const bool sub = token->node != id;
    const AlphaIndex& right = alpha_index(net_.alpha_memories()[node.alpha].first_index + node.right_key);
    const AlphaLink link{node.right_key};
    for (AlphaEntry* entry = right.bucket_head(hash); entry != nullptr; entry = link(entry).next) {
        if (link(entry).hash != hash) continue;
        Fact* fact = entry->fact;
        if (!keys_equal(node, facts, left, fact) || !tests_hold(node.compiled_tests, facts, fact)) continue;
        emit_children(id, node, memory, token, fact, sub);
    }
}

void Matcher::join_right(NodeId id, const Node& node, AlphaEntry* entry)
{
    Fact* fact = entry->fact;
    const std::uint64_t hash = right_hash(net_.alpha_memories()[node.alpha].keys[node.right_key], fact);
    Values left;
    NodeMemory& memory = node_memory(id);
    for (Token* token = memory.left.bucket_head(hash); token != nullptr; token = token->link.next) {
        if (token->link.hash != hash) continue;
        Fact* const* facts = token->facts();
        if (!node.direct_keys && !left_values(node, facts, left)) continue;
        if (!keys_equal(node, facts, left, fact) || !tests_hold(node.compiled_tests, facts, fact)) continue;
        emit_children(id, node, memory, token, fact, token->node != id);
    }
}

}  // namespace koers::engine
