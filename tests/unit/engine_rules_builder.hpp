// Test helper: builds RuleSets by hand, with variables by name as the compiler numbers
// them (the first use in a pattern binds, later uses test equality), so engine tests
// need neither the parser nor the compiler.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/network.hpp"
#include "engine/ruleset.hpp"
#include "engine/session.hpp"

namespace koers::engine::testing {

// A slot constraint: a variable ("?x"), a constant (an int, or a symbol given as text), or
// a test made with `cmp`, `in` or `range`.
struct Term {
    enum class Kind { Variable, Constant, Symbol, Compare, Member, Range } kind = Kind::Constant;
    std::string name;
    Value value;
    Operator op = Operator::Eq;
    std::vector<ExprSpec> operands;
    bool negated = false;

    Term(const char* text) : kind(text[0] == '?' ? Kind::Variable : Kind::Symbol), name(text[0] == '?' ? text + 1 : text) {}
    Term(int i) : value(Value::integer(i)) {}
    Term(double d) : value(Value::number(d)) {}
    Term(Value v) : value(v) {}
    Term() = default;
};

inline ExprSpec constant(Value value)
{
    ExprSpec e;
    e.value = value;
    return e;
}
inline ExprSpec integer(std::int64_t i) { return constant(Value::integer(i)); }
inline ExprSpec operation(Operator op, ExprSpec a, ExprSpec b)
{
    ExprSpec e;
    e.kind = ExprSpec::Kind::Operation;
    e.op = op;
    e.operands = {std::move(a), std::move(b)};
    return e;
}
inline Term cmp(Operator op, ExprSpec operand)
{
    Term t;
    t.kind = Term::Kind::Compare;
    t.op = op;
    t.operands = {std::move(operand)};
    return t;
}
inline Term in(std::vector<ExprSpec> items, bool negated = false)
{
    Term t;
    t.kind = Term::Kind::Member;
    t.operands = std::move(items);
    t.negated = negated;
    return t;
}
inline Term range(ExprSpec low, ExprSpec high, bool negated = false)
{
    Term t;
    t.kind = Term::Kind::Range;
    t.operands = {std::move(low), std::move(high)};
    t.negated = negated;
    return t;
}

class RulesBuilder;

class RuleDraft {
public:
    RuleDraft(RulesBuilder& builder, RuleSpec& rule) : builder_(builder), rule_(&rule) { conjunctions_.push_back(&rule.conditions); }

    RuleDraft& salience(std::int64_t s);
    RuleDraft& stage(StageId stage);

    // Conditions, appended to the rule (or to the body being built).
    RuleDraft& pattern(const std::string& template_name, std::vector<std::pair<std::string, Term>> slots);
    RuleDraft& pattern(const std::string& fact_variable, const std::string& template_name,
                       std::vector<std::pair<std::string, Term>> slots);
    RuleDraft& guard(ExprSpec test);
    RuleDraft& not_(const std::function<void()>& body);
    RuleDraft& exists(const std::function<void()>& body);
    RuleDraft& forall(const std::function<void()>& body, const std::function<void()>& requirement);
    RuleDraft& aggregate(const std::string& variable, AggregateKind kind, const std::function<void()>& body,
                         const std::function<ExprSpec()>& value = {});

    // Expressions over the rule's variables.
    ExprSpec var(const std::string& name);
    ExprSpec slot(const std::string& fact_variable, const std::string& slot_name);

    // Actions.
    RuleDraft& assert_(const std::string& template_name, std::vector<std::pair<std::string, ExprSpec>> slots, bool logical = false);
    RuleDraft& retract(const std::string& fact_variable);
    RuleDraft& modify(const std::string& fact_variable, std::vector<std::pair<std::string, ExprSpec>> slots);
    RuleDraft& print(ExprSpec value);
    RuleDraft& bind(const std::string& name, ExprSpec value);
    RuleDraft& advise(const std::string& topic, Severity severity, std::vector<std::pair<std::string, ExprSpec>> links = {});
    RuleDraft& focus(std::vector<StageId> stages);
    RuleDraft& halt();
    RuleDraft& at(std::string file, std::uint32_t line, std::uint32_t column);  // place of the last action

private:
    VariableId declare(const std::string& name);
    ConditionSpec body_condition(ConditionSpec::Kind kind, const std::function<void()>& body);

