// The engine's input: a checked ruleset in engine terms. The compiler (compile/) builds
// it from the AST; the engine builds its Rete network from it and never sees the AST.
// Everything here is plain data, immutable once built, and shared by all sessions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/value.hpp"

namespace koers::engine {

// Where a construct was written, for run-time errors and explanations.
struct SourceRef {
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;  // in characters
};

using TemplateId = std::uint32_t;
using SlotIndex = std::uint32_t;
using RuleId = std::uint32_t;
using StageId = std::uint32_t;  // 0 is the main stage
using VariableId = std::uint32_t;  // index into RuleSpec::variables
using FunctionId = std::uint32_t;

// ---------------------------------------------------------------- templates

struct SlotSpec {
    std::string name;
    ValueType type = ValueType::Symbol;  // the element type for lists
    bool is_list = false;
    std::vector<Value> allowed;  // empty: any value of the type
    std::optional<double> low;  // inclusive range, when declared
    std::optional<double> high;
    std::optional<Value> default_value;
    bool optional = false;  // may be nil
    std::string doc;
};

struct TemplateSpec {
    std::string name;
    std::string doc;
    std::vector<SlotSpec> slots;
    SourceRef where;
};

// ---------------------------------------------------------------- expressions

enum class Builtin {
    Min, Max, Abs, Round, Floor, Ceil, Sqrt, Len, Str, Lower, Upper, Contains, StartsWith, Concat
};

enum class Operator { Or, And, Not, Negate, Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div, Mod };

// An expression tree. Variables are read from the current match (or, in actions, from
// `bind` results); the engine resolves each VariableId to where it is bound.
struct ExprSpec {
    enum class Kind {
        Constant,     // value
        Variable,     // variable
        FactSlot,     // slot `slot` of the fact bound to `variable` (`?f.slot`)
        Operation,    // op applied to operands (1 for Not/Negate, 2 otherwise; And/Or short-circuit)
        Builtin,      // builtin applied to operands
        Function,     // user function `function` applied to operands
        Parameter,    // parameter `variable` of the enclosing user function
        Conditional,  // operands: condition, when true, when false
        MakeList,     // a list of the operands' values
        Member,       // operands[0] in the set `operands[1..]`; negated by `negated`
        InRange,      // operands[0] in operands[1]..operands[2]; negated by `negated`
        Concat,       // text made of the operands' display forms (interpolated text)
    };
    Kind kind = Kind::Constant;
    Value value;
    VariableId variable = 0;
    SlotIndex slot = 0;
    Operator op = Operator::Eq;
    Builtin builtin = Builtin::Min;
    FunctionId function = 0;
    bool negated = false;
    std::vector<ExprSpec> operands;
    SourceRef where;
};

struct FunctionSpec {
    std::string name;
    std::uint32_t parameter_count = 0;
    ExprSpec body;  // refers to parameters with Kind::Parameter
    SourceRef where;
};

// ---------------------------------------------------------------- conditions

// One constraint on a slot of a pattern.
struct SlotConstraintSpec {
    enum class Kind {
        Bind,  // first occurrence of `variable`: binds it to the slot's value
        Test,  // the slot's value `op` the value of `operand` (which may use variables bound before)
        Member,  // the slot's value is in `operand` (a MakeList of constants or expressions)
        Range,  // the slot's value lies in [`low`, `high`] (expressions)
    };
    Kind kind = Kind::Test;
    SlotIndex slot = 0;
    VariableId variable = 0;
    Operator op = Operator::Eq;  // Eq, Ne, Lt, Le, Gt, Ge
    bool negated = false;  // for Member and Range: `not in`
    ExprSpec operand;
    ExprSpec low;
    ExprSpec high;
};

struct ConditionSpec;
using Conjunction = std::vector<ConditionSpec>;

enum class AggregateKind { Count, Sum, Min, Max, Avg, Collect };

// A condition element. `or` does not appear: the compiler splits a rule with `or` into
// one RuleSpec per alternative (and rewrites `or` under `not` by De Morgan).
struct ConditionSpec {
    enum class Kind {
        Pattern,    // facts of `template_id` meeting `constraints`; `fact_variable` binds the fact
        Not,        // no match of `body`
        Exists,     // at least one match of `body`; fires once
        Forall,     // every match of `body` also matches `requirement`
        Guard,      // `test` is true
        Aggregate,  // `variable` = aggregate of `value` over the matches of `body`
    };
    Kind kind = Kind::Pattern;
    TemplateId template_id = 0;
    std::optional<VariableId> fact_variable;
    std::vector<SlotConstraintSpec> constraints;
    Conjunction body;
    Conjunction requirement;
    ExprSpec test;
    AggregateKind aggregate = AggregateKind::Count;
    VariableId variable = 0;
    ExprSpec value;
    SourceRef where;
};

// ---------------------------------------------------------------- actions

enum class Severity { Info, Notice, Warning, Critical };

struct SlotAssignment {
    SlotIndex slot = 0;
    ExprSpec value;
};

struct ActionSpec {
    enum class Kind { Assert, Retract, Modify, Advise, Print, Halt, Bind, Focus };
    Kind kind = Kind::Assert;
    // Assert: the template and every slot's value (defaults already filled in by the
    // compiler as constants; absent optional slots as nil constants).
    TemplateId template_id = 0;
    bool logical = false;
    std::vector<SlotAssignment> slots;  // Assert: all slots in order; Modify: the changed ones
    VariableId variable = 0;  // Retract/Modify: the fact variable; Bind: the variable bound
    ExprSpec value;  // Print: the message; Bind: the value
    // Advise
    InternId topic = 0;  // symbol id
    Severity severity = Severity::Notice;
    std::vector<std::pair<InternId, ExprSpec>> links;  // key symbol id, value
    std::vector<std::pair<InternId, ExprSpec>> texts;  // language symbol id, Concat expression
    // Focus
    std::vector<StageId> stages;
    SourceRef where;
};

// ---------------------------------------------------------------- rules

struct VariableSpec {
    std::string name;  // without '?'
};

struct TagSpec {
    std::string key;
    std::string value;  // empty when the tag has no value
};

struct RuleSpec {
    std::string name;  // unique; a rule split by `or` keeps its name in every variant
    std::string doc;
    std::uint32_t variant = 0;  // which alternative of an `or` split this is
    std::int64_t salience = 0;
    StageId stage = 0;
    std::vector<TagSpec> tags;
    Conjunction conditions;
    std::vector<ActionSpec> actions;
    std::vector<VariableSpec> variables;
    std::uint32_t declaration_order = 0;  // position among all rules; breaks agenda ties
    SourceRef where;
};

struct StageSpec {
    std::string name;
    std::string doc;
};

struct FactValue {
    TemplateId template_id = 0;
    std::vector<Value> slots;  // every slot, in declaration order; defaults filled in
    SourceRef where;
};

// A pattern to look for among the facts, as `expect fact` uses it. Only constants (no
// variables bound elsewhere) appear in its constraints' operands.
struct QuerySpec {
    TemplateId template_id = 0;
    std::vector<SlotConstraintSpec> constraints;
    std::vector<VariableSpec> variables;
};

struct ExpectationSpec {
    enum class Kind { Fact, Advice, RuleFires };
    Kind kind = Kind::Fact;
    bool negated = false;
    QuerySpec fact;
    InternId advice_topic = 0;
    std::vector<std::pair<InternId, Value>> advice_properties;  // `severity` or link keys
    std::string rule;
    std::optional<std::int64_t> times;
    SourceRef where;
};

struct TestSpec {
    std::string name;
    std::vector<FactValue> given;
    std::vector<ExpectationSpec> expectations;
    SourceRef where;
};

struct RuleSet {
    std::shared_ptr<ValueStore> values;  // interned symbols, texts and lists of the ruleset
    std::vector<TemplateSpec> templates;
    std::vector<FunctionSpec> functions;
    std::vector<StageSpec> stages;  // stages[0] is "main"
    std::vector<RuleSpec> rules;
    std::vector<FactValue> initial_facts;
    std::vector<TestSpec> tests;
};

}  // namespace koers::engine
