// An intrusive hash index: items carry their own links, so indexing allocates nothing per
// item. Items with equal keys share a bucket; each bucket keeps its items in a fixed
// order (newest first or oldest first, chosen per insertion), which keeps matching
// deterministic. An index without keys keeps all items in one bucket.
#pragma once

#include <cstdint>
#include <type_traits>
#include <vector>

#include "engine/pool.hpp"

namespace koers::engine {

template <typename Item>
struct IndexLink {
    Item* next = nullptr;
    Item* prev = nullptr;
    std::uint64_t hash = 0;
};

// LinkOf maps an item to the IndexLink this index uses: `IndexLink<Item>& operator()(Item*)`.
// An index that only adds at the front keeps no tails and two items per bucket: its
// bucket array is a quarter of the size, which keeps it in cache (adding a token to a
// left memory is the most frequent thing a network does).
template <typename Item, typename LinkOf, bool FrontOnly = false>
class HashIndex {
public:
    HashIndex(bool hashed, LinkOf link_of) : hashed_(hashed), link_of_(link_of) {}
    HashIndex(HashIndex&&) noexcept = default;
    HashIndex& operator=(HashIndex&&) noexcept = default;
    HashIndex(const HashIndex&) = delete;
    HashIndex& operator=(const HashIndex&) = delete;
    // A copy of `source` for a copied session (see relocation.hpp): its buckets point to
    // the copies of the source's items, whose own links their owner relocates.
    HashIndex(const HashIndex& source, const Relocation& relocation)
        : hashed_(source.hashed_), link_of_(source.link_of_), buckets_(source.buckets_), size_(source.size_)
    {
        for (Bucket& bucket : buckets_) {
            bucket.head = relocation(bucket.head);
            if constexpr (!FrontOnly) bucket.tail = relocation(bucket.tail);
        }
    }

    void push_front(Item* item, std::uint64_t hash, MemoryMeter& meter)
    {
        grow_if_full(meter);
        IndexLink<Item>& link = link_of_(item);
        link.hash = hash;
        Bucket& bucket = bucket_of(hash);
        link.prev = nullptr;
        link.next = bucket.head;
        if (bucket.head != nullptr) link_of_(bucket.head).prev = item;
        else bucket.set_tail(item);
        bucket.head = item;
        ++size_;
    }

    void push_back(Item* item, std::uint64_t hash, MemoryMeter& meter)
    {
        static_assert(!FrontOnly, "this index only adds at the front");
        grow_if_full(meter);
        append(item, hash);
        ++size_;
    }

    void remove(Item* item)
    {
        IndexLink<Item>& link = link_of_(item);
        Bucket& bucket = bucket_of(link.hash);
        if (link.prev != nullptr) link_of_(link.prev).next = link.next;
        else bucket.head = link.next;
        if (link.next != nullptr) link_of_(link.next).prev = link.prev;
        else bucket.set_tail(link.prev);
        link.next = link.prev = nullptr;
        --size_;
    }

    // The first item of the bucket that holds `hash`; follow `next` and compare the
    // stored hash, since a bucket also holds items of other hashes.
    [[nodiscard]] Item* bucket_head(std::uint64_t hash) const
    {
        if (buckets_.empty()) return nullptr;
        return buckets_[hashed_ ? (hash & (buckets_.size() - 1)) : 0].head;
    }

    [[nodiscard]] std::size_t size() const { return size_; }

    // The buckets an index has once it has held `items` items at a time: they are never
    // given back, and the order `for_each` visits items in depends on how many there are.
    [[nodiscard]] static std::size_t bucket_count(bool hashed, std::size_t items)
    {
        if (items == 0) return 0;
        if (!hashed) return 1;
        std::size_t count = first_buckets;
        while (items > load * count) count *= 2;
        return count;
    }

    // An empty index takes the buckets it would have after holding `items` items, so that
    // items added now land where they would have been.
    void grow_for(std::size_t items, MemoryMeter& meter)
    {
        if (!buckets_.empty() || items == 0) return;
        buckets_.resize(bucket_count(hashed_, items));
        meter.add(buckets_.size() * sizeof(Bucket));
    }

    // Every item, bucket by bucket.
    template <typename Visit>
    void for_each(Visit visit) const
    {
        for (const Bucket& bucket : buckets_) {
            for (Item* item = bucket.head; item != nullptr; item = link_of_(item).next) visit(item);
        }
    }

    void release(MemoryMeter& meter)
    {
        meter.remove(buckets_.size() * sizeof(Bucket));
        buckets_ = {};
        size_ = 0;
    }

private:
    struct TailedBucket {
        Item* head = nullptr;
        Item* tail = nullptr;
        void set_tail(Item* item) { tail = item; }
    };
    struct FrontBucket {
        Item* head = nullptr;
        void set_tail(Item*) {}
    };
    using Bucket = std::conditional_t<FrontOnly, FrontBucket, TailedBucket>;
    static constexpr std::size_t load = FrontOnly ? 2 : 1;  // items per bucket before it grows
    static constexpr std::size_t first_buckets = 8;

    Bucket& bucket_of(std::uint64_t hash) { return buckets_[hashed_ ? (hash & (buckets_.size() - 1)) : 0]; }

    void prepend(Item* item, std::uint64_t hash)
    {
        IndexLink<Item>& link = link_of_(item);
        Bucket& bucket = bucket_of(hash);
        link.prev = nullptr;
        link.next = bucket.head;
        if (bucket.head != nullptr) link_of_(bucket.head).prev = item;
        bucket.head = item;
    }

    void append(Item* item, std::uint64_t hash)
    {
        IndexLink<Item>& link = link_of_(item);
        link.hash = hash;
        Bucket& bucket = bucket_of(hash);
        link.next = nullptr;
        link.prev = bucket.tail;
        if (bucket.tail != nullptr) link_of_(bucket.tail).next = item;
        else bucket.head = item;
        bucket.tail = item;
    }

    void grow_if_full(MemoryMeter& meter)
    {
        if (buckets_.empty()) {
            const std::size_t count = hashed_ ? first_buckets : 1;
            buckets_.resize(count);
            meter.add(count * sizeof(Bucket));
            return;
        }
        if (!hashed_ || size_ < load * buckets_.size()) return;
        std::vector<Bucket> old(buckets_.size() * 2);
        old.swap(buckets_);
        meter.add(old.size() * sizeof(Bucket));
        // Bucket by bucket, front to back: items that share a new bucket all come from
        // one old bucket, so their order is kept.
        for (const Bucket& bucket : old) {
            Item* item = bucket.head;
            if constexpr (FrontOnly) {
                // Back to front, so that adding at the front keeps the order.
                while (item != nullptr && link_of_(item).next != nullptr) item = link_of_(item).next;
                while (item != nullptr) {
                    Item* prev = link_of_(item).prev;
                    prepend(item, link_of_(item).hash);
                    item = prev;
                }
            } else {
                while (item != nullptr) {
                    Item* next = link_of_(item).next;
                    append(item, link_of_(item).hash);
                    item = next;
                }
            }
        }
    }

    bool hashed_;
    LinkOf link_of_;
    std::vector<Bucket> buckets_;
    std::size_t size_ = 0;
};

}  // namespace koers::engine
