// The Koers C++ API: compile a ruleset once, run any number of sessions on it.
//
//   auto compiled = koers::api::Ruleset::compile_files({"rulesets/alliance"});
//   if (!compiled.ok()) for (const auto& d : compiled.diagnostics) std::cerr << d.render() << '\n';
//   koers::api::Session session(*compiled.ruleset);
//   session.assert_fact(koers::api::NewFact("pole").set("paradox", "P01").set("value", 2));
//   koers::api::RunResult result = session.run();
//   for (const koers::api::Advice& advice : session.advice()) ...
//
// Nothing here throws on bad input or prints: problems come back as values
// (Diagnostic, Error). A Ruleset is immutable and cheap to copy (copies share it); any
// number of sessions may use one ruleset from several threads at once, one thread per
// session. The library is libkoers (find_package(koers), target koers::koers).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#if defined(_WIN32)
#define KOERS_API
#else
#define KOERS_API __attribute__((visibility("default")))
#endif

namespace koers::api {

// The library's version, "0.1.0".
KOERS_API const char* version();

// ---------------------------------------------------------------- values

// A slot value. Strings given as plain text (`"P01"`, std::string) fit symbol and text
// slots alike: the slot's type decides. Ints fit number slots.
class KOERS_API Value {
public:
    enum class Type : std::uint8_t { Nil, Bool, Int, Number, Symbol, Text, List };

    Value() = default;  // nil: an absent optional slot
    Value(bool b) : type_(Type::Bool), int_(b ? 1 : 0) {}  // NOLINT: implicit by design
    template <typename Integer>
        requires(std::is_integral_v<Integer> && !std::is_same_v<Integer, bool>)
    Value(Integer i) : type_(Type::Int), int_(static_cast<std::int64_t>(i))  // NOLINT
    {
    }
    Value(double d) : type_(Type::Number), number_(d) {}  // NOLINT
    Value(const char* s) : type_(Type::Text), string_(s) {}  // NOLINT
    Value(std::string s) : type_(Type::Text), string_(std::move(s)) {}  // NOLINT
    Value(std::string_view s) : type_(Type::Text), string_(s) {}  // NOLINT
    Value(std::vector<Value> items) : type_(Type::List), items_(std::move(items)) {}  // NOLINT

    static Value symbol(std::string name);
    static Value text(std::string text);

    [[nodiscard]] Type type() const { return type_; }
    [[nodiscard]] bool is_nil() const { return type_ == Type::Nil; }
    [[nodiscard]] bool as_bool() const { return int_ != 0; }
    [[nodiscard]] std::int64_t as_int() const { return int_; }
    // An int or a number as a double.
    [[nodiscard]] double as_number() const { return type_ == Type::Int ? static_cast<double>(int_) : number_; }
    // A symbol's name or a text.
    [[nodiscard]] const std::string& as_string() const { return string_; }
    [[nodiscard]] const std::vector<Value>& as_list() const { return items_; }

    // As Koers source writes it: `formeren`, `"tekst"`, `1.5`, `[a, b]`, `nil`.
    [[nodiscard]] std::string render() const;

    // Same type and value; an int equals a number of equal value.
    friend KOERS_API bool operator==(const Value& a, const Value& b);

private:
    Type type_ = Type::Nil;
    std::int64_t int_ = 0;
    double number_ = 0;
    std::string string_;
    std::vector<Value> items_;
};

// `rule`'s name for the severity of advice: "info", "notice", "warning", "critical".
enum class Severity : std::uint8_t { Info, Notice, Warning, Critical };
KOERS_API const char* severity_name(Severity severity);

// ---------------------------------------------------------------- compiling

struct KOERS_API Diagnostic {
    enum class Severity : std::uint8_t { Error, Warning };
    std::string file;  // empty when the problem has no file (no .koers files found)
    std::uint32_t line = 0;  // 1-based; 0 without a place
    std::uint32_t column = 0;  // 1-based, in characters
    Severity severity = Severity::Error;
    std::string code;  // stable identifier: "syntax", "unknown-template", ...
    std::string message;

