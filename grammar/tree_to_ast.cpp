#include "grammar/tree_to_ast.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include "grammar/tree_helpers.hpp"

namespace koers {

using namespace tree;

ast::Span TreeConverter::span(const TreeNode& node) const
{
    ast::Span result;
    result.file = file_;
    result.line = node.begin_position.line;
    result.column = node.begin_position.column;
    result.offset = node.begin_position.byte;
    result.end_offset = node.has_content() ? node.end_position.byte : result.offset;
    return result;
}

ast::Name TreeConverter::name(const TreeNode& node) const { return ast::Name{span(node), node.string()}; }

std::string TreeConverter::plain_string(const TreeNode& node)
{
    const std::string_view raw = node.string_view();
    std::string text;
    // The content includes the quotes.
    for (std::size_t i = 1; i + 1 < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 2 < raw.size()) {
            text += unescaped(raw[++i]);
        }
        else {
            text += raw[i];
        }
    }
    return text;
}

std::int64_t TreeConverter::integer(const TreeNode& node, std::string_view digits)
{
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || end != digits.data() + digits.size()) {
        diagnostics_.error("syntax", span(node),
                           "whole number " + std::string(digits) + " is too large (the largest is " +
                               std::to_string(std::numeric_limits<std::int64_t>::max()) + ")");
        failed_ = true;
    }
    return value;
}

std::optional<ast::Declaration> TreeConverter::declaration(const TreeNode& node)
{
    failed_ = false;
    std::optional<ast::Declaration> result;
    if (is<g::import_decl>(node)) result = import_decl(node);
    else if (is<g::stage_decl>(node)) result = stage_decl(node);
    else if (is<g::template_decl>(node)) result = template_decl(node);
    else if (is<g::facts_decl>(node)) result = facts_decl(node);
    else if (is<g::function_decl>(node)) result = function_decl(node);
    else if (is<g::rule_decl>(node)) result = rule_decl(node);
    else if (is<g::test_decl>(node)) result = test_decl(node);
    if (failed_) return std::nullopt;
    return result;
}

// ---------------------------------------------------------------- declarations

ast::ImportDecl TreeConverter::import_decl(const TreeNode& node)
{
    return ast::ImportDecl{span(node), plain_string(*node.children.at(0))};
}

ast::StageDecl TreeConverter::stage_decl(const TreeNode& node)
{
    ast::StageDecl stage;
    stage.span = span(node);
    stage.name = name(*node.children.at(0));
    if (const TreeNode* doc = find_child<g::doc_string>(node)) stage.doc = plain_string(*doc);
    return stage;
}

ast::TemplateDecl TreeConverter::template_decl(const TreeNode& node)
{
    ast::TemplateDecl decl;
    decl.span = span(node);
    for (const auto& child : node.children) {
        if (is<g::template_name>(*child)) decl.name = name(*child);
        else if (is<g::doc_string>(*child)) decl.doc = plain_string(*child);
        else if (is<g::slot_decl>(*child)) decl.slots.push_back(slot_decl(*child));
    }
    return decl;
}

ast::SlotDecl TreeConverter::slot_decl(const TreeNode& node)
{
    ast::SlotDecl slot;
    slot.span = span(node);
    for (const auto& child : node.children) {
        if (is<g::slot_name>(*child)) slot.name = name(*child);
        else if (is_type_node(*child)) slot.type = type_ref(*child);
        else if (is<g::slot_domain>(*child)) slot.allowed = domain(*child->children.at(0));
        else if (is<g::slot_default>(*child)) slot.default_value = expr(*child->children.at(0));
        else if (is<g::slot_optional>(*child)) slot.optional = true;
        else if (is<g::doc_string>(*child)) slot.doc = plain_string(*child);
    }
    return slot;
}

ast::TypeRef TreeConverter::type_ref(const TreeNode& node)
{
    ast::TypeRef type;
    type.span = span(node);
    if (is<g::list_type>(node)) {
        type.is_list = true;
        type.base = base_type_named(node.children.at(0)->string_view());
    }
    else {
        type.base = base_type_named(node.string_view());
    }
    return type;
}

