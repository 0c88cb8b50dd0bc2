// Working memory: facts by id, with time tags, and a hash table to find a fact equal to
// one being asserted. Retracted facts stay (not live) until the session is reset, so
// that explanations can still name them.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "engine/fact.hpp"
#include "engine/pool.hpp"

namespace koers::engine {

class WorkingMemory {
public:
    explicit WorkingMemory(MemoryMeter& meter) : pools_(sizeof(Fact), sizeof(Value), meter) {}
    // A copy for a copied session; call `relocate` once every pool of the copy is made.
    WorkingMemory(const WorkingMemory& source, MemoryMeter& meter, Relocation& relocation)
        : pools_(source.pools_, meter, relocation), facts_(source.facts_), buckets_(source.buckets_), live_(source.live_),
          next_time_tag_(source.next_time_tag_)
    {
    }
    void relocate(const Relocation& relocation);
    [[nodiscard]] std::size_t pool_units() const { return pools_.units(); }

    static std::uint64_t hash_of(TemplateId template_id, std::span<const Value> slots);
    // The live fact of that template with those slots, if there is one.
    [[nodiscard]] Fact* find_equal(TemplateId template_id, std::span<const Value> slots, std::uint64_t hash) const;
    // A new live fact with the next id and time tag.
    Fact* create(TemplateId template_id, std::span<const Value> slots, std::uint64_t hash, FiringId origin);
    void retract(Fact* fact);

    // Any fact asserted since the last reset, live or not; null for an unknown id.
    [[nodiscard]] Fact* find(FactId id) const { return id >= 1 && id <= facts_.size() ? facts_[id - 1] : nullptr; }
    [[nodiscard]] std::size_t live_count() const { return live_; }
    [[nodiscard]] const std::vector<Fact*>& all() const { return facts_; }

private:
    void grow();

    SizedPools pools_;
    std::vector<Fact*> facts_;  // by id - 1
    std::vector<Fact*> buckets_;  // live facts by hash, chained through duplicate_next
    std::size_t live_ = 0;
    std::uint64_t next_time_tag_ = 1;
};

}  // namespace koers::engine
