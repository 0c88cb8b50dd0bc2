#include "compile/declarations.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "compile/expressions.hpp"
#include "compile/facts.hpp"

namespace koers::compile {

namespace {

constexpr std::string_view main_stage = "main";

engine::ValueType value_type(ast::BaseType base)
{
    switch (base) {
    case ast::BaseType::Symbol: return engine::ValueType::Symbol;
    case ast::BaseType::Text: return engine::ValueType::Text;
    case ast::BaseType::Int: return engine::ValueType::Int;
    case ast::BaseType::Number: return engine::ValueType::Number;
    case ast::BaseType::Bool: return engine::ValueType::Bool;
    }
    return engine::ValueType::Symbol;
}

template <typename Decl, typename Visit>
void for_each(const Program& program, Visit visit)
{
    for (const ast::Module& module : program.modules) {
        for (const ast::Declaration& declaration : module.declarations) {
            if (const auto* decl = std::get_if<Decl>(&declaration)) visit(*decl);
        }
    }
}

engine::TemplateSpec template_shell(CompileContext& context, const ast::TemplateDecl& decl)
{
    engine::TemplateSpec spec;
    spec.name = decl.name.text;
    spec.doc = decl.doc;
    spec.where = context.where(decl.span);
    for (const ast::SlotDecl& slot : decl.slots) {
        engine::SlotSpec slot_spec;
        slot_spec.name = slot.name.text;
        slot_spec.type = value_type(slot.type.base);
        slot_spec.is_list = slot.type.is_list;
        slot_spec.optional = slot.optional;
        slot_spec.doc = slot.doc;
        spec.slots.push_back(std::move(slot_spec));
    }
    return spec;
}

void fill_allowed(CompileContext& context, engine::SlotSpec& spec, const ast::Domain& domain)
{
    if (domain.kind == ast::Domain::Kind::Set) {
        for (const ast::Expr& item : domain.items) {
            if (const std::optional<engine::Value> value = constant_value(context, item)) {
                spec.allowed.push_back(fit_item_to_slot(spec, *value));
            }
        }
        return;
    }
    if (domain.items.size() != 2) {
        context.internal_error(domain.span, "a range needs a low and a high bound");
        return;
    }
    const std::optional<engine::Value> low = constant_value(context, domain.items[0]);
    const std::optional<engine::Value> high = constant_value(context, domain.items[1]);
    if (!low || !high) return;
    if (!low->is_numeric() || !high->is_numeric()) {
        context.internal_error(domain.span, "a range needs number bounds");
        return;
    }
    spec.low = low->as_number();
    spec.high = high->as_number();
}

// Allowed values and defaults may call functions, so they wait until those are compiled.
void fill_slot_values(CompileContext& context, engine::TemplateId id, const ast::TemplateDecl& decl)
{
    for (std::size_t index = 0; index < decl.slots.size(); ++index) {
        const ast::SlotDecl& slot = decl.slots[index];
        engine::SlotSpec& spec = context.rules().templates[id].slots[index];
        if (slot.allowed) fill_allowed(context, spec, *slot.allowed);
        if (slot.default_value) {
            if (const std::optional<engine::Value> value = constant_value(context, *slot.default_value)) {
                spec.default_value = fit_to_slot(context, spec, *value);
            }
        }
    }
}

void compile_stages(CompileContext& context)
{
    engine::RuleSet& rules = context.rules();
    rules.stages.push_back(engine::StageSpec{std::string(main_stage), {}});
    context.stage_ids.emplace(main_stage, 0);
    for_each<ast::StageDecl>(context.program(), [&](const ast::StageDecl& decl) {
        // A ruleset may declare `main` to document it; it stays stage 0.
        if (decl.name.text == main_stage) {
            rules.stages.front().doc = decl.doc;
            return;
        }
        if (context.stage_ids.contains(decl.name.text)) return;
        context.stage_ids.emplace(decl.name.text, static_cast<engine::StageId>(rules.stages.size()));
        rules.stages.push_back(engine::StageSpec{decl.name.text, decl.doc});
    });
}

void compile_functions(CompileContext& context)
{
    std::vector<const ast::FunctionDecl*> decls;
    for_each<ast::FunctionDecl>(context.program(), [&](const ast::FunctionDecl& decl) {
        if (context.function_ids.contains(decl.name.text)) return;
        context.function_ids.emplace(decl.name.text, static_cast<engine::FunctionId>(decls.size()));
        decls.push_back(&decl);
        engine::FunctionSpec spec;
        spec.name = decl.name.text;
        spec.parameter_count = static_cast<std::uint32_t>(decl.parameters.size());
        spec.where = context.where(decl.span);
        context.rules().functions.push_back(std::move(spec));
    });
    // Bodies come second, so that a function may call one declared after it.
    for (std::size_t id = 0; id < decls.size(); ++id) {
        std::map<std::string, std::uint32_t, std::less<>> parameters;
        for (const ast::Parameter& parameter : decls[id]->parameters) {
            parameters.emplace(parameter.name.text, static_cast<std::uint32_t>(parameters.size()));
        }
        const ExprEnvironment environment{nullptr, nullptr, &parameters};
        context.rules().functions[id].body = compile_expression(context, decls[id]->body, environment);
    }
}

}  // namespace

void compile_declarations(CompileContext& context)
{
    std::vector<const ast::TemplateDecl*> templates;
    for_each<ast::TemplateDecl>(context.program(), [&](const ast::TemplateDecl& decl) {
        if (context.find_template(decl.name.text) != nullptr) return;
        const auto id = static_cast<engine::TemplateId>(templates.size());
        context.add_template(decl, id);
        templates.push_back(&decl);
        context.rules().templates.push_back(template_shell(context, decl));
    });
    compile_stages(context);
    compile_functions(context);
    for (std::size_t id = 0; id < templates.size(); ++id) {
        fill_slot_values(context, static_cast<engine::TemplateId>(id), *templates[id]);
    }
}

}  // namespace koers::compile
