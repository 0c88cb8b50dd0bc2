#include "compile/constant_eval.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace koers::compile {

namespace {

using engine::ExprSpec;
using engine::Value;
using engine::ValueType;

// Deep enough for any sensible helper function, shallow enough to stop a recursive one.
constexpr int max_call_depth = 64;

bool is_textual(const Value& value) { return value.type() == ValueType::Text || value.type() == ValueType::Symbol; }

std::size_t utf8_length(const std::string& text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
}

class ConstantEvaluator {
public:
    ConstantEvaluator(const engine::RuleSet& rules, engine::ValueStore& values, std::string& error)
        : rules_(rules), values_(values), error_(error)
    {
    }

    std::optional<Value> evaluate(const ExprSpec& expr, const std::vector<Value>* parameters)
    {
        switch (expr.kind) {
        case ExprSpec::Kind::Constant: return expr.value;
        case ExprSpec::Kind::Variable:
        case ExprSpec::Kind::FactSlot: return fail("it uses a variable");
        case ExprSpec::Kind::Parameter:
            if (parameters == nullptr || expr.variable >= parameters->size()) return fail("it uses a parameter");
            return (*parameters)[expr.variable];
        case ExprSpec::Kind::Operation: return operation(expr, parameters);
        case ExprSpec::Kind::Builtin: return builtin(expr, parameters);
        case ExprSpec::Kind::Function: return call(expr, parameters);
        case ExprSpec::Kind::Conditional: return conditional(expr, parameters);
        case ExprSpec::Kind::MakeList: {
            std::optional<std::vector<Value>> items = operands(expr, parameters);
            if (!items) return std::nullopt;
            return values_.list(std::move(*items));
        }
        case ExprSpec::Kind::Member: return member(expr, parameters);
        case ExprSpec::Kind::InRange: return in_range(expr, parameters);
        case ExprSpec::Kind::Concat: {
            std::optional<std::vector<Value>> parts = operands(expr, parameters);
            if (!parts) return std::nullopt;
            std::string text;
            for (const Value& part : *parts) text += values_.display(part);
            return values_.text(text);
        }
        }
        return fail("it is not an expression the compiler knows");
    }

private:
    std::optional<Value> fail(std::string reason)
    {
        if (error_.empty()) error_ = std::move(reason);
        return std::nullopt;
    }

    std::optional<std::vector<Value>> operands(const ExprSpec& expr, const std::vector<Value>* parameters)
    {
        std::vector<Value> result;
        result.reserve(expr.operands.size());
        for (const ExprSpec& operand : expr.operands) {
            std::optional<Value> value = evaluate(operand, parameters);
            if (!value) return std::nullopt;
            result.push_back(*value);
        }
        return result;
    }

    std::optional<bool> truth(const ExprSpec& expr, const std::vector<Value>* parameters)
    {
        const std::optional<Value> value = evaluate(expr, parameters);
        if (!value) return std::nullopt;
        if (value->type() != ValueType::Bool) {
            fail("a condition must be true or false, not " + values_.render(*value));
            return std::nullopt;
        }
        return value->as_bool();
    }

    std::optional<Value> operation(const ExprSpec& expr, const std::vector<Value>* parameters)
    {
        const bool unary = expr.op == engine::Operator::Not || expr.op == engine::Operator::Negate;
        if (expr.operands.size() != (unary ? 1U : 2U)) return fail("an operator has the wrong number of operands");
        if (expr.op == engine::Operator::And || expr.op == engine::Operator::Or) {
            const std::optional<bool> left = truth(expr.operands[0], parameters);
            if (!left) return std::nullopt;
            // Short-circuit, as at run time: `false and x` never computes x.
            if (*left == (expr.op == engine::Operator::Or)) return Value::boolean(*left);
            const std::optional<bool> right = truth(expr.operands[1], parameters);
            if (!right) return std::nullopt;
            return Value::boolean(*right);
        }
        if (expr.op == engine::Operator::Not) {
            const std::optional<bool> operand = truth(expr.operands[0], parameters);
            if (!operand) return std::nullopt;
            return Value::boolean(!*operand);
        }
        std::optional<std::vector<Value>> values = operands(expr, parameters);
        if (!values) return std::nullopt;
        if (expr.op == engine::Operator::Negate) return negate((*values)[0]);
        return binary(expr.op, (*values)[0], (*values)[1]);
    }

    std::optional<Value> negate(const Value& value)
    {
        if (value.type() == ValueType::Number) return Value::number(-value.as_number());
        if (value.type() != ValueType::Int) return fail("cannot negate " + values_.render(value));
        if (value.as_int() == std::numeric_limits<std::int64_t>::min()) return fail("the result is too large for an int");
        return Value::integer(-value.as_int());
    }

