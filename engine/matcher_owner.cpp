// Owner nodes (not, exists, aggregates) and their partners. An owner runs its body below
// each token it holds; the partner at the end of the body reports each match of the body
// that comes or goes, and the owner passes its token on, or takes it back, when the
// condition changes.
#include <new>

#include "engine/matcher.hpp"

namespace koers::engine {

namespace {

Token* owner_of(const Node& partner, Token* result)
{
    Token* owner = result;
    while (owner->node != partner.owner) owner = owner->parent;
    return owner;
}

}  // namespace

void Matcher::owner_start(const Node& node, Token* owner)
{
    if (node.owner_kind == OwnerKind::Aggregate) owner->state.aggregate = new (aggregates_.allocate()) AggregateState{};
    else owner->state.count = 0;
    owner->flags |= token_starting;
    if (node.body_shares_token) join_left(node.body, net_.node(node.body), owner);
    else emit(node.body, owner, nullptr, true);
    owner->flags &= static_cast<std::uint8_t>(~token_starting);
    owner_update(node, owner);
}

// Brings the owner's outputs in line with its count or aggregate.
void Matcher::owner_update(const Node& node, Token* owner)
{
    switch (node.owner_kind) {
    case OwnerKind::Not:
    case OwnerKind::Exists: {
        const bool holds = (owner->state.count == 0) == (node.owner_kind == OwnerKind::Not);
        const bool open = owner->first_child != nullptr;
        if (holds && !open) emit_outputs(node, owner, nullptr);
        else if (!holds && open) delete_outputs(owner);
        break;
    }
    case OwnerKind::Aggregate: {
        AggregateState& state = *owner->state.aggregate;
        Value value;
        const bool has_value = aggregate_result(node, state, value);
        if (has_value && state.result != nullptr && state.result->slot(0).type() == value.type() &&
            state.result->slot(0) == value) {
            return;  // the same value: the match stands as it is
        }
        delete_outputs(owner);
        if (state.result != nullptr) release_result(state.result);
        state.result = has_value ? make_result(value) : nullptr;
        if (state.result != nullptr) emit_outputs(node, owner, state.result);
        break;
    }
    }
}

void Matcher::emit_outputs(const Node& node, Token* owner, Fact* result)
{
    if (!tests_hold(node.compiled_tests, owner->facts(), result)) return;
    emit_children(owner->node, node, node_memory(owner->node), owner, result, false);
}

void Matcher::result_added(const Node& partner, Token* result)
{
    Token* owner = owner_of(partner, result);
    const Node& node = net_.node(partner.owner);
    if (node.owner_kind == OwnerKind::Aggregate) aggregate_add(node, *owner->state.aggregate, result);
    else ++owner->state.count;
    if ((owner->flags & token_starting) == 0) owner_update(node, owner);
}

void Matcher::result_removed(const Node& partner, Token* result)
{
    Token* owner = owner_of(partner, result);
    if ((owner->flags & token_dying) != 0) return;
    const Node& node = net_.node(partner.owner);
    if (node.owner_kind == OwnerKind::Aggregate) aggregate_remove(node, *owner->state.aggregate, result);
    else --owner->state.count;
    if ((owner->flags & token_starting) == 0) owner_update(node, owner);
}

void Matcher::release_owner(const Node& node, Token* owner)
{
    if (node.body_shares_token) node_memory(node.body).left.remove(owner);
    if (node.owner_kind != OwnerKind::Aggregate) return;
    AggregateState* state = owner->state.aggregate;
    if (state->result != nullptr) release_result(state->result);
    aggregates_.release(state);
}

Fact* Matcher::make_result(const Value& value)
{
    auto* fact = new (results_.allocate()) Fact{};
    fact->slot_count = 1;
    fact->aggregate_result = true;
    new (fact->slots()) Value(value);
    return fact;
}

void Matcher::release_result(Fact* fact) { results_.release(fact); }

}  // namespace koers::engine