    RulesBuilder& builder_;
    RuleSpec* rule_;
    std::map<std::string, VariableId> visible_;
    std::map<std::string, VariableId> fact_variables_;
    std::map<std::string, TemplateId> fact_templates_;
    std::vector<Conjunction*> conjunctions_;
};

class RulesBuilder {
public:
    RulesBuilder()
    {
        rules_->values = std::make_shared<ValueStore>();
        rules_->stages.push_back(StageSpec{"main", {}});
    }

    TemplateId tmpl(const std::string& name, const std::vector<std::string>& slots, ValueType type = ValueType::Int)
    {
        std::vector<SlotSpec> specs;
        for (const std::string& slot : slots) {
            SlotSpec spec;
            spec.name = slot;
            spec.type = type;
            spec.optional = true;
            specs.push_back(spec);
        }
        return typed_tmpl(name, std::move(specs));
    }
    TemplateId typed_tmpl(const std::string& name, std::vector<SlotSpec> slots)
    {
        rules_->templates.push_back(TemplateSpec{name, {}, std::move(slots), {}});
        return static_cast<TemplateId>(rules_->templates.size() - 1);
    }
    StageId stage(const std::string& name)
    {
        rules_->stages.push_back(StageSpec{name, {}});
        return static_cast<StageId>(rules_->stages.size() - 1);
    }
    FunctionId function(const std::string& name, std::uint32_t parameters, ExprSpec body)
    {
        rules_->functions.push_back(FunctionSpec{name, parameters, std::move(body), {}});
        return static_cast<FunctionId>(rules_->functions.size() - 1);
    }

    RuleDraft& rule(const std::string& name)
    {
        RuleSpec spec;
        spec.name = name;
        spec.declaration_order = static_cast<std::uint32_t>(rules_->rules.size());
        spec.where = SourceRef{"rules.koers", static_cast<std::uint32_t>(rules_->rules.size() + 1), 1};
        rules_->rules.push_back(std::move(spec));
        // Rules are kept in a vector that grows: drafts point into it, so finish each
        // rule before the next one (as the tests do).
        drafts_.clear();
        drafts_.push_back(std::make_unique<RuleDraft>(*this, rules_->rules.back()));
        return *drafts_.back();
    }

    Value symbol(const std::string& name) { return rules_->values->symbol(name); }
    Value text(const std::string& s) { return rules_->values->text(s); }
    ExprSpec sym(const std::string& name) { return constant(symbol(name)); }
    ExprSpec txt(const std::string& s) { return constant(text(s)); }

    TemplateId template_id(const std::string& name) const
    {
        for (TemplateId id = 0; id < rules_->templates.size(); ++id) {
            if (rules_->templates[id].name == name) return id;
        }
        throw std::logic_error("no template " + name);
    }
    SlotIndex slot_index(TemplateId id, const std::string& name) const
    {
        const auto& slots = rules_->templates[id].slots;
        for (SlotIndex i = 0; i < slots.size(); ++i) {
            if (slots[i].name == name) return i;
        }
        throw std::logic_error("no slot " + name);
    }

    FactValue fact(const std::string& template_name, std::vector<std::pair<std::string, Value>> slots)
    {
        FactValue fact;
        fact.template_id = template_id(template_name);
        const TemplateSpec& spec = rules_->templates[fact.template_id];
        fact.slots.resize(spec.slots.size());
        for (SlotIndex i = 0; i < spec.slots.size(); ++i) {
            if (spec.slots[i].default_value) fact.slots[i] = *spec.slots[i].default_value;
        }
        for (auto& [name, value] : slots) fact.slots[slot_index(fact.template_id, name)] = value;
        return fact;
    }
    void initial(FactValue fact) { rules_->initial_facts.push_back(std::move(fact)); }

