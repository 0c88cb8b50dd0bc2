#include "engine/working_memory.hpp"

#include <algorithm>
#include <new>

namespace koers::engine {

std::uint64_t WorkingMemory::hash_of(TemplateId template_id, std::span<const Value> slots)
{
    std::uint64_t hash = 0x2545f4914f6cdd1dULL ^ template_id;
    for (const Value& value : slots) {
        hash = (hash ^ value.hash()) * 0x9e3779b97f4a7c15ULL;
        hash ^= hash >> 31U;
    }
    return hash;
}

Fact* WorkingMemory::find_equal(TemplateId template_id, std::span<const Value> slots, std::uint64_t hash) const
{
    if (buckets_.empty()) return nullptr;
    for (Fact* fact = buckets_[hash & (buckets_.size() - 1)]; fact != nullptr; fact = fact->duplicate_next) {
        if (fact->hash == hash && fact->template_id == template_id && fact->slot_count == slots.size() &&
            std::equal(slots.begin(), slots.end(), fact->slots())) {
            return fact;
        }
    }
    return nullptr;
}

Fact* WorkingMemory::create(TemplateId template_id, std::span<const Value> slots, std::uint64_t hash, FiringId origin)
{
    if (live_ + 1 > buckets_.size()) grow();
    auto* fact = new (pools_.allocate(slots.size())) Fact{};
    fact->id = facts_.size() + 1;
    fact->time_tag = next_time_tag_++;
    fact->template_id = template_id;
    fact->slot_count = static_cast<std::uint32_t>(slots.size());
    fact->origin = origin;
    fact->hash = hash;
    fact->live = true;
    std::uninitialized_copy(slots.begin(), slots.end(), fact->slots());
    Fact*& bucket = buckets_[hash & (buckets_.size() - 1)];
    fact->duplicate_next = bucket;
    bucket = fact;
    facts_.push_back(fact);
    ++live_;
    return fact;
}

void WorkingMemory::retract(Fact* fact)
{
    Fact** link = &buckets_[fact->hash & (buckets_.size() - 1)];
    while (*link != fact) link = &(*link)->duplicate_next;
    *link = fact->duplicate_next;
    fact->duplicate_next = nullptr;
    fact->live = false;
    --live_;
}

void WorkingMemory::relocate(const Relocation& relocation)
{
    pools_.relocate(relocation, [&](void* block, std::size_t) { engine::relocate(*static_cast<Fact*>(block), relocation); });
    for (Fact*& fact : facts_) fact = relocation(fact);
    for (Fact*& fact : buckets_) fact = relocation(fact);
}

void WorkingMemory::grow()
{
    std::vector<Fact*> buckets(std::max<std::size_t>(64, buckets_.size() * 2), nullptr);
    for (Fact* fact : buckets_) {
        while (fact != nullptr) {
            Fact* next = fact->duplicate_next;
            Fact*& bucket = buckets[fact->hash & (buckets.size() - 1)];
            fact->duplicate_next = bucket;
            bucket = fact;
            fact = next;
        }
    }
    buckets_.swap(buckets);
}

}  // namespace koers::engine
