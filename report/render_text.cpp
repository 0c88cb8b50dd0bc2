// The report as plain text for a terminal, wrapped at 80 columns.
#include <sstream>

#include "report/phrases.hpp"
#include "report/render_common.hpp"
#include "report/report.hpp"
#include "report/vocabulary.hpp"

namespace koers::report {

namespace {

constexpr std::size_t width = 80;

void heading(std::ostringstream& out, const std::string& text, char underline)
{
    out << text << '\n' << std::string(display_width(text), underline) << "\n\n";
}

void grounds(std::ostringstream& out, const std::vector<Ground>& list, Language language, std::size_t indent)
{
    for (const Ground& ground : list) {
        const std::string kind = phrase(language, ground.observation ? Phrase::Observation : Phrase::Conclusion);
        out << wrap("- " + kind + ": " + ground.text, width, indent, indent + 2);
        grounds(out, ground.because, language, indent + 4);
    }
}

}  // namespace

std::string render_text(const Report& report)
{
    const Language language = report.language;
    std::ostringstream out;
    heading(out, report_title(report), '=');
    if (!report.complete) out << wrap(phrase(language, Phrase::Incomplete) + ": " + report.stop_note, width, 0, 2) << '\n';
    if (!report.classification.empty()) {
        out << wrap(phrase(language, Phrase::Classification) + ": " + report.classification, width, 0, 2);
    }
    const std::string phases = phase_summary(report);
    if (!phases.empty()) out << wrap(phrase(language, Phrase::Phases) + ": " + phases, width, 0, 2);
    out << '\n';

    if (any_scored(report.poles)) {
        heading(out, phrase(language, Phrase::Paradoxes), '-');
        for (const PoleEntry& pole : report.poles) {
            if (!pole.value) continue;
            out << wrap(pole.id + "  " + pole.left_label + " <-> " + pole.right_label + ": " + signed_number(*pole.value) +
                            pole_notes(report, pole),
                        width, 2, 8);
        }
        out << '\n';
    }
    for (const auto& [title, entries, flag] :
         {std::tuple{Phrase::Competences, &report.competences, Phrase::ToDevelop},
          std::tuple{Phrase::SuccessFactors, &report.success_factors, Phrase::AtRisk}}) {
        if (entries->empty()) continue;
        heading(out, phrase(language, title), '-');
        for (const ScoreEntry& entry : *entries) {
            const std::string score = entry.score ? std::to_string(*entry.score) : "-";
            const std::string bar = entry.score ? std::string(static_cast<std::size_t>(*entry.score) * 2, '#') : "";
            out << "  " << pad(score, 2) << pad(bar, 12) << entry.label
                << (entry.flagged ? "  (" + phrase(language, flag) + ")" : "") << '\n';
        }
        out << '\n';
    }

    heading(out, phrase(language, Phrase::Advice), '-');
    if (report.advice.empty()) out << phrase(language, Phrase::NoAdvice) << "\n\n";
    for (std::size_t i = 0; i < report.advice.size(); ++i) {
        const AdviceEntry& advice = report.advice[i];
        out << wrap(std::to_string(i + 1) + ". [" + severity_words(language, advice.severity) + "] " + advice.section, width, 0,
                    4);
        out << wrap(advice.text, width, 4, 4);
        if (!advice.provenance.empty()) {
            out << wrap(phrase(language, Phrase::Source) + ": " + source_words(language, advice.provenance), width, 4, 6);
        }
        out << wrap(phrase(language, Phrase::Why) + ": " + phrase(language, Phrase::Rule) + " " + advice.rule + " (" +
                        advice.rule_place + ")" + (language == Language::En && !advice.rule_doc.empty() ? ": " + advice.rule_doc : ""),
                    width, 4, 6);
        grounds(out, advice.grounds, language, 6);
        out << '\n';
    }
    heading(out, phrase(language, Phrase::AboutTitle), '-');
    out << wrap(phrase(language, Phrase::AboutText), width, 0, 0);
    return out.str();
}

}  // namespace koers::report
