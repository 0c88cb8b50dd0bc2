#include "report/svg_format.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace koers::report {

std::string xml_escaped(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string svg_number(double value)
{
    // Values that round to zero print as 0.0, not -0.0.
    if (std::fabs(value) < 0.05) value = 0.0;
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::fixed, 1);
    return {buffer.data(), result.ptr};
}

double estimated_text_width(std::string_view text, double font_size)
{
    std::size_t code_points = 0;
    for (const char c : text) {
        // Continuation bytes of a UTF-8 sequence do not start a character.
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++code_points;
    }
    return static_cast<double>(code_points) * font_size * 0.6;
}

std::string svg_start(std::string_view id, double top, double width, double height, std::string_view title,
                      std::string_view description, std::string_view defs)
{
    const std::string prefix = xml_escaped(id);
    std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 " + svg_number(top) + " " +
                      svg_number(width) + " " + svg_number(height) + "\" width=\"100%\" role=\"img\"";
    out += " aria-labelledby=\"" + prefix + "-title " + prefix + "-desc\"";
    out += " font-family=\"" + xml_escaped(figure_font_family) + "\">\n";
    out += "<title id=\"" + prefix + "-title\">" + xml_escaped(title) + "</title>\n";
    out += "<desc id=\"" + prefix + "-desc\">" + xml_escaped(description) + "</desc>\n";
    out += defs;
    out += "<rect y=\"" + svg_number(top) + "\" width=\"" + svg_number(width) + "\" height=\"" +
           svg_number(height) + "\" fill=\"#ffffff\"/>\n";
    return out;
}

std::string svg_text(double x, double y, std::string_view content, const TextStyle& style, double max_width)
{
    double size = style.size;
    const double width = estimated_text_width(content, size);
    if (max_width > 0 && width > max_width) size *= max_width / width;
    std::string out = "<text x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" font-size=\"" +
                      svg_number(size) + "\"";
    if (style.anchor != "start") out += " text-anchor=\"" + std::string(style.anchor) + "\"";
    if (style.bold) out += " font-weight=\"700\"";
    if (style.italic) out += " font-style=\"italic\"";
    out += " fill=\"" + std::string(style.fill) + "\">" + xml_escaped(content) + "</text>\n";
    return out;
}

}  // namespace koers::report
