// Fixed-size block pools for the match state (tokens, alpha entries, activations, facts):
// blocks come from large chunks and go back to a free list, so the hot path does no heap
// allocation once the pool has grown, and everything is released at once with the pool.
// Only trivially destructible objects with an alignment of at most 8 live in pools.
#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>
#include <vector>

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
          chunks_(std::move(other.chunks_))
    {
        other.free_ = nullptr;
        other.held_ = 0;
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

private:
    struct FreeBlock {
        FreeBlock* next;
    };

    // Everything pooled needs 8-byte alignment at most; a finer grain packs more tokens
    // into the cache.
    static constexpr std::size_t grain = 8;
    static std::size_t round_up(std::size_t size) { return (size + grain - 1) & ~(grain - 1); }

    void grow()
    {
        // Chunks double up to 64 KiB, so that a pool that stays small costs little.
        const std::size_t blocks = chunks_.empty() ? 8 : std::max<std::size_t>(8, std::min<std::size_t>(65536 / block_size_, held_ / block_size_));
        const std::size_t bytes = blocks * block_size_;
        // sizeof(max_align_t) may exceed its alignment: round the count up.
        chunks_.push_back(std::make_unique<std::max_align_t[]>((bytes + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t)));
        held_ += bytes;
        meter_->add(bytes);
        auto* base = reinterpret_cast<char*>(chunks_.back().get());
        for (std::size_t i = blocks; i-- > 0;) release(base + i * block_size_);
    }

    std::size_t block_size_;
    MemoryMeter* meter_;
    FreeBlock* free_ = nullptr;
    std::size_t held_ = 0;
    std::vector<std::unique_ptr<std::max_align_t[]>> chunks_;
};

// Pools by size class: a size class is a count of trailing items (fact positions of a
// token, slots of a fact, links of an alpha entry) after a fixed header.
class SizedPools {
public:
    SizedPools(std::size_t header, std::size_t item, MemoryMeter& meter) : header_(header), item_(item), meter_(&meter) {}

    void* allocate(std::size_t items) { return pool(items).allocate(); }
    void release(void* block, std::size_t items) { pool(items).release(block); }

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
