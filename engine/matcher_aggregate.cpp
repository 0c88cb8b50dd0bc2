// Aggregates kept up to date as the body's matches come and go: count and sums of ints
// change in place; a sum of numbers is added up again when a number leaves (so the value
// never depends on the order of changes); min and max are looked for again only when the
// extreme leaves; collect lists the values in the order the matches came.
#include "engine/matcher.hpp"

namespace koers::engine {

namespace {

bool is_sum(AggregateKind kind) { return kind == AggregateKind::Sum || kind == AggregateKind::Avg; }

}  // namespace

bool Matcher::aggregate_value(const Node& node, Token* result, Value& out)
{
    EvalFrame frame;
    frame.token = result->facts();
    return evaluator_.evaluate(node.value, frame, out);
}

void Matcher::aggregate_add(const Node& node, AggregateState& state, Token* result)
{
    result->link = IndexLink<Token>{};
    result->link.prev = state.last_result;
    if (state.last_result != nullptr) state.last_result->link.next = result;
    else state.first_result = result;
    state.last_result = result;
    ++state.count;
    if (node.aggregate == AggregateKind::Count || node.aggregate == AggregateKind::Collect) return;
    Value value;
    if (aggregate_value(node, result, value)) take_in(node, state, value);
}

// Adds one value to the sums or the extreme; false when the value cannot be taken in.
bool Matcher::take_in(const Node& node, AggregateState& state, const Value& value)
{
    if (is_sum(node.aggregate)) {
        if (value.type() == ValueType::Int) {
            std::int64_t sum = 0;
            if (__builtin_add_overflow(state.int_sum, value.as_int(), &sum)) {
                return evaluator_.report(node.value, "the sum is too large for an int");
            }
            state.int_sum = sum;
        } else if (value.type() == ValueType::Number) {
            state.real_sum += value.as_number();
            ++state.reals;
        } else {
            return evaluator_.report(node.value, "sum and avg need numbers, not " + evaluator_.values().render(value));
        }
    } else {
        int order = 0;
        if (state.valued > 0 && !compare_values(evaluator_.values(), value, state.extreme, order)) {
            return evaluator_.report(node.value, "cannot compare " + evaluator_.values().render(value) + " with " +
                                                     evaluator_.values().render(state.extreme));
        }
        const bool better = node.aggregate == AggregateKind::Max ? order > 0 : order < 0;
        if (state.valued == 0 || better) {
            state.extreme = value;
            state.extreme_count = 1;
        } else if (order == 0) {
            ++state.extreme_count;
        }
    }
    ++state.valued;
    return true;
}

void Matcher::aggregate_remove(const Node& node, AggregateState& state, Token* result)
{
    if (result->link.prev != nullptr) result->link.prev->link.next = result->link.next;
    else state.first_result = result->link.next;
    if (result->link.next != nullptr) result->link.next->link.prev = result->link.prev;
    else state.last_result = result->link.prev;
    --state.count;
    if (node.aggregate == AggregateKind::Count || node.aggregate == AggregateKind::Collect) return;
    Value value;
    if (!aggregate_value(node, result, value)) return;
    if (is_sum(node.aggregate)) {
        if (value.type() == ValueType::Int) {
            state.int_sum -= value.as_int();
            --state.valued;
        } else if (value.type() == ValueType::Number) {
            recount(node, state);
        }
        return;
    }
    int order = 0;
    // A value that cannot be compared with the extreme was never taken in.
    if (!compare_values(evaluator_.values(), value, state.extreme, order)) return;
    --state.valued;
    if (order != 0) return;
    if (--state.extreme_count == 0) recount(node, state);
}

// Takes in the values of all current matches again.
void Matcher::recount(const Node& node, AggregateState& state)
{
    state.valued = 0;
    state.int_sum = 0;
    state.real_sum = 0.0;
    state.reals = 0;
    state.extreme_count = 0;
    for (Token* result = state.first_result; result != nullptr; result = result->link.next) {
        Value value;
        if (aggregate_value(node, result, value)) take_in(node, state, value);
    }
}

bool Matcher::aggregate_result(const Node& node, const AggregateState& state, Value& out)
{
    switch (node.aggregate) {
    case AggregateKind::Count: out = Value::integer(static_cast<std::int64_t>(state.count)); return true;
    case AggregateKind::Sum:
        out = state.reals > 0 ? Value::number(state.real_sum + static_cast<double>(state.int_sum)) : Value::integer(state.int_sum);
        return true;
    case AggregateKind::Avg:
        if (state.valued == 0) return false;
        out = Value::number((state.real_sum + static_cast<double>(state.int_sum)) / static_cast<double>(state.valued));
        return true;
    case AggregateKind::Min:
    case AggregateKind::Max:
        if (state.valued == 0) return false;
        out = state.extreme;
        return true;
    case AggregateKind::Collect: {
        std::vector<Value> items;
        items.reserve(state.count);
        for (Token* result = state.first_result; result != nullptr; result = result->link.next) {
            Value value;
            if (aggregate_value(node, result, value)) items.push_back(value);
        }
        out = evaluator_.values().list(std::move(items));
        return true;
    }
    }
    return false;
}

}  // namespace koers::engine
