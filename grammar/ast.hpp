// The Koers abstract syntax tree: plain data, independent of the parser library.
// Every node carries the span of source text it was read from.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace koers::ast {

// Where a node starts in its file. Lines and columns are 1-based; columns count bytes
// (diagnostics turn them into characters when they print).
struct Span {
    std::uint32_t file = 0;  // index into the SourceSet that holds the file's text
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::uint32_t offset = 0;  // byte offset of the start
    std::uint32_t end_offset = 0;  // byte offset just past the end
};

// A name together with where it was written.
struct Name {
    Span span;
    std::string text;
};

// ---------------------------------------------------------------- expressions

enum class LiteralKind { Int, Number, Text, Symbol, Bool };

// A constant. `spelling` keeps the source form of numbers so that the formatter
// writes them back unchanged.
struct Literal {
    LiteralKind kind = LiteralKind::Symbol;
    std::int64_t int_value = 0;
    double number_value = 0.0;
    bool bool_value = false;
    std::string text;  // symbol name, decoded text, or the spelling of a number
};

struct Expr;

// A piece of a string with interpolation: plain text or an embedded `{expression}`.
struct TextPart {
    std::string text;  // used when expr is empty
    std::unique_ptr<Expr> expr;
};

// "text with {?interpolation}"; a string without braces has one plain part.
struct TextTemplate {
    std::vector<TextPart> parts;
};

enum class UnaryOp { Negate, Not };
enum class BinaryOp { Or, And, Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div, Mod };

struct VariableRef {
    std::string name;  // without the leading '?'
};

struct Call {
    Name function;
    std::vector<Expr> arguments;
};

struct Unary {
    UnaryOp op = UnaryOp::Negate;
    std::unique_ptr<Expr> operand;
};

struct Binary {
    BinaryOp op = BinaryOp::Add;
    std::unique_ptr<Expr> left;
    std::unique_ptr<Expr> right;
};

// The allowed values after `in`: a set `{a, b}` or a closed range `lo..hi`.
struct Domain {
    enum class Kind { Set, Range };
    Span span;
    Kind kind = Kind::Set;
    std::vector<Expr> items;  // for a range: exactly two, low and high
};

// `value in {a, b}`, `value not in 1..3`
struct Membership {
    std::unique_ptr<Expr> value;
    bool negated = false;
    Domain domain;
};

// `if condition then a else b`
struct Conditional {
    std::unique_ptr<Expr> condition;
    std::unique_ptr<Expr> when_true;
    std::unique_ptr<Expr> when_false;
};

// `[a, b, c]`
struct ListExpr {
    std::vector<Expr> items;
};

// `?fact.slot`
struct SlotAccess {
    std::unique_ptr<Expr> object;
    Name slot;
};

struct Expr {
    Span span;
    std::variant<Literal, TextTemplate, VariableRef, Call, Unary, Binary, Membership,
                 Conditional, ListExpr, SlotAccess>
        node;
};

// ---------------------------------------------------------------- templates

enum class BaseType { Symbol, Text, Int, Number, Bool };

struct TypeRef {
    Span span;
    BaseType base = BaseType::Symbol;
    bool is_list = false;  // `list of T`
};

// `name: type [in domain] [= default] [optional] ["doc"]`
struct SlotDecl {
    Span span;
    Name name;
    TypeRef type;
    std::optional<Domain> allowed;
    std::optional<Expr> default_value;
    bool optional = false;
    std::string doc;
};

struct TemplateDecl {
    Span span;
    Name name;
    std::string doc;
    std::vector<SlotDecl> slots;
};

// ---------------------------------------------------------------- facts

// `slot: expression` inside a fact, an assert or a modify.
struct SlotValue {
    Span span;
    Name slot;
    Expr value;
};

// `template(slot: value, ...)`
struct FactSpec {
    Span span;
    Name template_name;
    std::vector<SlotValue> slots;
};

// `facts [name] ["doc"] { fact... }`
struct FactsDecl {
    Span span;
    std::optional<Name> name;
    std::string doc;
    std::vector<FactSpec> facts;
};

// ---------------------------------------------------------------- conditions

enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge };

// The test part of a slot constraint: `> 3`, `!= ?x`, `in {a, b}`, `not in 1..2`,
// or a bare literal (equality).
struct SlotTest {
    enum class Kind { Compare, In, NotIn };
    Span span;
    Kind kind = Kind::Compare;
    CompareOp op = CompareOp::Eq;
    std::optional<Expr> operand;  // for Compare
    std::optional<Domain> domain;  // for In and NotIn
};

// `slot: [?variable] [test]`
struct SlotConstraint {
    Span span;
    Name slot;
    std::optional<Name> variable;
    std::optional<SlotTest> test;
};

