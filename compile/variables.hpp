// Variables of one rule variant (or one test query): each binding gets its own id, in
// the order the bindings are met. A name bound inside `not`, `exists`, `forall` or an
// aggregate is a different variable from the same name bound elsewhere.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ruleset.hpp"

namespace koers::compile {

class RuleVariables {
public:
    engine::VariableId declare(std::string name, std::optional<engine::TemplateId> fact_template = std::nullopt);

    // The template of the fact a fact variable holds; nothing for value variables.
    [[nodiscard]] std::optional<engine::TemplateId> fact_template(engine::VariableId id) const;
    [[nodiscard]] const std::vector<engine::VariableSpec>& specs() const { return specs_; }

private:
    std::vector<engine::VariableSpec> specs_;
    std::vector<std::optional<engine::TemplateId>> fact_templates_;
};

// The names visible at one point of a rule; copied to open a nested scope, so that what
// the nested condition binds stays inside it.
class Frame {
public:
    void bind(const std::string& name, engine::VariableId id) { visible_[name] = id; }
    [[nodiscard]] std::optional<engine::VariableId> find(std::string_view name) const;

private:
    std::map<std::string, engine::VariableId, std::less<>> visible_;
};

}  // namespace koers::compile
