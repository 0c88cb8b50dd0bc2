#include "compile/compile_context.hpp"

namespace koers::compile {

CompileContext::CompileContext(const Program& program, Diagnostics& diagnostics, engine::RuleSet& rules)
    : program_(program), diagnostics_(diagnostics), rules_(rules)
{
}

engine::SourceRef CompileContext::where(const ast::Span& span) const
{
    engine::SourceRef ref;
    if (span.file < program_.sources.size()) ref.file = program_.sources.file(span.file).path;
    ref.line = span.line;
    ref.column = character_column(span, program_.sources);
    return ref;
}

void CompileContext::add_template(const ast::TemplateDecl& decl, engine::TemplateId id)
{
    templates_.emplace(decl.name.text, TemplateEntry{id, &decl});
}

const TemplateEntry* CompileContext::find_template(std::string_view name) const
{
    const auto found = templates_.find(name);
    return found == templates_.end() ? nullptr : &found->second;
}

std::optional<engine::SlotIndex> CompileContext::find_slot(engine::TemplateId id, std::string_view slot) const
{
    if (id >= rules_.templates.size()) return std::nullopt;
    const std::vector<engine::SlotSpec>& slots = rules_.templates[id].slots;
    for (std::size_t index = 0; index < slots.size(); ++index) {
        if (slots[index].name == slot) return static_cast<engine::SlotIndex>(index);
    }
    return std::nullopt;
}

void CompileContext::unsupported(const ast::Span& span, std::string message)
{
    ++errors_;
    diagnostics_.error("unsupported", span, std::move(message));
}

void CompileContext::internal_error(const ast::Span& span, std::string message)
{
    ++errors_;
    diagnostics_.error("internal-error", span, "internal compiler error: " + std::move(message));
}

void CompileContext::bad_constant(const ast::Span& span, std::string message)
{
    ++errors_;
    diagnostics_.error("bad-constant", span, std::move(message));
}

std::string quoted(std::string_view name) { return "`" + std::string(name) + "`"; }

}  // namespace koers::compile
