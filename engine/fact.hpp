// A fact in working memory: a header followed by its slot values in the same block.
#pragma once

#include <cstdint>
#include <span>

#include "engine/relocation.hpp"
#include "engine/ruleset.hpp"

namespace koers::engine {

using FactId = std::uint64_t;  // 0 is no fact
using FiringId = std::uint64_t;  // 1-based number of a firing in the session; 0 is none

struct Token;
struct AlphaEntry;
struct Support;

struct Fact {
    FactId id = 0;
    std::uint64_t time_tag = 0;  // recency for the agenda; 0 for aggregate results
    TemplateId template_id = 0;
    std::uint32_t slot_count = 0;
    FiringId origin = 0;  // the firing that asserted it; 0 when asserted from outside
    std::uint64_t hash = 0;  // of template and slots, to find duplicates
    Fact* duplicate_next = nullptr;
    Token* tokens = nullptr;  // tokens whose newest position holds this fact
    AlphaEntry* alpha_entries = nullptr;
    Support* supports = nullptr;  // logical supports (truth maintenance)
    bool live = false;
    bool unconditional = false;  // asserted without logical support
    bool aggregate_result = false;  // not in working memory: an aggregate's value

    [[nodiscard]] Value* slots() { return reinterpret_cast<Value*>(this + 1); }
    [[nodiscard]] const Value* slots() const { return reinterpret_cast<const Value*>(this + 1); }
    [[nodiscard]] const Value& slot(SlotIndex i) const { return slots()[i]; }
    [[nodiscard]] std::span<const Value> values() const { return {slots(), slot_count}; }
};

static_assert(sizeof(Fact) % alignof(Value) == 0);

// Moves the fact's pointers into a copied session (slot values hold no pointers).
inline void relocate(Fact& fact, const Relocation& relocation)
{
    fact.duplicate_next = relocation(fact.duplicate_next);
    fact.tokens = relocation(fact.tokens);
    fact.alpha_entries = relocation(fact.alpha_entries);
    fact.supports = relocation(fact.supports);
}

}  // namespace koers::engine
