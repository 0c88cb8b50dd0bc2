// Which productions of the grammar become parse-tree nodes (tree_builder.hpp).
#pragma once

#include <type_traits>

#include "grammar/rules.hpp"

namespace koers::grammar {

template <typename... Rules>
struct rule_list {
    template <typename Rule>
    static constexpr bool contains = (std::is_same_v<Rule, Rules> || ...);
};

// Rules that become a node with their text.
using kept_rules = rule_list<
    // names and literals
    template_name, slot_name, fact_template, facts_name, pattern_template, stage_name, rule_name,
    tag_key, tag_value, function_name, function_ref, access_slot, advice_topic, advice_key,
    symbol_literal, variable, number_literal, bool_literal, text_literal, text_chars, escape,
    doc_string, import_path, test_name, salience_value, digits, base_type, list_element_type,
    aggregate_function, compare_op, in_op, additive_op, multiplicative_op, assert_logical,
    expect_negated, slot_optional,
    // expressions
    call, list_expression, slot_access, negation, logical_not, conditional, comparison_tail,
    membership_tail, value_set, value_range, interpolation, equality_operand,
    // declarations
    import_decl, stage_decl, template_decl, slot_decl, list_type, slot_domain, slot_default,
    facts_decl, fact, slot_value, function_decl, parameter, result_type, function_body,
    rule_decl, salience_clause, stage_clause, tag, rule_conditions, rule_actions,
    // conditions
    pattern_condition, fact_binding, pattern, constraint, not_condition, exists_condition,
    forall_condition, guard_condition, group_condition, aggregate_condition, count_aggregate,
    value_aggregate,
    // actions
    assert_action, retract_action, modify_action, advise_action, advice_item, print_action,
    halt_action, bind_action, focus_action,
    // tests
    test_decl, given_block, expectation, expect_fact, expect_advice, advice_property, expect_rule,
    fires_clause, does_not_fire>;

// Precedence levels and groups: a single operand stands for the rule; with several
// operands the rule becomes a node without text.
using folded_rules = rule_list<postfix_expression, term, additive, comparison, and_expression, or_expression,
                           condition_and, condition_or>;

}  // namespace koers::grammar
