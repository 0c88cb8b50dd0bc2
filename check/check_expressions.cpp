// Expressions: calls name known functions with the right number of arguments, variables
// are bound (or absent where values must be constant), `?f.slot` names a real slot.
#include <string>
#include <type_traits>
#include <vector>

#include "check/builtins.hpp"
#include "check/passes.hpp"
#include "check/suggest.hpp"

namespace koers::checks {

namespace {

std::string arguments_phrase(std::size_t count)
{
    return std::to_string(count) + (count == 1 ? " argument" : " arguments");
}

std::string given_phrase(std::size_t count)
{
    return std::to_string(count) + (count == 1 ? " was given" : " were given");
}

class ExpressionChecker {
public:
    ExpressionChecker(CheckContext& context, const ExprScope& scope) : context_(context), scope_(scope) {}

    void check(const ast::Expr& expr)
    {
        std::visit([&](const auto& node) { visit(expr, node); }, expr.node);
    }

private:
    [[nodiscard]] bool is_constant() const { return scope_.tracker == nullptr || scope_.frame == nullptr; }

    void check(const std::unique_ptr<ast::Expr>& expr)
    {
        if (expr) check(*expr);
    }

    void visit(const ast::Expr&, const ast::Literal&) {}

    void visit(const ast::Expr&, const ast::TextTemplate& text)
    {
        for (const ast::TextPart& part : text.parts) {
            if (!part.expr) continue;
            if (is_constant()) {
                context_.diagnostics.error("not-constant", part.expr->span,
                                           "interpolation `{...}` cannot be used in " +
                                               std::string(scope_.constant_context) +
                                               ": values there must be constant; write `\\{` for a brace");
                continue;
            }
            check(*part.expr);
        }
    }

    void visit(const ast::Expr& expr, const ast::VariableRef& variable)
    {
        if (is_constant()) {
            context_.diagnostics.error("not-constant", expr.span,
                                       "variable " + quoted_variable(variable.name) + " cannot be used in " +
                                           std::string(scope_.constant_context) + ": values there must be constant");
            return;
        }
        scope_.tracker->use(*scope_.frame, variable.name, expr.span);
    }

    void visit(const ast::Expr&, const ast::Call& call)
    {
        check_callee(call);
        for (const ast::Expr& argument : call.arguments) check(argument);
    }

    void visit(const ast::Expr&, const ast::Unary& unary) { check(unary.operand); }

    void visit(const ast::Expr&, const ast::Binary& binary)
    {
        check(binary.left);
        check(binary.right);
    }

    void visit(const ast::Expr&, const ast::Membership& membership)
    {
        check(membership.value);
        for (const ast::Expr& item : membership.domain.items) check(item);
    }

    void visit(const ast::Expr&, const ast::Conditional& conditional)
    {
        check(conditional.condition);
        check(conditional.when_true);
        check(conditional.when_false);
    }

    void visit(const ast::Expr&, const ast::ListExpr& list)
    {
        for (const ast::Expr& item : list.items) check(item);
    }

    void visit(const ast::Expr&, const ast::SlotAccess& access)
    {
        if (!access.object) return;
        const auto* variable = std::get_if<ast::VariableRef>(&access.object->node);
        if (variable == nullptr || is_constant()) {
            check(*access.object);
            return;
        }
        const std::vector<const Binding*> bindings =
            scope_.tracker->use(*scope_.frame, variable->name, access.object->span);
        if (bindings.empty()) return;
        std::string fact_template = bindings.front()->fact_template;
        for (const Binding* binding : bindings) {
            if (binding->kind != BindingKind::Fact) {
                context_.diagnostics.error("not-a-fact", access.object->span,
                                           quoted_variable(variable->name) +
                                               " holds a value, not a fact; only a fact variable (`?f <- "
                                               "template(...)`) has slots");
                return;
            }
            if (binding->fact_template != fact_template) fact_template.clear();
        }
        const TemplateInfo* info = context_.symbols.find_template(fact_template);
        if (info == nullptr || info->find_slot(access.slot.text) != nullptr) return;
        context_.diagnostics.error("unknown-slot", access.slot.span, unknown_slot_message(*info, access.slot.text));
    }

    void check_callee(const ast::Call& call)
    {
        const std::string& name = call.function.text;
        std::size_t min_arguments = 0;
        std::size_t max_arguments = 0;
        if (const std::optional<BuiltinFunction> builtin = find_builtin(name)) {
            min_arguments = builtin->min_arguments;
            max_arguments = builtin->max_arguments;
        } else if (const auto user = context_.symbols.functions.find(name); user != context_.symbols.functions.end()) {
            min_arguments = max_arguments = user->second->parameters.size();
        } else {
            std::vector<std::string_view> candidates = names_of(context_.symbols.functions);
            for (const BuiltinFunction& function : builtin_functions) candidates.push_back(function.name);
            context_.diagnostics.error("unknown-function", call.function.span,
                                       "unknown function " + quoted(name) + did_you_mean(name, candidates));
            return;
        }
        const std::size_t count = call.arguments.size();
        if (count >= min_arguments && count <= max_arguments) return;
        std::string expected;
        if (min_arguments == max_arguments) {
            expected = arguments_phrase(min_arguments);
        } else if (max_arguments == unbounded_arguments) {
            expected = "at least " + arguments_phrase(min_arguments);
        } else {
            expected = std::to_string(min_arguments) + " to " + arguments_phrase(max_arguments);
        }
        context_.diagnostics.error("wrong-arity", call.function.span,
                                   "function " + quoted(name) + " takes " + expected + ", but " +
                                       given_phrase(count));
    }

    CheckContext& context_;
    const ExprScope& scope_;
};

}  // namespace

void check_expression(CheckContext& context, const ast::Expr& expr, const ExprScope& scope)
{
    ExpressionChecker(context, scope).check(expr);
}

}  // namespace koers::checks
