// Duplicate names: every template, rule, function, stage, test and named facts block
// must be unique across all files of a program. The first definition wins.
#include <map>
#include <string>

#include "check/passes.hpp"

namespace koers::checks {

namespace {

class NameCollector {
public:
    explicit NameCollector(CheckContext& context) : context_(context) {}

    void operator()(const ast::ImportDecl&) {}

    void operator()(const ast::TemplateDecl& decl)
    {
        if (first_of("duplicate-template", "template", decl.name, context_.symbols.templates)) {
            context_.symbols.templates.emplace(decl.name.text, TemplateInfo{&decl, {}});
        }
    }

    void operator()(const ast::RuleDecl& decl)
    {
        if (first_of("duplicate-rule", "rule", decl.name, context_.symbols.rules)) {
            context_.symbols.rules.emplace(decl.name.text, &decl);
        }
    }

    void operator()(const ast::FunctionDecl& decl)
    {
        if (first_of("duplicate-function", "function", decl.name, context_.symbols.functions)) {
            context_.symbols.functions.emplace(decl.name.text, &decl);
        }
    }

    void operator()(const ast::StageDecl& decl)
    {
        if (first_of("duplicate-stage", "stage", decl.name, context_.symbols.stages)) {
            context_.symbols.stages.emplace(decl.name.text, &decl);
        }
    }

    void operator()(const ast::FactsDecl& decl)
    {
        if (!decl.name) return;
        const auto [first, inserted] = facts_blocks_.emplace(decl.name->text, decl.name->span);
        if (!inserted) {
            context_.diagnostics.error("duplicate-facts", decl.name->span,
                                       "facts block " + quoted(decl.name->text) + " is already defined at " +
                                           context_.location(first->second));
        }
    }

    void operator()(const ast::TestDecl& decl)
    {
        const auto [first, inserted] = tests_.emplace(decl.name, decl.span);
        if (!inserted) {
            context_.diagnostics.error("duplicate-test", decl.span,
                                       "test \"" + decl.name + "\" is already defined at " +
                                           context_.location(first->second));
        }
    }

private:
    // True when `name` is new in `table`; reports the duplicate otherwise.
    template <typename Table>
    bool first_of(const char* code, const char* kind, const ast::Name& name, const Table& table)
    {
        const auto found = table.find(name.text);
        if (found == table.end()) return true;
        context_.diagnostics.error(code, name.span,
                                   std::string(kind) + " " + quoted(name.text) + " is already defined at " +
                                       context_.location(span_of(found->second)));
        return false;
    }

    static const ast::Span& span_of(const TemplateInfo& info) { return info.decl->name.span; }
    template <typename Decl>
    static const ast::Span& span_of(const Decl* decl)
    {
        return decl->name.span;
    }

    CheckContext& context_;
    std::map<std::string, ast::Span, std::less<>> facts_blocks_;
    std::map<std::string, ast::Span, std::less<>> tests_;
};

}  // namespace

void collect_symbols(CheckContext& context)
{
    NameCollector collector(context);
    for (const ast::Module& module : context.program.modules) {
        for (const ast::Declaration& declaration : module.declarations) std::visit(collector, declaration);
    }
}

}  // namespace koers::checks
