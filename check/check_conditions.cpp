// Conditions of a rule: patterns name real templates and slots, constraints fit their
// slots, and variables are bound where they are used.
#include <map>
#include <string>
#include <type_traits>
#include <vector>

#include "check/passes.hpp"
#include "check/suggest.hpp"

namespace koers::checks {

namespace {

void report_already_bound(CheckContext& context, const Binding& earlier, const ast::Name& name)
{
    context.diagnostics.error("already-bound", name.span,
                              "variable " + quoted_variable(name.text) + " is already bound on " +
                                  line_of(earlier.span) + "; choose a new name");
}

void check_slot_test(CheckContext& context, const ast::SlotTest& test, const TemplateInfo* info,
                     const SlotInfo* slot, const ExprScope& scope)
{
    if (test.kind == ast::SlotTest::Kind::Compare) {
        if (!test.operand) return;
        check_expression(context, *test.operand, scope);
        // Only equality can make a pattern unmatchable through a value outside the slot's domain.
        if (slot != nullptr) check_slot_value(context, *test.operand, *info, *slot, test.op == ast::CompareOp::Eq);
        return;
    }
    if (!test.domain) return;
    for (const ast::Expr& item : test.domain->items) check_expression(context, item, scope);
    if (slot == nullptr || slot->decl->type.is_list) return;
    const bool check_allowed =
        test.kind == ast::SlotTest::Kind::In && test.domain->kind == ast::Domain::Kind::Set;
    for (const ast::Expr& item : test.domain->items) check_slot_item(context, item, *info, *slot, check_allowed);
}

class ConditionChecker {
public:
    ConditionChecker(CheckContext& context, VariableTracker& tracker) : context_(context), tracker_(tracker) {}

    void check(const ast::Condition& condition, Frame& frame)
    {
        std::visit([&](const auto& node) { visit(condition, node, frame); }, condition.node);
    }

private:
    void check(const std::unique_ptr<ast::Condition>& condition, Frame& frame)
    {
        if (condition) check(*condition, frame);
    }

    void visit(const ast::Condition&, const ast::Pattern& pattern, Frame& frame)
    {
        check_pattern(context_, pattern, tracker_, frame);
    }

    void visit(const ast::Condition& condition, const ast::NotCondition& negation, Frame& frame)
    {
        Frame inner = frame;
        check(negation.body, inner);
        VariableTracker::close_scope(frame, inner, "`not`", condition.span);
    }

    void visit(const ast::Condition& condition, const ast::ExistsCondition& exists, Frame& frame)
    {
        Frame inner = frame;
        check(exists.body, inner);
        VariableTracker::close_scope(frame, inner, "`exists`", condition.span);
    }

    void visit(const ast::Condition& condition, const ast::ForallCondition& forall, Frame& frame)
    {
        // The domain's variables are visible in the requirement, and nowhere else.
        Frame inner = frame;
        check(forall.domain, inner);
        check(forall.requirement, inner);
        VariableTracker::close_scope(frame, inner, "`forall`", condition.span);
    }

    void visit(const ast::Condition& condition, const ast::GroupCondition& group, Frame& frame)
    {
        if (group.op == ast::GroupCondition::Op::And) {
            for (const ast::Condition& item : group.items) check(item, frame);
            return;
        }
        std::vector<Frame> branches;
        for (const ast::Condition& item : group.items) {
            branches.push_back(frame);
            check(item, branches.back());
        }
        VariableTracker::merge_branches(frame, branches, condition.span);
    }

    void visit(const ast::Condition&, const ast::GuardCondition& guard, Frame& frame)
    {
        check_expression(context_, guard.test, ExprScope{&tracker_, &frame, {}});
    }

    void visit(const ast::Condition& condition, const ast::AggregateCondition& aggregate, Frame& frame)
    {
        // The source's variables serve the aggregate's value; only the result is seen outside.
        Frame inner = frame;
        check(aggregate.source, inner);
        if (aggregate.value) check_expression(context_, *aggregate.value, ExprScope{&tracker_, &inner, {}});
        VariableTracker::close_scope(frame, inner, "aggregate", condition.span);
        if (const Binding* earlier = tracker_.first_visible(frame, aggregate.result.text)) {
            report_already_bound(context_, *earlier, aggregate.result);
            return;
        }
        tracker_.bind(frame, aggregate.result, BindingKind::Aggregate);
    }

    CheckContext& context_;
    VariableTracker& tracker_;
};

}  // namespace

void check_pattern(CheckContext& context, const ast::Pattern& pattern, VariableTracker& tracker, Frame& frame)
{
    const TemplateInfo* info = context.symbols.find_template(pattern.template_name.text);
    if (info == nullptr) {
        context.diagnostics.error("unknown-template", pattern.template_name.span,
                                  "unknown template " + quoted(pattern.template_name.text) +
                                      did_you_mean(pattern.template_name.text, names_of(context.symbols.templates)));
    }
    if (pattern.binding) {
        if (const Binding* earlier = tracker.first_visible(frame, pattern.binding->text)) {
            report_already_bound(context, *earlier, *pattern.binding);
        } else {
            tracker.bind(frame, *pattern.binding, BindingKind::Fact, info != nullptr ? pattern.template_name.text : "");
        }
    }
    std::map<std::string, ast::Span, std::less<>> constrained;
    for (const ast::SlotConstraint& constraint : pattern.constraints) {
        const SlotInfo* slot = nullptr;
        if (const auto [first, inserted] = constrained.emplace(constraint.slot.text, constraint.slot.span); !inserted) {
            context.diagnostics.error("duplicate-slot-value", constraint.slot.span,
                                      "slot " + quoted(constraint.slot.text) +
                                          " appears twice in this pattern (the first is on " + line_of(first->second) +
                                          "); bind it once and test it in a `where` guard");
        } else if (info != nullptr) {
            slot = info->find_slot(constraint.slot.text);
            if (slot == nullptr) {
                context.diagnostics.error("unknown-slot", constraint.slot.span,
                                          unknown_slot_message(*info, constraint.slot.text));
            }
        }
        if (constraint.variable) {
            // The first occurrence binds; later ones join on the bound value.
            if (tracker.first_visible(frame, constraint.variable->text) != nullptr) {
                tracker.use(frame, constraint.variable->text, constraint.variable->span);
            } else {
                tracker.bind(frame, *constraint.variable, BindingKind::Slot);
            }
        }
        if (constraint.test) check_slot_test(context, *constraint.test, info, slot, ExprScope{&tracker, &frame, {}});
    }
}

void check_condition(CheckContext& context, const ast::Condition& condition, VariableTracker& tracker, Frame& frame)
{
    ConditionChecker(context, tracker).check(condition, frame);
}

}  // namespace koers::checks
