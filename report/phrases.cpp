#include "report/phrases.hpp"

#include <array>
#include <utility>

namespace koers::report {

namespace {

struct Words {
    Phrase phrase;
    const char* nl;
    const char* en;
};

constexpr std::array words{
    Words{Phrase::Title, "Adviesrapport", "Advice report"},
    Words{Phrase::Classification, "Soort samenwerking", "Kind of collaboration"},
    Words{Phrase::Phases, "Levensfasen", "Lifecycle phases"},
    Words{Phrase::Primary, "primair", "primary"},
    Words{Phrase::Secondary, "secundair", "secondary"},
    Words{Phrase::Indicators, "Indicatoren", "Indicators"},
    Words{Phrase::Strength, "Sterkte", "Strength"},
    Words{Phrase::Paradoxes, "Paradoxen", "Paradoxes"},
    Words{Phrase::Paradox, "Paradox", "Paradox"},
    Words{Phrase::LeftPole, "Linkerpool (-2)", "Left pole (-2)"},
    Words{Phrase::RightPole, "Rechterpool (+2)", "Right pole (+2)"},
    Words{Phrase::Position, "Positie", "Position"},
    Words{Phrase::NotScored, "niet gescoord", "not scored"},
    Words{Phrase::Derived, "afgeleid uit signalen", "derived from evidence"},
    Words{Phrase::Level, "Niveau", "Level"},
    Words{Phrase::Competences, "Leiderschapscompetenties", "Leadership competences"},
    Words{Phrase::Competence, "Competentie", "Competence"},
    Words{Phrase::Score, "Score (1-5)", "Score (1-5)"},
    Words{Phrase::ToDevelop, "ontwikkelen", "to develop"},
    Words{Phrase::SuccessFactors, "Succesfactoren", "Success factors"},
    Words{Phrase::SuccessFactor, "Succesfactor", "Success factor"},
    Words{Phrase::AtRisk, "in gevaar", "at risk"},
    Words{Phrase::Advice, "Advies in volgorde van prioriteit", "Advice in order of priority"},
    Words{Phrase::Why, "Waarom", "Why"},
    Words{Phrase::Rule, "Regel", "Rule"},
    Words{Phrase::Observation, "waarneming", "observation"},
    Words{Phrase::Conclusion, "conclusie", "conclusion"},
    Words{Phrase::Source, "Bron", "Source"},
    Words{Phrase::SourceT, "Boonstra, bronartikel", "Boonstra, source article"},
    Words{Phrase::SourceP, "Boonstra, andere publicatie", "Boonstra, another publication"},
    Words{Phrase::SourceR, "reconstructie waar de brontekst ontbreekt; niet van Boonstra",
          "reconstruction where the source text is lost; not Boonstra's"},
    Words{Phrase::SourceD, "ontwerpkeuze van deze regelset; niet van Boonstra",
          "design inference of this ruleset; not Boonstra's"},
    Words{Phrase::Info, "informatie", "information"},
    Words{Phrase::Notice, "aandachtspunt", "notice"},
    Words{Phrase::Warning, "waarschuwing", "warning"},
    Words{Phrase::Critical, "kritiek", "critical"},
    Words{Phrase::Yes, "ja", "yes"},
    Words{Phrase::No, "nee", "no"},
    Words{Phrase::Incomplete, "Let op: de analyse is niet afgemaakt", "Note: the analysis did not finish"},
    Words{Phrase::AboutTitle, "Over dit rapport", "About this report"},
    Words{Phrase::AboutText,
          "Dit rapport is afgeleid met Koers uit de waarnemingen in het assessment, volgens het model van "
          "waardengedreven allianties van Boonstra (Allianties voor een duurzame toekomst, 2023). Bij elk advies "
          "staat waarop het rust en of de bron het zegt of dat het een ontwerpkeuze van deze regelset is.",
          "Koers derived this report from the observations in the assessment, following Boonstra's model of "
          "value-driven alliances (Alliances for sustainable futures, 2023). Each piece of advice says what it "
          "rests on and whether the sources say it or it is a design inference of this ruleset."},
    Words{Phrase::WheelTitle, "Levenscyclus en paradoxen", "Lifecycle and paradoxes"},
    Words{Phrase::ChartTitle, "Scores van de leiderschapscompetenties", "Leadership competence scores"},
    Words{Phrase::Watch, "volgen", "watch"},
    Words{Phrase::High, "hoog", "high"},
    Words{Phrase::NoAdvice, "Geen advies.", "No advice."},
    Words{Phrase::WheelCaption,
          "Figuur 1 van het artikel als wiel: elke paradox is een lijn tussen zijn twee polen door het midden, met de "
          "positie van de alliantie erop; de gemarkeerde kwadranten zijn de fasen die de regels vaststellen.",
          "Figure 1 of the article as a wheel: each paradox is a line between its two poles through the centre, with "
          "the alliance's position on it; the highlighted quadrants are the phases the rules diagnose."},
    Words{Phrase::ChartCaption,
          "Scores van de leiders per competentie (1-5); gearceerd: te ontwikkelen volgens het advies hieronder.",
          "The leaders' score per competence (1-5); hatched: to develop, as the advice below explains."},
};

}  // namespace

std::string phrase(Language language, Phrase wanted)
{
    for (const Words& entry : words) {
        if (entry.phrase == wanted) return language == Language::Nl ? entry.nl : entry.en;
    }
    return {};
}

std::string severity_words(Language language, const std::string& severity)
{
    if (severity == "info") return phrase(language, Phrase::Info);
    if (severity == "notice") return phrase(language, Phrase::Notice);
    if (severity == "warning") return phrase(language, Phrase::Warning);
    if (severity == "critical") return phrase(language, Phrase::Critical);
    return severity;
}

std::string source_words(Language language, const std::string& provenance)
{
    if (provenance == "T") return phrase(language, Phrase::SourceT);
    if (provenance == "P") return phrase(language, Phrase::SourceP);
    if (provenance == "R") return phrase(language, Phrase::SourceR);
    if (provenance == "D") return phrase(language, Phrase::SourceD);
    return provenance;
}

}  // namespace koers::report
