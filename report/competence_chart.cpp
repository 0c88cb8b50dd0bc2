#include "report/competence_chart.hpp"

#include <cmath>
#include <stdexcept>
#include <string_view>

#include "report/svg_format.hpp"

namespace koers::report {
namespace {

constexpr double width = 760;
constexpr double margin = 14;
constexpr double title_y = 28;
constexpr double axis_y = 58;  // baseline of the tick labels
constexpr double first_row_y = axis_y + 10;
constexpr double row_height = 40;
constexpr double bar_height = 22;
constexpr double label_right = 250;
constexpr double scale_left = 262;  // score 0
constexpr double point_width = 62;  // one score point
constexpr double max_score = 5;
constexpr double marker_column = scale_left + max_score * point_width + 40;

constexpr std::string_view ink = "#222222";
constexpr std::string_view bar_colour = "#0072B2";
constexpr std::string_view develop_colour = "#D55E00";

double score_x(double score)
{
    return scale_left + score * point_width;
}

std::string rect(double x, double y, double w, double h, const std::string& paint)
{
    return "<rect x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" width=\"" + svg_number(w) +
           "\" height=\"" + svg_number(h) + "\" " + paint + "/>\n";
}

std::string bar_paint(bool to_develop, const std::string& hatch_id)
{
    if (to_develop) {
        return "fill=\"url(#" + hatch_id + ")\" stroke=\"" + std::string(develop_colour) + "\" stroke-width=\"1.6\"";
    }
    return "fill=\"" + std::string(bar_colour) + "\"";
}

// A score as written on the chart: "3" for whole scores, "3.5" otherwise.
std::string score_text(double score)
{
    if (score == std::round(score)) return std::to_string(static_cast<int>(score));
    return svg_number(score);
}

std::string hatch_pattern(const std::string& hatch_id)
{
    return "<defs><pattern id=\"" + hatch_id +
           "\" patternUnits=\"userSpaceOnUse\" width=\"7\" height=\"7\" patternTransform=\"rotate(45)\">"
           "<rect width=\"7\" height=\"7\" fill=\"#fbe6d9\"/>"
           "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"7\" stroke=\"" +
           std::string(develop_colour) + "\" stroke-width=\"3\"/></pattern></defs>\n";
}

std::string scale(std::size_t rows)
{
    const double bottom = first_row_y + static_cast<double>(rows) * row_height;
    std::string out;
    for (int point = 1; point <= 5; ++point) {
        const double x = score_x(point);
        out += "<line x1=\"" + svg_number(x) + "\" y1=\"" + svg_number(axis_y + 4) + "\" x2=\"" + svg_number(x) +
               "\" y2=\"" + svg_number(bottom) + "\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>\n";
        out += svg_text(x, axis_y, std::to_string(point), {.size = 11.5, .anchor = "middle", .fill = "#555555"});
    }
    out += "<line x1=\"" + svg_number(scale_left) + "\" y1=\"" + svg_number(axis_y + 4) + "\" x2=\"" +
           svg_number(scale_left) + "\" y2=\"" + svg_number(bottom) + "\" stroke=\"#6b6b6b\" stroke-width=\"1.2\"/>\n";
    return out;
}

std::string row(const CompetenceRow& competence, std::size_t index, const CompetenceChart& chart,
                const std::string& hatch_id)
{
    const double top = first_row_y + static_cast<double>(index) * row_height + (row_height - bar_height) / 2;
    const double middle = top + bar_height / 2;
    const double baseline = middle + 4.5;
    std::string out = "<g data-competence=\"" + xml_escaped(competence.id) + "\"";
    if (competence.score) out += " data-score=\"" + svg_number(*competence.score) + "\"";
    if (competence.to_develop) out += " data-to-develop=\"true\"";
    out += ">\n";
    out += svg_text(label_right, baseline, competence.label,
                    {.size = 13, .anchor = "end", .fill = ink, .bold = competence.to_develop}, label_right - margin);
    if (competence.score) {
        const double end = score_x(*competence.score);
        out += rect(scale_left, top, end - scale_left, bar_height, bar_paint(competence.to_develop, hatch_id));
        out += svg_text(end + 6, baseline, score_text(*competence.score), {.size = 12.5, .fill = ink, .bold = true});
    } else {
        out += svg_text(scale_left + 8, baseline, chart.texts.not_rated, {.size = 12, .fill = "#6b6b6b", .italic = true},
                        max_score * point_width);
    }
    if (competence.to_develop) {
        out += "<polygon points=\"" + svg_number(marker_column) + "," + svg_number(middle + 5) + " " +
               svg_number(marker_column + 6) + "," + svg_number(middle - 6) + " " + svg_number(marker_column + 12) +
               "," + svg_number(middle + 5) + "\" fill=\"" + std::string(develop_colour) + "\"/>\n";
        out += svg_text(marker_column + 18, baseline, chart.texts.to_develop,
                        {.size = 12.5, .fill = develop_colour, .bold = true}, width - margin - marker_column - 18);
    }
    return out + "</g>\n";
}

std::string legend(const CompetenceChart& chart, double y, const std::string& hatch_id)
{
    std::string out = "<g data-legend=\"competences\">\n";
    double x = scale_left;
    out += rect(x, y - 10, 18, 12, bar_paint(false, hatch_id));
    out += svg_text(x + 24, y, chart.texts.rated, {.size = 11.5, .fill = ink}, 140);
    x += 170;
    out += rect(x, y - 10, 18, 12, bar_paint(true, hatch_id));
    out += svg_text(x + 24, y, chart.texts.to_develop, {.size = 11.5, .fill = ink}, 150);
    out += svg_text(label_right, y, chart.texts.scale, {.size = 11.5, .anchor = "end", .fill = "#555555"},
                    label_right - margin);
    return out + "</g>\n";
}

std::string description(const CompetenceChart& chart)
{
    std::string out;
    for (const CompetenceRow& competence : chart.rows) {
        out += competence.label + ": " +
               (competence.score ? score_text(*competence.score) + "/5" : chart.texts.not_rated);
        if (competence.to_develop) out += ", " + chart.texts.to_develop;
        out += ". ";
    }
    if (!out.empty()) out.pop_back();
    return out;
}

void validate(const CompetenceChart& chart)
{
    if (chart.rows.empty()) throw std::invalid_argument("competence chart: no competences to draw");
    for (const CompetenceRow& competence : chart.rows) {
        if (competence.score && !(*competence.score >= 1 && *competence.score <= max_score)) {
            throw std::invalid_argument("competence chart: " + competence.id + " has score " +
                                        svg_number(*competence.score) + " outside 1..5");
        }
    }
}

}  // namespace

std::string render_competence_chart_svg(const CompetenceChart& chart)
{
    validate(chart);
    const std::string id = xml_escaped(chart.id);
    const std::string hatch_id = id + "-hatch";
    const double legend_y = first_row_y + static_cast<double>(chart.rows.size()) * row_height + 24;
    const double top = chart.show_title ? 0 : axis_y - 18;
    const double height = legend_y + 14 - top;

    std::string out = svg_start(chart.id, top, width, height, chart.title, description(chart), hatch_pattern(hatch_id));
    if (chart.show_title) {
        out += svg_text(margin, title_y, chart.title, {.size = 17, .fill = ink, .bold = true}, width - 2 * margin);
    }
    out += scale(chart.rows.size());
    for (std::size_t i = 0; i < chart.rows.size(); ++i) out += row(chart.rows[i], i, chart, hatch_id);
    out += legend(chart, legend_y, hatch_id);
    return out + "</svg>\n";
}

}  // namespace koers::report
