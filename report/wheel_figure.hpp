// The lifecycle wheel: Figure 1 of the article as an SVG, with the alliance's position
// on each paradox pair. Plain input, no engine types, so that the report model fills it
// from whatever it read.
//
// Layout (model §4.3): twelve diameters; left pole i faces right pole i through the
// centre; left poles 1..12 run top to bottom on the left, right poles 12..1 on the
// right; the quadrants are formeren (upper-left), evolueren (upper-right),
// transformeren (lower-left) and funderen (lower-right). A thirteenth axis (H4) is
// drawn dashed, from the bottom of the left side to the top of the right side, so that
// it also joins transformeren with evolueren.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace koers::report {

struct WheelAxis {
    std::string id;           // P01..P12, H4
    std::string left_label;   // the pole at -2
    std::string right_label;  // the pole at +2
    std::optional<double> value;  // -2..2; nullopt = not scored, drawn without a marker
    bool derived = false;         // derived from evidence: a hollow marker
    std::string level;            // "", "watch", "warning" or "high"
};

struct WheelPhase {
    std::string id;  // formeren, funderen, evolueren, transformeren
    std::string label;
    bool primary = false;
    bool secondary = false;
    double strength = 0;  // 0..1, shown as a bar and a percentage
};

// The words of the legend and the text description, in the report's language.
struct WheelTexts {
    std::string primary = "primary phase";
    std::string secondary = "secondary phase";
    std::string strength = "phase strength";
    std::string balanced = "balanced";
    std::string watch = "watch";
    std::string warning = "warning";
    std::string high = "high";
    std::string scored = "scored by the consultant";
    std::string derived = "derived from evidence";
    std::string not_scored = "not scored";
    std::string extra_axis = "extra paradox (dashed)";
    std::string scale = "Position on each line: \u22122 at the left pole, 0 at the centre, +2 at the right pole";
};

struct WheelFigure {
    std::string title;
    // False when the page already heads the figure: the title then stays only in the
    // accessible <title> and the picture starts at the phase boxes.
    bool show_title = true;
    std::vector<WheelPhase> phases;  // 4, in the order formeren, funderen, evolueren, transformeren
    std::vector<WheelAxis> axes;     // P01..P12 in order, optionally followed by H4
    std::string unscored_note;       // printed under the legend when not empty
    WheelTexts texts;
    std::string id = "koers-wheel";  // prefix of the element ids; unique within one page
};

// The figure as an <svg> element, ready to be inlined in HTML. Throws
// std::invalid_argument for input the figure cannot show (wrong counts, a value outside
// -2..2, an unknown level, a strength outside 0..1).
[[nodiscard]] std::string render_wheel_svg(const WheelFigure& figure);

}  // namespace koers::report
