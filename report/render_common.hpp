// What the renderers share: wrapping and padding by display width (UTF-8), numbers with
// a sign, and the summary lines every format shows.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.hpp"

namespace koers::report {

// Code points, which is what a terminal shows for the Latin text of reports.
std::size_t display_width(std::string_view text);
std::string pad(const std::string& text, std::size_t width);
// Words wrapped at `width`, the first line indented by `first`, the rest by `rest`; ends
// with a newline.
std::string wrap(const std::string& text, std::size_t width, std::size_t first, std::size_t rest);
// `+1.5`, `-2`, `0`
std::string signed_number(double value);
// "Advice report: Global Alliance for Banking on Values"
std::string report_title(const Report& report);
// "evolueren (primary; 4 indicators: ...), transformeren (secondary; ...)"
std::string phase_summary(const Report& report);
// "  (derived from evidence; level high)"
std::string pole_notes(const Report& report, const PoleEntry& pole);
// "watch", "hoog", ... for a paradox_risk level; empty for none.
std::string level_words(Language language, const std::string& level);
std::string lower_first(std::string text);
bool any_scored(const std::vector<PoleEntry>& poles);

}  // namespace koers::report
