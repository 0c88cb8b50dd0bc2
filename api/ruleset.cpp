// Compiling a ruleset: load, check, compile and build the network, with every problem
// kept as a Diagnostic.
#include <filesystem>

#include "api/conversion.hpp"
#include "api/ruleset_impl.hpp"
#include "check/checker.hpp"
#include "check/loader.hpp"
#include "compile/compiler.hpp"
#include "grammar/parser.hpp"

namespace koers::api {

namespace {

std::vector<Diagnostic> public_diagnostics(Diagnostics& diagnostics, const SourceSet& sources)
{
    diagnostics.sort();
    std::vector<Diagnostic> out;
    for (const koers::Diagnostic& item : diagnostics.all()) {
        Diagnostic diagnostic;
        if (item.span.file < sources.size()) {
            diagnostic.file = sources.file(item.span.file).path;
            diagnostic.line = item.span.line;
            if (item.span.line > 0) diagnostic.column = character_column(item.span, sources);
        }
        diagnostic.severity = item.severity == koers::Severity::Error ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning;
        diagnostic.code = item.code;
        diagnostic.message = item.message;
        out.push_back(std::move(diagnostic));
    }
    return out;
}

// Checks, compiles and builds a loaded program.
CompileResult build(const Program& program, Diagnostics& diagnostics)
{
    CompileResult result;
    if (!diagnostics.has_errors() && program.sources.size() == 0) {
        Diagnostic none;
        none.code = "no-files";
        none.message = "no .koers files found";
        result.diagnostics.push_back(std::move(none));
        return result;
    }
    if (!diagnostics.has_errors()) check_program(program, diagnostics);
    std::shared_ptr<const engine::RuleSet> rules;
    if (!diagnostics.has_errors()) rules = compile_program(program, diagnostics);
    result.diagnostics = public_diagnostics(diagnostics, program.sources);
    if (diagnostics.has_errors() || rules == nullptr) return result;

    engine::NetworkBuild built = engine::build_network(rules);
    if (built.network == nullptr) {
        for (const engine::RuntimeError& error : built.errors) {
            Diagnostic diagnostic;
            diagnostic.file = error.where.file;
            diagnostic.line = error.where.line;
            diagnostic.column = error.where.column;
            diagnostic.code = "network";
            diagnostic.message = error.message;
            result.diagnostics.push_back(std::move(diagnostic));
        }
        return result;
    }
    auto impl = std::make_shared<Ruleset::Impl>();
    impl->rules = std::move(rules);
    impl->network = std::move(built.network);
    for (std::uint32_t file = 0; file < program.sources.size(); ++file) impl->files.push_back(program.sources.file(file).path);
    result.ruleset = RulesetAccess::make(std::move(impl));
    return result;
}

}  // namespace

CompileResult Ruleset::compile_files(const std::vector<std::string>& paths)
{
    Diagnostics diagnostics;
    const Program program = load_program({paths.begin(), paths.end()}, diagnostics);
    return build(program, diagnostics);
}

CompileResult Ruleset::compile_sources(const std::vector<Source>& sources)
{
    Diagnostics diagnostics;
    Program program;
    for (const Source& source : sources) {
        const std::uint32_t index = program.sources.add(source.name, source.text);
        program.modules.push_back(parse_module(program.sources, index, diagnostics));
    }
    return build(program, diagnostics);
}

CompileResult Ruleset::compile_text(std::string name, std::string text)
{
    return compile_sources({Source{std::move(name), std::move(text)}});
}

std::vector<TemplateInfo> Ruleset::templates() const
{
    std::vector<TemplateInfo> out;
    engine::ValueStore store(impl_->rules->values);
    for (const engine::TemplateSpec& spec : impl_->rules->templates) {
        TemplateInfo info{spec.name, spec.doc, {}};
        for (const engine::SlotSpec& slot : spec.slots) {
            SlotInfo slot_info;
            slot_info.name = slot.name;
            slot_info.type = type_name(slot.type);
            slot_info.is_list = slot.is_list;
            slot_info.optional = slot.optional;
            slot_info.has_default = slot.default_value.has_value();
            for (const engine::Value& allowed : slot.allowed) slot_info.allowed.push_back(public_value(allowed, store));
            slot_info.low = slot.low;
            slot_info.high = slot.high;
            slot_info.doc = slot.doc;
            info.slots.push_back(std::move(slot_info));
        }
        out.push_back(std::move(info));
    }
    return out;
}

std::vector<std::string> Ruleset::rules() const
{
    std::vector<std::string> out;
    for (const engine::RuleSpec& rule : impl_->rules->rules) {
        if (rule.variant == 0) out.push_back(rule.name);
    }
    return out;
}

std::vector<std::string> Ruleset::stages() const
{
    std::vector<std::string> out;
    for (const engine::StageSpec& stage : impl_->rules->stages) out.push_back(stage.name);
    return out;
}

std::vector<std::string> Ruleset::files() const { return impl_->files; }

}  // namespace koers::api
