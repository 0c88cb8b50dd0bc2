// Helpers for the compiler's tests: load, check and compile source text or files, and
// describe compiled conditions compactly.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "check/checker.hpp"
#include "check/loader.hpp"
#include "compile/compiler.hpp"
#include "compile/ruleset_dump.hpp"

namespace koers::compile_test {

struct Compiled {
    Program program;
    Diagnostics diagnostics;
    std::shared_ptr<const engine::RuleSet> rules;

    [[nodiscard]] std::string messages() const
    {
        std::string text;
        for (const Diagnostic& diagnostic : diagnostics.all()) text += diagnostic.code + ": " + render(diagnostic, program.sources);
        return text;
    }
};

// Checks, then compiles what checked clean, as the commands do.
inline std::unique_ptr<Compiled> check_and_compile(std::unique_ptr<Compiled> compiled)
{
    check_program(compiled->program, compiled->diagnostics);
    REQUIRE_MESSAGE(!compiled->diagnostics.has_errors(), compiled->messages());
    compiled->rules = compile_program(compiled->program, compiled->diagnostics);
    return compiled;
}

// Source text that checks clean; the result may still hold compile errors.
inline std::unique_ptr<Compiled> compile_source(const std::string& text)
{
    auto compiled = std::make_unique<Compiled>();
    compiled->program = load_text("test.koers", text, compiled->diagnostics);
    return check_and_compile(std::move(compiled));
}

// Source text that must compile without an error.
inline std::unique_ptr<Compiled> compile_clean(const std::string& text)
{
    std::unique_ptr<Compiled> compiled = compile_source(text);
    REQUIRE_MESSAGE(compiled->rules != nullptr, compiled->messages());
    return compiled;
}

inline std::unique_ptr<Compiled> compile_path(const std::filesystem::path& path)
{
    auto compiled = std::make_unique<Compiled>();
    compiled->program = load_program({path}, compiled->diagnostics);
    return check_and_compile(std::move(compiled));
}

inline std::filesystem::path sample(const std::string& name)
{
    return std::filesystem::path(KOERS_SOURCE_DIR) / "tests" / "samples" / name;
}

// The codes of the diagnostics, one per line.
inline std::string codes(const Compiled& compiled)
{
    std::string text;
    for (const Diagnostic& diagnostic : compiled.diagnostics.all()) text += diagnostic.code + "\n";
    return text;
}

inline const engine::RuleSpec& rule_named(const engine::RuleSet& rules, std::string_view name, std::uint32_t variant = 0)
{
    for (const engine::RuleSpec& rule : rules.rules) {
        if (rule.name == name && rule.variant == variant) return rule;
    }
    FAIL("no rule " << name << " variant " << variant);
    return rules.rules.front();
}

inline std::size_t variant_count(const engine::RuleSet& rules, std::string_view name)
{
    std::size_t count = 0;
    for (const engine::RuleSpec& rule : rules.rules) count += rule.name == name ? 1 : 0;
    return count;
}

// The string behind a symbol or text value.
inline std::string string_of(const engine::RuleSet& rules, const engine::Value& value)
{
    REQUIRE((value.type() == engine::ValueType::Symbol || value.type() == engine::ValueType::Text));
    return rules.values->string(value.id());
}

// Conditions as template names and condition kinds: `a not(b c) forall(d => e)`.
inline std::string shape(const engine::RuleSet& rules, const engine::Conjunction& conditions)
{
    std::string text;
    for (const engine::ConditionSpec& condition : conditions) {
        if (!text.empty()) text += ' ';
        switch (condition.kind) {
        case engine::ConditionSpec::Kind::Pattern: text += rules.templates.at(condition.template_id).name; break;
        case engine::ConditionSpec::Kind::Not: text += "not(" + shape(rules, condition.body) + ")"; break;
        case engine::ConditionSpec::Kind::Exists: text += "exists(" + shape(rules, condition.body) + ")"; break;
        case engine::ConditionSpec::Kind::Forall:
            text += "forall(" + shape(rules, condition.body) + " => " + shape(rules, condition.requirement) + ")";
            break;
        case engine::ConditionSpec::Kind::Guard: text += "where"; break;
        case engine::ConditionSpec::Kind::Aggregate: text += "aggregate(" + shape(rules, condition.body) + ")"; break;
        }
    }
    return text;
}

// Templates a() b() c() d() e() with one symbol slot `x` each, for condition tests.
inline constexpr std::string_view letter_templates =
    "template a { x: symbol = x }\n"
    "template b { x: symbol = x }\n"
    "template c { x: symbol = x }\n"
    "template d { x: symbol = x }\n"
    "template e { x: symbol = x }\n";

}  // namespace koers::compile_test
