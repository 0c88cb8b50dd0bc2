// Small pieces shared by the SVG figures: escaped text, fixed number formatting and
// <text> elements that shrink to fit, so that every figure is deterministic and its
// labels stay inside the viewBox.
#pragma once

#include <string>
#include <string_view>

namespace koers::report {

// The font stack of every figure: generic families only, no downloaded fonts.
inline constexpr const char* figure_font_family =
    "'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

// `text` with & < > " ' replaced by entities, safe in element content and attributes.
[[nodiscard]] std::string xml_escaped(std::string_view text);

// A coordinate or value with one decimal, independent of the locale; never "-0.0".
[[nodiscard]] std::string svg_number(double value);

// A generous estimate of the width of `text` (UTF-8) in a sans-serif font: wide enough
// for DejaVu Sans, the widest of the stack.
[[nodiscard]] double estimated_text_width(std::string_view text, double font_size);

// The opening <svg> element of a figure: a fixed viewBox from (0, top) that scales to
// the page width, labelled for screen readers by a <title> and a <desc>, then `defs`
// (patterns the figure uses), on a white background. `id` prefixes the element ids and
// is unique within one page.
[[nodiscard]] std::string svg_start(std::string_view id, double top, double width, double height,
                                    std::string_view title, std::string_view description,
                                    std::string_view defs = {});

struct TextStyle {
    double size = 12;
    std::string_view anchor = "start";  // start, middle or end
    std::string_view fill = "#222222";
    bool bold = false;
    bool italic = false;
};

// A <text> element at (x, y). When `max_width` > 0 and the estimated width exceeds it,
// the font size shrinks so that the text fits.
[[nodiscard]] std::string svg_text(double x, double y, std::string_view content, const TextStyle& style,
                                   double max_width = 0);

}  // namespace koers::report