ast::FactsDecl TreeConverter::facts_decl(const TreeNode& node)
{
    ast::FactsDecl decl;
    decl.span = span(node);
    for (const auto& child : node.children) {
        if (is<g::facts_name>(*child)) decl.name = name(*child);
        else if (is<g::doc_string>(*child)) decl.doc = plain_string(*child);
        else if (is<g::fact>(*child)) decl.facts.push_back(fact(*child));
    }
    return decl;
}

ast::FactSpec TreeConverter::fact(const TreeNode& node)
{
    ast::FactSpec spec;
    spec.span = span(node);
    for (const auto& child : node.children) {
        if (is<g::fact_template>(*child)) spec.template_name = name(*child);
        else if (is<g::slot_value>(*child)) spec.slots.push_back(slot_value(*child));
    }
    return spec;
}

ast::SlotValue TreeConverter::slot_value(const TreeNode& node)
{
    return ast::SlotValue{span(node), name(*node.children.at(0)), expr(*node.children.at(1))};
}

ast::FunctionDecl TreeConverter::function_decl(const TreeNode& node)
{
    ast::FunctionDecl decl;
    decl.span = span(node);
    for (const auto& child : node.children) {
        if (is<g::function_name>(*child)) decl.name = name(*child);
        else if (is<g::parameter>(*child)) {
            ast::Parameter parameter;
            const TreeNode& variable = *child->children.at(0);
            parameter.name = ast::Name{span(variable), variable.string().substr(1)};
            if (child->children.size() > 1) parameter.type = type_ref(*child->children.at(1));
            decl.parameters.push_back(std::move(parameter));
        }
        else if (is<g::result_type>(*child)) decl.result = type_ref(*child->children.at(0));
        else if (is<g::doc_string>(*child)) decl.doc = plain_string(*child);
        else if (is<g::function_body>(*child)) decl.body = expr(*child->children.at(0));
    }
    return decl;
}

ast::RuleDecl TreeConverter::rule_decl(const TreeNode& node)
{
    ast::RuleDecl rule;
    rule.span = span(node);
    for (const auto& child : node.children) {
        if (is<g::rule_name>(*child)) rule.name = name(*child);
        else if (is<g::doc_string>(*child)) rule.doc = plain_string(*child);
        else if (is<g::salience_clause>(*child)) {
            if (rule.salience) diagnostics_.error("syntax", span(*child), "'salience' is given twice");
            const TreeNode& value = *child->children.at(0);
            rule.salience = integer(value, value.string_view());
        }
        else if (is<g::stage_clause>(*child)) {
            if (rule.stage) diagnostics_.error("syntax", span(*child), "'stage' is given twice");
            rule.stage = name(*child->children.at(0));
        }
        else if (is<g::tag>(*child)) {
            ast::Tag tag;
            tag.span = span(*child);
            tag.key = name(*child->children.at(0));
            if (child->children.size() > 1) tag.value = name(*child->children.at(1));
            rule.tags.push_back(std::move(tag));
        }
        else if (is<g::rule_conditions>(*child)) {
            for (const auto& item : child->children) rule.conditions.push_back(condition(*item));
        }
        else if (is<g::rule_actions>(*child)) {
            for (const auto& item : child->children) rule.actions.push_back(action(*item));
        }
    }
    return rule;
}

ast::TestDecl TreeConverter::test_decl(const TreeNode& node)
{
    ast::TestDecl test;
    test.span = span(node);
    for (const auto& child : node.children) {
        if (is<g::test_name>(*child)) test.name = plain_string(*child);
        else if (is<g::given_block>(*child)) {
            for (const auto& item : child->children) test.given.push_back(fact(*item));
        }
        else if (is<g::expectation>(*child)) {
            ast::Expectation parsed = expectation(*child->children.at(0));
            parsed.span = span(*child);
            test.expectations.push_back(std::move(parsed));
        }
    }
    return test;
}

