// Property test: random templates, rules (patterns with joins, not, exists, forall, guards,
// counts)
// and random sequences of assert, retract and modify. After every step the activations on
// the agenda (rule and facts) must equal what a naive matcher finds by trying every
// combination of facts from scratch.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <sstream>

#include "engine_rules_builder.hpp"

using namespace koers::engine;

namespace {

constexpr int slot_values = 3;  // small domains, so that joins meet often

class Generator {
public:
    explicit Generator(std::uint32_t seed) : rng_(seed) {}

    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
    bool chance(int percent) { return pick(100) < percent; }

    std::shared_ptr<RuleSet> ruleset()
    {
        auto rules = std::make_shared<RuleSet>();
        rules->values = std::make_shared<ValueStore>();
        rules->stages.push_back(StageSpec{"main", {}});
        const int templates = 2 + pick(2);
        for (int t = 0; t < templates; ++t) {
            TemplateSpec spec;
            spec.name = "t" + std::to_string(t);
            const int slots = 1 + pick(3);
            for (int s = 0; s < slots; ++s) {
                SlotSpec slot;
                slot.name = "s" + std::to_string(s);
                slot.type = ValueType::Int;
                spec.slots.push_back(slot);
            }
            rules->templates.push_back(std::move(spec));
        }
        const int count = 1 + pick(4);
        for (int r = 0; r < count; ++r) {
            RuleSpec rule;
            rule.name = "r" + std::to_string(r);
            rule.declaration_order = static_cast<std::uint32_t>(r);
            std::vector<VariableId> scope;
            const int conditions = 1 + pick(4);
            for (int c = 0; c < conditions; ++c) rule.conditions.push_back(condition(*rules, rule, scope, true));
            rules->rules.push_back(std::move(rule));
        }
        return rules;
    }

    FactValue fact(const RuleSet& rules)
    {
        FactValue fact;
        fact.template_id = static_cast<TemplateId>(pick(static_cast<int>(rules.templates.size())));
        for (std::size_t s = 0; s < rules.templates[fact.template_id].slots.size(); ++s) {
            fact.slots.push_back(Value::integer(pick(slot_values)));
        }
        return fact;
    }

private:
    static ExprSpec variable(VariableId id)
    {
        ExprSpec e;
        e.kind = ExprSpec::Kind::Variable;
        e.variable = id;
        return e;
    }

    ExprSpec operand(const std::vector<VariableId>& scope)
    {
        if (!scope.empty() && chance(60)) return variable(scope[static_cast<std::size_t>(pick(static_cast<int>(scope.size())))]);
        return testing::integer(pick(slot_values));
    }

    Operator comparison()
    {
        static const Operator ops[] = {Operator::Lt, Operator::Le, Operator::Gt, Operator::Ge, Operator::Ne, Operator::Eq};
        return ops[pick(6)];
    }

    ConditionSpec pattern(const RuleSet& rules, RuleSpec& rule, std::vector<VariableId>& scope)
    {
        ConditionSpec c;
        c.kind = ConditionSpec::Kind::Pattern;
        c.template_id = static_cast<TemplateId>(pick(static_cast<int>(rules.templates.size())));
        const std::vector<VariableId> before = scope;
        for (SlotIndex s = 0; s < rules.templates[c.template_id].slots.size(); ++s) {
            SlotConstraintSpec constraint;
            constraint.slot = s;
            const int choice = pick(100);
            if (choice < 30) continue;
            if (choice < 50) {
                constraint.operand = testing::integer(pick(slot_values));  // constant
            } else if (choice < 72 || before.empty()) {
                constraint.kind = SlotConstraintSpec::Kind::Bind;
                constraint.variable = static_cast<VariableId>(rule.variables.size());
                rule.variables.push_back(VariableSpec{"v" + std::to_string(constraint.variable)});
                scope.push_back(constraint.variable);
            } else if (choice < 88) {
                constraint.operand = variable(before[static_cast<std::size_t>(pick(static_cast<int>(before.size())))]);  // join
            } else {
                constraint.op = comparison();
                constraint.operand = operand(before);
            }
            c.constraints.push_back(std::move(constraint));
        }
        return c;
    }

