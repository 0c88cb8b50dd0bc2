// The message shown when a required part of a production is missing. Every rule used
// inside `must<>` has one; a missing message is a compile error.
#pragma once

#include "grammar/rules.hpp"

namespace koers::grammar {

template <typename Rule>
inline constexpr const char* error_message = nullptr;

#define KOERS_ERROR(rule, text) \
    template <>                 \
    inline constexpr const char* error_message<rule> = text

KOERS_ERROR(unclosed_comment, "comment opened with '/*' is never closed with '*/'");
KOERS_ERROR(escape_char, "unknown escape; use \\\", \\\\, \\n, \\t, \\r, \\{ or \\}");
KOERS_ERROR(closing_quote, "text is not closed with '\"' before the end of the line");
KOERS_ERROR(interpolation_body, "expected an expression inside '{...}' (write \\{ for a literal brace)");
KOERS_ERROR(interpolation_end, "expected '}' to close the interpolation");
KOERS_ERROR(paren_body, "expected an expression after '('");
KOERS_ERROR(paren_end, "expected ')' to close the parenthesis");
KOERS_ERROR(call_end, "expected ',' or ')' in the argument list");
KOERS_ERROR(list_end, "expected ',' or ']' in the list");
KOERS_ERROR(negation_operand, "expected a value after '-'");
KOERS_ERROR(term_operand, "expected a value after the operator");
KOERS_ERROR(additive_operand, "expected a value after the operator");
KOERS_ERROR(compare_operand, "expected a value after the comparison");
KOERS_ERROR(domain, "expected a set '{a, b}' or a range 'low..high' after 'in'");
KOERS_ERROR(not_operand, "expected an expression after 'not'");
KOERS_ERROR(and_operand, "expected an expression after 'and'");
KOERS_ERROR(or_operand, "expected an expression after 'or'");
KOERS_ERROR(conditional_test, "expected a condition after 'if'");
KOERS_ERROR(conditional_then, "expected 'then' and a value after the condition of 'if'");
KOERS_ERROR(conditional_else, "expected 'else' and a value: 'if' needs both branches");
KOERS_ERROR(range_high, "expected the upper bound of the range after '..'");
KOERS_ERROR(set_end, "expected ',' or '}' in the set of values");
KOERS_ERROR(list_element_type, "expected an element type after 'list of': symbol, text, int, number or bool");
KOERS_ERROR(list_of_word, "expected 'of' after 'list' (as in 'list of symbol')");
KOERS_ERROR(import_path, "expected the file to import, in quotes");
KOERS_ERROR(required_stage_name, "expected a stage name");
KOERS_ERROR(slot_colon, "expected ':' after the slot name");
KOERS_ERROR(slot_type, "expected a slot type: symbol, text, int, number, bool or 'list of' one of these");
KOERS_ERROR(slot_default_value, "expected a default value after '='");
KOERS_ERROR(template_name, "expected a template name after 'template'");
KOERS_ERROR(template_body, "expected '{' to open the template's slots");
KOERS_ERROR(template_end, "expected a slot ('name: type') or '}' to close the template");
KOERS_ERROR(slot_value_expression, "expected a value after 'slot:'");
KOERS_ERROR(fact_open, "expected '(' after the template name");
KOERS_ERROR(fact_end, "expected 'slot: value', ',' or ')' in the fact");
KOERS_ERROR(facts_body, "expected '{' to open the block of facts");
KOERS_ERROR(facts_end, "expected a fact ('template(slot: value)') or '}' to close the block");
KOERS_ERROR(constraint_value, "expected a value, a ?variable or a test such as '> 3' after 'slot:'");
KOERS_ERROR(pattern_end, "expected 'slot: constraint', ',' or ')' in the pattern");
KOERS_ERROR(condition_operand, "expected a condition (a pattern such as 'fact(slot: value)', 'not', 'exists', 'forall', 'where' or '(...)')");
KOERS_ERROR(forall_requirement, "expected 'implies' and the condition that must hold for each match of 'forall'");
KOERS_ERROR(guard_expression, "expected an expression after 'where'");
KOERS_ERROR(condition_or, "expected a condition after '('");
KOERS_ERROR(or_condition_operand, "expected a condition after 'or'");
KOERS_ERROR(group_end, "expected 'and', 'or' or ')' in the group of conditions");
KOERS_ERROR(aggregate_kind, "expected an aggregate after '=': count, sum, min, max, avg or collect");
KOERS_ERROR(aggregate_value, "expected the value to aggregate, as in 'sum ?hours of task(hours: ?hours)'");
KOERS_ERROR(aggregate_source, "expected 'of' and the condition to aggregate over");
KOERS_ERROR(asserted_fact, "expected a fact to assert, as in 'template(slot: value)'");
KOERS_ERROR(action_target, "expected the ?variable of the fact to retract");
KOERS_ERROR(modify_target, "expected the ?variable of the fact to modify");
KOERS_ERROR(advice_topic, "expected the topic of the advice after 'advise'");
KOERS_ERROR(advice_value, "expected a value after the property name");
KOERS_ERROR(print_message, "expected what to print after 'print'");
KOERS_ERROR(bind_variable, "expected a ?variable after 'bind'");
KOERS_ERROR(bind_value, "expected '=' and a value after the variable");
KOERS_ERROR(bound_value, "expected a value after '='");
KOERS_ERROR(function_expression, "expected an expression");
KOERS_ERROR(focus_stages, "expected one or more stage names after 'focus'");
KOERS_ERROR(salience_value, "expected a whole number after 'salience'");
KOERS_ERROR(tag_value, "expected a tag value after ':'");
KOERS_ERROR(tag_list, "expected one or more tags after 'tags', as in 'tags phase: formeren'");
KOERS_ERROR(rule_name, "expected a rule name");
KOERS_ERROR(when_keyword, "expected 'when' (or a rule option: 'salience', 'stage', 'tags')");
KOERS_ERROR(then_keyword, "expected a condition or 'then'");
KOERS_ERROR(end_keyword, "expected an action or 'end'");
KOERS_ERROR(declared_type, "expected a type: symbol, text, int, number, bool or 'list of' one of these");
KOERS_ERROR(function_name, "expected a function name after 'function'");
KOERS_ERROR(parameters_open, "expected '(' and the parameters after the function name");
KOERS_ERROR(parameters_end, "expected a parameter ('?name' or '?name: type'), ',' or ')'");
KOERS_ERROR(function_body, "expected '=' and the function's expression");
KOERS_ERROR(test_name, "expected the test's name, in quotes");
KOERS_ERROR(test_body, "expected '{' to open the test");
KOERS_ERROR(test_end, "expected 'expect' or '}' to close the test");
KOERS_ERROR(expected_pattern, "expected a pattern such as 'template(slot: value)'");
KOERS_ERROR(properties_end, "expected 'key: value', ',' or ')' in the advice properties");
KOERS_ERROR(kw_times, "expected 'times' after the count, as in 'fires 2 times'");
KOERS_ERROR(fire_negation, "expected 'not fire' after 'does'");
KOERS_ERROR(kw_fire, "expected 'fire' after 'does not'");
KOERS_ERROR(rule_outcome, "expected 'fires', 'fires N times' or 'does not fire'");
KOERS_ERROR(expectation_body, "expected 'fact', 'advice' or 'rule' after 'expect' (or 'no fact', 'no advice')");
KOERS_ERROR(declaration, "expected a declaration: template, facts, rule, function, stage, test or import");

#undef KOERS_ERROR

struct error_messages {
    template <typename Rule>
    static constexpr const char* message = error_message<Rule>;
};

}  // namespace koers::grammar
