// One-line canonical text of the parts of rules, facts and tests: patterns,
// conditions, fact specifications, actions and expectations.
#pragma once

#include <string>
#include <vector>

#include "grammar/ast.hpp"

namespace koers::formatting {

// `slot: value, slot: value`
std::string slot_values_text(const std::vector<ast::SlotValue>& values);

// `template(slot: value, ...)`
std::string fact_text(const ast::FactSpec& fact);

// `[?f <- ]template(slot: ?v > 1, ...)`
std::string pattern_text(const ast::Pattern& pattern);

std::string condition_text(const ast::Condition& condition);

// Every action but `advise`, which takes several lines.
std::string action_text(const ast::Action& action);

// `advise topic [severity: level]`, the first line of an advise action.
std::string advise_head_text(const ast::AdviseAction& advise);

// `key: value` and `language: "text"`, one per line under `advise`.
std::string advice_link_text(const ast::AdviceLink& link);
std::string advice_text_text(const ast::AdviceText& text);

// `expect ...` without the keyword's indentation.
std::string expectation_text(const ast::Expectation& expectation);

}  // namespace koers::formatting