ast::Expectation TreeConverter::expectation(const TreeNode& node)
{
    ast::Expectation result;
    result.span = span(node);
    result.negated = find_child<g::expect_negated>(node) != nullptr;
    if (is<g::expect_fact>(node)) {
        result.kind = ast::Expectation::Kind::Fact;
        result.fact = pattern(*find_child<g::pattern>(node));
    }
    else if (is<g::expect_advice>(node)) {
        result.kind = ast::Expectation::Kind::Advice;
        for (const auto& child : node.children) {
            if (is<g::advice_topic>(*child)) result.name = name(*child);
            else if (is<g::advice_property>(*child)) {
                result.properties.push_back(
                    ast::AdviceProperty{span(*child), name(*child->children.at(0)), expr(*child->children.at(1))});
            }
        }
    }
    else {
        result.kind = ast::Expectation::Kind::RuleFires;
        result.name = name(*node.children.at(0));
        const TreeNode& outcome = *node.children.at(1);
        if (is<g::does_not_fire>(outcome)) {
            result.negated = true;
        }
        else if (!outcome.children.empty()) {
            const TreeNode& count = *outcome.children.at(0);
            result.times = integer(count, count.string_view());
        }
    }
    return result;
}

// ---------------------------------------------------------------- conditions

ast::Condition TreeConverter::condition(const TreeNode& node)
{
    ast::Condition result;
    result.span = span(node);
    if (is<g::pattern_condition>(node)) {
        ast::Pattern parsed = pattern(*find_child<g::pattern>(node));
        if (const TreeNode* binding = find_child<g::fact_binding>(node)) {
            const TreeNode& variable = *binding->children.at(0);
            parsed.binding = ast::Name{span(variable), variable.string().substr(1)};
        }
        result.node = std::move(parsed);
    }
    else if (is<g::not_condition>(node)) {
        result.node = ast::NotCondition{std::make_unique<ast::Condition>(condition(*node.children.at(0)))};
    }
    else if (is<g::exists_condition>(node)) {
        result.node = ast::ExistsCondition{std::make_unique<ast::Condition>(condition(*node.children.at(0)))};
    }
    else if (is<g::forall_condition>(node)) {
        result.node = ast::ForallCondition{std::make_unique<ast::Condition>(condition(*node.children.at(0))),
                                           std::make_unique<ast::Condition>(condition(*node.children.at(1)))};
    }
    else if (is<g::guard_condition>(node)) {
        result.node = ast::GuardCondition{expr(*node.children.at(0))};
    }
    else if (is<g::group_condition>(node)) {
        const TreeNode& inner = *node.children.at(0);
        ast::GroupCondition group;
        if (is<g::condition_or>(inner) || is<g::condition_and>(inner)) {
            group.op = is<g::condition_or>(inner) ? ast::GroupCondition::Op::Or : ast::GroupCondition::Op::And;
            for (const auto& item : inner.children) group.items.push_back(condition(*item));
        }
        else {
            group.items.push_back(condition(inner));
        }
        result.node = std::move(group);
    }
    else if (is<g::condition_and>(node) || is<g::condition_or>(node)) {
        // An operand of `or` that is itself an `and` chain, written without parentheses.
        ast::GroupCondition group;
        group.op = is<g::condition_or>(node) ? ast::GroupCondition::Op::Or : ast::GroupCondition::Op::And;
        for (const auto& item : node.children) group.items.push_back(condition(*item));
        result.node = std::move(group);
    }
    else if (is<g::aggregate_condition>(node)) {
        ast::AggregateCondition aggregate;
        const TreeNode& variable = *node.children.at(0);
        aggregate.result = ast::Name{span(variable), variable.string().substr(1)};
        const TreeNode& kind = *node.children.at(1);
        if (is<g::count_aggregate>(kind)) {
            aggregate.function = ast::AggregateFn::Count;
            aggregate.source = std::make_unique<ast::Condition>(condition(*kind.children.at(0)));
        }
        else {
            aggregate.function = aggregate_named(kind.children.at(0)->string_view());
            aggregate.value = expr(*kind.children.at(1));
            aggregate.source = std::make_unique<ast::Condition>(condition(*kind.children.at(2)));
        }
        result.node = std::move(aggregate);
    }
    return result;
}

