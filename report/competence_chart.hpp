// The five leadership competences (model §6) as horizontal bars on a 1..5 scale, with
// the competences to develop marked by a hatched bar and a text marker.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace koers::report {

struct CompetenceRow {
    std::string id;  // gedeelde_visie, analytische_kijk, ...
    std::string label;
    std::optional<double> score;  // 1..5; nullopt = not rated, drawn without a bar
    bool to_develop = false;
};

// The words of the chart, in the report's language.
struct CompetenceTexts {
    std::string to_develop = "to develop";
    std::string rated = "score";
    std::string not_rated = "not rated";
    std::string scale = "1 = absent \u2026 5 = strong";
};

struct CompetenceChart {
    std::string title;
    // False when the page already heads the chart: the title then stays only in the
    // accessible <title> and the picture starts at the scale.
    bool show_title = true;
    std::vector<CompetenceRow> rows;  // in the order they are drawn, top to bottom
    CompetenceTexts texts;
    std::string id = "koers-competences";  // prefix of the element ids; unique within one page
};

// The chart as an <svg> element, ready to be inlined in HTML. Throws
// std::invalid_argument for no rows or a score outside 1..5.
[[nodiscard]] std::string render_competence_chart_svg(const CompetenceChart& chart);

}  // namespace koers::report
