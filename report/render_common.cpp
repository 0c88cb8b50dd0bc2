#include "report/render_common.hpp"

#include <cctype>
#include <cmath>
#include <algorithm>
#include <string_view>

#include "report/phrases.hpp"
#include "report/vocabulary.hpp"

namespace koers::report {

std::size_t display_width(std::string_view text)
{
    std::size_t count = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    }
    return count;
}

std::string pad(const std::string& text, std::size_t width)
{
    const std::size_t shown = display_width(text);
    return shown >= width ? text : text + std::string(width - shown, ' ');
}

std::string wrap(const std::string& text, std::size_t width, std::size_t first, std::size_t rest)
{
    constexpr std::string_view blanks = " \t\n\v\f\r";
    std::string out(first, ' ');
    std::size_t line_width = first;
    bool line_empty = true;
    const std::string_view all(text);
    for (std::size_t start = all.find_first_not_of(blanks); start != std::string_view::npos;
         start = all.find_first_not_of(blanks, start)) {
        const std::size_t stop = std::min(all.find_first_of(blanks, start), all.size());
        const std::string_view word = all.substr(start, stop - start);
        start = stop;
        const std::size_t word_width = display_width(word);
        if (!line_empty && line_width + 1 + word_width > width) {
            out += '\n';
            out.append(rest, ' ');
            line_width = rest;
            line_empty = true;
        }
        if (!line_empty) {
            out += ' ';
            ++line_width;
        }
        out += word;
        line_width += word_width;
        line_empty = false;
    }
    out += '\n';
    return out;
}

std::string signed_number(double value) { return (value > 0 ? "+" : "") + number_text(value); }

std::string report_title(const Report& report)
{
    return report.alliance.empty() ? report.title : report.title + ": " + report.alliance;
}

std::string lower_first(std::string text)
{
    if (!text.empty()) text.front() = static_cast<char>(std::tolower(static_cast<unsigned char>(text.front())));
    return text;
}

std::string phase_summary(const Report& report)
{
    std::string text;
    for (const PhaseEntry& phase : report.phases) {
        if (phase.rank.empty()) continue;
        std::string part = phase.label + " (" +
                           phrase(report.language, phase.rank == "primary" ? Phrase::Primary : Phrase::Secondary) + "; " +
                           lower_first(phrase(report.language, Phrase::Strength)) + " " +
                           number_text(std::round(phase.strength * 100)) + "%";
        if (!phase.indicators.empty()) {
            part += "; " + lower_first(phrase(report.language, Phrase::Indicators)) + ":";
            for (std::size_t i = 0; i < phase.indicators.size(); ++i) part += (i == 0 ? " " : ", ") + phase.indicators[i];
        }
        text += (text.empty() ? "" : "; ") + part + ")";
    }
    return text;
}

std::string level_words(Language language, const std::string& level)
{
    if (level.empty()) return {};
    return phrase(language, level == "high" ? Phrase::High : level == "warning" ? Phrase::Warning : Phrase::Watch);
}

std::string pole_notes(const Report& report, const PoleEntry& pole)
{
    std::string notes;
    if (pole.derived) notes += phrase(report.language, Phrase::Derived);
    if (!pole.level.empty()) {
        notes += (notes.empty() ? "" : "; ") + lower_first(phrase(report.language, Phrase::Level)) + " " + level_words(report.language, pole.level);
    }
    return notes.empty() ? "" : "  (" + notes + ")";
}

bool any_scored(const std::vector<PoleEntry>& poles)
{
    for (const PoleEntry& pole : poles) {
        if (pole.value) return true;
    }
    return false;
}

}  // namespace koers::report
