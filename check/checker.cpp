// The checker's driver: names first, then templates (later passes read their slots),
// then every other declaration.
#include "check/checker.hpp"

#include <type_traits>

#include "check/passes.hpp"

namespace koers {

void check_program(const Program& program, Diagnostics& diagnostics)
{
    checks::CheckContext context{program, diagnostics, {}};
    checks::collect_symbols(context);
    for (const ast::Module& module : program.modules) {
        for (const ast::Declaration& declaration : module.declarations) {
            if (const auto* decl = std::get_if<ast::TemplateDecl>(&declaration)) checks::check_template(context, *decl);
        }
    }
    for (const ast::Module& module : program.modules) {
        for (const ast::Declaration& declaration : module.declarations) {
            std::visit(
                [&](const auto& decl) {
                    using Decl = std::decay_t<decltype(decl)>;
                    if constexpr (std::is_same_v<Decl, ast::RuleDecl>) {
                        checks::check_rule(context, decl);
                    } else if constexpr (std::is_same_v<Decl, ast::FunctionDecl>) {
                        checks::check_function(context, decl);
                    } else if constexpr (std::is_same_v<Decl, ast::FactsDecl>) {
                        checks::check_facts_block(context, decl);
                    } else if constexpr (std::is_same_v<Decl, ast::TestDecl>) {
                        checks::check_test(context, decl);
                    }
                },
                declaration);
        }
    }
}

}  // namespace koers
