// The report as one self-contained HTML file (inline CSS and SVG, no scripts, no external
// resources), readable on screen and printed.
#include <sstream>
#include <stdexcept>

#include "report/competence_chart.hpp"
#include "report/phrases.hpp"
#include "report/render_common.hpp"
#include "report/report.hpp"
#include "report/svg_format.hpp"
#include "report/wheel_figure.hpp"

namespace koers::report {

namespace {

constexpr const char* style = R"(
:root { --ink: #1d2433; --muted: #5b6475; --line: #d5dae3; --critical: #a4161a; --warning: #b45309;
        --notice: #1d4ed8; --info: #475569; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0 auto;
       max-width: 60rem; padding: 2rem 1.5rem 4rem; line-height: 1.5; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .8rem; border-bottom: 2px solid var(--line); padding-bottom: .3rem; }
h3 { font-size: 1.05rem; margin: 0 0 .4rem; }
.summary { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 1rem 0; }
.summary dt { font-weight: 600; }
.summary dd { margin: 0; }
.incomplete { border: 2px solid var(--critical); padding: .6rem 1rem; }
figure { margin: 1.2rem 0; }
figcaption { color: var(--muted); font-size: .9rem; margin-top: .3rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
ol.advice { list-style: none; padding: 0; counter-reset: advice; }
ol.advice > li { border: 1px solid var(--line); border-left: 6px solid var(--info); border-radius: 4px;
                 padding: .8rem 1rem; margin: 0 0 1rem; break-inside: avoid; }
ol.advice > li.critical { border-left-color: var(--critical); }
ol.advice > li.warning { border-left-color: var(--warning); }
ol.advice > li.notice { border-left-color: var(--notice); }
.badge { display: inline-block; font-size: .75rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em;
         border: 1px solid currentColor; border-radius: 3px; padding: 0 .35rem; margin-right: .4rem; }
li.critical .badge { color: var(--critical); } li.warning .badge { color: var(--warning); }
li.notice .badge { color: var(--notice); } li.info .badge { color: var(--info); }
.source { color: var(--muted); font-size: .9rem; font-style: italic; margin: .3rem 0; }
.why { font-size: .9rem; margin-top: .4rem; }
.why p { margin: .2rem 0; }
.why ul { margin: .2rem 0 .2rem 1.2rem; padding: 0; }
.kind { font-variant: small-caps; color: var(--muted); }
code { font-size: .85em; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  figure, table { break-inside: avoid; }
  ol.advice > li { border-left-width: 4px; }
}
)";

std::string escaped(const std::string& text) { return xml_escaped(text); }

void grounds(std::ostringstream& out, const std::vector<Ground>& list, Language language)
{
    if (list.empty()) return;
    out << "<ul>";
    for (const Ground& ground : list) {
        out << "<li><span class=\"kind\">" << phrase(language, ground.observation ? Phrase::Observation : Phrase::Conclusion)
            << "</span>: " << escaped(ground.text);
        grounds(out, ground.because, language);
        out << "</li>";
    }
    out << "</ul>";
}

std::string wheel(const Report& report)
{
    const Language language = report.language;
    WheelFigure figure;
    figure.title = phrase(language, Phrase::WheelTitle);
    figure.show_title = false;  // the page's heading above the figure says it
    for (const PhaseEntry& phase : report.phases) {
        figure.phases.push_back({phase.id, phase.label, phase.rank == "primary", phase.rank == "secondary", phase.strength});
    }
    for (const PoleEntry& pole : report.poles) {
        figure.axes.push_back({pole.id, pole.left_label, pole.right_label, pole.value, pole.derived, pole.level});
    }
    WheelTexts& texts = figure.texts;
    texts.primary = phrase(language, Phrase::Primary);
    texts.secondary = phrase(language, Phrase::Secondary);
    texts.strength = phrase(language, Phrase::Strength);
    texts.watch = phrase(language, Phrase::Watch);
    texts.warning = phrase(language, Phrase::Warning);
    texts.high = phrase(language, Phrase::High);
    texts.derived = phrase(language, Phrase::Derived);
    texts.not_scored = phrase(language, Phrase::NotScored);
    if (language == Language::Nl) {
        texts.balanced = "in balans";
        texts.scored = "gescoord door de adviseur";
        texts.extra_axis = "extra paradox (gestreept)";
        texts.scale = "Positie op elke lijn: \u22122 bij de linkerpool, 0 in het midden, +2 bij de rechterpool";
    }
    return render_wheel_svg(figure);
}

std::string chart(const Report& report)
{
    const Language language = report.language;
    CompetenceChart chart;
    chart.title = phrase(language, Phrase::ChartTitle);
    chart.show_title = false;
    for (const ScoreEntry& entry : report.competences) {
        std::optional<double> score;
        if (entry.score) score = static_cast<double>(*entry.score);
        chart.rows.push_back({entry.id, entry.label, score, entry.flagged});
    }
    chart.texts.to_develop = phrase(language, Phrase::ToDevelop);
    if (language == Language::Nl) {
        chart.texts.rated = "score";
        chart.texts.not_rated = "niet beoordeeld";
        chart.texts.scale = "1 = afwezig \u2026 5 = sterk";
    }
    return render_competence_chart_svg(chart);
}

// A figure, or a line saying why it cannot be drawn: the figures check their input and a
// ruleset other than the alliance's may not fill it.
template <typename Draw>
void figure(std::ostringstream& out, Draw draw, const std::string& caption)
{
    try {
        out << "<figure>" << draw() << "<figcaption>" << escaped(caption) << "</figcaption></figure>\n";
    } catch (const std::invalid_argument& problem) {
        out << "<p class=\"source\">" << escaped(caption) << ": " << escaped(problem.what()) << "</p>\n";
    }
}

}  // namespace

std::string render_html(const Report& report)
{
    const Language language = report.language;
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"" << (language == Language::Nl ? "nl" : "en") << "\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" << escaped(report_title(report))
        << "</title>\n<style>" << style << "</style>\n</head>\n<body>\n";
    out << "<h1>" << escaped(report.title) << "</h1>\n";
    if (!report.alliance.empty()) out << "<p><strong>" << escaped(report.alliance) << "</strong></p>\n";
    if (!report.complete) {
        out << "<p class=\"incomplete\"><strong>" << phrase(language, Phrase::Incomplete) << ":</strong> "
            << escaped(report.stop_note) << "</p>\n";
    }
    out << "<dl class=\"summary\">\n";
    if (!report.classification.empty()) {
        out << "<dt>" << phrase(language, Phrase::Classification) << "</dt><dd>" << escaped(report.classification) << "</dd>\n";
    }
    const std::string phases = phase_summary(report);
    if (!phases.empty()) out << "<dt>" << phrase(language, Phrase::Phases) << "</dt><dd>" << escaped(phases) << "</dd>\n";
    out << "</dl>\n";

    if (report.phases.size() == 4 && (report.poles.size() == 12 || report.poles.size() == 13)) {
        out << "<h2>" << phrase(language, Phrase::WheelTitle) << "</h2>\n";
        figure(out, [&] { return wheel(report); }, phrase(language, Phrase::WheelCaption));
    }
    if (any_scored(report.poles)) {
        out << "<table>\n<thead><tr><th>" << phrase(language, Phrase::Paradox) << "</th><th>" << phrase(language, Phrase::LeftPole)
            << "</th><th>" << phrase(language, Phrase::Position) << "</th><th>" << phrase(language, Phrase::RightPole)
            << "</th></tr></thead>\n<tbody>\n";
        for (const PoleEntry& pole : report.poles) {
            if (!pole.value) continue;
            out << "<tr><td>" << escaped(pole.id) << "</td><td>" << escaped(pole.left_label) << "</td><td class=\"number\">"
                << signed_number(*pole.value) << escaped(pole_notes(report, pole)) << "</td><td>" << escaped(pole.right_label)
                << "</td></tr>\n";
        }
        out << "</tbody>\n</table>\n";
    }
    if (!report.competences.empty()) {
        out << "<h2>" << phrase(language, Phrase::Competences) << "</h2>\n";
        figure(out, [&] { return chart(report); }, phrase(language, Phrase::ChartCaption));
    }
    if (!report.success_factors.empty()) {
        out << "<h2>" << phrase(language, Phrase::SuccessFactors) << "</h2>\n<table>\n<thead><tr><th>"
            << phrase(language, Phrase::SuccessFactor) << "</th><th>" << phrase(language, Phrase::Score) << "</th><th></th></tr></thead>\n<tbody>\n";
        for (const ScoreEntry& entry : report.success_factors) {
            out << "<tr><td>" << escaped(entry.id + " " + entry.label) << "</td><td class=\"number\">"
                << (entry.score ? std::to_string(*entry.score) : "-") << "</td><td>"
                << (entry.flagged ? "<strong>" + phrase(language, Phrase::AtRisk) + "</strong>" : "") << "</td></tr>\n";
        }
        out << "</tbody>\n</table>\n";
    }

    out << "<h2>" << phrase(language, Phrase::Advice) << "</h2>\n";
    if (report.advice.empty()) out << "<p>" << phrase(language, Phrase::NoAdvice) << "</p>\n";
    out << "<ol class=\"advice\">\n";
    for (std::size_t i = 0; i < report.advice.size(); ++i) {
        const AdviceEntry& advice = report.advice[i];
        out << "<li class=\"" << escaped(advice.severity) << "\">\n<h3>" << i + 1 << ". <span class=\"badge\">"
            << severity_words(language, advice.severity) << "</span>" << escaped(advice.section) << "</h3>\n<p>"
            << escaped(advice.text) << "</p>\n";
        if (!advice.provenance.empty()) {
            out << "<p class=\"source\">" << phrase(language, Phrase::Source) << ": "
                << escaped(source_words(language, advice.provenance)) << "</p>\n";
        }
        out << "<div class=\"why\"><p><strong>" << phrase(language, Phrase::Why) << ":</strong> " << phrase(language, Phrase::Rule)
            << " <code>" << escaped(advice.rule) << "</code> (" << escaped(advice.rule_place) << ")";
        if (language == Language::En && !advice.rule_doc.empty()) out << ": " << escaped(advice.rule_doc);
        out << "</p>";
        grounds(out, advice.grounds, language);
        out << "</div>\n</li>\n";
    }
    out << "</ol>\n<h2>" << phrase(language, Phrase::AboutTitle) << "</h2>\n<p>" << escaped(phrase(language, Phrase::AboutText))
        << "</p>\n</body>\n</html>\n";
    return out.str();
}

}  // namespace koers::report
