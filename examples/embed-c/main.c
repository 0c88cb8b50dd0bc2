/* Embedding Koers in C: compile a ruleset from text, assert facts as JSON, run with a
 * limit, and print the results as JSON and one explanation as text. Every string the
 * library hands out is freed with koers_free_string. Exits with 0, or 1 on a problem. */
#include <stdio.h>

#include <koers/koers.h>

static const char* const ruleset_text =
    "template pole {\n"
    "  paradox: symbol\n"
    "  value: number in -2..2 = 0\n"
    "}\n"
    "\n"
    "rule strong_pole \"A pole at an extreme asks for attention\"\n"
    "when\n"
    "  pole(paradox: ?p, value: ?v)\n"
    "  where ?v >= 1.5 or ?v <= -1.5\n"
    "then\n"
    "  advise balance severity: warning\n"
    "    paradox: ?p\n"
    "    en: \"The alliance leans hard to one side of {?p} ({?v}).\"\n"
    "end\n";

static const char* const facts_json =
    "{\"pole\": [{\"paradox\": \"P01\", \"value\": 2}, {\"paradox\": \"P02\", \"value\": 0.5}]}";

static int failed(const char* what)
{
    fprintf(stderr, "embed-c: %s: %s\n", what, koers_last_error());
    return 1;
}

int main(void)
{
    koers_ruleset* rules = NULL;
    char* diagnostics = NULL;
    if (koers_ruleset_compile_text("poles.koers", ruleset_text, &rules, &diagnostics) != KOERS_OK) {
        fprintf(stderr, "diagnostics: %s\n", diagnostics);
        koers_free_string(diagnostics);
        return failed("compile");
    }
    koers_free_string(diagnostics);

    koers_session* session = NULL;
    if (koers_session_new(rules, &session) != KOERS_OK) return failed("session");
    koers_ruleset_free(rules); /* the session keeps the ruleset alive */

    int status = 0;
    char* results = NULL;
    char* explanation = NULL;
    koers_run_options options;
    koers_run_options_init(&options);
    options.max_firings = 1000;

    if (koers_session_assert_json(session, facts_json, NULL) != KOERS_OK) status = failed("facts");
    else if (koers_session_run(session, &options, NULL) != KOERS_OK) status = failed("run");
    else if (koers_session_results_json(session, KOERS_RESULTS_NO_TIME | KOERS_RESULTS_PRETTY, &results) != KOERS_OK) {
        status = failed("results");
    }
    else if (koers_session_explain_advice(session, 1, &explanation) != KOERS_OK) status = failed("explain");
    else printf("%s\n%s", results, explanation);

    koers_free_string(results);
    koers_free_string(explanation);
    koers_session_free(session);
    return status;
}
