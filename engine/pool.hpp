// Fixed-size block pools for the match state (tokens, alpha entries, activations, facts):
// blocks come from large chunks and go back to a free list, so the hot path does no heap
// allocation once the pool has grown, and everything is released at once with the pool.
// Only trivially destructible objects with an alignment of at most 8 live in pools.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include "engine/relocation.hpp"

namespace koers::engine {

// Bytes held for the match state, now and at most, for the run statistics.
class MemoryMeter {
public:
    void add(std::size_t bytes)
    {
        current_ += bytes;
        if (current_ > peak_) peak_ = current_;
    }
    void remove(std::size_t bytes) { current_ -= bytes; }
    [[nodiscard]] std::size_t current() const { return current_; }
    [[nodiscard]] std::size_t peak() const { return peak_; }

private:
    std::size_t current_ = 0;
    std::size_t peak_ = 0;
};

class BlockPool {
public:
    BlockPool(std::size_t block_size, MemoryMeter& meter)
        : block_size_(round_up(block_size < sizeof(FreeBlock) ? sizeof(FreeBlock) : block_size)), meter_(&meter)
    {
    }
    BlockPool(BlockPool&& other) noexcept
        : block_size_(other.block_size_), meter_(other.meter_), free_(other.free_), held_(other.held_),
          chunks_(std::move(other.chunks_)), spare_(other.spare_)
    {
        other.free_ = nullptr;
        other.held_ = 0;
        other.spare_ = nullptr;
    }
    // A copy of `source`, chunk for chunk and byte for byte, in the room the relocation
    // holds, counted in `meter` (a copy of the source's meter, which counts these bytes
    // already). Its blocks point into the source until `relocate` is called.
    BlockPool(const BlockPool& source, MemoryMeter& meter, Relocation& relocation)
        : block_size_(source.block_size_), meter_(&meter), free_(source.free_), held_(source.held_)
    {
        chunks_.reserve(source.chunks_.size() + 1);
        for (const Chunk& chunk : source.chunks_) {
            const std::size_t bytes = chunk.blocks * block_size_;
            auto* copy = reinterpret_cast<char*>(relocation.room(units_for(bytes)));
            std::memcpy(copy, chunk.memory, bytes);
            relocation.add(chunk.memory, bytes, copy);
            chunks_.push_back(Chunk{nullptr, copy, chunk.blocks});
        }
        // A copy usually goes on to grow: its next chunk waits in the room too.
        if (relocation.spare_chunks()) {
            spare_ = reinterpret_cast<char*>(relocation.room(units_for(next_chunk_blocks() * block_size_)));
        }
    }
    BlockPool& operator=(BlockPool&&) = delete;
    BlockPool(const BlockPool&) = delete;
    BlockPool& operator=(const BlockPool&) = delete;
    ~BlockPool() { meter_->remove(held_); }

    void* allocate()
    {
        if (free_ == nullptr) grow();
        FreeBlock* block = free_;
        free_ = block->next;
        return block;
    }

    void release(void* block)
    {
        auto* free_block = static_cast<FreeBlock*>(block);
        free_block->next = free_;
        free_ = free_block;
    }

    [[nodiscard]] std::size_t block_size() const { return block_size_; }
    // The room a copy of this pool takes, in units of max_align_t: its chunks and the
    // chunk it would grow by (left untouched by a copy without spare chunks).
    [[nodiscard]] std::size_t units() const
    {
        std::size_t units = units_for(next_chunk_blocks() * block_size_);
        for (const Chunk& chunk : chunks_) units += units_for(chunk.blocks * block_size_);
        return units;
    }

    // Once every pool of a copy is made: moves the free list into this copy and calls
    // `visit(void* block)` for each block in use, whose owner relocates what it holds.
    template <typename Visit>
    void relocate(const Relocation& relocation, Visit visit)
    {
        // Which blocks are free, chunk by chunk: a pool has a few chunks and many blocks.
        std::vector<std::size_t> first_block(chunks_.size() + 1, 0);
        for (std::size_t i = 0; i < chunks_.size(); ++i) first_block[i + 1] = first_block[i] + chunks_[i].blocks;
        std::vector<bool> free_block(first_block.back(), false);
        free_ = relocation(free_);
        for (FreeBlock* block = free_; block != nullptr; block = block->next) {
            block->next = relocation(block->next);
            const auto* address = reinterpret_cast<const char*>(block);
            for (std::size_t i = 0; i < chunks_.size(); ++i) {
                const char* base = chunks_[i].memory;
                if (address >= base && address < base + chunks_[i].blocks * block_size_) {
                    free_block[first_block[i] + static_cast<std::size_t>(address - base) / block_size_] = true;
                    break;
                }
            }
        }
        for (std::size_t i = 0; i < chunks_.size(); ++i) {
            char* base = chunks_[i].memory;
            for (std::size_t block = 0; block < chunks_[i].blocks; ++block) {
                if (!free_block[first_block[i] + block]) visit(base + block * block_size_);
            }
        }
    }

private:
    struct FreeBlock {
        FreeBlock* next;
    };

