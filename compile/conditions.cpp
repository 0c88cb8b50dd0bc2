#include "compile/conditions.hpp"

#include <type_traits>
#include <utility>

#include "compile/expressions.hpp"

namespace koers::compile {

namespace {

using engine::ConditionSpec;
using engine::SlotConstraintSpec;

engine::Operator compare_operator(ast::CompareOp op)
{
    switch (op) {
    case ast::CompareOp::Eq: return engine::Operator::Eq;
    case ast::CompareOp::Ne: return engine::Operator::Ne;
    case ast::CompareOp::Lt: return engine::Operator::Lt;
    case ast::CompareOp::Le: return engine::Operator::Le;
    case ast::CompareOp::Gt: return engine::Operator::Gt;
    case ast::CompareOp::Ge: return engine::Operator::Ge;
    }
    return engine::Operator::Eq;
}

engine::AggregateKind aggregate_kind(ast::AggregateFn function)
{
    switch (function) {
    case ast::AggregateFn::Count: return engine::AggregateKind::Count;
    case ast::AggregateFn::Sum: return engine::AggregateKind::Sum;
    case ast::AggregateFn::Min: return engine::AggregateKind::Min;
    case ast::AggregateFn::Max: return engine::AggregateKind::Max;
    case ast::AggregateFn::Avg: return engine::AggregateKind::Avg;
    case ast::AggregateFn::Collect: return engine::AggregateKind::Collect;
    }
    return engine::AggregateKind::Count;
}

class PatternCompiler {
public:
    PatternCompiler(CompileContext& context, RuleVariables& variables, Frame& frame)
        : context_(context), variables_(variables), frame_(frame), environment_{&frame, &variables, nullptr}
    {
    }

    ConditionSpec compile(const ast::Pattern& pattern, const ast::Span& span)
    {
        ConditionSpec spec;
        spec.kind = ConditionSpec::Kind::Pattern;
        spec.where = context_.where(span);
        const TemplateEntry* entry = context_.find_template(pattern.template_name.text);
        if (entry == nullptr) {
            context_.internal_error(pattern.template_name.span, "unknown template " + quoted(pattern.template_name.text));
            return spec;
        }
        spec.template_id = entry->id;
        if (pattern.binding) {
            spec.fact_variable = variables_.declare(pattern.binding->text, entry->id);
            frame_.bind(pattern.binding->text, *spec.fact_variable);
        }
        for (const ast::SlotConstraint& constraint : pattern.constraints) {
            const std::optional<engine::SlotIndex> slot = context_.find_slot(entry->id, constraint.slot.text);
            if (!slot) {
                context_.internal_error(constraint.slot.span, "template " + quoted(pattern.template_name.text) +
                                                                  " has no slot " + quoted(constraint.slot.text));
                continue;
            }
            if (constraint.variable) add_variable(spec, *slot, *constraint.variable);
            if (constraint.test) add_test(spec, *slot, *constraint.test);
        }
        return spec;
    }

private:
    void add_variable(ConditionSpec& spec, engine::SlotIndex slot, const ast::Name& variable)
    {
        SlotConstraintSpec constraint;
        constraint.slot = slot;
        if (const std::optional<engine::VariableId> bound = frame_.find(variable.text)) {
            constraint.kind = SlotConstraintSpec::Kind::Test;
            constraint.op = engine::Operator::Eq;
            constraint.operand.kind = engine::ExprSpec::Kind::Variable;
            constraint.operand.variable = *bound;
            constraint.operand.where = context_.where(variable.span);
        } else {
            constraint.kind = SlotConstraintSpec::Kind::Bind;
            constraint.variable = variables_.declare(variable.text);
            frame_.bind(variable.text, constraint.variable);
        }
        spec.constraints.push_back(std::move(constraint));
    }

    void add_test(ConditionSpec& spec, engine::SlotIndex slot, const ast::SlotTest& test)
    {
        SlotConstraintSpec constraint;
        constraint.slot = slot;
        if (test.kind == ast::SlotTest::Kind::Compare) {
            if (!test.operand) {
                context_.internal_error(test.span, "a comparison without a value");
                return;
            }
            constraint.kind = SlotConstraintSpec::Kind::Test;
            constraint.op = compare_operator(test.op);
            constraint.operand = compile_expression(context_, *test.operand, environment_);
            spec.constraints.push_back(std::move(constraint));
            return;
        }
        if (!test.domain) {
            context_.internal_error(test.span, "a membership test without a domain");
            return;
        }
        constraint.negated = test.kind == ast::SlotTest::Kind::NotIn;
        const ast::Domain& domain = *test.domain;
        if (domain.kind == ast::Domain::Kind::Range) {
            if (domain.items.size() != 2) {
                context_.internal_error(domain.span, "a range needs a low and a high bound");
                return;
            }
            constraint.kind = SlotConstraintSpec::Kind::Range;
            constraint.low = compile_expression(context_, domain.items[0], environment_);
            constraint.high = compile_expression(context_, domain.items[1], environment_);
        } else {
            constraint.kind = SlotConstraintSpec::Kind::Member;
            constraint.operand = set_of(domain);
        }
        spec.constraints.push_back(std::move(constraint));
    }

