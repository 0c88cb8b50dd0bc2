// Evaluates compiled expressions. Errors (division by zero, a type error, a call nested
// too deep) make the evaluation return false and are kept, the first one only, until
// the caller takes them.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/errors.hpp"
#include "engine/expr.hpp"
#include "engine/fact.hpp"

namespace koers::engine {

class Evaluator {
public:
    Evaluator(const ExprArena& arena, const std::vector<ExprRef>& function_bodies, ValueStore& values)
        : arena_(arena), function_bodies_(function_bodies), values_(values)
    {
    }

    bool evaluate(ExprRef ref, const EvalFrame& frame, Value& out);
    // The value as plain text (ValueStore::display), appended to `out`; an interpolated
    // text is built in place, without interning it.
    bool append_text(ExprRef ref, const EvalFrame& frame, std::string& out);
    // Whether a test holds; an error or a value other than a bool counts as not holding
    // (and is kept as the error).
    bool holds(ExprRef ref, const EvalFrame& frame);

    // Keeps an error found outside an evaluation, placed at expression `ref`; false.
    bool report(ExprRef ref, std::string message) { return fail(arena_.node(ref), std::move(message)); }

    [[nodiscard]] bool failed() const { return error_.has_value(); }
    // The first error since the last take, if any.
    std::optional<RuntimeError> take_error();

    [[nodiscard]] ValueStore& values() { return values_; }

private:
    const Value* direct(const ExprNode& node, const EvalFrame& frame) const;
    const Value* read(ExprRef ref, const EvalFrame& frame, Value& scratch);
    bool fail(const ExprNode& node, std::string message);
    bool truth(ExprRef ref, const EvalFrame& frame, bool& out);
    bool operation(const ExprNode& node, const EvalFrame& frame, Value& out);
    bool binary(const ExprNode& node, const Value& left, const Value& right, Value& out);
    bool compare(const ExprNode& node, const Value& left, const Value& right, int& order);
    bool arithmetic(const ExprNode& node, const Value& left, const Value& right, Value& out);
    bool call(const ExprNode& node, const EvalFrame& frame, Value& out);
    bool builtin(const ExprNode& node, const EvalFrame& frame, Value& out);
    bool extreme(const ExprNode& node, bool largest, std::span<const Value> args, Value& out);
    bool whole(const ExprNode& node, const Value& value, double (*rounding)(double), Value& out);
    bool slot_of(const ExprNode& node, const Fact* fact, Value& out);

    const ExprArena& arena_;
    const std::vector<ExprRef>& function_bodies_;
    ValueStore& values_;
    std::optional<RuntimeError> error_;
    int call_depth_ = 0;
};

// Orders two values for <, <=, >, >=: numbers by value, texts and symbols by their bytes.
// Returns false when the two cannot be compared.
bool compare_values(const ValueStore& values, const Value& left, const Value& right, int& order);

}  // namespace koers::engine