ast::Pattern TreeConverter::pattern(const TreeNode& node)
{
    ast::Pattern result;
    for (const auto& child : node.children) {
        if (is<g::pattern_template>(*child)) result.template_name = name(*child);
        else if (is<g::constraint>(*child)) result.constraints.push_back(constraint(*child));
    }
    return result;
}

ast::SlotConstraint TreeConverter::constraint(const TreeNode& node)
{
    ast::SlotConstraint result;
    result.span = span(node);
    for (const auto& child : node.children) {
        if (is<g::slot_name>(*child)) result.slot = name(*child);
        else if (is<g::variable>(*child)) result.variable = ast::Name{span(*child), child->string().substr(1)};
        else result.test = slot_test(*child);
    }
    return result;
}

ast::SlotTest TreeConverter::slot_test(const TreeNode& node)
{
    ast::SlotTest test;
    test.span = span(node);
    if (is<g::comparison_tail>(node)) {
        test.kind = ast::SlotTest::Kind::Compare;
        test.op = compare_op_named(node.children.at(0)->string_view());
        test.operand = expr(*node.children.at(1));
    }
    else if (is<g::membership_tail>(node)) {
        test.kind = node.children.at(0)->string_view().starts_with("not") ? ast::SlotTest::Kind::NotIn
                                                                          : ast::SlotTest::Kind::In;
        test.domain = domain(*node.children.at(1));
    }
    else {  // equality_operand
        test.kind = ast::SlotTest::Kind::Compare;
        test.op = ast::CompareOp::Eq;
        test.operand = expr(*node.children.at(0));
    }
    return test;
}

// ---------------------------------------------------------------- actions

ast::Action TreeConverter::action(const TreeNode& node)
{
    ast::Action result;
    result.span = span(node);
    if (is<g::assert_action>(node)) {
        ast::AssertAction assertion;
        assertion.logical = find_child<g::assert_logical>(node) != nullptr;
        assertion.fact = fact(*find_child<g::fact>(node));
        result.node = std::move(assertion);
    }
    else if (is<g::retract_action>(node)) {
        result.node = ast::RetractAction{expr(*node.children.at(0))};
    }
    else if (is<g::modify_action>(node)) {
        ast::ModifyAction modify;
        modify.target = expr(*node.children.at(0));
        for (std::size_t i = 1; i < node.children.size(); ++i) modify.changes.push_back(slot_value(*node.children[i]));
        result.node = std::move(modify);
    }
    else if (is<g::advise_action>(node)) {
        ast::AdviseAction advise;
        advise.topic = name(*node.children.at(0));
        for (std::size_t i = 1; i < node.children.size(); ++i) advise_item(advise, *node.children[i]);
        result.node = std::move(advise);
    }
    else if (is<g::print_action>(node)) {
        result.node = ast::PrintAction{expr(*node.children.at(0))};
    }
    else if (is<g::halt_action>(node)) {
        result.node = ast::HaltAction{};
    }
    else if (is<g::bind_action>(node)) {
        const TreeNode& variable = *node.children.at(0);
        result.node = ast::BindAction{ast::Name{span(variable), variable.string().substr(1)}, expr(*node.children.at(1))};
    }
    else if (is<g::focus_action>(node)) {
        ast::FocusAction focus;
        for (const auto& child : node.children) focus.stages.push_back(name(*child));
        result.node = std::move(focus);
    }
    return result;
}

void TreeConverter::advise_item(ast::AdviseAction& advise, const TreeNode& item)
{
    ast::Name key = name(*item.children.at(0));
    const TreeNode& value = *item.children.at(1);
    if (key.text == "severity") {
        if (advise.severity) {
            diagnostics_.error("syntax", key.span, "'severity' is given twice");
            failed_ = true;
        }
        else if (!is<g::symbol_literal>(value)) {
            diagnostics_.error("syntax", span(value), "severity takes one word: info, notice, warning or critical");
            failed_ = true;
        }
        else {
            advise.severity = name(value);
        }
    }
    else if (is_language_code(key.text) && is<g::text_literal>(value)) {
        advise.texts.push_back(ast::AdviceText{span(item), std::move(key), text_template(value)});
    }
    else {
        advise.links.push_back(ast::AdviceLink{span(item), std::move(key), expr(value)});
    }
}

}  // namespace koers
