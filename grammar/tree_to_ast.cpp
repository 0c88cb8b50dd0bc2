#include "grammar/tree_to_ast.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <vector>

#include "grammar/rules.hpp"

namespace koers {
namespace {

namespace g = grammar;

template <typename Rule>
bool is(const TreeNode& node)
{
    return node.is_type<Rule>();
}

// The first child of type Rule, or null.
template <typename Rule>
const TreeNode* find_child(const TreeNode& node)
{
    for (const auto& child : node.children) {
        if (is<Rule>(*child)) return child.get();
    }
    return nullptr;
}

bool is_type_node(const TreeNode& node) { return is<g::base_type>(node) || is<g::list_type>(node); }

ast::BaseType base_type_named(std::string_view text)
{
    if (text.starts_with("text")) return ast::BaseType::Text;
    if (text.starts_with("int")) return ast::BaseType::Int;
    if (text.starts_with("number")) return ast::BaseType::Number;
    if (text.starts_with("bool")) return ast::BaseType::Bool;
    return ast::BaseType::Symbol;
}

ast::CompareOp compare_op_named(std::string_view text)
{
    if (text == "==") return ast::CompareOp::Eq;
    if (text == "!=") return ast::CompareOp::Ne;
    if (text == "<=") return ast::CompareOp::Le;
    if (text == ">=") return ast::CompareOp::Ge;
    if (text == "<") return ast::CompareOp::Lt;
    return ast::CompareOp::Gt;
}

ast::BinaryOp binary_op_for(ast::CompareOp op)
{
    switch (op) {
    case ast::CompareOp::Eq: return ast::BinaryOp::Eq;
    case ast::CompareOp::Ne: return ast::BinaryOp::Ne;
    case ast::CompareOp::Lt: return ast::BinaryOp::Lt;
    case ast::CompareOp::Le: return ast::BinaryOp::Le;
    case ast::CompareOp::Gt: return ast::BinaryOp::Gt;
    case ast::CompareOp::Ge: return ast::BinaryOp::Ge;
    }
    return ast::BinaryOp::Eq;
}

ast::AggregateFn aggregate_named(std::string_view text)
{
    if (text == "sum") return ast::AggregateFn::Sum;
    if (text == "min") return ast::AggregateFn::Min;
    if (text == "max") return ast::AggregateFn::Max;
    if (text == "avg") return ast::AggregateFn::Avg;
    if (text == "collect") return ast::AggregateFn::Collect;
    return ast::AggregateFn::Count;
}

char unescaped(char c)
{
    switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    default: return c;
    }
}

bool is_language_code(std::string_view key)
{
    return key.size() == 2 && key[0] >= 'a' && key[0] <= 'z' && key[1] >= 'a' && key[1] <= 'z';
}

std::unique_ptr<ast::Expr> boxed(ast::Expr expr) { return std::make_unique<ast::Expr>(std::move(expr)); }

// Nodes freed by one parse are reused by the next; the pool never holds more nodes
// than the largest single declaration needed at once, and frees them with its thread.
struct NodePool {
    std::vector<void*> free_nodes;
    NodePool() = default;
    NodePool(const NodePool&) = delete;
    NodePool& operator=(const NodePool&) = delete;
    ~NodePool()
    {
        for (void* node : free_nodes) ::operator delete(node);
    }
};
thread_local NodePool pool;

}  // namespace

void* TreeNode::operator new(std::size_t size)
{
    if (size == sizeof(TreeNode) && !pool.free_nodes.empty()) {
        void* node = pool.free_nodes.back();
        pool.free_nodes.pop_back();
        return node;
    }
    return ::operator new(size);
}

void TreeNode::operator delete(void* node, std::size_t size) noexcept
{
    if (size == sizeof(TreeNode)) {
        try {
            pool.free_nodes.push_back(node);
            return;
        }
        catch (...) {
            // No room to keep the node for reuse: give it back to the heap.
        }
    }
    ::operator delete(node);
}

