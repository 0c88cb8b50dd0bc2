#include "check/suggest.hpp"

#include <algorithm>

namespace koers::checks {

namespace {

// Optimal string alignment distance: insertions, deletions, substitutions and swaps
// of two neighbouring bytes each cost one.
std::size_t edit_distance(std::string_view a, std::string_view b)
{
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

constexpr std::size_t max_typo_edits = 2;
// Longer names than this are not compared, to keep the table small.
constexpr std::size_t max_compared_length = 64;

}  // namespace

std::optional<std::string_view> closest_name(std::string_view wanted,
                                             const std::vector<std::string_view>& candidates)
{
    if (wanted.size() > max_compared_length) return std::nullopt;
    std::optional<std::string_view> best;
    std::size_t best_distance = max_typo_edits + 1;
    for (std::string_view candidate : candidates) {
        if (candidate.size() > max_compared_length) continue;
        const std::size_t distance = edit_distance(wanted, candidate);
        // A one-letter name is "close" to every other one-letter name; not a useful hint.
        if (distance >= std::max(wanted.size(), candidate.size())) continue;
        if (distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view wanted, const std::vector<std::string_view>& candidates)
{
    const std::optional<std::string_view> best = closest_name(wanted, candidates);
    if (!best) return {};
    return "; did you mean `" + std::string(*best) + "`?";
}

}  // namespace koers::checks