    ConditionSpec condition(const RuleSet& rules, RuleSpec& rule, std::vector<VariableId>& scope, bool outer)
    {
        const int choice = pick(100);
        if (choice < 60 || !outer) return pattern(rules, rule, scope);
        if (choice < 70 && !scope.empty()) {
            ConditionSpec guard;
            guard.kind = ConditionSpec::Kind::Guard;
            guard.test = testing::operation(comparison(), variable(scope[static_cast<std::size_t>(pick(static_cast<int>(scope.size())))]),
                                            operand(scope));
            return guard;
        }
        ConditionSpec c;
        c.kind = choice < 80   ? ConditionSpec::Kind::Not
                 : choice < 88 ? ConditionSpec::Kind::Exists
                 : choice < 94 ? ConditionSpec::Kind::Forall
                               : ConditionSpec::Kind::Aggregate;
        std::vector<VariableId> inner = scope;
        if (c.kind == ConditionSpec::Kind::Forall) {
            c.body.push_back(pattern(rules, rule, inner));
            c.requirement.push_back(pattern(rules, rule, inner));
            return c;
        }
        const int body = 1 + pick(2);
        for (int i = 0; i < body; ++i) c.body.push_back(pattern(rules, rule, inner));
        if (chance(30) && inner.size() > scope.size()) {
            ConditionSpec guard;
            guard.kind = ConditionSpec::Kind::Guard;
            guard.test = testing::operation(comparison(), variable(inner.back()), operand(inner));
            c.body.push_back(std::move(guard));
        }
        if (c.kind == ConditionSpec::Kind::Aggregate) {
            c.aggregate = AggregateKind::Count;
            c.variable = static_cast<VariableId>(rule.variables.size());
            rule.variables.push_back(VariableSpec{"n" + std::to_string(c.variable)});
            scope.push_back(c.variable);
        }
        return c;
    }

    std::mt19937 rng_;
};

// Recomputes every match from scratch.
class NaiveMatcher {
public:
    NaiveMatcher(const RuleSet& rules, std::vector<FactView> facts) : rules_(rules), facts_(std::move(facts)) {}

    std::vector<std::pair<RuleId, std::vector<FactId>>> matches()
    {
        std::vector<std::pair<RuleId, std::vector<FactId>>> result;
        for (RuleId r = 0; r < rules_.rules.size(); ++r) {
            std::vector<std::optional<Value>> bindings(rules_.rules[r].variables.size());
            std::vector<FactId> positions;
            match(rules_.rules[r].conditions, 0, bindings, positions,
                  [&](const std::vector<FactId>& found) { result.emplace_back(r, found); });
        }
        std::sort(result.begin(), result.end());
        return result;
    }

private:
    using Bindings = std::vector<std::optional<Value>>;
    using Found = std::function<void(const std::vector<FactId>&)>;

    Value eval(const ExprSpec& e, const Bindings& b) const
    {
        if (e.kind == ExprSpec::Kind::Constant) return e.value;
        if (e.kind == ExprSpec::Kind::Variable) return *b.at(e.variable);
        const std::int64_t x = eval(e.operands[0], b).as_int();
        const std::int64_t y = eval(e.operands[1], b).as_int();
        switch (e.op) {
        case Operator::Lt: return Value::boolean(x < y);
        case Operator::Le: return Value::boolean(x <= y);
        case Operator::Gt: return Value::boolean(x > y);
        case Operator::Ge: return Value::boolean(x >= y);
        case Operator::Ne: return Value::boolean(x != y);
        default: return Value::boolean(x == y);
        }
    }

    bool fits(const ConditionSpec& c, const FactView& fact, Bindings& b) const
    {
        if (fact.template_id != c.template_id) return false;
        for (const SlotConstraintSpec& constraint : c.constraints) {
            const Value slot = fact.slots[constraint.slot];
            if (constraint.kind == SlotConstraintSpec::Kind::Bind) {
                b[constraint.variable] = slot;
                continue;
            }
            ExprSpec test = testing::operation(constraint.op, testing::constant(slot), constraint.operand);
            if (!eval(test, b).as_bool()) return false;
        }
        return true;
    }

