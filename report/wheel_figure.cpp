#include "report/wheel_figure.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string_view>

#include "report/svg_format.hpp"

namespace koers::report {
namespace {

constexpr double width = 960;
constexpr double centre_x = width / 2;
constexpr double radius = 190;
constexpr double title_y = 30;
constexpr double top_block_y = 46;
constexpr double block_height = 58;
constexpr double block_width = 184;
constexpr double centre_y = top_block_y + block_height + 14 + radius;
constexpr double bottom_block_y = centre_y + radius + 14;
constexpr double legend_y = bottom_block_y + block_height + 26;
constexpr double legend_row = 22;
constexpr double legend_column = 232;
constexpr double margin = 14;
// Pole labels sit in two columns beside the wheel; the pair id is nearest the wheel.
constexpr double column_gap = 14;
constexpr double id_width = 30;
constexpr double label_size = 12.5;
constexpr std::size_t figure_pairs = 12;
// Label rows a side are spaced evenly, so that labels stay apart however the diameters
// fan out: the twelve pairs symmetric about the centre, the extra axis (H4) one row
// beyond them (below on the left, above on the right).
constexpr double row_step = 2 * radius / 14;

constexpr std::string_view ink = "#222222";
constexpr std::string_view muted = "#8c8c8c";
constexpr std::string_view phase_colour = "#0072B2";

struct Point {
    double x;
    double y;
};

// The ends of one diameter: the left pole's end and the right pole's end.
struct Diameter {
    Point left;
    Point right;
};

// Row k (0-based) of the left column, counted from the top; the right pole of the same
// pair sits mirrored through the centre.
Diameter diameter_for_row(std::size_t row)
{
    const double offset = (static_cast<double>(row) - 5.5) * row_step;
    const double half_chord = std::sqrt(radius * radius - offset * offset);
    return {{centre_x - half_chord, centre_y + offset}, {centre_x + half_chord, centre_y - offset}};
}

Point position_on(const Diameter& diameter, double value)
{
    const double t = value / 2.0;
    return {centre_x + t * (diameter.right.x - centre_x), centre_y + t * (diameter.right.y - centre_y)};
}

enum class Level { None, Watch, Warning, High };

Level parse_level(const WheelAxis& axis)
{
    if (axis.level.empty()) return Level::None;
    if (axis.level == "watch") return Level::Watch;
    if (axis.level == "warning") return Level::Warning;
    if (axis.level == "high") return Level::High;
    throw std::invalid_argument("wheel figure: axis " + axis.id + " has unknown level '" + axis.level +
                                "' (expected watch, warning, high or empty)");
}

std::string_view level_colour(Level level)
{
    switch (level) {
    case Level::None: return "#0072B2";
    case Level::Watch: return "#E69F00";
    case Level::Warning: return "#D55E00";
    case Level::High: return "#A50F15";
    }
    return ink;
}

const std::string& level_word(Level level, const WheelTexts& texts)
{
    switch (level) {
    case Level::None: return texts.balanced;
    case Level::Watch: return texts.watch;
    case Level::Warning: return texts.warning;
    case Level::High: return texts.high;
    }
    return texts.balanced;
}

std::string points_attribute(std::initializer_list<Point> points)
{
    std::string out;
    for (const Point& p : points) {
        if (!out.empty()) out += ' ';
        out += svg_number(p.x) + "," + svg_number(p.y);
    }
    return out;
}

// The marker shape of a level, centred on (0, 0): shape and size differ by level so
// that the figure reads without colour. Derived values are hollow.
std::string marker_shape(Level level, bool hollow, std::string_view colour_override = {})
{
    const std::string colour(colour_override.empty() ? level_colour(level) : colour_override);
    const std::string paint = hollow ? " fill=\"#ffffff\" stroke=\"" + colour + "\" stroke-width=\"2.2\""
                                     : " fill=\"" + colour + "\" stroke=\"#ffffff\" stroke-width=\"1.2\"";
    switch (level) {
    case Level::None: return "<circle r=\"4.5\"" + paint + "/>";
    case Level::Watch: return "<circle r=\"6.5\"" + paint + "/>";
    case Level::Warning:
        return "<polygon points=\"" + points_attribute({{0, -9}, {8, 5.5}, {-8, 5.5}}) + "\"" + paint + "/>";
    case Level::High:
        return "<polygon points=\"" + points_attribute({{0, -9.5}, {9.5, 0}, {0, 9.5}, {-9.5, 0}}) + "\"" + paint +
               "/>";
    }
    return {};
}

std::string line(Point from, Point to, std::string_view stroke, double stroke_width, std::string_view dash = {},
                 std::string_view extra = {})
{
    std::string out = "<line";
    if (!extra.empty()) out += " " + std::string(extra);
    out += " x1=\"" + svg_number(from.x) + "\" y1=\"" + svg_number(from.y) + "\" x2=\"" + svg_number(to.x) +
           "\" y2=\"" + svg_number(to.y) + "\" stroke=\"" + std::string(stroke) + "\" stroke-width=\"" +
           svg_number(stroke_width) + "\"";
    if (!dash.empty()) out += " stroke-dasharray=\"" + std::string(dash) + "\"";
    return out + "/>\n";
}

void validate(const WheelFigure& figure)
{
    if (figure.phases.size() != 4) {
        throw std::invalid_argument("wheel figure: expected 4 phases, got " + std::to_string(figure.phases.size()));
    }
    if (figure.axes.size() != figure_pairs && figure.axes.size() != figure_pairs + 1) {
        throw std::invalid_argument("wheel figure: expected 12 or 13 axes, got " +
                                    std::to_string(figure.axes.size()));
    }
    for (const WheelPhase& phase : figure.phases) {
        if (!(phase.strength >= 0 && phase.strength <= 1)) {
            throw std::invalid_argument("wheel figure: phase " + phase.id + " has strength " +
                                        svg_number(phase.strength) + " outside 0..1");
        }
    }
    for (const WheelAxis& axis : figure.axes) {
        parse_level(axis);
        if (axis.value && !(*axis.value >= -2 && *axis.value <= 2)) {
            throw std::invalid_argument("wheel figure: axis " + axis.id + " has value " + svg_number(*axis.value) +
                                        " outside -2..2");
        }
    }
}

// Where each phase sits: the quadrant's arc from its first to its last point, clockwise,
// in the input order formeren, funderen, evolueren, transformeren.
struct Quadrant {
    Point arc_start;
    Point arc_end;
    double block_centre_x;
    double block_y;
};

std::array<Quadrant, 4> quadrants()
{
    const Point top{centre_x, centre_y - radius};
    const Point right{centre_x + radius, centre_y};
    const Point bottom{centre_x, centre_y + radius};
    const Point left{centre_x - radius, centre_y};
    const double left_block = centre_x - block_width / 2 - 6;
    const double right_block = centre_x + block_width / 2 + 6;
    return {{
        {left, top, left_block, top_block_y},              // formeren, upper-left
        {right, bottom, right_block, bottom_block_y},      // funderen, lower-right
        {top, right, right_block, top_block_y},            // evolueren, upper-right
        {bottom, left, left_block, bottom_block_y},        // transformeren, lower-left
    }};
}

enum class Highlight { None, Primary, Secondary };

Highlight highlight_of(const WheelPhase& phase)
{
    if (phase.primary) return Highlight::Primary;
    if (phase.secondary) return Highlight::Secondary;
    return Highlight::None;
}

std::string highlight_attributes(Highlight highlight)
{
    const std::string colour(phase_colour);
    if (highlight == Highlight::Primary) {
        return "fill=\"" + colour + "\" fill-opacity=\"0.22\" stroke=\"" + colour + "\" stroke-width=\"3\"";
    }
    if (highlight == Highlight::Secondary) {
        return "fill=\"" + colour + "\" fill-opacity=\"0.08\" stroke=\"" + colour +
               "\" stroke-width=\"1.8\" stroke-dasharray=\"6 4\"";
    }
    return "fill=\"none\" stroke=\"none\"";
}

std::string percentage(double strength)
{
    return std::to_string(static_cast<int>(std::lround(strength * 100))) + "%";
}

std::string sectors(const WheelFigure& figure)
{
    std::string out = "<circle cx=\"" + svg_number(centre_x) + "\" cy=\"" + svg_number(centre_y) + "\" r=\"" +
                      svg_number(radius) + "\" fill=\"#fafafa\" stroke=\"none\"/>\n";
    const std::array<Quadrant, 4> places = quadrants();
    for (std::size_t i = 0; i < 4; ++i) {
        const WheelPhase& phase = figure.phases[i];
        if (!phase.primary && !phase.secondary) continue;
        const Quadrant& q = places[i];
        out += "<path data-phase=\"" + xml_escaped(phase.id) + "\" data-rank=\"" +
               (phase.primary ? "primary" : "secondary") + "\" d=\"M" + svg_number(centre_x) + "," +
               svg_number(centre_y) + " L" + svg_number(q.arc_start.x) + "," + svg_number(q.arc_start.y) + " A" +
               svg_number(radius) + "," + svg_number(radius) + " 0 0 1 " + svg_number(q.arc_end.x) + "," +
               svg_number(q.arc_end.y) + " Z\" " + highlight_attributes(highlight_of(phase)) + " stroke-linejoin=\"round\"/>\n";
    }
    return out;
}

std::string phase_block(const WheelPhase& phase, const Quadrant& q, const WheelTexts& texts)
{
    const double left = q.block_centre_x - block_width / 2;
    std::string out = "<g data-phase-block=\"" + xml_escaped(phase.id) + "\">\n";
    out += "<rect x=\"" + svg_number(left) + "\" y=\"" + svg_number(q.block_y) + "\" width=\"" +
           svg_number(block_width) + "\" height=\"" + svg_number(block_height) + "\" rx=\"6\" " +
           (phase.primary || phase.secondary ? highlight_attributes(highlight_of(phase))
                                             : std::string("fill=\"none\" stroke=\"#d0d0d0\" stroke-width=\"1\"")) +
           "/>\n";
    out += svg_text(q.block_centre_x, q.block_y + 21, phase.label, {.size = 15, .anchor = "middle", .bold = true},
                    block_width - 16);
    const double bar_width = 96;
    const double bar_left = q.block_centre_x - (bar_width + 40) / 2;
    const double bar_y = q.block_y + 29;
    out += "<rect x=\"" + svg_number(bar_left) + "\" y=\"" + svg_number(bar_y) + "\" width=\"" +
           svg_number(bar_width) + "\" height=\"7\" fill=\"#ffffff\" stroke=\"#6b6b6b\" stroke-width=\"0.8\"/>\n";
    if (phase.strength > 0) {
        out += "<rect x=\"" + svg_number(bar_left) + "\" y=\"" + svg_number(bar_y) + "\" width=\"" +
               svg_number(bar_width * phase.strength) + "\" height=\"7\" fill=\"#4d4d4d\"/>\n";
    }
    out += svg_text(bar_left + bar_width + 6, bar_y + 7, percentage(phase.strength), {.size = 11, .fill = ink});
    if (phase.primary || phase.secondary) {
        out += svg_text(q.block_centre_x, q.block_y + 51, phase.primary ? texts.primary : texts.secondary,
                        {.size = 11, .anchor = "middle", .bold = phase.primary}, block_width - 12);
    }
    return out + "</g>\n";
}

std::string rings()
{
    std::string out;
    const std::string cx = svg_number(centre_x);
    const std::string cy = svg_number(centre_y);
    out += line({centre_x - radius, centre_y}, {centre_x + radius, centre_y}, "#c4c4c4", 0.8);
    out += line({centre_x, centre_y - radius}, {centre_x, centre_y + radius}, "#c4c4c4", 0.8);
    out += "<circle cx=\"" + cx + "\" cy=\"" + cy + "\" r=\"" + svg_number(radius / 2) +
           "\" fill=\"none\" stroke=\"#bdbdbd\" stroke-width=\"0.8\" stroke-dasharray=\"3 3\"/>\n";
    out += "<circle cx=\"" + cx + "\" cy=\"" + cy + "\" r=\"" + svg_number(radius) +
           "\" fill=\"none\" stroke=\"#8c8c8c\" stroke-width=\"1.2\"/>\n";
    const TextStyle tick{.size = 9.5, .fill = "#6b6b6b"};
    out += svg_text(centre_x + 4, centre_y - radius / 2 - 3, "\u00b11", tick);
    out += svg_text(centre_x + 4, centre_y - radius + 11, "\u00b12", tick);
    return out;
}

bool is_extra_axis(std::size_t index)
{
    return index >= figure_pairs;
}

std::string diameter(const WheelAxis& axis, std::size_t index)
{
    const Diameter d = diameter_for_row(index);
    const bool scored = axis.value.has_value();
    const std::string data = "data-axis=\"" + xml_escaped(axis.id) + "\"";
    std::string out;
    if (is_extra_axis(index)) {
        out += line(d.left, d.right, scored ? "#4d4d4d" : "#b0b0b0", 1.4, "8 5", data);
    } else {
        out += line(d.left, d.right, scored ? "#7a7a7a" : "#c2c2c2", scored ? 1.1 : 1.0, scored ? "" : "1.5 3", data);
    }
    for (const Point end : {d.left, d.right}) {
        out += "<circle cx=\"" + svg_number(end.x) + "\" cy=\"" + svg_number(end.y) + "\" r=\"2.2\" fill=\"" +
               std::string(scored ? "#6b6b6b" : "#c2c2c2") + "\"/>\n";
    }
    return out;
}

// The two pole labels of one axis with leader lines to the columns beside the wheel.
// The pole the alliance leans to is bold when the axis carries a level.
std::string pole_labels(const WheelAxis& axis, std::size_t index)
{
    const Diameter d = diameter_for_row(index);
    const bool scored = axis.value.has_value();
    const Level level = parse_level(axis);
    const bool leans_left = scored && level != Level::None && *axis.value < 0;
    const bool leans_right = scored && level != Level::None && *axis.value > 0;
    const std::string_view fill = scored ? ink : muted;
    const double left_column = centre_x - radius - column_gap;
    const double right_column = centre_x + radius + column_gap;
    const double label_room = left_column - id_width - margin;

    std::string out = "<g data-labels=\"" + xml_escaped(axis.id) + "\">\n";
    out += line({d.left.x - 4, d.left.y}, {left_column + 3, d.left.y}, "#d2d2d2", 0.8);
    out += line({d.right.x + 4, d.right.y}, {right_column - 3, d.right.y}, "#d2d2d2", 0.8);
    const double left_baseline = d.left.y + label_size * 0.35;
    const double right_baseline = d.right.y + label_size * 0.35;
    const TextStyle id_style{.size = 10.5, .anchor = "end", .fill = muted, .bold = true};
    out += svg_text(left_column, left_baseline, axis.id, id_style);
    out += svg_text(left_column - id_width, left_baseline, axis.left_label,
                    {.size = label_size, .anchor = "end", .fill = fill, .bold = leans_left, .italic = !scored},
                    label_room);
    out += svg_text(right_column, right_baseline, axis.id, {.size = 10.5, .fill = muted, .bold = true});
    out += svg_text(right_column + id_width, right_baseline, axis.right_label,
                    {.size = label_size, .fill = fill, .bold = leans_right, .italic = !scored}, label_room);
    return out + "</g>\n";
}

std::string marker(const WheelAxis& axis, std::size_t index)
{
    const Point at = position_on(diameter_for_row(index), *axis.value);
    return "<g data-marker=\"" + xml_escaped(axis.id) + "\" data-value=\"" + svg_number(*axis.value) +
           "\" transform=\"translate(" + svg_number(at.x) + " " + svg_number(at.y) + ")\">" +
           marker_shape(parse_level(axis), axis.derived) + "</g>\n";
}

// Markers in order of level, so that the most urgent lie on top where they meet.
std::string markers(const WheelFigure& figure)
{
    std::string out;
    for (const Level level : {Level::None, Level::Watch, Level::Warning, Level::High}) {
        for (std::size_t i = 0; i < figure.axes.size(); ++i) {
            const WheelAxis& axis = figure.axes[i];
            if (axis.value && parse_level(axis) == level) out += marker(axis, i);
        }
    }
    return out;
}

std::string legend_entry(double x, double y, const std::string& symbol, const std::string& text)
{
    return "<g transform=\"translate(" + svg_number(x) + " " + svg_number(y) + ")\">" + symbol + "</g>\n" +
           svg_text(x + 16, y + 4, text, {.size = 11.5, .fill = ink}, legend_column - 24);
}

std::string legend(const WheelFigure& figure, double& bottom)
{
    const WheelTexts& t = figure.texts;
    std::string out = "<g data-legend=\"wheel\">\n";
    double y = legend_y;
    out += svg_text(margin, y, t.scale, {.size = 11.5, .fill = ink}, width - 2 * margin);
    y += legend_row;
    const std::array<Level, 4> levels{Level::None, Level::Watch, Level::Warning, Level::High};
    for (std::size_t i = 0; i < levels.size(); ++i) {
        out += legend_entry(margin + 8 + legend_column * static_cast<double>(i), y, marker_shape(levels[i], false),
                            level_word(levels[i], t));
    }
    y += legend_row;
    double x = margin + 8;
    // Neutral grey, so that these samples speak of filled and hollow, not of a level.
    out += legend_entry(x, y, marker_shape(Level::Watch, false, "#555555"), t.scored);
    out += legend_entry(x += legend_column, y, marker_shape(Level::Watch, true, "#555555"), t.derived);
    out += legend_entry(x += legend_column, y,
                        line({-7, 0}, {7, 0}, "#c2c2c2", 1.0, "1.5 3") +
                            "<circle cx=\"-7\" r=\"2.2\" fill=\"#c2c2c2\"/><circle cx=\"7\" r=\"2.2\" fill=\"#c2c2c2\"/>",
                        t.not_scored);
    if (figure.axes.size() > figure_pairs) {
        out += legend_entry(x += legend_column, y, line({-8, 0}, {8, 0}, "#4d4d4d", 1.4, "8 5"),
                            figure.axes.back().id + ": " + t.extra_axis);
    }
    y += legend_row;
    const std::string box = "<rect x=\"-7\" y=\"-6\" width=\"14\" height=\"12\" rx=\"2\" ";
    x = margin + 8;
    out += legend_entry(x, y, box + highlight_attributes(Highlight::Primary) + "/>", t.primary);
    out += legend_entry(x += legend_column, y, box + highlight_attributes(Highlight::Secondary) + "/>", t.secondary);
    out += legend_entry(x += legend_column, y,
                        "<rect x=\"-7\" y=\"-3.5\" width=\"14\" height=\"7\" fill=\"#ffffff\" stroke=\"#6b6b6b\" "
                        "stroke-width=\"0.8\"/><rect x=\"-7\" y=\"-3.5\" width=\"9\" height=\"7\" fill=\"#4d4d4d\"/>",
                        t.strength);
    if (!figure.unscored_note.empty()) {
        y += legend_row + 4;
        out += svg_text(margin, y, figure.unscored_note, {.size = 11.5, .fill = "#555555", .italic = true},
                        width - 2 * margin);
    }
    bottom = y + 14;
    return out + "</g>\n";
}

// The figure in words for screen readers: phases, then each axis with its position.
std::string description(const WheelFigure& figure)
{
    const WheelTexts& t = figure.texts;
    std::string out;
    for (const WheelPhase& phase : figure.phases) {
        out += phase.label;
        if (phase.primary) out += " (" + t.primary + ")";
        if (phase.secondary) out += " (" + t.secondary + ")";
        out += ": " + t.strength + " " + percentage(phase.strength) + ". ";
    }
    for (const WheelAxis& axis : figure.axes) {
        out += axis.id + " " + axis.left_label + " \u2013 " + axis.right_label + ": ";
        if (axis.value) {
            out += svg_number(*axis.value) + ", " + level_word(parse_level(axis), t) + ", " +
                   (axis.derived ? t.derived : t.scored);
        } else {
            out += t.not_scored;
        }
        out += ". ";
    }
    if (!out.empty()) out.pop_back();
    return out;
}

}  // namespace

std::string render_wheel_svg(const WheelFigure& figure)
{
    validate(figure);
    std::string body;
    if (figure.show_title) {
        body += svg_text(centre_x, title_y, figure.title, {.size = 18, .anchor = "middle", .bold = true},
                         width - 2 * margin);
    }
    body += sectors(figure);
    body += rings();
    for (std::size_t i = 0; i < figure.axes.size(); ++i) body += diameter(figure.axes[i], i);
    for (std::size_t i = 0; i < figure.axes.size(); ++i) body += pole_labels(figure.axes[i], i);
    const std::array<Quadrant, 4> places = quadrants();
    for (std::size_t i = 0; i < 4; ++i) body += phase_block(figure.phases[i], places[i], figure.texts);
    body += markers(figure);
    double bottom = 0;
    body += legend(figure, bottom);

    const double top = figure.show_title ? 0 : top_block_y - 10;
    return svg_start(figure.id, top, width, bottom - top, figure.title, description(figure)) + body + "</svg>\n";
}

}  // namespace koers::report