    // `file:line:col: error: message`
    [[nodiscard]] std::string render() const;
};

// A file held in memory: `name` is what diagnostics call it.
struct Source {
    std::string name;
    std::string text;
};

struct CompileResult;

// Slots and documentation of a template, for callers that build facts or forms.
struct SlotInfo {
    std::string name;
    std::string type;  // "symbol", "text", "int", "number", "bool"
    bool is_list = false;
    bool optional = false;
    bool has_default = false;
    std::vector<Value> allowed;  // empty: any value of the type
    std::optional<double> low;  // inclusive range, when declared
    std::optional<double> high;
    std::string doc;
};

struct TemplateInfo {
    std::string name;
    std::string doc;
    std::vector<SlotInfo> slots;
};

// A compiled ruleset: checked, compiled and built into a network. Immutable; copies
// share it, and sessions keep it alive.
class KOERS_API Ruleset {
public:
    // Loads every path (a `.koers` file, or a folder searched for them) and follows imports.
    static CompileResult compile_files(const std::vector<std::string>& paths);
    // Compiles texts held in memory as one ruleset; imports in them are not followed.
    static CompileResult compile_sources(const std::vector<Source>& sources);
    static CompileResult compile_text(std::string name, std::string text);

    [[nodiscard]] std::vector<TemplateInfo> templates() const;
    [[nodiscard]] std::vector<std::string> rules() const;  // names, in declaration order
    [[nodiscard]] std::vector<std::string> stages() const;  // "main" first
    [[nodiscard]] std::vector<std::string> files() const;  // the sources it was compiled from

    struct Impl;  // internal

private:
    friend struct RulesetAccess;  // internal
    explicit Ruleset(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
    std::shared_ptr<const Impl> impl_;
};

struct CompileResult {
    std::optional<Ruleset> ruleset;  // absent when there are errors
    std::vector<Diagnostic> diagnostics;  // errors and warnings, by file, line and column
    [[nodiscard]] bool ok() const { return ruleset.has_value(); }
};

// ---------------------------------------------------------------- sessions

using FactId = std::uint64_t;
using AdviceId = std::uint64_t;

// A problem with something a caller asked for: a fact that does not fit, a fact that is
// gone, JSON that is not valid, or a run-time error in a rule.
struct Error {
    std::string message;
    std::string path;  // JSON path (`$.facts[2].slots.value`) for JSON input, else empty
    std::string file;  // place in the ruleset for a run-time error, else empty
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string rule;  // the rule that was firing, for a run-time error

    // `file:line:col: error: message (in rule r)` or `$.path: message` or the message.
    [[nodiscard]] KOERS_API std::string render() const;
};

// A fact to assert: the template and the slots given (the others take their default).
class KOERS_API NewFact {
public:
    explicit NewFact(std::string template_name) : template_(std::move(template_name)) {}
    NewFact& set(std::string slot, Value value)
    {
        slots_.emplace_back(std::move(slot), std::move(value));
        return *this;
    }
    [[nodiscard]] const std::string& template_name() const { return template_; }
    [[nodiscard]] const std::vector<std::pair<std::string, Value>>& slots() const { return slots_; }

private:
    std::string template_;
    std::vector<std::pair<std::string, Value>> slots_;
};

struct Fact {
    FactId id = 0;
    std::string template_name;
    std::vector<std::pair<std::string, Value>> slots;  // every slot, in declaration order
    std::string rule;  // the rule that asserted it; empty for facts from outside
    bool logical = false;  // held by logical support only
    bool live = true;  // false once retracted

    // The slot's value, or null when the template has no such slot.
    [[nodiscard]] KOERS_API const Value* slot(std::string_view name) const;
    // `pole(paradox: P01, value: 2)`
    [[nodiscard]] KOERS_API std::string render() const;
};

struct Advice {
    AdviceId id = 0;
    std::string topic;
    Severity severity = Severity::Notice;
    std::string rule;
    std::vector<std::pair<std::string, Value>> links;  // key, value
    std::vector<std::pair<std::string, std::string>> texts;  // language, text
    // The text in `language`, else the first text, else empty.
    [[nodiscard]] KOERS_API std::string text(std::string_view language) const;
};

// Why a fact or piece of advice is there: the firing that made it and, below, the facts
// that firing matched, down to facts from outside.
struct Explanation {
    std::string text;  // `f-3 pole(paradox: P01, value: 2)` or `advice P10 (critical)`
    bool live = true;
    bool input = false;  // asserted from outside the rules
    bool repeated = false;  // explained earlier in the tree
    bool cut = false;  // the tree goes deeper than shown
    std::uint64_t firing = 0;  // the firing that made it, counted from 1; 0 for input
    std::string rule;  // the rule of that firing; empty for input
    std::string file;  // where that rule is written
    std::uint32_t line = 0;
    std::vector<std::pair<std::string, std::string>> bindings;  // `?v`, value as source text
    std::vector<Explanation> because;