// `[?fact <-] template(constraint, ...)`
struct Pattern {
    std::optional<Name> binding;
    Name template_name;
    std::vector<SlotConstraint> constraints;
};

struct Condition;

struct NotCondition {
    std::unique_ptr<Condition> body;
};

struct ExistsCondition {
    std::unique_ptr<Condition> body;
};

// `forall domain implies requirement`
struct ForallCondition {
    std::unique_ptr<Condition> domain;
    std::unique_ptr<Condition> requirement;
};

// `(a and b)`, `(a or b)`
struct GroupCondition {
    enum class Op { And, Or };
    Op op = Op::And;
    std::vector<Condition> items;
};

// `where expression`
struct GuardCondition {
    Expr test;
};

enum class AggregateFn { Count, Sum, Min, Max, Avg, Collect };

// `?n = count source`, `?total = sum ?h of source`
struct AggregateCondition {
    Name result;
    AggregateFn function = AggregateFn::Count;
    std::optional<Expr> value;  // absent for count
    std::unique_ptr<Condition> source;
};

struct Condition {
    Span span;
    std::variant<Pattern, NotCondition, ExistsCondition, ForallCondition, GroupCondition,
                 GuardCondition, AggregateCondition>
        node;
};

// ---------------------------------------------------------------- actions

// `assert [logical] fact`
struct AssertAction {
    bool logical = false;
    FactSpec fact;
};

struct RetractAction {
    Expr target;
};

// `modify ?f(slot: value, ...)`
struct ModifyAction {
    Expr target;
    std::vector<SlotValue> changes;
};

// A `key: value` link from advice to a concept of the model, e.g. `competence: x`.
struct AdviceLink {
    Span span;
    Name key;
    Expr value;
};

// `nl: "text"`: the advice in one language.
struct AdviceText {
    Span span;
    Name language;
    TextTemplate text;
};

// `advise topic [severity: s] [key: value]... [lang: "text"]...`
struct AdviseAction {
    Name topic;
    std::optional<Name> severity;
    std::vector<AdviceLink> links;
    std::vector<AdviceText> texts;
};

struct PrintAction {
    Expr message;
};

struct HaltAction {};

// `bind ?x = expression`
struct BindAction {
    Name variable;
    Expr value;
};

// `focus stage, stage...`
struct FocusAction {
    std::vector<Name> stages;
};

struct Action {
    Span span;
    std::variant<AssertAction, RetractAction, ModifyAction, AdviseAction, PrintAction,
                 HaltAction, BindAction, FocusAction>
        node;
};

// ---------------------------------------------------------------- rules

// `tags key: value, key`
struct Tag {
    Span span;
    Name key;
    std::optional<Name> value;
};

struct RuleDecl {
    Span span;
    Name name;
    std::string doc;
    std::optional<std::int64_t> salience;
    std::optional<Name> stage;
    std::vector<Tag> tags;
    std::vector<Condition> conditions;
    std::vector<Action> actions;
};

// ---------------------------------------------------------------- functions

struct Parameter {
    Name name;  // without '?'
    std::optional<TypeRef> type;
};

// `function name(?a: number, ?b) -> number "doc" = expression`
struct FunctionDecl {
    Span span;
    Name name;
    std::vector<Parameter> parameters;
    std::optional<TypeRef> result;
    std::string doc;
    Expr body;
};

// `stage name "doc"`
struct StageDecl {
    Span span;
    Name name;
    std::string doc;
};

// `import "path"`
struct ImportDecl {
    Span span;
    std::string path;
};

// ---------------------------------------------------------------- tests

// `key: value` required of an expected piece of advice.
struct AdviceProperty {
    Span span;
    Name key;
    Expr value;
};

struct Expectation {
    enum class Kind { Fact, Advice, RuleFires };
    Span span;
    Kind kind = Kind::Fact;
    bool negated = false;  // `expect no ...`, `expect rule r does not fire`
    std::optional<Pattern> fact;  // Kind::Fact
    Name name;  // advice topic or rule name
    std::vector<AdviceProperty> properties;  // Kind::Advice
    std::optional<std::int64_t> times;  // Kind::RuleFires: exact count when given
};

// `test "name" { given { fact... } expect ... }`
struct TestDecl {
    Span span;
    std::string name;
    std::vector<FactSpec> given;
    std::vector<Expectation> expectations;
};

// ---------------------------------------------------------------- files

using Declaration = std::variant<ImportDecl, TemplateDecl, FactsDecl, RuleDecl, FunctionDecl,
                                 StageDecl, TestDecl>;

struct Comment {
    Span span;
    std::string text;  // including the `//` or `/* */`
};

// One parsed source file.
struct Module {
    std::uint32_t file = 0;
    std::vector<Declaration> declarations;
    std::vector<Comment> comments;
};

}  // namespace koers::ast
