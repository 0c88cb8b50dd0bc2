// Truth maintenance, as CLIPS's logical support: a fact asserted logically is supported by
// the match (activation) of the firing that asserted it, and by any other match that
// asserts it again; when its last support goes, the fact is retracted. Asserting the fact
// without logical support makes it unconditional: its logical supports are dropped and it
// stays. A fact that is already unconditional gains no logical support. Advice is
// supported the same way, by the match of the firing that gave it.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/agenda.hpp"
#include "engine/fact.hpp"
#include "engine/pool.hpp"

namespace koers::engine {

using AdviceId = std::uint64_t;  // 1-based

// One support: links an activation to a fact (or a piece of advice) it supports.
struct Support {
    Activation* activation = nullptr;
    Support* next_of_activation = nullptr;
    Support* prev_of_activation = nullptr;
    Fact* fact = nullptr;  // null when it supports advice
    Support* next_of_fact = nullptr;
    Support* prev_of_fact = nullptr;
    AdviceId advice = 0;
};

class TruthMaintenance {
public:
    explicit TruthMaintenance(MemoryMeter& meter) : supports_(sizeof(Support), meter) {}
    // A copy for a copied session; `relocate` finishes it (relocation.hpp).
    TruthMaintenance(const TruthMaintenance& source, MemoryMeter& meter, Relocation& relocation)
        : supports_(source.supports_, meter, relocation)
    {
    }
    void relocate(const Relocation& relocation);
    [[nodiscard]] std::size_t pool_units() const { return supports_.units(); }

    void support(Activation* activation, Fact* fact);
    void support(Activation* activation, AdviceId advice);
    // Drops the fact's logical supports (it became unconditional, or it was retracted).
    void drop_supports(Fact* fact);
    // The activation's match went: drops what it supports; facts left without support are
    // added to `unsupported`, advice to `withdrawn`.
    void withdraw(Activation* activation, std::vector<Fact*>& unsupported, std::vector<AdviceId>& withdrawn);

private:
    Support* make(Activation* activation);
    void unlink_from_activation(Support* support);

    BlockPool supports_;
};

}  // namespace koers::engine