    // Indented text, one line per fact or piece of advice.
    [[nodiscard]] KOERS_API std::string render() const;
};

enum class Strategy : std::uint8_t { Depth, Breadth, Lex, Mea };

struct RunOptions {
    Strategy strategy = Strategy::Depth;
    std::uint64_t max_firings = 1'000'000;
    std::size_t max_facts = 1'000'000;  // live facts
    std::chrono::milliseconds max_time{10'000};
};

enum class StopReason : std::uint8_t {
    Finished,  // the agenda ran empty
    Halted,  // a rule said `halt`
    Limit,  // a limit was reached: `error` says which
    Error,  // a run-time error: `error` says what and where
};
KOERS_API const char* stop_reason_name(StopReason stop);  // "finished", "halted", "limit", "error"

struct RunResult {
    std::uint64_t firings = 0;
    StopReason stop = StopReason::Finished;
    bool partial = false;  // stopped before it was done: results are incomplete
    std::optional<Error> error;
    std::chrono::nanoseconds elapsed{0};
    std::size_t peak_memory = 0;  // bytes
};

struct AssertResult {
    FactId fact = 0;  // the fact asserted, or the equal fact already there; 0 on error
    bool existed = false;  // an equal fact was already there: nothing changed
    std::optional<Error> error;
    [[nodiscard]] bool ok() const { return !error; }
};

struct JsonAssertResult {
    std::vector<FactId> facts;  // in document order; those asserted before an error stay
    std::optional<Error> error;
    [[nodiscard]] bool ok() const { return !error; }
};

struct ResultsJsonOptions {
    bool explanations = false;  // an "explanation" tree on each derived fact and piece of advice
    bool time = true;  // "time_ms" in "run"; leave out for output that compares byte for byte
    int indent = -1;  // -1: one line
};

// A working memory on a ruleset. Use one session from one thread at a time; any number
// of sessions may run on the same ruleset at once.
class KOERS_API Session {
public:
    explicit Session(const Ruleset& ruleset);  // starts with the ruleset's facts blocks
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    Session(Session&&) noexcept;
    Session& operator=(Session&&) noexcept;
    ~Session();

    AssertResult assert_fact(const NewFact& fact);
    // Facts in JSON, in the facts shape or the assessment shape (docs/json.md).
    JsonAssertResult assert_json(std::string_view json);
    std::optional<Error> retract(FactId id);
    // Retracts the fact and asserts it with the changes, under a new id.
    AssertResult modify(FactId id, const std::vector<std::pair<std::string, Value>>& changes);
    // Puts stages on the focus stack, the first named on top.
    std::optional<Error> focus(const std::vector<std::string>& stages);

    // Fires rules until the agenda is empty, a rule halts, a limit is reached or an
    // error stops the run. A later run goes on from where this one stopped.
    RunResult run(const RunOptions& options = {});

    [[nodiscard]] std::vector<Fact> facts() const;  // live facts, by id
    [[nodiscard]] std::vector<Fact> facts(std::string_view template_name) const;
    [[nodiscard]] std::optional<Fact> fact(FactId id) const;  // live or retracted
    [[nodiscard]] std::vector<Advice> advice() const;  // live advice, oldest first
    [[nodiscard]] std::vector<std::string> output() const;  // lines printed by rules
    [[nodiscard]] std::uint64_t firing_count(std::string_view rule) const;

    [[nodiscard]] std::optional<Explanation> explain_fact(FactId id) const;
    [[nodiscard]] std::optional<Explanation> explain_advice(AdviceId id) const;
    // Why the rule does not fire now, as text; empty when there is no such rule.
    [[nodiscard]] std::string why_not(std::string_view rule) const;

    // Facts, advice, output and the last run's statistics as JSON (docs/json.md).
    [[nodiscard]] std::string results_json(const ResultsJsonOptions& options = {}) const;

    void reset();  // back to the ruleset's facts blocks
    void clear();  // no facts at all

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace koers::api
