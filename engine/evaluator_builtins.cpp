// The built-in functions (check/builtins.hpp lists them for the checker). Their meaning
// matches the compiler's constant folding, so a value is the same whether it was
// computed at compile time or at run time.
#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/container/small_vector.hpp>

#include "engine/evaluator.hpp"

namespace koers::engine {

namespace {

bool is_textual(const Value& value) { return value.type() == ValueType::Text || value.type() == ValueType::Symbol; }

std::size_t utf8_length(const std::string& text)
{
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

}  // namespace

bool Evaluator::builtin(const ExprNode& node, const EvalFrame& frame, Value& out)
{
    boost::container::small_vector<Value, 4> args(node.operand_count);
    for (std::uint32_t i = 0; i < node.operand_count; ++i) {
        if (!evaluate(arena_.operand(node, i), frame, args[i])) return false;
    }
    if (args.empty()) return fail(node, "a built-in function needs arguments");
    const Value& first = args.front();
    switch (node.builtin) {
    case Builtin::Min:
    case Builtin::Max: return extreme(node, node.builtin == Builtin::Max, {args.data(), args.size()}, out);
    case Builtin::Abs:
        if (first.type() == ValueType::Number) {
            out = Value::number(std::fabs(first.as_number()));
            return true;
        }
        if (first.type() != ValueType::Int) return fail(node, "abs needs a number, not " + values_.render(first));
        if (first.as_int() == std::numeric_limits<std::int64_t>::min()) return fail(node, "the result is too large for an int");
        out = Value::integer(first.as_int() < 0 ? -first.as_int() : first.as_int());
        return true;
    case Builtin::Round: return whole(node, first, [](double d) { return std::round(d); }, out);
    case Builtin::Floor: return whole(node, first, [](double d) { return std::floor(d); }, out);
    case Builtin::Ceil: return whole(node, first, [](double d) { return std::ceil(d); }, out);
    case Builtin::Sqrt:
        if (!first.is_numeric() || first.as_number() < 0) {
            return fail(node, "sqrt needs a number of at least 0, not " + values_.render(first));
        }
        out = Value::number(std::sqrt(first.as_number()));
        return true;
    case Builtin::Len:
        if (first.is_nil()) {  // an absent optional slot counts as empty
            out = Value::integer(0);
            return true;
        }
        if (first.type() == ValueType::List) {
            out = Value::integer(static_cast<std::int64_t>(values_.list_items(first.id()).size()));
            return true;
        }
        if (!is_textual(first)) return fail(node, "len needs a text or a list, not " + values_.render(first));
        out = Value::integer(static_cast<std::int64_t>(utf8_length(values_.string(first.id()))));
        return true;
    case Builtin::Str: out = values_.text(values_.display(first)); return true;
    case Builtin::Lower:
    case Builtin::Upper: {
        if (!is_textual(first)) return fail(node, "lower and upper need a text, not " + values_.render(first));
        std::string text = values_.string(first.id());
        const bool upper = node.builtin == Builtin::Upper;
        for (char& c : text) {
            if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        out = first.type() == ValueType::Text ? values_.text(text) : values_.symbol(text);
        return true;
    }
    case Builtin::Contains:
        if (args.size() != 2) return fail(node, "contains needs two arguments");
        if (first.is_nil()) {  // an absent optional slot counts as empty
            out = Value::boolean(false);
            return true;
        }
        if (first.type() == ValueType::List) {
            const std::vector<Value>& items = values_.list_items(first.id());
            out = Value::boolean(std::find(items.begin(), items.end(), args[1]) != items.end());
            return true;
        }
        if (!is_textual(first) || !is_textual(args[1])) return fail(node, "contains needs a list, or two texts");
        out = Value::boolean(values_.string(first.id()).find(values_.string(args[1].id())) != std::string::npos);
        return true;
    case Builtin::StartsWith:
        if (args.size() != 2 || !is_textual(first) || !is_textual(args[1])) return fail(node, "starts_with needs two texts");
        out = Value::boolean(values_.string(first.id()).starts_with(values_.string(args[1].id())));
        return true;
    case Builtin::Concat: {
        std::string text;
        for (const Value& argument : args) text += values_.display(argument);
        out = values_.text(text);
        return true;
    }
    }
    return fail(node, "a built-in function the engine does not know");
}

bool Evaluator::extreme(const ExprNode& node, bool largest, std::span<const Value> args, Value& out)
{
    const std::span<const Value> items =
        args.size() == 1 && args[0].type() == ValueType::List ? std::span<const Value>(values_.list_items(args[0].id())) : args;
    if (items.empty()) return fail(node, "min and max need at least one value");
    Value best = items.front();
    for (const Value& item : items) {
        int order = 0;
        if (!compare(node, item, best, order)) return false;
        if (largest ? order > 0 : order < 0) best = item;
    }
    out = best;
    return true;
}

bool Evaluator::whole(const ExprNode& node, const Value& value, double (*rounding)(double), Value& out)
{
    if (value.type() == ValueType::Int) {
        out = value;
        return true;
    }
    if (value.type() != ValueType::Number) return fail(node, "rounding needs a number, not " + values_.render(value));
    const double rounded = rounding(value.as_number());
    // 2^63 is the first double past the int range.
    if (!(std::fabs(rounded) < 9223372036854775808.0)) return fail(node, "the result is too large for an int");
    out = Value::integer(static_cast<std::int64_t>(rounded));
    return true;
}

}  // namespace koers::engine