    std::optional<Value> binary(engine::Operator op, const Value& left, const Value& right)
    {
        switch (op) {
        case engine::Operator::Eq: return Value::boolean(left == right);
        case engine::Operator::Ne: return Value::boolean(!(left == right));
        case engine::Operator::Lt:
        case engine::Operator::Le:
        case engine::Operator::Gt:
        case engine::Operator::Ge: return compare(op, left, right);
        default: return arithmetic(op, left, right);
        }
    }

    std::optional<Value> compare(engine::Operator op, const Value& left, const Value& right)
    {
        int order = 0;
        if (left.is_numeric() && right.is_numeric()) {
            const double a = left.as_number();
            const double b = right.as_number();
            order = a < b ? -1 : (b < a ? 1 : 0);
        } else if (is_textual(left) && left.type() == right.type()) {
            order = values_.string(left.id()).compare(values_.string(right.id()));
        } else {
            return fail("cannot compare " + values_.render(left) + " with " + values_.render(right));
        }
        switch (op) {
        case engine::Operator::Lt: return Value::boolean(order < 0);
        case engine::Operator::Le: return Value::boolean(order <= 0);
        case engine::Operator::Gt: return Value::boolean(order > 0);
        default: return Value::boolean(order >= 0);
        }
    }

    std::optional<Value> arithmetic(engine::Operator op, const Value& left, const Value& right)
    {
        if (!left.is_numeric() || !right.is_numeric()) {
            return fail("cannot compute with " + values_.render(left) + " and " + values_.render(right));
        }
        const bool both_int = left.type() == ValueType::Int && right.type() == ValueType::Int;
        if (op == engine::Operator::Div) {
            if (right.as_number() == 0.0) return fail("it divides by zero");
            return Value::number(left.as_number() / right.as_number());
        }
        if (op == engine::Operator::Mod) {
            if (right.as_number() == 0.0) return fail("it divides by zero");
            if (!both_int) return Value::number(std::fmod(left.as_number(), right.as_number()));
            if (right.as_int() == -1) return Value::integer(0);
            return Value::integer(left.as_int() % right.as_int());
        }
        if (both_int) {
            std::int64_t result = 0;
            bool overflow = false;
            if (op == engine::Operator::Add) overflow = __builtin_add_overflow(left.as_int(), right.as_int(), &result);
            else if (op == engine::Operator::Sub) overflow = __builtin_sub_overflow(left.as_int(), right.as_int(), &result);
            else overflow = __builtin_mul_overflow(left.as_int(), right.as_int(), &result);
            if (overflow) return fail("the result is too large for an int");
            return Value::integer(result);
        }
        const double a = left.as_number();
        const double b = right.as_number();
        if (op == engine::Operator::Add) return Value::number(a + b);
        if (op == engine::Operator::Sub) return Value::number(a - b);
        return Value::number(a * b);
    }

    std::optional<Value> conditional(const ExprSpec& expr, const std::vector<Value>* parameters)
    {
        if (expr.operands.size() != 3) return fail("a conditional needs three parts");
        const std::optional<bool> condition = truth(expr.operands[0], parameters);
        if (!condition) return std::nullopt;
        return evaluate(expr.operands[*condition ? 1 : 2], parameters);
    }

    std::optional<Value> member(const ExprSpec& expr, const std::vector<Value>* parameters)
    {
        std::optional<std::vector<Value>> values = operands(expr, parameters);
        if (!values || values->empty()) return values ? fail("a membership test needs a value") : std::nullopt;
        const bool found = std::find(values->begin() + 1, values->end(), values->front()) != values->end();
        return Value::boolean(found != expr.negated);
    }

    std::optional<Value> in_range(const ExprSpec& expr, const std::vector<Value>* parameters)
    {
        std::optional<std::vector<Value>> values = operands(expr, parameters);
        if (!values) return std::nullopt;
        if (values->size() != 3) return fail("a range test needs a value, a low and a high bound");
        for (const Value& value : *values) {
            if (!value.is_numeric()) return fail("a range holds numbers, not " + values_.render(value));
        }
        const double value = (*values)[0].as_number();
        const bool inside = value >= (*values)[1].as_number() && value <= (*values)[2].as_number();
        return Value::boolean(inside != expr.negated);
    }

    std::optional<Value> call(const ExprSpec& expr, const std::vector<Value>* parameters)
    {
        if (expr.function >= rules_.functions.size()) return fail("it calls an unknown function");
        const engine::FunctionSpec& function = rules_.functions[expr.function];
        if (expr.operands.size() != function.parameter_count) return fail("a call has the wrong number of arguments");
        if (depth_ >= max_call_depth) return fail("function calls nest deeper than 64 levels");
        std::optional<std::vector<Value>> arguments = operands(expr, parameters);
        if (!arguments) return std::nullopt;
        ++depth_;
        std::optional<Value> result = evaluate(function.body, &*arguments);
        --depth_;
        return result;
    }