    void match(const Conjunction& conditions, std::size_t i, Bindings& b, std::vector<FactId>& positions, const Found& found,
               const std::function<void(Bindings&)>& with_bindings = {})
    {
        if (i == conditions.size()) {
            found(positions);
            if (with_bindings) with_bindings(b);
            return;
        }
        const ConditionSpec& c = conditions[i];
        switch (c.kind) {
        case ConditionSpec::Kind::Pattern:
            for (const FactView& fact : facts_) {
                Bindings inner = b;
                if (!fits(c, fact, inner)) continue;
                positions.push_back(fact.id);
                match(conditions, i + 1, inner, positions, found, with_bindings);
                positions.pop_back();
            }
            return;
        case ConditionSpec::Kind::Guard:
            if (eval(c.test, b).as_bool()) match(conditions, i + 1, b, positions, found, with_bindings);
            return;
        case ConditionSpec::Kind::Forall: {
            bool every = true;
            Bindings inner = b;
            std::vector<FactId> inner_positions = positions;
            match(c.body, 0, inner, inner_positions, [&](const std::vector<FactId>&) {}, [&](Bindings& domain) {
                std::size_t met = 0;
                std::vector<FactId> more;
                match(c.requirement, 0, domain, more, [&](const std::vector<FactId>&) { ++met; });
                every = every && met > 0;
            });
            if (!every) return;
            positions.push_back(0);
            match(conditions, i + 1, b, positions, found, with_bindings);
            positions.pop_back();
            return;
        }
        default: {
            std::size_t count = 0;
            Bindings inner = b;
            std::vector<FactId> inner_positions = positions;
            match(c.body, 0, inner, inner_positions, [&](const std::vector<FactId>&) { ++count; });
            const bool holds = c.kind == ConditionSpec::Kind::Not      ? count == 0
                               : c.kind == ConditionSpec::Kind::Exists ? count > 0
                                                                       : true;
            if (!holds) return;
            Bindings next = b;
            if (c.kind == ConditionSpec::Kind::Aggregate) next[c.variable] = Value::integer(static_cast<std::int64_t>(count));
            positions.push_back(0);
            match(conditions, i + 1, next, positions, found, with_bindings);
            positions.pop_back();
            return;
        }
        }
    }

    const RuleSet& rules_;
    std::vector<FactView> facts_;
};

std::vector<std::pair<RuleId, std::vector<FactId>>> activations(const Session& session)
{
    std::vector<std::pair<RuleId, std::vector<FactId>>> result;
    for (const ActivationView& a : session.agenda()) result.emplace_back(a.rule, a.facts);
    std::sort(result.begin(), result.end());
    return result;
}

}  // namespace

TEST_CASE("the network's activations equal a naive matcher's after every change")
{
    constexpr std::uint32_t cases = 3000;
    constexpr int steps = 25;
    std::uint64_t checked = 0;
    std::uint64_t total_activations = 0;
    for (std::uint32_t seed = 1; seed <= cases; ++seed) {
        Generator gen(seed);
        const std::shared_ptr<RuleSet> rules = gen.ruleset();
        NetworkBuild built = build_network(rules);
        REQUIRE_MESSAGE(built.network, "seed " << seed);
        Session session(built.network);
        for (int step = 0; step < steps; ++step) {
            const std::vector<FactView> live = session.facts();
            const int choice = gen.pick(100);
            if (choice < 55 || live.empty()) {
                session.assert_fact(gen.fact(*rules));
            } else if (choice < 80) {
                session.retract(live[static_cast<std::size_t>(gen.pick(static_cast<int>(live.size())))].id);
            } else if (choice < 98) {
                const FactView& fact = live[static_cast<std::size_t>(gen.pick(static_cast<int>(live.size())))];
                const SlotChange change{static_cast<SlotIndex>(gen.pick(static_cast<int>(fact.slots.size()))),
                                        Value::integer(gen.pick(slot_values))};
                session.modify(fact.id, std::span<const SlotChange>(&change, 1));
            } else {
                session.clear();
            }
            const auto expected = NaiveMatcher(*rules, session.facts()).matches();
            const auto actual = activations(session);
            if (expected != actual) {
                FAIL_CHECK("seed " << seed << " step " << step << ": " << actual.size() << " activations, naive "
                                   << expected.size());
                break;
            }
            ++checked;
            total_activations += actual.size();
        }
    }
    CHECK(checked == cases * steps);
    // The cases must exercise the network: most steps have matches.
    CHECK(total_activations > checked);
}
