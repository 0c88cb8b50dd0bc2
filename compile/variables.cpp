#include "compile/variables.hpp"

namespace koers::compile {

engine::VariableId RuleVariables::declare(std::string name, std::optional<engine::TemplateId> fact_template)
{
    specs_.push_back(engine::VariableSpec{std::move(name)});
    fact_templates_.push_back(fact_template);
    return static_cast<engine::VariableId>(specs_.size() - 1);
}

std::optional<engine::TemplateId> RuleVariables::fact_template(engine::VariableId id) const
{
    if (id >= fact_templates_.size()) return std::nullopt;
    return fact_templates_[id];
}

std::optional<engine::VariableId> Frame::find(std::string_view name) const
{
    const auto found = visible_.find(name);
    if (found == visible_.end()) return std::nullopt;
    return found->second;
}

}  // namespace koers::compile