    std::optional<Value> builtin(const ExprSpec& expr, const std::vector<Value>* parameters)
    {
        std::optional<std::vector<Value>> arguments = operands(expr, parameters);
        if (!arguments || arguments->empty()) return arguments ? fail("a builtin needs arguments") : std::nullopt;
        const std::vector<Value>& args = *arguments;
        const Value& first = args.front();
        switch (expr.builtin) {
        case engine::Builtin::Min:
        case engine::Builtin::Max: return extreme(expr.builtin == engine::Builtin::Max, args);
        case engine::Builtin::Abs:
            if (first.type() == ValueType::Number) return Value::number(std::fabs(first.as_number()));
            if (first.type() == ValueType::Int && first.as_int() < 0) return negate(first);
            if (first.type() == ValueType::Int) return first;
            return fail("abs needs a number, not " + values_.render(first));
        case engine::Builtin::Round: return whole(first, [](double d) { return std::round(d); });
        case engine::Builtin::Floor: return whole(first, [](double d) { return std::floor(d); });
        case engine::Builtin::Ceil: return whole(first, [](double d) { return std::ceil(d); });
        case engine::Builtin::Sqrt:
            if (!first.is_numeric() || first.as_number() < 0) return fail("sqrt needs a number of at least 0");
            return Value::number(std::sqrt(first.as_number()));
        case engine::Builtin::Len:
            if (first.type() == ValueType::List) return Value::integer(static_cast<std::int64_t>(values_.list_items(first.id()).size()));
            if (is_textual(first)) return Value::integer(static_cast<std::int64_t>(utf8_length(values_.string(first.id()))));
            return fail("len needs a text or a list, not " + values_.render(first));
        case engine::Builtin::Str: return values_.text(values_.display(first));
        case engine::Builtin::Lower:
        case engine::Builtin::Upper: return change_case(first, expr.builtin == engine::Builtin::Upper);
        case engine::Builtin::Contains: return contains(args);
        case engine::Builtin::StartsWith:
            if (args.size() != 2 || !is_textual(args[0]) || !is_textual(args[1])) return fail("starts_with needs two texts");
            return Value::boolean(values_.string(args[0].id()).starts_with(values_.string(args[1].id())));
        case engine::Builtin::Concat: {
            std::string text;
            for (const Value& argument : args) text += values_.display(argument);
            return values_.text(text);
        }
        }
        return fail("it calls an unknown builtin");
    }

    std::optional<Value> extreme(bool largest, const std::vector<Value>& args)
    {
        const std::vector<Value>& items =
            args.size() == 1 && args[0].type() == ValueType::List ? values_.list_items(args[0].id()) : args;
        if (items.empty()) return fail("min and max need at least one value");
        Value best = items.front();
        for (const Value& item : items) {
            const std::optional<Value> less = compare(engine::Operator::Lt, largest ? best : item, largest ? item : best);
            if (!less) return std::nullopt;
            if (less->as_bool()) best = item;
        }
        return best;
    }

    template <typename Rounding>
    std::optional<Value> whole(const Value& value, Rounding rounding)
    {
        if (value.type() == ValueType::Int) return value;
        if (value.type() != ValueType::Number) return fail("rounding needs a number, not " + values_.render(value));
        const double rounded = rounding(value.as_number());
        // 2^63 is the first double past the int range.
        if (!(std::fabs(rounded) < 9223372036854775808.0)) return fail("the result is too large for an int");
        return Value::integer(static_cast<std::int64_t>(rounded));
    }

    std::optional<Value> change_case(const Value& value, bool upper)
    {
        if (!is_textual(value)) return fail("lower and upper need a text, not " + values_.render(value));
        std::string text = values_.string(value.id());
        for (char& c : text) {
            if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        return value.type() == ValueType::Text ? values_.text(text) : values_.symbol(text);
    }

    std::optional<Value> contains(const std::vector<Value>& args)
    {
        if (args.size() != 2) return fail("contains needs two arguments");
        if (args[0].type() == ValueType::List) {
            const std::vector<Value>& items = values_.list_items(args[0].id());
            return Value::boolean(std::find(items.begin(), items.end(), args[1]) != items.end());
        }
        if (!is_textual(args[0]) || !is_textual(args[1])) return fail("contains needs a list, or two texts");
        return Value::boolean(values_.string(args[0].id()).find(values_.string(args[1].id())) != std::string::npos);
    }

    const engine::RuleSet& rules_;
    engine::ValueStore& values_;
    std::string& error_;
    int depth_ = 0;
};

}  // namespace

bool is_constant_expression(const engine::ExprSpec& expr)
{
    switch (expr.kind) {
    case ExprSpec::Kind::Variable:
    case ExprSpec::Kind::FactSlot:
    case ExprSpec::Kind::Parameter: return false;
    default: break;
    }
    return std::all_of(expr.operands.begin(), expr.operands.end(), is_constant_expression);
}

std::optional<engine::Value> evaluate_constant(const engine::ExprSpec& expr, const engine::RuleSet& rules,
                                               engine::ValueStore& values, std::string& error)
{
    error.clear();
    return ConstantEvaluator(rules, values, error).evaluate(expr, nullptr);
}

}  // namespace koers::compile
