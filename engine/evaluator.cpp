#include "engine/evaluator.hpp"

#include <cmath>
#include <limits>

#include <boost/container/small_vector.hpp>

namespace koers::engine {

namespace {

// Deep enough for any sensible helper function, shallow enough to stop a recursive one;
// the same bound as the compiler's constant folding.
constexpr int max_call_depth = 64;

bool is_textual(const Value& value) { return value.type() == ValueType::Text || value.type() == ValueType::Symbol; }

bool adds_or_multiplies(Operator op) { return op == Operator::Add || op == Operator::Sub || op == Operator::Mul; }

// `a op b` for +, - and *; false when the result does not fit an int.
bool int_result(Operator op, std::int64_t a, std::int64_t b, std::int64_t& result)
{
    switch (op) {
    case Operator::Add: return !__builtin_add_overflow(a, b, &result);
    case Operator::Sub: return !__builtin_sub_overflow(a, b, &result);
    default: return !__builtin_mul_overflow(a, b, &result);
    }
}

}  // namespace

bool compare_values(const ValueStore& values, const Value& left, const Value& right, int& order)
{
    if (left.is_numeric() && right.is_numeric()) {
        if (left.type() == ValueType::Int && right.type() == ValueType::Int) {
            order = left.as_int() < right.as_int() ? -1 : (right.as_int() < left.as_int() ? 1 : 0);
            return true;
        }
        const double a = left.as_number();
        const double b = right.as_number();
        order = a < b ? -1 : (b < a ? 1 : 0);
        return true;
    }
    if (is_textual(left) && left.type() == right.type()) {
        const int c = values.string(left.id()).compare(values.string(right.id()));
        order = c < 0 ? -1 : (c > 0 ? 1 : 0);
        return true;
    }
    return false;
}

std::optional<RuntimeError> Evaluator::take_error()
{
    std::optional<RuntimeError> error = std::move(error_);
    error_.reset();
    return error;
}

bool Evaluator::fail(const ExprNode& node, std::string message)
{
    if (!error_) error_ = RuntimeError{std::move(message), arena_.places[node.where], {}};
    return false;
}

// A slot or a constant, read without evaluating; null for anything else.
const Value* Evaluator::direct(const ExprNode& node, const EvalFrame& frame) const
{
    const Fact* fact = nullptr;
    switch (node.op) {
    case ExprOp::Constant: return &node.value;
    case ExprOp::SelfSlot: fact = frame.self; break;
    case ExprOp::TokenSlot: fact = frame.token != nullptr ? frame.token[node.a] : nullptr; break;
    default: return nullptr;
    }
    return fact != nullptr && node.b < fact->slot_count ? &fact->slot(node.b) : nullptr;
}

bool Evaluator::holds(ExprRef ref, const EvalFrame& frame)
{
    // Most tests compare a slot with a slot or a constant: answer those at once.
    const ExprNode& node = arena_.node(ref);
    if (node.op == ExprOp::Binary) {
        const Value* left = direct(arena_.node(arena_.operand(node, 0)), frame);
        const Value* right = left != nullptr ? direct(arena_.node(arena_.operand(node, 1)), frame) : nullptr;
        if (right != nullptr) {
            if (node.binary == Operator::Eq) return *left == *right;
            if (node.binary == Operator::Ne) return !(*left == *right);
            if (left->type() == ValueType::Int && right->type() == ValueType::Int) {
                const std::int64_t a = left->as_int();
                const std::int64_t b = right->as_int();
                switch (node.binary) {
                case Operator::Lt: return a < b;
                case Operator::Le: return a <= b;
                case Operator::Gt: return a > b;
                case Operator::Ge: return a >= b;
                default: break;
                }
            }
        }
    }
    bool result = false;
    return truth(ref, frame, result) && result;
}

bool Evaluator::truth(ExprRef ref, const EvalFrame& frame, bool& out)
{
    Value value;
    if (!evaluate(ref, frame, value)) return false;
    if (value.type() != ValueType::Bool) {
        return fail(arena_.node(ref), "a condition must be true or false, not " + values_.render(value));
    }
    out = value.as_bool();
    return true;
}

bool Evaluator::slot_of(const ExprNode& node, const Fact* fact, Value& out)
{
    if (fact == nullptr || node.b >= fact->slot_count) return fail(node, "a slot is read from a fact that is not there");
    out = fact->slot(node.b);
    return true;
}

bool Evaluator::evaluate(ExprRef ref, const EvalFrame& frame, Value& out)
{
    const ExprNode& node = arena_.node(ref);
    switch (node.op) {
    case ExprOp::Constant: out = node.value; return true;
    case ExprOp::TokenSlot: return slot_of(node, frame.token[node.a], out);
    case ExprOp::SelfSlot: return slot_of(node, frame.self, out);
    case ExprOp::LocalFactSlot: return slot_of(node, frame.local_facts[node.a], out);
    case ExprOp::Local: out = frame.locals[node.a]; return true;
    case ExprOp::Parameter: out = frame.parameters[node.a]; return true;
    case ExprOp::TokenFact:
    case ExprOp::SelfFact:
    case ExprOp::LocalFact: return fail(node, "a fact variable cannot be used as a value; use one of its slots");
    case ExprOp::Call: return call(node, frame, out);
    case ExprOp::Builtin: return builtin(node, frame, out);
    default: return operation(node, frame, out);
    }
}

// A constant, variable or parameter is read where it is; anything else is evaluated into
// `scratch`. Null after an error.
const Value* Evaluator::read(ExprRef ref, const EvalFrame& frame, Value& scratch)
{
    const ExprNode& node = arena_.node(ref);
    switch (node.op) {
    case ExprOp::Constant: return &node.value;
    case ExprOp::Local: return &frame.locals[node.a];
    case ExprOp::Parameter: return &frame.parameters[node.a];
    default: return evaluate(ref, frame, scratch) ? &scratch : nullptr;
    }
}

bool Evaluator::append_text(ExprRef ref, const EvalFrame& frame, std::string& out)
{
    const ExprNode& node = arena_.node(ref);
    if (node.op == ExprOp::Concat) {
        for (std::uint32_t i = 0; i < node.operand_count; ++i) {
            if (!append_text(arena_.operand(node, i), frame, out)) return false;
        }
        return true;
    }
    Value value;
    if (!evaluate(ref, frame, value)) return false;
    values_.append_display(out, value);
    return true;
}

bool Evaluator::operation(const ExprNode& node, const EvalFrame& frame, Value& out)
{
    switch (node.op) {
    case ExprOp::Not: {
        bool b = false;
        if (!truth(arena_.operand(node, 0), frame, b)) return false;
        out = Value::boolean(!b);
        return true;
    }
    case ExprOp::And:
    case ExprOp::Or: {
        bool b = false;
        if (!truth(arena_.operand(node, 0), frame, b)) return false;
        // Short-circuit: `false and x` never computes x.
        if (b == (node.op == ExprOp::Or)) {
            out = Value::boolean(b);
            return true;
        }
        if (!truth(arena_.operand(node, 1), frame, b)) return false;
        out = Value::boolean(b);
        return true;
    }
    case ExprOp::Negate: {
        Value v;
        if (!evaluate(arena_.operand(node, 0), frame, v)) return false;
        if (v.type() == ValueType::Number) {
            out = Value::number(-v.as_number());
            return true;
        }
        if (v.type() != ValueType::Int) return fail(node, "cannot negate " + values_.render(v));
        if (v.as_int() == std::numeric_limits<std::int64_t>::min()) return fail(node, "the result is too large for an int");
        out = Value::integer(-v.as_int());
        return true;
    }
    case ExprOp::Binary: {
        Value left_value;
        Value right_value;
        const Value* left = read(arena_.operand(node, 0), frame, left_value);
        if (left == nullptr) return false;
        const Value* right = read(arena_.operand(node, 1), frame, right_value);
        if (right == nullptr) return false;
        // Sums and products of ints that fit, at once; everything else, and overflow,
        // goes the long way.
        std::int64_t result = 0;
        if (left->type() == ValueType::Int && right->type() == ValueType::Int && adds_or_multiplies(node.binary) &&
            int_result(node.binary, left->as_int(), right->as_int(), result)) {
            out = Value::integer(result);
            return true;
        }
        return binary(node, *left, *right, out);
    }
    case ExprOp::Conditional: {
        bool b = false;
        if (!truth(arena_.operand(node, 0), frame, b)) return false;
        return evaluate(arena_.operand(node, b ? 1 : 2), frame, out);
    }
    case ExprOp::MakeList: {
        std::vector<Value> items(node.operand_count);
        for (std::uint32_t i = 0; i < node.operand_count; ++i) {
            if (!evaluate(arena_.operand(node, i), frame, items[i])) return false;
        }
        out = values_.list(std::move(items));
        return true;
    }
    case ExprOp::Member: {
        Value v;
        if (!evaluate(arena_.operand(node, 0), frame, v)) return false;
        bool found = false;
        for (std::uint32_t i = 1; i < node.operand_count && !found; ++i) {
            Value item;
            if (!evaluate(arena_.operand(node, i), frame, item)) return false;
            found = item == v;
        }
        out = Value::boolean(found != node.negated);
        return true;
    }
    case ExprOp::MemberOfList: {
        Value v;
        Value list;
        if (!evaluate(arena_.operand(node, 0), frame, v)) return false;
        if (!evaluate(arena_.operand(node, 1), frame, list)) return false;
        if (list.type() != ValueType::List) return fail(node, "a set must be a list, not " + values_.render(list));
        bool found = false;
        for (const Value& item : values_.list_items(list.id())) {
            if (item == v) {
                found = true;
                break;
            }
        }
        out = Value::boolean(found != node.negated);
        return true;
    }
    case ExprOp::InRange: {
        Value v;
        Value low;
        Value high;
        if (!evaluate(arena_.operand(node, 0), frame, v) || !evaluate(arena_.operand(node, 1), frame, low) ||
            !evaluate(arena_.operand(node, 2), frame, high)) {
            return false;
        }
        if (v.is_nil()) {  // an absent value lies in no range
            out = Value::boolean(node.negated);
            return true;
        }
        for (const Value* part : {&v, &low, &high}) {
            if (!part->is_numeric()) return fail(node, "a range holds numbers, not " + values_.render(*part));
        }
        const double d = v.as_number();
        const bool inside = d >= low.as_number() && d <= high.as_number();
        out = Value::boolean(inside != node.negated);
        return true;
    }
    case ExprOp::Concat: {
        std::string text;
        for (std::uint32_t i = 0; i < node.operand_count; ++i) {
            if (!append_text(arena_.operand(node, i), frame, text)) return false;
        }
        out = values_.text(text);
        return true;
    }
    default: return fail(node, "an expression the engine does not know");
    }
}

bool Evaluator::binary(const ExprNode& node, const Value& left, const Value& right, Value& out)
{
    switch (node.binary) {
    case Operator::Eq: out = Value::boolean(left == right); return true;
    case Operator::Ne: out = Value::boolean(!(left == right)); return true;
    case Operator::Lt:
    case Operator::Le:
    case Operator::Gt:
    case Operator::Ge: {
        // An absent optional slot is neither smaller nor larger than anything.
        if (left.is_nil() || right.is_nil()) {
            out = Value::boolean(false);
            return true;
        }
        int order = 0;
        if (!compare(node, left, right, order)) return false;
        const bool result = node.binary == Operator::Lt   ? order < 0
                            : node.binary == Operator::Le ? order <= 0
                            : node.binary == Operator::Gt ? order > 0
                                                          : order >= 0;
        out = Value::boolean(result);
        return true;
    }
    default: return arithmetic(node, left, right, out);
    }
}

bool Evaluator::compare(const ExprNode& node, const Value& left, const Value& right, int& order)
{
    if (compare_values(values_, left, right, order)) return true;
    return fail(node, "cannot compare " + values_.render(left) + " with " + values_.render(right));
}

bool Evaluator::arithmetic(const ExprNode& node, const Value& left, const Value& right, Value& out)
{
    if (!left.is_numeric() || !right.is_numeric()) {
        return fail(node, "cannot compute with " + values_.render(left) + " and " + values_.render(right));
    }
    const bool both_int = left.type() == ValueType::Int && right.type() == ValueType::Int;
    switch (node.binary) {
    case Operator::Div:
        if (right.as_number() == 0.0) return fail(node, "division by zero");
        out = Value::number(left.as_number() / right.as_number());
        return true;
    case Operator::Mod:
        if (right.as_number() == 0.0) return fail(node, "division by zero");
        if (!both_int) out = Value::number(std::fmod(left.as_number(), right.as_number()));
        else out = Value::integer(right.as_int() == -1 ? 0 : left.as_int() % right.as_int());
        return true;
    case Operator::Add:
    case Operator::Sub:
    case Operator::Mul: break;
    default: return fail(node, "an operator the engine does not know");
    }
    if (both_int) {
        std::int64_t result = 0;
        if (!int_result(node.binary, left.as_int(), right.as_int(), result)) {
            return fail(node, "the result is too large for an int");
        }
        out = Value::integer(result);
        return true;
    }
    const double a = left.as_number();
    const double b = right.as_number();
    out = Value::number(node.binary == Operator::Add ? a + b : node.binary == Operator::Sub ? a - b : a * b);
    return true;
}

bool Evaluator::call(const ExprNode& node, const EvalFrame& frame, Value& out)
{
    if (node.a >= function_bodies_.size()) return fail(node, "a call of an unknown function");
    if (call_depth_ >= max_call_depth) return fail(node, "function calls nest deeper than 64 levels");
    boost::container::small_vector<Value, 4> arguments(node.operand_count);
    for (std::uint32_t i = 0; i < node.operand_count; ++i) {
        if (!evaluate(arena_.operand(node, i), frame, arguments[i])) return false;
    }
    EvalFrame inner;
    inner.parameters = arguments.data();
    ++call_depth_;
    const bool ok = evaluate(function_bodies_[node.a], inner, out);
    --call_depth_;
    return ok;
}

}  // namespace koers::engine
