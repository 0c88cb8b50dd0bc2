// The functions every ruleset can call without declaring them. The checker uses this
// table for names and argument counts; the engine implements each entry.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <optional>
#include <string_view>

namespace koers {

struct BuiltinFunction {
    std::string_view name;
    std::size_t min_arguments = 0;
    std::size_t max_arguments = 0;  // `unbounded_arguments` for a variadic function
    std::string_view summary;
};

inline constexpr std::size_t unbounded_arguments = std::numeric_limits<std::size_t>::max();

inline constexpr std::array<BuiltinFunction, 14> builtin_functions{{
    {"min", 1, unbounded_arguments, "the smallest of the arguments, or of one list"},
    {"max", 1, unbounded_arguments, "the largest of the arguments, or of one list"},
    {"abs", 1, 1, "the absolute value of a number"},
    {"round", 1, 1, "a number rounded to the nearest whole number"},
    {"floor", 1, 1, "a number rounded down"},
    {"ceil", 1, 1, "a number rounded up"},
    {"sqrt", 1, 1, "the square root of a number"},
    {"len", 1, 1, "the number of characters of a text or items of a list"},
    {"str", 1, 1, "any value as text"},
    {"lower", 1, 1, "a text in lower case"},
    {"upper", 1, 1, "a text in upper case"},
    {"contains", 2, 2, "whether a text holds a text, or a list holds a value"},
    {"starts_with", 2, 2, "whether a text starts with a text"},
    {"concat", 2, unbounded_arguments, "the arguments joined as one text"},
}};

inline constexpr std::optional<BuiltinFunction> find_builtin(std::string_view name)
{
    for (const BuiltinFunction& function : builtin_functions) {
        if (function.name == name) return function;
    }
    return std::nullopt;
}

}  // namespace koers
