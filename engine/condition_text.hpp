// Conditions and expressions as Koers-like source text, for explanations.
#pragma once

#include <string>
#include <vector>

#include "engine/ruleset.hpp"

namespace koers::engine {

struct TextContext {
    const RuleSet& rules;
    const ValueStore& values;
    const std::vector<VariableSpec>& variables;
};

std::string expr_text(const TextContext& context, const ExprSpec& expr);
std::string constraint_text(const TextContext& context, TemplateId template_id, const SlotConstraintSpec& constraint);
std::string condition_text(const TextContext& context, const ConditionSpec& condition);

}  // namespace koers::engine
