// Explanations: why a fact or a piece of advice is there (a tree of firings down to the
// facts that came from outside), and why a rule has no match now (the first condition
// of each variant that nothing satisfies).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/fact.hpp"
#include "engine/ruleset.hpp"

namespace koers::engine {

struct Explanation {
    enum class Kind : std::uint8_t { Fact, Advice, Unknown };
    Kind kind = Kind::Unknown;
    FactId fact = 0;
    std::uint64_t advice = 0;
    std::string text;  // `f-3 pole(paradox: P01, value: 2)` or `advice P10 (critical)`
    bool live = true;  // still in working memory (or, for advice, still given)
    bool input = false;  // asserted from outside the rules
    bool repeated = false;  // explained earlier in the tree; not again
    bool cut = false;  // the tree goes deeper than an explanation shows
    // The firing that asserted it, unless it is input.
    FiringId firing = 0;
    std::string rule;
    std::uint32_t variant = 0;
    SourceRef rule_where;
    std::vector<std::pair<std::string, std::string>> bindings;  // `?v`, its value as source text
    std::vector<Explanation> because;  // the facts that firing matched
};

// Why a rule does not fire now: for each variant, the first of its conditions that no
// facts satisfy (with the pattern's constraint that fails on the closest fact, when
// there is such a fact).
struct WhyNot {
    std::string rule;
    bool known = false;  // the ruleset has such a rule
    struct Variant {
        std::uint32_t variant = 0;
        bool matched = false;  // all conditions hold for some facts
        std::uint64_t waiting = 0;  // activations on the agenda
        std::uint64_t fired = 0;  // times the variant fired
        std::optional<std::uint32_t> condition;  // index of the first condition that fails
        SourceRef where;  // of that condition
        std::string condition_text;
        std::string reason;
    };
    std::vector<Variant> variants;
};

// Indented text, one line per fact or piece of advice.
std::string render_explanation(const Explanation& explanation);
std::string render_why_not(const WhyNot& why_not);

}  // namespace koers::engine
