// The fixed words of a report (headings, labels), in Dutch and English. Words about the
// domain come from the ruleset's `term` facts instead (see vocabulary.hpp).
#pragma once

#include <string>

#include "report/report.hpp"

namespace koers::report {

enum class Phrase {
    Title, Classification, Phases, Primary, Secondary, Indicators, Strength, Paradoxes, Paradox, LeftPole,
    RightPole, Position, NotScored, Derived, Level, Competences, Competence, Score, ToDevelop, SuccessFactors,
    SuccessFactor, AtRisk, Advice, Why, Rule, Observation, Conclusion, Source, SourceT, SourceP, SourceR,
    SourceD, Info, Notice, Warning, Critical, Yes, No, Incomplete, AboutTitle, AboutText, WheelTitle,
    ChartTitle, Watch, High, NoAdvice, WheelCaption, ChartCaption
};

std::string phrase(Language language, Phrase phrase);

// The severity in words: "kritiek", "warning", ...
std::string severity_words(Language language, const std::string& severity);

// What a provenance tag means for attribution: "Boonstra (source article)", ...
std::string source_words(Language language, const std::string& provenance);

}  // namespace koers::report
