// Constant folding for the checker: the value of an expression that is a literal, a
// negated number, plain text or a list of those, and how to show such a value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "grammar/ast.hpp"

namespace koers::checks {

struct ConstantValue {
    enum class Kind { Int, Number, Text, Symbol, Bool, List };
    Kind kind = Kind::Symbol;
    std::int64_t int_value = 0;
    double number_value = 0.0;  // set for Int as well, so numbers compare as one family
    bool bool_value = false;
    std::string text;  // symbol name, decoded text, or the spelling of a number
    std::vector<ConstantValue> items;  // for List
};

// The value of `expr` when it is constant in the simple sense above; nothing otherwise.
std::optional<ConstantValue> fold_constant(const ast::Expr& expr);

[[nodiscard]] bool is_numeric(const ConstantValue& value);

// Equal as allowed values: numbers by value, everything else by kind and spelling.
[[nodiscard]] bool same_value(const ConstantValue& a, const ConstantValue& b);

// The value as a user would write it: `high`, `"text"`, `-2`, `[a, b]`.
std::string spell(const ConstantValue& value);

// The value with its kind, for messages: "the symbol `high`", "the number 2.5".
std::string describe(const ConstantValue& value);

}  // namespace koers::checks
