// Expressions, strings, domains and types as canonical one-line text.
#pragma once

#include <string>
#include <string_view>

#include "grammar/ast.hpp"

namespace koers::formatting {

// How tightly an expression binds, loosest first, following the grammar: an operand
// whose precedence is below what its place needs is written in parentheses.
enum class Precedence {
    conditional,  // `if c then a else b`: only where a whole expression may stand
    or_,
    and_,
    not_,
    comparison,  // also `in` and `not in`; does not chain
    additive,
    multiplicative,
    unary,
    postfix,  // primaries and `.slot`
};

// `context` is the loosest precedence the place of the expression accepts unparenthesised.
std::string expression_text(const ast::Expr& expr, Precedence context = Precedence::conditional);

// A string where braces are plain text (documentation, import paths, test names).
std::string plain_string_text(std::string_view text);

// A string in an expression: literal braces escaped, interpolations written as `{expr}`.
std::string text_template_text(const ast::TextTemplate& text);

std::string domain_text(const ast::Domain& domain);
std::string type_text(const ast::TypeRef& type);

// `?name`, whether or not the name was stored with its question mark.
std::string variable_text(std::string_view name);

}  // namespace koers::formatting
