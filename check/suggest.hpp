// "Did you mean" hints for misspelt names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace koers::checks {

// The candidate closest to `wanted` when it is close enough to be a likely typo
// (at most two edits, counting a swap of neighbours as one); ties go to the first.
std::optional<std::string_view> closest_name(std::string_view wanted,
                                             const std::vector<std::string_view>& candidates);

// "; did you mean `x`?" for the closest candidate, or nothing.
std::string did_you_mean(std::string_view wanted, const std::vector<std::string_view>& candidates);

}  // namespace koers::checks