    std::shared_ptr<RuleSet> rules() const { return rules_; }
    std::shared_ptr<const Network> network() const
    {
        NetworkBuild built = build_network(rules_);
        if (!built.network) throw std::logic_error("network: " + built.errors.front().render());
        return built.network;
    }

private:
    std::shared_ptr<RuleSet> rules_ = std::make_shared<RuleSet>();
    std::vector<std::unique_ptr<RuleDraft>> drafts_;
};

inline VariableId RuleDraft::declare(const std::string& name)
{
    const auto id = static_cast<VariableId>(rule_->variables.size());
    rule_->variables.push_back(VariableSpec{name});
    visible_[name] = id;
    return id;
}

inline RuleDraft& RuleDraft::salience(std::int64_t s)
{
    rule_->salience = s;
    return *this;
}

inline RuleDraft& RuleDraft::stage(StageId stage)
{
    rule_->stage = stage;
    return *this;
}

inline RuleDraft& RuleDraft::pattern(const std::string& template_name, std::vector<std::pair<std::string, Term>> slots)
{
    return pattern({}, template_name, std::move(slots));
}

inline RuleDraft& RuleDraft::pattern(const std::string& fact_variable, const std::string& template_name,
                                     std::vector<std::pair<std::string, Term>> slots)
{
    ConditionSpec c;
    c.kind = ConditionSpec::Kind::Pattern;
    c.template_id = builder_.template_id(template_name);
    c.where = rule_->where;
    if (!fact_variable.empty()) {
        const std::string name = fact_variable.substr(1);
        c.fact_variable = declare(name);
        fact_variables_[name] = *c.fact_variable;
        fact_templates_[name] = c.template_id;
    }
    for (auto& [slot_name, term] : slots) {
        SlotConstraintSpec s;
        s.slot = builder_.slot_index(c.template_id, slot_name);
        switch (term.kind) {
        case Term::Kind::Variable:
            if (const auto found = visible_.find(term.name); found != visible_.end()) {
                s.kind = SlotConstraintSpec::Kind::Test;
                s.operand = var("?" + term.name);
            } else {
                s.kind = SlotConstraintSpec::Kind::Bind;
                s.variable = declare(term.name);
            }
            break;
        case Term::Kind::Constant: s.operand = constant(term.value); break;
        case Term::Kind::Symbol: s.operand = builder_.sym(term.name); break;
        case Term::Kind::Compare:
            s.op = term.op;
            s.operand = term.operands[0];
            break;
        case Term::Kind::Member:
            s.kind = SlotConstraintSpec::Kind::Member;
            s.negated = term.negated;
            s.operand.kind = ExprSpec::Kind::MakeList;
            s.operand.operands = term.operands;
            break;
        case Term::Kind::Range:
            s.kind = SlotConstraintSpec::Kind::Range;
            s.negated = term.negated;
            s.low = term.operands[0];
            s.high = term.operands[1];
            break;
        }
        c.constraints.push_back(std::move(s));
    }
    conjunctions_.back()->push_back(std::move(c));
    return *this;
}

inline RuleDraft& RuleDraft::guard(ExprSpec test)
{
    ConditionSpec c;
    c.kind = ConditionSpec::Kind::Guard;
    c.test = std::move(test);
    c.where = rule_->where;
    conjunctions_.back()->push_back(std::move(c));
    return *this;
}

inline ConditionSpec RuleDraft::body_condition(ConditionSpec::Kind kind, const std::function<void()>& body)
{
    ConditionSpec c;
    c.kind = kind;
    c.where = rule_->where;
    const auto saved = visible_;
    conjunctions_.push_back(&c.body);
    body();
    conjunctions_.pop_back();
    visible_ = saved;
    return c;
}

inline RuleDraft& RuleDraft::not_(const std::function<void()>& body)
{
    conjunctions_.back()->push_back(body_condition(ConditionSpec::Kind::Not, body));
    return *this;
}

inline RuleDraft& RuleDraft::exists(const std::function<void()>& body)
{
    conjunctions_.back()->push_back(body_condition(ConditionSpec::Kind::Exists, body));
    return *this;
}

inline RuleDraft& RuleDraft::forall(const std::function<void()>& body, const std::function<void()>& requirement)
{
    ConditionSpec c;
    c.kind = ConditionSpec::Kind::Forall;
    c.where = rule_->where;
    const auto saved = visible_;
    conjunctions_.push_back(&c.body);
    body();
    conjunctions_.back() = &c.requirement;
    requirement();
    conjunctions_.pop_back();
    visible_ = saved;
    conjunctions_.back()->push_back(std::move(c));
    return *this;
}

inline RuleDraft& RuleDraft::aggregate(const std::string& variable, AggregateKind kind, const std::function<void()>& body,
                                       const std::function<ExprSpec()>& value)
{
    ConditionSpec c;
    c.kind = ConditionSpec::Kind::Aggregate;
    c.aggregate = kind;
    c.where = rule_->where;
    const auto saved = visible_;
    conjunctions_.push_back(&c.body);
    body();
    if (value) c.value = value();
    conjunctions_.pop_back();
    visible_ = saved;
    c.variable = declare(variable.substr(1));
    conjunctions_.back()->push_back(std::move(c));
    return *this;
}

inline ExprSpec RuleDraft::var(const std::string& name)
{
    ExprSpec e;
    e.kind = ExprSpec::Kind::Variable;
    const auto found = visible_.find(name.substr(1));
    if (found == visible_.end()) throw std::logic_error("unbound " + name);
    e.variable = found->second;
    return e;
}

inline ExprSpec RuleDraft::slot(const std::string& fact_variable, const std::string& slot_name)
{
    ExprSpec e;
    e.kind = ExprSpec::Kind::FactSlot;
    const std::string name = fact_variable.substr(1);
    e.variable = fact_variables_.at(name);
    e.slot = builder_.slot_index(fact_templates_.at(name), slot_name);
    return e;
}

inline RuleDraft& RuleDraft::assert_(const std::string& template_name, std::vector<std::pair<std::string, ExprSpec>> slots,
                                     bool logical)
{
    ActionSpec a;
    a.kind = ActionSpec::Kind::Assert;
    a.template_id = builder_.template_id(template_name);
    a.logical = logical;
    const TemplateSpec& spec = builder_.rules()->templates[a.template_id];
    for (SlotIndex i = 0; i < spec.slots.size(); ++i) {
        a.slots.push_back(SlotAssignment{i, constant(spec.slots[i].default_value.value_or(Value()))});
    }
    for (auto& [name, value] : slots) a.slots[builder_.slot_index(a.template_id, name)].value = std::move(value);
    a.where = rule_->where;
    rule_->actions.push_back(std::move(a));
    return *this;
}

inline RuleDraft& RuleDraft::retract(const std::string& fact_variable)
{
    ActionSpec a;
    a.kind = ActionSpec::Kind::Retract;
    a.variable = fact_variables_.at(fact_variable.substr(1));
    a.where = rule_->where;
    rule_->actions.push_back(std::move(a));
    return *this;
}

inline RuleDraft& RuleDraft::modify(const std::string& fact_variable, std::vector<std::pair<std::string, ExprSpec>> slots)
{
    ActionSpec a;
    a.kind = ActionSpec::Kind::Modify;
    const std::string name = fact_variable.substr(1);
    a.variable = fact_variables_.at(name);
    for (auto& [slot_name, value] : slots) {
        a.slots.push_back(SlotAssignment{builder_.slot_index(fact_templates_.at(name), slot_name), std::move(value)});
    }
    a.where = rule_->where;
    rule_->actions.push_back(std::move(a));
    return *this;
}

inline RuleDraft& RuleDraft::print(ExprSpec value)
{
    ActionSpec a;
    a.kind = ActionSpec::Kind::Print;
    a.value = std::move(value);
    a.where = rule_->where;
    rule_->actions.push_back(std::move(a));
    return *this;
}

inline RuleDraft& RuleDraft::bind(const std::string& name, ExprSpec value)
{
    ActionSpec a;
    a.kind = ActionSpec::Kind::Bind;
    a.value = std::move(value);
    a.variable = declare(name.substr(1));
    a.where = rule_->where;
    rule_->actions.push_back(std::move(a));
    return *this;
}

inline RuleDraft& RuleDraft::advise(const std::string& topic, Severity severity, std::vector<std::pair<std::string, ExprSpec>> links)
{
    ActionSpec a;
    a.kind = ActionSpec::Kind::Advise;
    a.topic = builder_.symbol(topic).id();
    a.severity = severity;
    for (auto& [key, value] : links) a.links.emplace_back(builder_.symbol(key).id(), std::move(value));
    a.where = rule_->where;
    rule_->actions.push_back(std::move(a));
    return *this;
}

inline RuleDraft& RuleDraft::focus(std::vector<StageId> stages)
{
    ActionSpec a;
    a.kind = ActionSpec::Kind::Focus;
    a.stages = std::move(stages);
    a.where = rule_->where;
    rule_->actions.push_back(std::move(a));
    return *this;
}

inline RuleDraft& RuleDraft::halt()
{
    ActionSpec a;
    a.kind = ActionSpec::Kind::Halt;
    rule_->actions.push_back(std::move(a));
    return *this;
}

inline RuleDraft& RuleDraft::at(std::string file, std::uint32_t line, std::uint32_t column)
{
    rule_->actions.back().where = SourceRef{std::move(file), line, column};
    return *this;
}

// The names of the rules in the firing log, in order.
inline std::vector<std::string> fired_rules(const Session& session)
{
    std::vector<std::string> names;
    for (const FiringRecord& record : session.firing_log().records()) {
        names.push_back(session.network().rules().rules[record.rule].name);
    }
    return names;
}

}  // namespace koers::engine::testing