ast::Span TreeConverter::span(const TreeNode& node) const
{
    ast::Span result;
    result.file = file_;
    result.line = static_cast<std::uint32_t>(node.m_begin.line);
    result.column = static_cast<std::uint32_t>(node.m_begin.column);
    result.offset = static_cast<std::uint32_t>(node.m_begin.byte);
    result.end_offset = node.has_content() ? static_cast<std::uint32_t>(node.m_end.byte) : result.offset;
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

// ---------------------------------------------------------------- expressions

ast::Expr TreeConverter::literal(const TreeNode& node)
{
    ast::Expr result;
    result.span = span(node);
    ast::Literal value;
    if (is<g::number_literal>(node)) {
        const std::string_view spelling = node.string_view();
        value.text = std::string(spelling);
        if (spelling.find_first_of(".eE") == std::string_view::npos) {
            value.kind = ast::LiteralKind::Int;
            value.int_value = integer(node, spelling);
            value.number_value = static_cast<double>(value.int_value);
        }
        else {
            value.kind = ast::LiteralKind::Number;
            const auto [end, error] =
                std::from_chars(spelling.data(), spelling.data() + spelling.size(), value.number_value);
            if (error != std::errc() || end != spelling.data() + spelling.size() || !std::isfinite(value.number_value)) {
                diagnostics_.error("syntax", span(node), "number " + value.text + " is out of range");
                failed_ = true;
            }
        }
    }
    else if (is<g::bool_literal>(node)) {
        value.kind = ast::LiteralKind::Bool;
        value.bool_value = node.string_view() == "true";
        value.text = node.string();
    }
    else {
        value.kind = ast::LiteralKind::Symbol;
        value.text = node.string();
    }
    result.node = std::move(value);
    return result;
}

ast::TextTemplate TreeConverter::text_template(const TreeNode& node)
{
    ast::TextTemplate text;
    auto append_plain = [&text](std::string_view piece) {
        if (text.parts.empty() || text.parts.back().expr) text.parts.push_back(ast::TextPart{});
        text.parts.back().text += piece;
    };
    for (const auto& child : node.children) {
        if (is<g::text_chars>(*child)) append_plain(child->string_view());
        else if (is<g::escape>(*child)) append_plain(std::string(1, unescaped(child->string_view().at(1))));
        else if (is<g::interpolation>(*child)) {
            text.parts.push_back(ast::TextPart{{}, boxed(expr(*child->children.at(0)))});
        }
    }
    if (text.parts.empty()) text.parts.push_back(ast::TextPart{});
    return text;
}

ast::Domain TreeConverter::domain(const TreeNode& node)
{
    ast::Domain result;
    result.span = span(node);
    result.kind = is<g::value_range>(node) ? ast::Domain::Kind::Range : ast::Domain::Kind::Set;
    for (const auto& child : node.children) result.items.push_back(expr(*child));
    return result;
}

ast::Expr TreeConverter::expr(const TreeNode& node)
{
    if (is<g::number_literal>(node) || is<g::bool_literal>(node) || is<g::symbol_literal>(node)) return literal(node);

    ast::Expr result;
    result.span = span(node);
    if (is<g::text_literal>(node)) {
        result.node = text_template(node);
    }
    else if (is<g::variable>(node)) {
        result.node = ast::VariableRef{node.string().substr(1)};
    }
    else if (is<g::call>(node)) {
        ast::Call call;
        call.function = name(*node.children.at(0));
        for (std::size_t i = 1; i < node.children.size(); ++i) call.arguments.push_back(expr(*node.children[i]));
        result.node = std::move(call);
    }
    else if (is<g::list_expression>(node)) {
        ast::ListExpr list;
        for (const auto& child : node.children) list.items.push_back(expr(*child));
        result.node = std::move(list);
    }
    else if (is<g::postfix_expression>(node)) {
        result = expr(*node.children.at(0));
        for (std::size_t i = 1; i < node.children.size(); ++i) {
            ast::Expr access;
            access.span = result.span;
            access.node = ast::SlotAccess{boxed(std::move(result)), name(*node.children[i]->children.at(0))};
            result = std::move(access);
        }
    }
    else if (is<g::negation>(node) || is<g::logical_not>(node)) {
        const auto op = is<g::negation>(node) ? ast::UnaryOp::Negate : ast::UnaryOp::Not;
        result.node = ast::Unary{op, boxed(expr(*node.children.at(0)))};
    }
    else if (is<g::term>(node) || is<g::additive>(node)) {
        result = expr(*node.children.at(0));
        for (std::size_t i = 1; i + 1 < node.children.size(); i += 2) {
            const char op = node.children[i]->string_view().at(0);
            ast::BinaryOp binary = ast::BinaryOp::Add;
            if (op == '-') binary = ast::BinaryOp::Sub;
            else if (op == '*') binary = ast::BinaryOp::Mul;
            else if (op == '/') binary = ast::BinaryOp::Div;
            else if (op == '%') binary = ast::BinaryOp::Mod;
            ast::Expr combined;
            combined.span = result.span;
            combined.node = ast::Binary{binary, boxed(std::move(result)), boxed(expr(*node.children[i + 1]))};
            result = std::move(combined);
        }
    }
    else if (is<g::and_expression>(node) || is<g::or_expression>(node)) {
        const auto op = is<g::and_expression>(node) ? ast::BinaryOp::And : ast::BinaryOp::Or;
        result = expr(*node.children.at(0));
        for (std::size_t i = 1; i < node.children.size(); ++i) {
            ast::Expr combined;
            combined.span = result.span;
            combined.node = ast::Binary{op, boxed(std::move(result)), boxed(expr(*node.children[i]))};
            result = std::move(combined);
        }
    }
    else if (is<g::comparison>(node)) {
        ast::Expr left = expr(*node.children.at(0));
        const TreeNode& tail = *node.children.at(1);
        if (is<g::comparison_tail>(tail)) {
            const auto op = binary_op_for(compare_op_named(tail.children.at(0)->string_view()));
            result.node = ast::Binary{op, boxed(std::move(left)), boxed(expr(*tail.children.at(1)))};
        }
        else {
            ast::Membership membership;
            membership.value = boxed(std::move(left));
            membership.negated = tail.children.at(0)->string_view().starts_with("not");
            membership.domain = domain(*tail.children.at(1));
            result.node = std::move(membership);
        }
    }
    else if (is<g::conditional>(node)) {
        result.node = ast::Conditional{boxed(expr(*node.children.at(0))), boxed(expr(*node.children.at(1))),
                                       boxed(expr(*node.children.at(2)))};
    }
    return result;
}

}  // namespace koers
