// The compiler's driver: declarations first (ids that everything else refers to), then
// facts, rules and tests in source order.
#include "compile/compiler.hpp"

#include <exception>
#include <string>
#include <type_traits>
#include <utility>

#include "compile/actions.hpp"
#include "compile/conditions.hpp"
#include "compile/declarations.hpp"
#include "compile/facts.hpp"
#include "compile/or_split.hpp"
#include "compile/tests.hpp"

namespace koers {

namespace {

using compile::CompileContext;

void compile_rule(CompileContext& context, const ast::RuleDecl& rule, std::uint32_t declaration_order)
{
    const std::optional<std::vector<compile::FlatConjunction>> alternatives =
        compile::split_alternatives(context, rule.conditions, rule.span);
    if (!alternatives) return;
    engine::StageId stage = 0;
    if (rule.stage) {
        const auto found = context.stage_ids.find(rule.stage->text);
        if (found == context.stage_ids.end()) {
            context.internal_error(rule.stage->span, "unknown stage " + compile::quoted(rule.stage->text));
            return;
        }
        stage = found->second;
    }
    std::vector<engine::TagSpec> tags;
    for (const ast::Tag& tag : rule.tags) tags.push_back(engine::TagSpec{tag.key.text, tag.value ? tag.value->text : ""});
    for (std::size_t variant = 0; variant < alternatives->size(); ++variant) {
        engine::RuleSpec spec;
        spec.name = rule.name.text;
        spec.doc = rule.doc;
        spec.variant = static_cast<std::uint32_t>(variant);
        spec.salience = rule.salience.value_or(0);
        spec.stage = stage;
        spec.tags = tags;
        spec.declaration_order = declaration_order;
        spec.where = context.where(rule.span);
        compile::RuleVariables variables;
        compile::Frame frame;
        spec.conditions = compile::compile_conditions(context, variables, (*alternatives)[variant], frame);
        spec.actions = compile::compile_actions(context, variables, frame, rule.actions);
        spec.variables = variables.specs();
        context.rules().rules.push_back(std::move(spec));
    }
}

void compile_body(CompileContext& context)
{
    std::uint32_t rule_count = 0;
    for (const ast::Module& module : context.program().modules) {
        for (const ast::Declaration& declaration : module.declarations) {
            if (const auto* rule = std::get_if<ast::RuleDecl>(&declaration)) {
                compile_rule(context, *rule, rule_count++);
            } else if (const auto* facts = std::get_if<ast::FactsDecl>(&declaration)) {
                for (const ast::FactSpec& fact : facts->facts) {
                    std::optional<engine::FactValue> value = compile::compile_fact(context, fact);
                    if (value) context.rules().initial_facts.push_back(std::move(*value));
                }
            } else if (const auto* test = std::get_if<ast::TestDecl>(&declaration)) {
                context.rules().tests.push_back(compile::compile_test(context, *test));
            }
        }
    }
}

ast::Span first_span(const Program& program)
{
    ast::Span span;
    if (!program.modules.empty()) span.file = program.modules.front().file;
    return span;
}

}  // namespace

std::shared_ptr<engine::RuleSet> compile_program(const Program& program, Diagnostics& diagnostics)
{
    auto rules = std::make_shared<engine::RuleSet>();
    rules->values = std::make_shared<engine::ValueStore>();
    CompileContext context(program, diagnostics, *rules);
    try {
        compile::compile_declarations(context);
        if (!context.failed()) compile_body(context);
    } catch (const std::exception& error) {
        context.internal_error(first_span(program), error.what());
    }
    if (context.failed()) return nullptr;
    return rules;
}

}  // namespace koers
