// The SVG figures of the report: the lifecycle wheel and the competence chart. Golden
// files in tests/golden/figures hold the exact SVG of sample figures; run with
// KOERS_UPDATE_GOLDEN=1 to rewrite them, then look at every change in a browser.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "report/competence_chart.hpp"
#include "report/wheel_figure.hpp"

namespace {

namespace fs = std::filesystem;
using koers::report::CompetenceChart;
using koers::report::WheelAxis;
using koers::report::WheelFigure;

const fs::path golden_folder = fs::path(KOERS_SOURCE_DIR) / "tests" / "golden" / "figures";

std::string read_text(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool updating_golden_files()
{
    const char* update = std::getenv("KOERS_UPDATE_GOLDEN");
    return update != nullptr && std::string(update) == "1";
}

void check_golden(const std::string& name, const std::string& actual)
{
    const fs::path path = golden_folder / name;
    if (updating_golden_files()) std::ofstream(path, std::ios::binary) << actual;
    REQUIRE_MESSAGE(fs::exists(path), "missing ", path.string(), "; run with KOERS_UPDATE_GOLDEN=1 to create it");
    CHECK(actual == read_text(path));
}

// The twelve pairs of Figure 1 and H4, with Dutch pole labels (model §4.2).
WheelFigure sample_wheel(bool with_h4)
{
    WheelFigure figure;
    figure.title = "Levenscyclus en paradoxen";
    figure.phases = {{"formeren", "Formeren", false, true, 0.4},
                     {"funderen", "Funderen", true, false, 0.8},
                     {"evolueren", "Evolueren", false, false, 0.2},
                     {"transformeren", "Transformeren", false, false, 0.0}};
    const std::vector<std::vector<std::string>> poles = {
        {"P01", "Vertrouwen in mensen", "Vertrouwen op systemen"},
        {"P02", "Vertrouwen in gevoel", "Nauwkeurige analyses"},
        {"P03", "Investeren in relaties", "Investeren in kennis"},
        {"P04", "Focus op proces", "Focus op inhoud"},
        {"P05", "Conflicten waarderen", "Conflicten voorkomen"},
        {"P06", "Angst alleen te blijven", "Angst autonomie te verliezen"},
        {"P07", "Open systeem", "Gesloten systeem"},
        {"P08", "Focus op samenspel", "Focus op resultaten"},
        {"P09", "Lokale speelruimte", "Centrale sturing"},
        {"P10", "Cocreëren", "Consolideren"},
        {"P11", "Focus op exploratie", "Focus op exploitatie"},
        {"P12", "Maatschappelijke betekenis", "Zakelijke doelen"},
    };
    const std::vector<std::optional<double>> values = {-1.5, 2.0, 0.0, 1.5, std::nullopt, 1.0,
                                                       -0.5, 0.5, std::nullopt, -2.0, 0.0, 1.0};
    const std::vector<std::string> levels = {"warning", "high", "", "high", "", "watch",
                                             "watch", "watch", "", "high", "", "watch"};
    for (std::size_t i = 0; i < poles.size(); ++i) {
        figure.axes.push_back({poles[i][0], poles[i][1], poles[i][2], values[i], i % 4 == 1, levels[i]});
    }
    if (with_h4) figure.axes.push_back({"H4", "Wendbaarheid", "Stabiliteit", 1.5, false, "high"});
    figure.unscored_note = "Niet gescoord: P05 en P09.";
    return figure;
}

CompetenceChart sample_chart()
{
    CompetenceChart chart;
    chart.title = "Leiderschapscompetenties";
    chart.rows = {{"gedeelde_visie", "Gedeelde visie", 4, false},
                  {"analytische_kijk", "Analytische kijk", 2, true},
                  {"samenwerkingsgericht", "Samenwerkingsgericht", std::nullopt, false},
                  {"veranderen_als_samenspel", "Veranderen als samenspel", 3.5, true},
                  {"bedachtzaam_reflecteren", "Bedachtzaam reflecteren", 5, false}};
    return chart;
}

// The start tag of the first element that carries `marker` (e.g. `data-axis="P01"`),
// or "" when there is none.
std::string tag_with(const std::string& svg, const std::string& marker)
{
    const std::size_t at = svg.find(marker);
    if (at == std::string::npos) return {};
    const std::size_t start = svg.rfind('<', at);
    return svg.substr(start, svg.find('>', at) - start + 1);
}

std::string attribute(const std::string& tag, const std::string& name)
{
    const std::string key = " " + name + "=\"";
    const std::size_t at = tag.find(key);
    if (at == std::string::npos) return {};
    const std::size_t begin = at + key.size();
    return tag.substr(begin, tag.find('"', begin) - begin);
}

double number_attribute(const std::string& tag, const std::string& name)
{
    return std::stod(attribute(tag, name));
}

struct Point {
    double x;
    double y;
};

Point marker_position(const std::string& svg, const std::string& axis)
{
    const std::string transform = attribute(tag_with(svg, "data-marker=\"" + axis + "\""), "transform");
    Point p{};
    REQUIRE(std::sscanf(transform.c_str(), "translate(%lf %lf)", &p.x, &p.y) == 2);
    return p;
}

// A small check of XML well-formedness: balanced and properly nested tags, quoted
// attributes, only the five predefined entities and numeric references, one root.
std::string xml_error(const std::string& xml)
{
    std::vector<std::string> open;
    int roots = 0;
    for (std::size_t i = 0; i < xml.size(); ++i) {
        const char c = xml[i];
        if (c == '&') {
            const std::size_t end = xml.find(';', i);
            if (end == std::string::npos) return "unterminated entity";
            const std::string entity = xml.substr(i + 1, end - i - 1);
            if (entity != "amp" && entity != "lt" && entity != "gt" && entity != "quot" && entity != "apos" &&
                entity.rfind('#', 0) != 0) {
                return "unknown entity &" + entity + ";";
            }
        } else if (c == '>') {
            return "stray '>' in text";
        } else if (c == '<') {
            std::size_t j = i + 1;
            bool in_quotes = false;
            while (j < xml.size() && (in_quotes || xml[j] != '>')) {
                if (xml[j] == '"') in_quotes = !in_quotes;
                if (!in_quotes && xml[j] == '<') return "'<' inside a tag";
                ++j;
            }
            if (j == xml.size()) return "unterminated tag";
            const std::string tag = xml.substr(i + 1, j - i - 1);
            if (tag.empty()) return "empty tag";
            if (tag[0] == '?' || tag[0] == '!') return "prolog or declaration: " + tag;
            if (tag[0] == '/') {
                if (open.empty() || open.back() != tag.substr(1)) return "unbalanced </" + tag.substr(1) + ">";
                open.pop_back();
            } else {
                const std::string name = tag.substr(0, tag.find_first_of(" \n/"));
                if (open.empty() && ++roots > 1) return "more than one root element";
                if (tag.back() != '/') open.push_back(name);
            }
            // Count the quotes: an attribute value left open would swallow the tag.
            std::size_t quotes = 0;
            for (const char t : tag) quotes += t == '"' ? 1 : 0;
            if (quotes % 2 != 0) return "odd number of quotes in <" + tag + ">";
            i = j;
        }
    }
    if (!open.empty()) return "unclosed <" + open.back() + ">";
    return {};
}

}  // namespace

TEST_CASE("the wheel and the competence chart match their golden SVG")
{
    check_golden("wheel.svg", koers::report::render_wheel_svg(sample_wheel(true)));
    check_golden("wheel_twelve_pairs.svg", koers::report::render_wheel_svg(sample_wheel(false)));
    check_golden("competences.svg", koers::report::render_competence_chart_svg(sample_chart()));
}

TEST_CASE("the figures are well-formed XML that can be inlined in HTML")
{
    for (const std::string& svg : {koers::report::render_wheel_svg(sample_wheel(true)),
                                   koers::report::render_competence_chart_svg(sample_chart())}) {
        CHECK(xml_error(svg) == "");
        CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0.0 ", 0) == 0);
        CHECK(svg.find("width=\"100%\"") != std::string::npos);
        CHECK(svg.find("<title id=") != std::string::npos);
        CHECK(svg.find("<desc id=") != std::string::npos);
        CHECK(svg.find("http", svg.find('>')) == std::string::npos);  // no external resources
    }
    CHECK(xml_error("<svg><g></svg>") != "");  // the checker itself can fail
    CHECK(xml_error("<svg a=\"x>y\"/>") == "");
    CHECK(xml_error("<svg>A&B</svg>") != "");
}

TEST_CASE("a marker lies at the left pole for -2, at the centre for 0 and at the right pole for +2")
{
    WheelFigure figure = sample_wheel(true);
    figure.axes[0].value = -2.0;
    figure.axes[1].value = 0.0;
    figure.axes[2].value = 2.0;
    figure.axes[12].value = -1.0;
    const std::string svg = koers::report::render_wheel_svg(figure);
    for (const std::string axis : {"P01", "P02", "P03", "H4"}) {
        INFO("axis ", axis);
        const std::string diameter = tag_with(svg, "data-axis=\"" + axis + "\"");
        REQUIRE(!diameter.empty());
        const Point left{number_attribute(diameter, "x1"), number_attribute(diameter, "y1")};
        const Point right{number_attribute(diameter, "x2"), number_attribute(diameter, "y2")};
        CHECK(left.x < right.x);  // left poles on the left half, right poles on the right
        const Point marker = marker_position(svg, axis);
        const double value = axis == "P01" ? -2 : axis == "P02" ? 0 : axis == "P03" ? 2 : -1;
        const double t = (value + 2) / 4;  // 0 at the left pole, 1 at the right pole
        CHECK(marker.x == doctest::Approx(left.x + t * (right.x - left.x)).epsilon(0.001));
        CHECK(marker.y == doctest::Approx(left.y + t * (right.y - left.y)).epsilon(0.001));
    }
    // Left pole 1 is at the top on the left, its right pole at the bottom on the right.
    const std::string first = tag_with(svg, "data-axis=\"P01\"");
    const std::string twelfth = tag_with(svg, "data-axis=\"P12\"");
    CHECK(number_attribute(first, "y1") < number_attribute(twelfth, "y1"));
    CHECK(number_attribute(first, "y2") > number_attribute(twelfth, "y2"));
}

TEST_CASE("an unscored axis has no marker; a derived value is hollow")
{
    const std::string svg = koers::report::render_wheel_svg(sample_wheel(true));
    CHECK(svg.find("data-marker=\"P05\"") == std::string::npos);
    CHECK(svg.find("data-marker=\"P09\"") == std::string::npos);
    CHECK(svg.find("data-marker=\"P04\"") != std::string::npos);
    const auto shape_of = [&](const std::string& axis) {
        const std::size_t at = svg.find("data-marker=\"" + axis + "\"");
        return svg.substr(svg.find('>', at) + 1, svg.find("</g>", at) - svg.find('>', at) - 1);
    };
    CHECK(shape_of("P02").find("fill=\"#ffffff\"") != std::string::npos);  // derived
    CHECK(shape_of("P04").find("fill=\"#ffffff\"") == std::string::npos);  // scored
    CHECK(shape_of("P04").find("<polygon") != std::string::npos);          // high: a diamond
    CHECK(shape_of("P03").find("r=\"4.5\"") != std::string::npos);         // balanced: a small dot
}

TEST_CASE("the primary phase is highlighted strongly and a secondary phase lightly")
{
    const std::string svg = koers::report::render_wheel_svg(sample_wheel(true));
    const std::string primary = tag_with(svg, "data-phase=\"funderen\"");
    CHECK(attribute(primary, "data-rank") == "primary");
    CHECK(attribute(primary, "stroke-width") == "3");
    const std::string secondary = tag_with(svg, "data-phase=\"formeren\"");
    CHECK(attribute(secondary, "data-rank") == "secondary");
    CHECK(std::stod(attribute(secondary, "fill-opacity")) < std::stod(attribute(primary, "fill-opacity")));
    CHECK(tag_with(svg, "data-phase=\"evolueren\"").empty());
}

TEST_CASE("text in the figures is escaped")
{
    WheelFigure figure = sample_wheel(false);
    figure.title = "Tom & Jerry <\"quoted\"> 'x'";
    figure.axes[0].left_label = "A&B";
    const std::string wheel = koers::report::render_wheel_svg(figure);
    CHECK(wheel.find("Tom &amp; Jerry &lt;&quot;quoted&quot;&gt; &apos;x&apos;") != std::string::npos);
    CHECK(wheel.find(">A&amp;B</text>") != std::string::npos);
    CHECK(wheel.find("A&B") == std::string::npos);
    CHECK(xml_error(wheel) == "");

    CompetenceChart chart = sample_chart();
    chart.rows[0].label = "Visie <gedeeld> & \"samen\"";
    const std::string bars = koers::report::render_competence_chart_svg(chart);
    CHECK(bars.find("Visie &lt;gedeeld&gt; &amp; &quot;samen&quot;") != std::string::npos);
    CHECK(xml_error(bars) == "");
}

TEST_CASE("a figure headed by its page keeps its title only for screen readers")
{
    WheelFigure figure = sample_wheel(true);
    figure.show_title = false;
    const std::string wheel = koers::report::render_wheel_svg(figure);
    CHECK(wheel.find("Levenscyclus en paradoxen</text>") == std::string::npos);
    CHECK(wheel.find(">Levenscyclus en paradoxen</title>") != std::string::npos);
    CHECK(wheel.find("viewBox=\"0 36.0 960.0 ") != std::string::npos);
    CHECK(xml_error(wheel) == "");

    CompetenceChart chart = sample_chart();
    chart.show_title = false;
    const std::string bars = koers::report::render_competence_chart_svg(chart);
    CHECK(bars.find("Leiderschapscompetenties</text>") == std::string::npos);
    CHECK(bars.find("<title id=\"koers-competences-title\">Leiderschapscompetenties</title>") != std::string::npos);
    CHECK(bars.find("viewBox=\"0 40.0 760.0 ") != std::string::npos);
}

TEST_CASE("a long pole label shrinks to stay inside the figure")
{
    WheelFigure figure = sample_wheel(false);
    figure.axes[5].right_label = std::string(60, 'm');
    const std::string svg = koers::report::render_wheel_svg(figure);
    const std::string label = tag_with(svg, ">" + figure.axes[5].right_label + "<");
    const double x = number_attribute(label, "x");
    const double size = number_attribute(label, "font-size");
    CHECK(size < 12.5);
    CHECK(x + 60 * 0.6 * size <= 960.0 + 0.5);  // the estimated width ends inside the viewBox
}

TEST_CASE("the competence chart draws a bar per rated competence and marks those to develop")
{
    const std::string svg = koers::report::render_competence_chart_svg(sample_chart());
    const std::string develop = svg.substr(svg.find("data-competence=\"analytische_kijk\""));
    CHECK(develop.find("data-to-develop=\"true\"") < develop.find('>'));
    CHECK(develop.find("url(#koers-competences-hatch)") < develop.find("</g>"));
    CHECK(develop.find(">to develop</text>") < develop.find("</g>"));
    const std::string unrated = svg.substr(svg.find("data-competence=\"samenwerkingsgericht\""));
    CHECK(unrated.find("<rect") > unrated.find("</g>"));
    CHECK(unrated.find(">not rated</text>") < unrated.find("</g>"));
    // Bars grow with the score: 5 is two and a half times as long as 2.
    const auto bar_width = [&](const std::string& id) {
        const std::string row = svg.substr(svg.find("data-competence=\"" + id + "\""));
        return number_attribute(row.substr(row.find("<rect")), "width");
    };
    CHECK(bar_width("bedachtzaam_reflecteren") == doctest::Approx(2.5 * bar_width("analytische_kijk")));
}

TEST_CASE("input the figures cannot show is rejected with a message")
{
    WheelFigure figure = sample_wheel(true);
    figure.axes[3].level = "severe";
    CHECK_THROWS_WITH_AS(koers::report::render_wheel_svg(figure),
                         "wheel figure: axis P04 has unknown level 'severe' (expected watch, warning, high or empty)",
                         std::invalid_argument);
    figure = sample_wheel(true);
    figure.axes[0].value = 2.5;
    CHECK_THROWS_WITH_AS(koers::report::render_wheel_svg(figure), "wheel figure: axis P01 has value 2.5 outside -2..2",
                         std::invalid_argument);
    figure = sample_wheel(true);
    figure.phases.pop_back();
    CHECK_THROWS_AS(koers::report::render_wheel_svg(figure), std::invalid_argument);
    figure = sample_wheel(true);
    figure.axes.resize(11);
    CHECK_THROWS_AS(koers::report::render_wheel_svg(figure), std::invalid_argument);

    CompetenceChart chart = sample_chart();
    chart.rows[1].score = 0.0;
    CHECK_THROWS_WITH_AS(koers::report::render_competence_chart_svg(chart),
                         "competence chart: analytische_kijk has score 0.0 outside 1..5", std::invalid_argument);
}