    // The set as one list: a constant when every item is, a MakeList otherwise.
    engine::ExprSpec set_of(const ast::Domain& domain)
    {
        engine::ExprSpec list;
        list.kind = engine::ExprSpec::Kind::MakeList;
        list.where = context_.where(domain.span);
        bool all_constant = true;
        for (const ast::Expr& item : domain.items) {
            list.operands.push_back(compile_expression(context_, item, environment_));
            all_constant = all_constant && list.operands.back().kind == engine::ExprSpec::Kind::Constant;
        }
        if (!all_constant) return list;
        std::vector<engine::Value> items;
        for (const engine::ExprSpec& operand : list.operands) items.push_back(operand.value);
        return constant_expression(context_.values().list(std::move(items)), list.where);
    }

    CompileContext& context_;
    RuleVariables& variables_;
    Frame& frame_;
    ExprEnvironment environment_;
};

class ConditionCompiler {
public:
    ConditionCompiler(CompileContext& context, RuleVariables& variables) : context_(context), variables_(variables) {}

    engine::Conjunction compile(const FlatConjunction& conditions, Frame& frame)
    {
        engine::Conjunction result;
        result.reserve(conditions.size());
        for (const FlatCondition& condition : conditions) result.push_back(compile(condition, frame));
        return result;
    }

private:
    ConditionSpec compile(const FlatCondition& condition, Frame& frame)
    {
        const ast::Condition& source = *condition.source;
        ConditionSpec spec;
        switch (condition.kind) {
        case FlatCondition::Kind::Pattern: {
            const auto* pattern = std::get_if<ast::Pattern>(&source.node);
            if (pattern != nullptr) return compile_pattern(context_, variables_, *pattern, source.span, frame);
            break;
        }
        case FlatCondition::Kind::Guard: {
            const auto* guard = std::get_if<ast::GuardCondition>(&source.node);
            if (guard == nullptr) break;
            spec.kind = ConditionSpec::Kind::Guard;
            spec.test = compile_expression(context_, guard->test, ExprEnvironment{&frame, &variables_, nullptr});
            spec.where = context_.where(source.span);
            return spec;
        }
        case FlatCondition::Kind::Not:
        case FlatCondition::Kind::Exists: {
            Frame inner = frame;
            spec.kind = condition.kind == FlatCondition::Kind::Not ? ConditionSpec::Kind::Not : ConditionSpec::Kind::Exists;
            spec.body = compile(condition.body, inner);
            spec.where = context_.where(source.span);
            return spec;
        }
        case FlatCondition::Kind::Forall: {
            // The domain's variables are visible in the requirement, and nowhere else.
            Frame inner = frame;
            spec.kind = ConditionSpec::Kind::Forall;
            spec.body = compile(condition.body, inner);
            spec.requirement = compile(condition.requirement, inner);
            spec.where = context_.where(source.span);
            return spec;
        }
        case FlatCondition::Kind::Aggregate: {
            const auto* aggregate = std::get_if<ast::AggregateCondition>(&source.node);
            if (aggregate == nullptr) break;
            return compile_aggregate(*aggregate, condition, source.span, frame);
        }
        }
        context_.internal_error(source.span, "a condition does not have the shape its kind needs");
        return spec;
    }

    ConditionSpec compile_aggregate(const ast::AggregateCondition& aggregate, const FlatCondition& condition,
                                    const ast::Span& span, Frame& frame)
    {
        ConditionSpec spec;
        spec.kind = ConditionSpec::Kind::Aggregate;
        spec.aggregate = aggregate_kind(aggregate.function);
        spec.where = context_.where(span);
        Frame inner = frame;
        spec.body = compile(condition.body, inner);
        if (aggregate.value) {
            spec.value = compile_expression(context_, *aggregate.value, ExprEnvironment{&inner, &variables_, nullptr});
        } else if (aggregate.function != ast::AggregateFn::Count) {
            context_.internal_error(span, "the aggregate has no value to compute");
        }
        // The result is bound after the body, so a use inside the body is not this variable.
        spec.variable = variables_.declare(aggregate.result.text);
        frame.bind(aggregate.result.text, spec.variable);
        return spec;
    }

    CompileContext& context_;
    RuleVariables& variables_;
};

}  // namespace

engine::Conjunction compile_conditions(CompileContext& context, RuleVariables& variables,
                                       const FlatConjunction& conditions, Frame& frame)
{
    return ConditionCompiler(context, variables).compile(conditions, frame);
}

engine::ConditionSpec compile_pattern(CompileContext& context, RuleVariables& variables, const ast::Pattern& pattern,
                                      const ast::Span& span, Frame& frame)
{
    return PatternCompiler(context, variables, frame).compile(pattern, span);
}

}  // namespace koers::compile
