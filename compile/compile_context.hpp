// State shared by the compiler's passes: the program, the RuleSet being built, and the
// ids given to templates, functions and stages.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "check/program.hpp"
#include "engine/ruleset.hpp"
#include "grammar/diagnostic.hpp"

namespace koers::compile {

struct TemplateEntry {
    engine::TemplateId id = 0;
    const ast::TemplateDecl* decl = nullptr;
};

class CompileContext {
public:
    CompileContext(const Program& program, Diagnostics& diagnostics, engine::RuleSet& rules);

    [[nodiscard]] const Program& program() const { return program_; }
    [[nodiscard]] engine::RuleSet& rules() { return rules_; }
    [[nodiscard]] const engine::RuleSet& rules() const { return rules_; }
    [[nodiscard]] engine::ValueStore& values() { return *rules_.values; }

    // The file as the user named it, the line, and the column in characters.
    [[nodiscard]] engine::SourceRef where(const ast::Span& span) const;

    void add_template(const ast::TemplateDecl& decl, engine::TemplateId id);
    [[nodiscard]] const TemplateEntry* find_template(std::string_view name) const;
    [[nodiscard]] std::optional<engine::SlotIndex> find_slot(engine::TemplateId id, std::string_view slot) const;

    std::map<std::string, engine::FunctionId, std::less<>> function_ids;
    std::map<std::string, engine::StageId, std::less<>> stage_ids;

    // A construct the engine cannot run as written; the user can rewrite it.
    void unsupported(const ast::Span& span, std::string message);
    // Something the checker should have rejected; compiling it would guess.
    void internal_error(const ast::Span& span, std::string message);
    // A constant that cannot be computed, such as `1 / 0` in a facts block.
    void bad_constant(const ast::Span& span, std::string message);
    [[nodiscard]] bool failed() const { return errors_ > 0; }
    // Errors reported so far, to tell whether one step reported any.
    [[nodiscard]] std::size_t errors() const { return errors_; }

private:
    const Program& program_;
    Diagnostics& diagnostics_;
    engine::RuleSet& rules_;
    std::map<std::string, TemplateEntry, std::less<>> templates_;
    std::size_t errors_ = 0;
};

// "`name`"
std::string quoted(std::string_view name);

}  // namespace koers::compile
