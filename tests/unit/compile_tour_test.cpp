// The compiler on the tour of the language (with its import): the shape of the whole
// RuleSet, and the same RuleSet every time.
#include <doctest/doctest.h>

#include <string>

#include "compile_support.hpp"

namespace {

using namespace koers;
using compile_test::rule_named;
using compile_test::shape;

}  // namespace

TEST_CASE("the tour compiles with its import")
{
    const auto compiled = compile_test::compile_path(compile_test::sample("tour.koers"));
    REQUIRE_MESSAGE(compiled->rules != nullptr, compiled->messages());
    const engine::RuleSet& rules = *compiled->rules;

    REQUIRE(rules.templates.size() == 4);
    CHECK(rules.templates[0].name == "alliance");
    CHECK(rules.templates[3].name == "signal");
    REQUIRE(rules.stages.size() == 3);
    CHECK(rules.stages[1].name == "diagnose");
    // The imported file comes first, so its function does too.
    REQUIRE(rules.functions.size() == 2);
    CHECK(rules.functions[0].name == "clamp");
    CHECK(rules.functions[0].where.file.ends_with("tour_helpers.koers"));
    CHECK(rules.functions[1].name == "share");
    CHECK(rules.initial_facts.size() == 2);
    CHECK(rules.tests.size() == 1);
}

TEST_CASE("the tour's rules: or split into variants, variables numbered per variant")
{
    const auto compiled = compile_test::compile_path(compile_test::sample("tour.koers"));
    REQUIRE(compiled->rules != nullptr);
    const engine::RuleSet& rules = *compiled->rules;
    REQUIRE(rules.rules.size() == 5);
    CHECK(compile_test::variant_count(rules, "tel_signalen") == 2);

    const engine::RuleSpec& analysis = rule_named(rules, "te_lang_analyseren");
    CHECK(analysis.salience == 10);
    CHECK(analysis.stage == 1);
    CHECK(analysis.declaration_order == 1);
    CHECK(analysis.where.file == compile_test::sample("tour.koers").string());
    CHECK(analysis.where.line > 0);
    CHECK(shape(rules, analysis.conditions) == "phase pole where not(signal)");
    REQUIRE(analysis.variables.size() == 1);
    CHECK(analysis.variables[0].name == "v");

    const engine::RuleSpec& first = rule_named(rules, "tel_signalen", 0);
    const engine::RuleSpec& second = rule_named(rules, "tel_signalen", 1);
    CHECK(first.declaration_order == 2);
    CHECK(second.declaration_order == 2);
    CHECK(shape(rules, first.conditions) ==
          "aggregate(signal) aggregate(signal) aggregate(pole) exists(signal) forall(signal => pole) phase alliance");
    CHECK(shape(rules, second.conditions) ==
          "aggregate(signal) aggregate(signal) aggregate(pole) exists(signal) forall(signal => pole) phase "
          "not(signal) alliance");
    CHECK(first.variables.size() == second.variables.size());
    CHECK(first.actions.size() == 4);

    const engine::RuleSpec& stop = rule_named(rules, "stop");
    CHECK(stop.salience == -100);
    CHECK(stop.declaration_order == 3);
    CHECK(stop.actions.at(0).kind == engine::ActionSpec::Kind::Retract);
}

TEST_CASE("compiling twice gives the same RuleSet")
{
    const auto once = compile_test::compile_path(compile_test::sample("tour.koers"));
    const auto twice = compile_test::compile_path(compile_test::sample("tour.koers"));
    REQUIRE(once->rules != nullptr);
    REQUIRE(twice->rules != nullptr);
    const std::string dump = compile::dump_ruleset(*once->rules);
    CHECK(dump == compile::dump_ruleset(*twice->rules));
    CHECK(dump.find("rule 3 tel_signalen variant 1 order 2") != std::string::npos);
}

TEST_CASE("a program that did not check is refused with a diagnostic, not a crash")
{
    Diagnostics diagnostics;
    const Program program = load_text("bad.koers",
                                      "template t { x: int }\n"
                                      "rule r stage nowhere when u(y: ?z) not t(q: 1) then modify ?z(w: 1) focus later end\n"
                                      "facts { t() v(a: 1) }\n"
                                      "test \"x\" { given { t(x: \"a\") } expect fact w() expect rule nope fires }\n",
                                      diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());
    const auto rules = compile_program(program, diagnostics);
    CHECK(rules == nullptr);
    CHECK(diagnostics.has_errors());
    for (const Diagnostic& diagnostic : diagnostics.all()) CHECK(diagnostic.code == "internal-error");
}