    // Everything pooled needs 8-byte alignment at most; a finer grain packs more tokens
    // into the cache.
    static constexpr std::size_t grain = 8;
    static std::size_t round_up(std::size_t size) { return (size + grain - 1) & ~(grain - 1); }

    // Chunks double up to 64 KiB, so that a pool that stays small costs little.
    [[nodiscard]] std::size_t next_chunk_blocks() const
    {
        return chunks_.empty() ? 8 : std::max<std::size_t>(8, std::min<std::size_t>(65536 / block_size_, held_ / block_size_));
    }

    void grow()
    {
        // A spare chunk was sized by the same rule when the pool was as it is now.
        const std::size_t blocks = next_chunk_blocks();
        char* base = nullptr;
        if (spare_ != nullptr) {
            base = std::exchange(spare_, nullptr);
            chunks_.push_back(Chunk{nullptr, base, blocks});
        } else {
            auto memory = std::make_unique_for_overwrite<std::max_align_t[]>(units_for(blocks * block_size_));
            base = reinterpret_cast<char*>(memory.get());
            chunks_.push_back(Chunk{std::move(memory), base, blocks});
        }
        const std::size_t bytes = blocks * block_size_;
        held_ += bytes;
        meter_->add(bytes);
        for (std::size_t i = blocks; i-- > 0;) release(base + i * block_size_);
    }

    struct Chunk {
        std::unique_ptr<std::max_align_t[]> owned;  // null in a copy: the copy's room holds it
        char* memory = nullptr;
        std::size_t blocks = 0;
    };
    // sizeof(max_align_t) may exceed its alignment: round the count up.
    static std::size_t units_for(std::size_t bytes) { return (bytes + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t); }

    std::size_t block_size_;
    MemoryMeter* meter_;
    FreeBlock* free_ = nullptr;
    std::size_t held_ = 0;
    std::vector<Chunk> chunks_;
    char* spare_ = nullptr;  // a copy's next chunk, in its room
};

// Pools by size class: a size class is a count of trailing items (fact positions of a
// token, slots of a fact, links of an alpha entry) after a fixed header.
class SizedPools {
public:
    SizedPools(std::size_t header, std::size_t item, MemoryMeter& meter) : header_(header), item_(item), meter_(&meter) {}

    // A copy, as BlockPool's.
    SizedPools(const SizedPools& source, MemoryMeter& meter, Relocation& relocation)
        : header_(source.header_), item_(source.item_), meter_(&meter)
    {
        pools_.reserve(source.pools_.size());
        for (const BlockPool& pool : source.pools_) pools_.emplace_back(pool, meter, relocation);
    }

    void* allocate(std::size_t items) { return pool(items).allocate(); }
    void release(void* block, std::size_t items) { pool(items).release(block); }

    [[nodiscard]] std::size_t units() const
    {
        std::size_t units = 0;
        for (const BlockPool& pool : pools_) units += pool.units();
        return units;
    }

    // As BlockPool's; `visit(void* block, std::size_t items)`.
    template <typename Visit>
    void relocate(const Relocation& relocation, Visit visit)
    {
        for (std::size_t items = 0; items < pools_.size(); ++items) {
            pools_[items].relocate(relocation, [&](void* block) { visit(block, items); });
        }
    }

private:
    BlockPool& pool(std::size_t items)
    {
        while (pools_.size() <= items) pools_.emplace_back(header_ + pools_.size() * item_, *meter_);
        return pools_[items];
    }

    std::size_t header_;
    std::size_t item_;
    MemoryMeter* meter_;
    std::vector<BlockPool> pools_;
};

}  // namespace koers::engine
