// `why not`: the network already knows how far each rule's matches get (the tokens each
// node holds), so the first condition that stops them is found without matching again.
// For a pattern, the closest fact is then found by trying the pattern's constraints on
// the facts of its template, and the first constraint it fails is named.
#include <algorithm>

#include "engine/condition_text.hpp"
#include "engine/expr_compiler.hpp"
#include "engine/session_state.hpp"

namespace koers::engine {

namespace {

// Enough pairs to find a close fact; few enough to answer at once.
constexpr std::size_t max_tokens = 64;
constexpr std::size_t max_facts = 4096;

class WhyNotExplainer {
public:
    WhyNotExplainer(const SessionState& state, const RuleSpec& rule)
        : state_(state), rule_(rule), text_{state.rules, state.values, rule.variables}
    {
    }

    void explain(const RuleInfo& info, WhyNot::Variant& variant)
    {
        for (std::size_t k = 0; k < info.chain.size(); ++k) {
            const NodeId next = k + 1 < info.chain.size() ? info.chain[k + 1].node : info.terminal;
            if (state_.matcher.tokens_at(next) > 0) continue;
            const ChainStep& step = info.chain[k];
            const ConditionSpec& condition = rule_.conditions[step.first_condition];
            variant.condition = step.first_condition;
            variant.where = condition.where;
            variant.condition_text = condition_text(text_, condition);
            variant.reason = reason(step, condition);
            return;
        }
    }

private:
    std::string reason(const ChainStep& step, const ConditionSpec& condition)
    {
        const Node& node = state_.net.node(step.node);
        switch (node.kind) {
        case NodeKind::Join: return pattern_reason(step, condition);
        case NodeKind::Filter: return "the condition is false for every match of the conditions before it";
        case NodeKind::Negative:
            return condition.kind == ConditionSpec::Kind::Exists ? "no facts match it" : "facts match what it excludes";
        case NodeKind::Owner:
            if (condition.kind == ConditionSpec::Kind::Exists) return "no facts match it";
            if (condition.kind == ConditionSpec::Kind::Aggregate) {
                return step.condition_count > 1 ? "the aggregate has no value, or the condition after it is false"
                                                : "the aggregate has no value: nothing matches its condition";
            }
            return condition.kind == ConditionSpec::Kind::Forall ? "some facts match its condition but not what it implies"
                                                                  : "facts match what it excludes";
        default: return {};
        }
    }

    std::string pattern_reason(const ChainStep& step, const ConditionSpec& pattern)
    {
        std::vector<const Fact*> candidates;
        for (const Fact* fact : state_.memory.all()) {
            if (fact->live && fact->template_id == pattern.template_id) candidates.push_back(fact);
            if (candidates.size() == max_facts) break;
        }
        const std::string name = state_.rules.templates[pattern.template_id].name;
        if (candidates.empty()) return "there are no `" + name + "` facts";
        // Compiled beside the network's expressions, so that calls of functions work.
        ExprArena arena = state_.net.exprs();
        std::vector<RuntimeError> errors;
        ExprCompiler compiler(arena, state_.rules, errors);
        Scope scope = step.scope;
        struct Check {
            ExprRef test;
            std::string text;
        };
        std::vector<Check> checks;
        for (const ConstraintTest& test : compile_constraints(compiler, pattern, step.depth, scope, &rule_.variables)) {
            checks.push_back({test.test, constraint_text(text_, pattern.template_id, pattern.constraints[test.constraint])});
        }
        const ExprContext context{&scope, step.depth, false, false, &rule_.variables};
        for (std::uint32_t i = 1; i < step.condition_count; ++i) {
            const ConditionSpec& guard = rule_.conditions[step.first_condition + i];
            checks.push_back({compiler.compile(guard.test, context), condition_text(text_, guard)});
        }
        if (!errors.empty()) return {};
        // Values made while trying go to a layer of their own: the session stays as it is.
        ValueStore values(std::shared_ptr<const ValueStore>(std::shared_ptr<const ValueStore>{}, &state_.values));
        Evaluator evaluator(arena, state_.net.function_bodies(), values);
        std::vector<const Token*> tokens;
        state_.matcher.for_each_join_token(step.node, [&](const Token* token) {
            if (tokens.size() < max_tokens) tokens.push_back(token);
        });
        std::size_t best = 0;
        const Fact* closest = nullptr;
        const Token* closest_token = nullptr;
        for (const Token* token : tokens) {
            for (const Fact* fact : candidates) {
                EvalFrame frame;
                frame.token = token->facts();
                frame.self = fact;
                std::size_t passed = 0;
                while (passed < checks.size() && evaluator.holds(checks[passed].test, frame)) ++passed;
                evaluator.take_error();
                if (closest == nullptr || passed > best) {
                    best = passed;
                    closest = fact;
                    closest_token = token;
                }
            }
        }
        if (closest == nullptr || best >= checks.size()) return "an error stopped the match";
        std::string out = "the closest fact, f-" + std::to_string(closest->id) + " " + state_.fact_text(*closest) + ", fails `" +
                          checks[best].text + "`";
        if (closest_token->depth > 0) out += " (with " + state_.match_text(*closest_token) + " matched before)";
        return out;
    }

    const SessionState& state_;
    const RuleSpec& rule_;
    TextContext text_;
};

}  // namespace

WhyNot explain_why_not(const SessionState& state, std::string_view rule)
{
    WhyNot result;
    result.rule = std::string(rule);
    for (const RuleId id : state.net.rules_named(rule)) {
        result.known = true;
        const RuleSpec& spec = state.rules.rules[id];
        const RuleInfo& info = state.net.rule(id);
        WhyNot::Variant variant;
        variant.variant = spec.variant;
        variant.fired = state.fired_count(id);
        state.agenda.for_each([&](const Activation* activation) {
            if (activation->rule == id) ++variant.waiting;
        });
        variant.matched = state.matcher.tokens_at(info.terminal) > 0;
        if (!variant.matched) WhyNotExplainer(state, spec).explain(info, variant);
        result.variants.push_back(std::move(variant));
    }
    return result;
}

std::string render_why_not(const WhyNot& why_not)
{
    if (!why_not.known) return "there is no rule `" + why_not.rule + "`\n";
    std::string out;
    for (const WhyNot::Variant& variant : why_not.variants) {
        out += "rule `" + why_not.rule + "`";
        if (why_not.variants.size() > 1) out += " (variant " + std::to_string(variant.variant) + ")";
        if (variant.matched) {
            out += ": matches now; " + std::to_string(variant.waiting) + " waiting to fire, fired " + std::to_string(variant.fired) +
                   " times\n";
            continue;
        }
        out += ": no match";
        if (variant.fired > 0) out += " (fired " + std::to_string(variant.fired) + " times before)";
        out += "\n";
        if (!variant.condition) continue;
        out += "  ";
        if (!variant.where.file.empty()) {
            out += variant.where.file + ":" + std::to_string(variant.where.line) + ":" + std::to_string(variant.where.column) + ": ";
        }
        out += "condition " + std::to_string(*variant.condition + 1) + " `" + variant.condition_text + "` fails";
        if (!variant.reason.empty()) out += ": " + variant.reason;
        out += "\n";
    }
    return out;
}

}  // namespace koers::engine
