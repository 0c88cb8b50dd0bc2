// The match state of a session: tokens (partial matches), alpha memory entries and
// aggregate states. All live in pools and are trivially destructible.
#pragma once

#include <cstdint>

#include "engine/fact.hpp"
#include "engine/hash_index.hpp"
#include "engine/network.hpp"

namespace koers::engine {

struct Activation;
struct AggregateState;

enum TokenFlag : std::uint8_t {
    token_sub = 1,       // hangs in its parent's `first_sub` list: part of an owner's body
    token_dying = 2,     // being deleted; owners that are dying ignore their body's changes
    token_starting = 4,  // an owner working out its first count; it passes nothing on yet
    // Stands for the tokens a run of unlinked children would hold (matcher_unlinking.cpp);
    // its node is the first of them.
    token_placeholder = 8,
};

// A partial match: the facts of positions 0..depth-1, held by the node it arrived at.
// Tokens form a tree: deleting a token deletes everything made from it.
struct Token {
    Token* parent = nullptr;
    Token* first_child = nullptr;  // tokens made from this one, passed on down the chain
    Token* first_sub = nullptr;    // tokens of an owner's body made from this one
    Token* next_sibling = nullptr;
    Token* prev_sibling = nullptr;
    Fact* fact = nullptr;  // the fact this token added, if any
    Token* fact_next = nullptr;  // other tokens that added the same fact
    Token* fact_prev = nullptr;
    // In the node's left index (joins), an aggregate's list of results, or the parent
    // node's list of placeholders.
    IndexLink<Token> link;
    union State {
        Activation* activation;       // terminal
        std::uint64_t count;          // not / exists of several conditions: the body's matches
        Fact* blocker;                // not / exists of one pattern: a fact that matches, if any
        AggregateState* aggregate;    // aggregate
        std::uint32_t last_child;     // placeholder: the index of the last child it stands for
    } state{};
    NodeId node = 0;
    std::uint16_t depth = 0;
    std::uint8_t flags = 0;

    [[nodiscard]] Fact** facts() { return reinterpret_cast<Fact**>(this + 1); }
    [[nodiscard]] Fact* const* facts() const { return reinterpret_cast<Fact* const*>(this + 1); }
};

static_assert(sizeof(Token) % alignof(Fact*) == 0);

// A fact in one alpha memory, linked into each of the memory's keyed indexes.
struct AlphaEntry {
    Fact* fact = nullptr;
    AlphaEntry* next_of_fact = nullptr;
    AlphaId memory = 0;
    std::uint32_t key_count = 0;

    [[nodiscard]] IndexLink<AlphaEntry>* links() { return reinterpret_cast<IndexLink<AlphaEntry>*>(this + 1); }
};

struct TokenLink {
    IndexLink<Token>& operator()(Token* token) const { return token->link; }
};

struct AlphaLink {
    std::uint32_t key = 0;
    IndexLink<AlphaEntry>& operator()(AlphaEntry* entry) const { return entry->links()[key]; }
};

using TokenIndex = HashIndex<Token, TokenLink, true>;
using AlphaIndex = HashIndex<AlphaEntry, AlphaLink>;

// What an aggregate owner knows about its body's matches; min and max are looked for
// again only when the extreme leaves.
struct AggregateState {
    std::uint64_t count = 0;   // matches of the body
    std::uint64_t valued = 0;  // matches whose value was taken in
    std::int64_t int_sum = 0;
    double real_sum = 0.0;
    std::uint64_t reals = 0;   // values taken in that are numbers rather than ints
    Value extreme;
    std::uint64_t extreme_count = 0;  // how many matches hold the extreme
    Token* first_result = nullptr;  // the body's matches in arrival order
    Token* last_result = nullptr;
    Fact* result = nullptr;  // the value the owner passes on, as a one-slot fact
};

}  // namespace koers::engine
