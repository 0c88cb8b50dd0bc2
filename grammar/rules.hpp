// The PEGTL grammar of the Koers language: one struct per production, named after the
// language concept it reads. `docs/language.md` is the reference for users; each
// production below carries its shape as a comment.
//
// Tokens consume the white space and comments that follow them (`sep`), so every
// production starts at a token.
#pragma once

#include <tao/pegtl.hpp>

namespace koers::grammar {

namespace pegtl = tao::pegtl;
using pegtl::ascii::alnum;
using pegtl::ascii::alpha;
using pegtl::ascii::digit;
using pegtl::ascii::one;
using pegtl::ascii::space;
using pegtl::ascii::string;
using pegtl::ascii::two;
using pegtl::eof;
using pegtl::eolf;
using pegtl::at;
using pegtl::list;
using pegtl::must;
using pegtl::not_at;
using pegtl::not_one;
using pegtl::opt;
using pegtl::plus;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;
using pegtl::until;

// ---------------------------------------------------------------- layout

// line_comment -> '//' ... end of line
struct line_comment : seq<two<'/'>, until<eolf>> {};
// block_comment -> '/*' ... '*/'
struct block_comment : seq<string<'/', '*'>, until<string<'*', '/'>>> {};
// A '/*' that no '*/' closes: reported at the '/*'.
struct unclosed_comment : string<'/', '*'> {};
struct comment : sor<line_comment, block_comment, seq<at<string<'/', '*'>>, pegtl::raise<unclosed_comment>>> {};
// sep -> { white space | comment }
struct sep : star<sor<space, comment>> {};

// ---------------------------------------------------------------- words

// Any non-ASCII code point counts as a letter, so Dutch names such as `creëren` work.
struct utf8_letter : pegtl::utf8::range<0x80, 0x10FFFF> {};
struct identifier_first : sor<alpha, one<'_'>, utf8_letter> {};
struct identifier_other : sor<alnum, one<'_'>, utf8_letter> {};
// A hyphen joins words (`co-creëren`) when a letter follows it; `?a-1` stays a subtraction.
struct identifier_hyphen : seq<one<'-'>, at<identifier_first>> {};
struct identifier_rest : star<sor<identifier_other, identifier_hyphen>> {};
struct word_end : not_at<sor<identifier_other, identifier_hyphen>> {};

template <typename Spelling>
struct word : seq<Spelling, word_end> {};

#define KOERS_KEYWORD(name, spelling) \
    struct kw_##name : word<TAO_PEGTL_STRING(spelling)> {}

KOERS_KEYWORD(import, "import");
KOERS_KEYWORD(template, "template");
KOERS_KEYWORD(facts, "facts");
KOERS_KEYWORD(rule, "rule");
KOERS_KEYWORD(function, "function");
KOERS_KEYWORD(stage, "stage");
KOERS_KEYWORD(test, "test");
KOERS_KEYWORD(optional, "optional");
KOERS_KEYWORD(list, "list");
KOERS_KEYWORD(of, "of");
KOERS_KEYWORD(in, "in");
KOERS_KEYWORD(salience, "salience");
KOERS_KEYWORD(tags, "tags");
KOERS_KEYWORD(when, "when");
KOERS_KEYWORD(then, "then");
KOERS_KEYWORD(end, "end");
KOERS_KEYWORD(not, "not");
KOERS_KEYWORD(exists, "exists");
KOERS_KEYWORD(forall, "forall");
KOERS_KEYWORD(implies, "implies");
KOERS_KEYWORD(where, "where");
KOERS_KEYWORD(and, "and");
KOERS_KEYWORD(or, "or");
KOERS_KEYWORD(if, "if");
KOERS_KEYWORD(else, "else");
KOERS_KEYWORD(true, "true");
KOERS_KEYWORD(false, "false");
KOERS_KEYWORD(count, "count");
KOERS_KEYWORD(sum, "sum");
KOERS_KEYWORD(min, "min");
KOERS_KEYWORD(max, "max");
KOERS_KEYWORD(avg, "avg");
KOERS_KEYWORD(collect, "collect");
KOERS_KEYWORD(assert, "assert");
KOERS_KEYWORD(logical, "logical");
KOERS_KEYWORD(retract, "retract");
KOERS_KEYWORD(modify, "modify");
KOERS_KEYWORD(advise, "advise");
KOERS_KEYWORD(print, "print");
KOERS_KEYWORD(halt, "halt");
KOERS_KEYWORD(bind, "bind");
KOERS_KEYWORD(focus, "focus");
KOERS_KEYWORD(given, "given");
KOERS_KEYWORD(expect, "expect");
KOERS_KEYWORD(no, "no");
KOERS_KEYWORD(fact, "fact");
KOERS_KEYWORD(advice, "advice");
KOERS_KEYWORD(fires, "fires");
KOERS_KEYWORD(times, "times");
KOERS_KEYWORD(does, "does");
KOERS_KEYWORD(fire, "fire");
KOERS_KEYWORD(symbol, "symbol");
KOERS_KEYWORD(text, "text");
KOERS_KEYWORD(int, "int");
KOERS_KEYWORD(number, "number");
KOERS_KEYWORD(bool, "bool");

#undef KOERS_KEYWORD

// Words that end or join expressions and conditions, so they cannot name things.
struct reserved_word : sor<kw_and, kw_or, kw_not, kw_in, kw_if, kw_then, kw_else, kw_true, kw_false,
                           kw_of, kw_implies, kw_when, kw_end, kw_where, kw_exists, kw_forall> {};

// identifier -> letter { letter | digit | '_' | '-' letter }, not a reserved word
struct identifier : seq<not_at<reserved_word>, identifier_first, identifier_rest> {};
// variable -> '?' identifier
struct variable_name : seq<identifier_first, identifier_rest> {};
struct variable : seq<one<'?'>, variable_name> {};

// ---------------------------------------------------------------- punctuation

struct comma : seq<one<','>, sep> {};
struct colon : one<':'> {};
struct slot_colon : one<':'> {};
struct open_paren : one<'('> {};
struct fact_open : one<'('> {};
struct template_end : one<'}'> {};
struct facts_end : one<'}'> {};
struct set_end : one<'}'> {};
struct interpolation_end : one<'}'> {};
struct test_end : one<'}'> {};
struct paren_end : one<')'> {};
struct call_end : one<')'> {};
struct pattern_end : one<')'> {};
struct fact_end : one<')'> {};
struct group_end : one<')'> {};
struct parameters_end : one<')'> {};
struct properties_end : one<')'> {};
struct list_end : one<']'> {};
struct equals_sign : seq<one<'='>, not_at<one<'='>>> {};
struct arrow : string<'-', '>'> {};
struct binding_arrow : string<'<', '-'> {};
struct range_dots : two<'.'> {};

// ---------------------------------------------------------------- literals

// number -> digits ['.' digits] [('e' | 'E') ['+' | '-'] digits]
struct digits : plus<digit> {};
struct fraction : seq<one<'.'>, digits> {};
struct exponent : seq<one<'e', 'E'>, opt<one<'+', '-'>>, digits> {};
struct number_literal : seq<digits, opt<fraction>, opt<exponent>, word_end> {};

struct escape_char : one<'"', '\\', 'n', 't', 'r', '{', '}'> {};
struct escape : seq<one<'\\'>, must<escape_char>> {};
struct closing_quote : one<'"'> {};

// plain_string -> '"' { character | escape } '"', on one line; braces are plain text
struct plain_chars : plus<not_one<'"', '\\', '\n', '\r'>> {};
struct plain_string : seq<one<'"'>, star<sor<escape, plain_chars>>, must<closing_quote>> {};

struct expression;
struct interpolation_body;
// interpolation -> '{' expression '}'
struct interpolation : seq<one<'{'>, sep, must<interpolation_body>, must<interpolation_end>> {};
struct text_chars : plus<not_one<'"', '\\', '\n', '\r', '{'>> {};
// text_literal -> '"' { character | escape | interpolation } '"', on one line
struct text_literal : seq<one<'"'>, star<sor<escape, interpolation, text_chars>>, must<closing_quote>> {};

struct bool_literal : sor<kw_true, kw_false> {};
struct symbol_literal : identifier {};

// ---------------------------------------------------------------- expressions

struct domain;
// paren_expression -> '(' expression ')'
struct paren_body : seq<sep, expression> {};
struct paren_expression : seq<one<'('>, must<paren_body>, must<paren_end>> {};
// call -> identifier '(' [expression {',' expression}] ')'; no space before '('
struct call_arguments : opt<list<seq<expression>, comma>> {};
struct function_ref : identifier {};
struct call : seq<function_ref, one<'('>, sep, call_arguments, must<call_end>> {};
// list_expression -> '[' [expression {',' expression}] ']'
struct list_items : opt<list<seq<expression>, comma>, opt<comma>> {};
struct list_expression : seq<one<'['>, sep, list_items, must<list_end>> {};
// Each alternative is guarded by its first character, so that failed attempts do not
// build parse-tree nodes.
struct primary : sor<paren_expression, seq<at<digit>, number_literal>, seq<at<one<'"'>>, text_literal>,
                     seq<at<one<'?'>>, variable>, seq<at<one<'['>>, list_expression>,
                     seq<at<one<'t', 'f'>>, bool_literal>, seq<at<identifier, one<'('>>, call>, symbol_literal> {};
// slot_access -> '.' identifier
struct access_slot : identifier {};
struct slot_access : seq<one<'.'>, access_slot> {};
struct postfix_expression : seq<primary, star<slot_access>, sep> {};
// unary -> '-' unary | postfix
struct negation_operand;
struct negation : seq<one<'-'>, not_at<one<'>'>>, sep, must<negation_operand>> {};
struct unary : sor<seq<at<one<'-'>>, negation>, postfix_expression> {};
struct negation_operand : seq<unary> {};
// term -> unary {('*' | '/' | '%') unary}
struct multiplicative_op : sor<one<'*', '%'>, seq<one<'/'>, not_at<one<'/', '*'>>>> {};
struct term_operand : seq<unary> {};
struct term : seq<unary, star<multiplicative_op, sep, must<term_operand>>> {};
// additive -> term {('+' | '-') term}
struct additive_op : sor<one<'+'>, seq<one<'-'>, not_at<one<'>'>>>> {};
struct additive_operand : seq<term> {};
struct additive : seq<term, star<additive_op, sep, must<additive_operand>>> {};
// comparison -> additive [compare_op additive | ['not'] 'in' domain]
struct compare_op : sor<string<'=', '='>, string<'!', '='>, string<'<', '='>, string<'>', '='>,
                        one<'<'>, one<'>'>> {};
struct compare_operand : seq<additive> {};
struct comparison_tail : seq<compare_op, sep, must<compare_operand>> {};
struct in_op : seq<opt<kw_not, sep>, kw_in, sep> {};
struct membership_tail : seq<in_op, must<domain>> {};
struct comparison_start : one<'=', '!', '<', '>'> {};
struct membership_start : sor<kw_in, seq<kw_not, sep, kw_in>> {};
struct comparison : seq<additive, opt<sor<seq<at<comparison_start>, comparison_tail>, seq<at<membership_start>, membership_tail>>>> {};
// not_expression -> 'not' not_expression | comparison
struct not_operand;
struct logical_not : seq<kw_not, sep, must<not_operand>> {};
struct not_expression : sor<seq<at<kw_not>, logical_not>, comparison> {};
struct not_operand : seq<not_expression> {};
// and_expression -> not_expression {'and' not_expression}
struct and_operand : seq<not_expression> {};
struct and_expression : seq<not_expression, star<kw_and, sep, must<and_operand>>> {};
// or_expression -> and_expression {'or' and_expression}
struct or_operand : seq<and_expression> {};
struct or_expression : seq<and_expression, star<kw_or, sep, must<or_operand>>> {};
// conditional -> 'if' expression 'then' expression 'else' expression
struct conditional_test : seq<expression> {};
struct conditional_then : seq<kw_then, sep, expression> {};
struct conditional_else : seq<kw_else, sep, expression> {};
struct conditional : seq<kw_if, sep, must<conditional_test>, must<conditional_then>, must<conditional_else>> {};
struct expression : sor<conditional, or_expression> {};
struct interpolation_body : expression {};

// domain -> '{' [expression {',' expression}] '}' | unary '..' unary
struct set_items : opt<list<seq<expression>, comma>, opt<comma>> {};
struct value_set : seq<one<'{'>, sep, set_items, must<set_end>, sep> {};
struct range_high : unary {};
struct value_range : seq<unary, range_dots, sep, must<range_high>> {};
struct domain : sor<value_set, value_range> {};

// ---------------------------------------------------------------- types

// type -> 'symbol' | 'text' | 'int' | 'number' | 'bool' | 'list' 'of' type
struct base_type : sor<kw_symbol, kw_text, kw_int, kw_number, kw_bool> {};
struct list_element_type : base_type {};
struct list_of_word : kw_of {};
struct list_type : seq<kw_list, sep, must<list_of_word>, sep, must<list_element_type>> {};
struct type : sor<list_type, base_type> {};

// ---------------------------------------------------------------- declarations

struct doc_string : plain_string {};
struct optional_doc : opt<doc_string, sep> {};

// import -> 'import' string
struct import_path : plain_string {};
struct import_decl : seq<kw_import, sep, must<import_path>, sep> {};

// stage -> 'stage' identifier [doc]
struct stage_name : identifier {};
struct required_stage_name : seq<stage_name> {};
struct stage_decl : seq<kw_stage, sep, must<required_stage_name>, sep, optional_doc> {};

// slot -> identifier ':' type ['in' domain] ['=' expression] ['optional'] [doc]
struct slot_name : identifier {};
struct slot_type : type {};
struct slot_domain : seq<kw_in, sep, must<domain>> {};
struct slot_default_value : expression {};
struct slot_default : seq<equals_sign, sep, must<slot_default_value>> {};
struct slot_optional : seq<kw_optional, sep> {};
// A declaration keyword not followed by ':' ends the template (its '}' is missing)
// rather than starting a slot.
struct declaration_keyword : sor<kw_import, kw_template, kw_facts, kw_rule, kw_function, kw_stage, kw_test> {};
struct slot_decl : seq<not_at<declaration_keyword, sep, not_at<one<':'>>>, slot_name, sep, must<slot_colon>, sep, must<slot_type>, sep, opt<slot_domain>,
                       opt<slot_default>, opt<slot_optional>, optional_doc, opt<comma>> {};
// template -> 'template' identifier [doc] '{' {slot} '}'
struct template_name : identifier {};
struct template_body : seq<one<'{'>, sep, star<slot_decl>, must<template_end>, sep> {};
struct template_decl : seq<kw_template, sep, must<template_name>, sep, optional_doc, must<template_body>> {};

// fact -> identifier '(' [slot ':' expression {',' ...}] ')'
struct slot_value_expression : expression {};
struct slot_value : seq<slot_name, sep, must<slot_colon>, sep, must<slot_value_expression>> {};
struct slot_values : opt<list<slot_value, comma>, opt<comma>> {};
struct fact_template : identifier {};
struct fact : seq<fact_template, sep, must<fact_open>, sep, slot_values, must<fact_end>, sep> {};
// facts -> 'facts' [identifier] [doc] '{' {fact} '}'
struct facts_name : identifier {};
struct facts_body : seq<one<'{'>, sep, star<fact>, must<facts_end>, sep> {};
struct facts_decl : seq<kw_facts, sep, opt<facts_name, sep>, optional_doc, must<facts_body>> {};

// ---------------------------------------------------------------- conditions

// slot_test -> compare_op additive | ['not'] 'in' domain | additive
struct equality_operand : seq<additive> {};
struct slot_test : sor<comparison_tail, membership_tail, equality_operand> {};
// constraint -> identifier ':' (variable [slot_test] | slot_test)
struct constraint_value : sor<seq<variable, sep, opt<sor<comparison_tail, membership_tail>>>, slot_test> {};
struct constraint : seq<slot_name, sep, must<slot_colon>, sep, must<constraint_value>> {};
struct constraints : opt<list<constraint, comma>, opt<comma>> {};
// pattern -> identifier '(' [constraint {',' constraint}] ')'
struct pattern_template : identifier {};
struct pattern : seq<pattern_template, sep, open_paren, sep, constraints, must<pattern_end>, sep> {};
// fact_binding -> variable '<-'
struct fact_binding : seq<variable, sep, binding_arrow, sep> {};
struct pattern_condition : seq<opt<fact_binding>, pattern> {};

struct condition;
struct condition_operand : seq<condition> {};
// not -> 'not' condition; exists -> 'exists' condition
struct not_condition : seq<kw_not, sep, must<condition_operand>> {};
struct exists_condition : seq<kw_exists, sep, must<condition_operand>> {};
// forall -> 'forall' condition 'implies' condition
struct forall_requirement : seq<kw_implies, sep, must<condition_operand>> {};
struct forall_condition : seq<kw_forall, sep, must<condition_operand>, must<forall_requirement>> {};
// guard -> 'where' expression
struct guard_expression : expression {};
struct guard_condition : seq<kw_where, sep, must<guard_expression>> {};
// group -> '(' condition {('and' | 'or') condition} ')'; 'and' binds tighter
struct condition_and : seq<condition, star<kw_and, sep, must<condition_operand>>> {};
struct or_condition_operand : seq<condition_and> {};
struct condition_or : seq<condition_and, star<kw_or, sep, must<or_condition_operand>>> {};
struct group_condition : seq<open_paren, sep, must<condition_or>, must<group_end>, sep> {};
// aggregate -> variable '=' ('count' condition | function expression 'of' condition)
struct aggregate_function : sor<kw_sum, kw_min, kw_max, kw_avg, kw_collect> {};
struct aggregate_value : expression {};
struct aggregate_source : seq<kw_of, sep, must<condition_operand>> {};
struct count_aggregate : seq<kw_count, sep, must<condition_operand>> {};
struct value_aggregate : seq<aggregate_function, sep, must<aggregate_value>, must<aggregate_source>> {};
struct aggregate_kind : sor<count_aggregate, value_aggregate> {};
struct aggregate_condition : seq<variable, sep, equals_sign, sep, must<aggregate_kind>> {};
struct condition : sor<seq<at<kw_not>, not_condition>, seq<at<kw_exists>, exists_condition>,
                       seq<at<kw_forall>, forall_condition>, seq<at<kw_where>, guard_condition>,
                       seq<at<one<'?'>, variable_name, sep, equals_sign>, aggregate_condition>,
                       seq<at<open_paren>, group_condition>, pattern_condition> {};

// ---------------------------------------------------------------- actions

// assert -> 'assert' ['logical'] fact
struct assert_logical : seq<kw_logical, sep> {};
struct asserted_fact : seq<fact> {};
struct assert_action : seq<kw_assert, sep, opt<assert_logical>, must<asserted_fact>> {};
// retract -> 'retract' expression
struct action_target : expression {};
struct retract_action : seq<kw_retract, sep, must<action_target>> {};
// modify -> 'modify' expression '(' slot ':' expression {',' ...} ')'
struct modify_target : seq<variable, sep> {};
struct modify_action : seq<kw_modify, sep, must<modify_target>, must<fact_open>, sep, slot_values,
                           must<fact_end>, sep> {};
// advise -> 'advise' identifier {identifier ':' (string | expression)}
struct advice_topic : identifier {};
struct advice_key : identifier {};
struct advice_value : expression {};
struct advice_item : seq<advice_key, sep, colon, sep, must<advice_value>, opt<comma>> {};
struct advise_action : seq<kw_advise, sep, must<advice_topic>, sep, star<advice_item>> {};
// print -> 'print' expression
struct print_message : expression {};
struct print_action : seq<kw_print, sep, must<print_message>> {};
struct halt_action : seq<kw_halt, sep> {};
// bind -> 'bind' variable '=' expression
struct bind_variable : seq<variable, sep> {};
struct bound_value : seq<expression> {};
struct bind_value : seq<equals_sign, sep, must<bound_value>> {};
struct bind_action : seq<kw_bind, sep, must<bind_variable>, must<bind_value>> {};
// focus -> 'focus' identifier {',' identifier}
struct focus_stages : list<seq<stage_name, sep>, comma> {};
struct focus_action : seq<kw_focus, sep, must<focus_stages>> {};
struct action : sor<seq<at<kw_assert>, assert_action>, seq<at<kw_retract>, retract_action>,
                    seq<at<kw_modify>, modify_action>, seq<at<kw_advise>, advise_action>,
                    seq<at<kw_print>, print_action>, seq<at<kw_halt>, halt_action>,
                    seq<at<kw_bind>, bind_action>, seq<at<kw_focus>, focus_action>> {};

// ---------------------------------------------------------------- rules

// salience -> 'salience' ['-'] digits
struct salience_value : seq<opt<one<'-'>>, digits, word_end> {};
struct salience_clause : seq<kw_salience, sep, must<salience_value>, sep> {};
// stage_clause -> 'stage' identifier
struct stage_clause : seq<kw_stage, sep, must<required_stage_name>, sep> {};
// tags -> 'tags' identifier [':' identifier] {',' ...}
struct tag_key : identifier {};
struct tag_value : identifier {};
struct tag : seq<tag_key, sep, opt<colon, sep, must<tag_value>, sep>> {};
struct tag_list : list<tag, comma> {};
struct tags_clause : seq<kw_tags, sep, must<tag_list>> {};
struct rule_option : sor<salience_clause, stage_clause, tags_clause> {};
// rule -> 'rule' identifier [doc] {option} 'when' {condition} 'then' {action} 'end'
struct rule_name : identifier {};
struct when_keyword : seq<kw_when, sep> {};
struct then_keyword : seq<kw_then, sep> {};
struct end_keyword : seq<kw_end, sep> {};
struct rule_conditions : star<condition> {};
struct rule_actions : star<action> {};
struct rule_decl : seq<kw_rule, sep, must<rule_name>, sep, optional_doc, star<rule_option>,
                       must<when_keyword>, rule_conditions, must<then_keyword>, rule_actions,
                       must<end_keyword>> {};

// ---------------------------------------------------------------- functions

// parameter -> variable [':' type]
struct declared_type : seq<type> {};
struct parameter_type : seq<colon, sep, must<declared_type>, sep> {};
struct parameter : seq<variable, sep, opt<parameter_type>> {};
struct parameters : opt<list<parameter, comma>> {};
struct parameters_open : one<'('> {};
struct result_type : seq<arrow, sep, must<declared_type>, sep> {};
struct function_name : identifier {};
struct function_expression : seq<expression> {};
struct function_body : seq<equals_sign, sep, must<function_expression>> {};
// function -> 'function' identifier '(' [parameter {',' parameter}] ')' ['->' type] [doc] '=' expression
struct function_decl : seq<kw_function, sep, must<function_name>, sep, must<parameters_open>, sep, parameters,
                           must<parameters_end>, sep, opt<result_type>, optional_doc, must<function_body>> {};

// ---------------------------------------------------------------- tests

struct test_name : plain_string {};
// given -> 'given' '{' {fact} '}'
struct given_block : seq<kw_given, sep, must<facts_body>> {};
// expect fact -> ['no'] 'fact' pattern
struct expect_negated : seq<kw_no, sep> {};
struct expected_pattern : seq<pattern> {};
struct expect_fact : seq<opt<expect_negated>, kw_fact, sep, must<expected_pattern>> {};
// expect advice -> ['no'] 'advice' identifier ['(' key ':' expression {',' ...} ')']
struct advice_property : seq<advice_key, sep, must<slot_colon>, sep, must<advice_value>> {};
struct advice_properties : seq<open_paren, sep, opt<list<advice_property, comma>>, must<properties_end>, sep> {};
struct expect_advice : seq<opt<expect_negated>, kw_advice, sep, must<advice_topic>, sep, opt<advice_properties>> {};
// expect rule -> 'rule' identifier ('fires' [digits 'times'] | 'does' 'not' 'fire')
struct fire_count : seq<digits, sep, must<kw_times>, sep> {};
struct fires_clause : seq<kw_fires, sep, opt<fire_count>> {};
struct fire_negation : kw_not {};
struct does_not_fire : seq<kw_does, sep, must<fire_negation>, sep, must<kw_fire>, sep> {};
struct rule_outcome : sor<fires_clause, does_not_fire> {};
struct expect_rule : seq<kw_rule, sep, must<rule_name>, sep, must<rule_outcome>> {};
struct expectation_body : sor<expect_fact, expect_advice, expect_rule> {};
struct expectation : seq<kw_expect, sep, must<expectation_body>> {};
struct test_body : seq<one<'{'>, sep, opt<given_block>, star<expectation>, must<test_end>, sep> {};
// test -> 'test' string '{' [given] {expectation} '}'
struct test_decl : seq<kw_test, sep, must<test_name>, sep, must<test_body>> {};

// ---------------------------------------------------------------- files

struct declaration : sor<import_decl, template_decl, facts_decl, rule_decl, function_decl, stage_decl,
                         test_decl> {};
// One step of the top-level loop: a declaration, or the end of the file.
struct next_declaration : seq<sep, sor<eof, must<declaration>>> {};
// file -> {declaration}; used by the grammar analysis test
struct file : seq<sep, star<declaration>, eof> {};

}  // namespace koers::grammar
