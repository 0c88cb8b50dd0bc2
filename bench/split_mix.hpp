// The generators' random numbers: SplitMix64 is fully specified, unlike the standard
// distributions, whose output differs between standard libraries; so the same seed
// gives the same benchmark data everywhere.
#pragma once

#include <cstddef>
#include <cstdint>

namespace koers::bench {

class SplitMix {
public:
    explicit SplitMix(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next()
    {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }
    // A number in [low, high].
    int between(int low, int high)
    {
        return low + static_cast<int>(next() % static_cast<std::uint64_t>(high - low + 1));
    }
    // A number in [0, count).
    std::size_t below(std::size_t count) { return static_cast<std::size_t>(next() % count); }
    bool chance(int percent) { return between(1, 100) <= percent; }

private:
    std::uint64_t state_;
};

}  // namespace koers::bench
