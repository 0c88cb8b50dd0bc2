// Copying a session's match state: every pooled object is copied byte for byte, chunk by
// chunk, and then each pointer it holds is moved from the source's chunks to the same
// place in the copy. Copying the state of a session that has asserted its ruleset's
// initial facts costs a fraction of asserting them again (see Network::initial_state).
#pragma once

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace koers::engine {

class Relocation {
public:
    // With `spare_chunks`, each pool of the copy gets room for the chunk it would grow by.
    explicit Relocation(bool spare_chunks = true) : spare_chunks_(spare_chunks) {}
    [[nodiscard]] bool spare_chunks() const { return spare_chunks_; }

    // Room for all the copied chunks, `units` of max_align_t: one allocation instead of
    // one per chunk. The caller keeps it for as long as the copy lives.
    std::unique_ptr<std::max_align_t[]> make_room(std::size_t units)
    {
        auto room = std::make_unique_for_overwrite<std::max_align_t[]>(units);
        next_ = room.get();
        end_ = next_ + units;
        return room;
    }
    // The next `units` of the room.
    std::max_align_t* room(std::size_t units)
    {
        assert(next_ + units <= end_ && "the room made for a copy is too small");
        std::max_align_t* taken = next_;
        next_ += units;
        return taken;
    }

    // `bytes` at `source` were copied to `copy`.
    void add(const void* source, std::size_t bytes, void* copy)
    {
        const auto begin = reinterpret_cast<std::uintptr_t>(source);
        ranges_.push_back(Range{begin, begin + bytes, reinterpret_cast<std::uintptr_t>(copy) - begin});
    }
    // Called once every range is added, before the first lookup.
    void seal()
    {
        std::sort(ranges_.begin(), ranges_.end(), [](const Range& a, const Range& b) { return a.begin < b.begin; });
        // Chunks that lie in one piece of memory in the source and in the copy (a copy of
        // a copy) move by the same distance: one range serves them all, and the lookup
        // seldom leaves it. Nothing points into the padding between them.
        std::vector<Range> merged;
        for (const Range& range : ranges_) {
            if (!merged.empty() && merged.back().delta == range.delta) merged.back().end = range.end;
            else merged.push_back(range);
        }
        ranges_ = std::move(merged);
    }

    // The copy's pointer for a pointer into the source; null stays null.
    template <typename T>
    T* operator()(T* pointer) const
    {
        if (pointer == nullptr) return nullptr;
        const auto address = reinterpret_cast<std::uintptr_t>(pointer);
        // Pointers come in runs into the same chunk: try the last one first.
        if (last_ == nullptr || address < last_->begin || address >= last_->end) last_ = find(address);
        return reinterpret_cast<T*>(address + last_->delta);
    }

private:
    struct Range {
        std::uintptr_t begin = 0;
        std::uintptr_t end = 0;
        std::uintptr_t delta = 0;  // added modulo 2^N, so a copy below its source works too
    };

    [[nodiscard]] const Range* find(std::uintptr_t address) const
    {
        auto after = std::upper_bound(ranges_.begin(), ranges_.end(), address,
                                      [](std::uintptr_t a, const Range& range) { return a < range.begin; });
        assert(after != ranges_.begin() && address < std::prev(after)->end && "a pointer outside the copied chunks");
        return &*std::prev(after);
    }

    std::vector<Range> ranges_;
    bool spare_chunks_ = true;
    mutable const Range* last_ = nullptr;
    std::max_align_t* next_ = nullptr;
    std::max_align_t* end_ = nullptr;
};

}  // namespace koers::engine
