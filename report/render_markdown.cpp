// The report as Markdown (CommonMark with GitHub tables), for wikis and documents.
#include <sstream>

#include "report/phrases.hpp"
#include "report/render_common.hpp"
#include "report/report.hpp"

namespace koers::report {

namespace {

// Text that Markdown would otherwise read as markup.
std::string escaped(const std::string& text)
{
    std::string out;
    for (const char c : text) {
        if (c == '|' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' || c == '#' ||
            c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out;
}

void grounds(std::ostringstream& out, const std::vector<Ground>& list, Language language, std::size_t depth)
{
    for (const Ground& ground : list) {
        out << std::string(depth * 2, ' ') << "- *" << phrase(language, ground.observation ? Phrase::Observation : Phrase::Conclusion)
            << "*: " << escaped(ground.text) << '\n';
        grounds(out, ground.because, language, depth + 1);
    }
}

}  // namespace

std::string render_markdown(const Report& report)
{
    const Language language = report.language;
    std::ostringstream out;
    out << "# " << escaped(report_title(report)) << "\n\n";
    if (!report.complete) out << "> **" << phrase(language, Phrase::Incomplete) << ":** " << escaped(report.stop_note) << "\n\n";
    if (!report.classification.empty()) {
        out << "- **" << phrase(language, Phrase::Classification) << ":** " << escaped(report.classification) << '\n';
    }
    const std::string phases = phase_summary(report);
    if (!phases.empty()) out << "- **" << phrase(language, Phrase::Phases) << ":** " << escaped(phases) << '\n';
    out << '\n';

    if (any_scored(report.poles)) {
        out << "## " << phrase(language, Phrase::Paradoxes) << "\n\n";
        out << "| " << phrase(language, Phrase::Paradox) << " | " << phrase(language, Phrase::LeftPole) << " | "
            << phrase(language, Phrase::Position) << " | " << phrase(language, Phrase::RightPole) << " | "
            << phrase(language, Phrase::Level) << " |\n| --- | --- | ---: | --- | --- |\n";
        for (const PoleEntry& pole : report.poles) {
            if (!pole.value) continue;
            const std::string level = level_words(language, pole.level);
            out << "| " << pole.id << " | " << escaped(pole.left_label) << " | " << signed_number(*pole.value)
                << (pole.derived ? " (" + phrase(language, Phrase::Derived) + ")" : "") << " | " << escaped(pole.right_label)
                << " | " << level << " |\n";
        }
        out << '\n';
    }
    for (const auto& [title, entries, flag, column] :
         {std::tuple{Phrase::Competences, &report.competences, Phrase::ToDevelop, Phrase::Competence},
          std::tuple{Phrase::SuccessFactors, &report.success_factors, Phrase::AtRisk, Phrase::SuccessFactor}}) {
        if (entries->empty()) continue;
        out << "## " << phrase(language, title) << "\n\n| " << phrase(language, column) << " | "
            << phrase(language, Phrase::Score) << " | |\n| --- | ---: | --- |\n";
        for (const ScoreEntry& entry : *entries) {
            out << "| " << escaped(entry.label) << " | " << (entry.score ? std::to_string(*entry.score) : "-") << " | "
                << (entry.flagged ? phrase(language, flag) : "") << " |\n";
        }
        out << '\n';
    }

    out << "## " << phrase(language, Phrase::Advice) << "\n\n";
    if (report.advice.empty()) out << phrase(language, Phrase::NoAdvice) << "\n\n";
    for (std::size_t i = 0; i < report.advice.size(); ++i) {
        const AdviceEntry& advice = report.advice[i];
        out << "### " << i + 1 << ". " << escaped(advice.section) << " (" << severity_words(language, advice.severity) << ")\n\n";
        out << escaped(advice.text) << "\n\n";
        if (!advice.provenance.empty()) {
            out << "*" << phrase(language, Phrase::Source) << ": " << escaped(source_words(language, advice.provenance)) << "*\n\n";
        }
        out << "**" << phrase(language, Phrase::Why) << ":** " << phrase(language, Phrase::Rule) << " `" << advice.rule << "` ("
            << advice.rule_place << ")";
        if (language == Language::En && !advice.rule_doc.empty()) out << ": " << escaped(advice.rule_doc);
        out << "\n\n";
        grounds(out, advice.grounds, language, 0);
        if (!advice.grounds.empty()) out << '\n';
    }
    out << "## " << phrase(language, Phrase::AboutTitle) << "\n\n" << phrase(language, Phrase::AboutText) << '\n';
    return out.str();
}

}  // namespace koers::report
