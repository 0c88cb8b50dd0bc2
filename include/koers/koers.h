/* The Koers C API: compile a ruleset once, run any number of sessions on it, with facts
 * and results as JSON strings (docs/json.md).
 *
 *   koers_ruleset* rules = NULL;
 *   char* diagnostics = NULL;
 *   if (koers_ruleset_compile_text("rules.koers", text, &rules, &diagnostics) != KOERS_OK) {
 *       fprintf(stderr, "%s\n", koers_last_error());    // the first error, as text
 *   }
 *   koers_free_string(diagnostics);                     // every diagnostic, as JSON
 *   koers_session* session = NULL;
 *   koers_session_new(rules, &session);
 *   koers_session_assert_json(session, "{\"pole\": {\"paradox\": \"P01\", \"value\": 2}}", NULL);
 *   koers_session_run(session, NULL, NULL);
 *   char* results = NULL;
 *   koers_session_results_json(session, KOERS_RESULTS_EXPLAIN, &results);
 *   ...
 *   koers_free_string(results);
 *   koers_session_free(session);
 *   koers_ruleset_free(rules);
 *
 * Rules of the interface:
 * - Every function that can fail returns a koers_status; KOERS_OK is 0. On failure,
 *   koers_last_error() describes it until the next call into the library on the same
 *   thread. No exception and no crash crosses the boundary on bad input; a null handle
 *   or a null required pointer gives KOERS_ERROR_ARGUMENT.
 * - Ownership: a `char**` out-parameter receives a new NUL-terminated UTF-8 string that
 *   the caller owns and frees with koers_free_string(); it may be NULL when the caller
 *   does not want it, and is set to NULL on failure unless the function says otherwise.
 *   Handles are freed with koers_ruleset_free() and koers_session_free(). `const char*`
 *   results (koers_version, koers_status_name, koers_last_error) belong to the library.
 * - Threads: a ruleset is immutable and may be used by any number of threads at once; a
 *   session must be used by one thread at a time. A session keeps its ruleset alive, so
 *   the ruleset handle may be freed before its sessions.
 */
#ifndef KOERS_KOERS_H
#define KOERS_KOERS_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define KOERS_C_API
#else
#define KOERS_C_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef enum koers_status {
    KOERS_OK = 0,
    KOERS_ERROR_ARGUMENT = 1, /* a null handle or pointer, or an option out of range */
    KOERS_ERROR_COMPILE = 2,  /* the ruleset has errors: see the diagnostics */
    KOERS_ERROR_JSON = 3,     /* JSON that is not valid, or facts that do not fit their templates */
    KOERS_ERROR_FACT = 4,     /* no such fact, template, slot or stage; a value that does not fit */
    KOERS_ERROR_RUN = 5,      /* a run-time error in a rule stopped the run */
    KOERS_ERROR_LIMIT = 6,    /* a run reached its limit of firings, facts or time */
    KOERS_ERROR_INTERNAL = 7  /* out of memory or an unexpected failure */
} koers_status;

typedef struct koers_ruleset koers_ruleset;
typedef struct koers_session koers_session;

typedef enum koers_strategy {
    KOERS_STRATEGY_DEPTH = 0,
    KOERS_STRATEGY_BREADTH = 1,
    KOERS_STRATEGY_LEX = 2,
    KOERS_STRATEGY_MEA = 3
} koers_strategy;

typedef struct koers_run_options {
    int strategy;          /* a koers_strategy; an int, so that any value a caller passes is checked, not undefined */
    uint64_t max_firings;  /* firings in this run */
    uint64_t max_facts;    /* live facts */
    uint64_t max_time_ms;  /* wall time of this run */
} koers_run_options;

/* Flags for koers_session_results_json. */
enum {
    KOERS_RESULTS_EXPLAIN = 1, /* an "explanation" tree on each derived fact and piece of advice */
    KOERS_RESULTS_NO_TIME = 2, /* leave "time_ms" out, so that output compares byte for byte */
    KOERS_RESULTS_PRETTY = 4   /* indent by two spaces */
};

/* "0.1.0" */
KOERS_C_API const char* koers_version(void);
/* "ok", "argument", "compile", "json", "fact", "run", "limit", "internal" */
KOERS_C_API const char* koers_status_name(koers_status status);
/* What the last failing call on this thread went wrong with; "" after success. */
KOERS_C_API const char* koers_last_error(void);
/* Frees a string the library handed out; NULL is allowed. */
KOERS_C_API void koers_free_string(char* text);

/* ---------------------------------------------------------------- rulesets */

/* Compiles the `.koers` files and folders in `paths` (imports followed). On success
 * *ruleset is a new handle; on KOERS_ERROR_COMPILE it is NULL and koers_last_error()
 * holds the first error. `diagnostics_json` (optional) receives every error and warning
 * as a JSON array, on success and on failure alike. */
KOERS_C_API koers_status koers_ruleset_compile_files(const char* const* paths, size_t count, koers_ruleset** ruleset,
                                                     char** diagnostics_json);
/* The same for one text held in memory, called `name` in diagnostics (no imports). */
KOERS_C_API koers_status koers_ruleset_compile_text(const char* name, const char* text, koers_ruleset** ruleset,
                                                    char** diagnostics_json);
/* Templates (with slots), rules and stages as JSON (docs/json.md). */
KOERS_C_API koers_status koers_ruleset_describe_json(const koers_ruleset* ruleset, char** description_json);
KOERS_C_API void koers_ruleset_free(koers_ruleset* ruleset);

/* ---------------------------------------------------------------- sessions */

/* A new working memory on the ruleset, holding the ruleset's facts blocks. */
KOERS_C_API koers_status koers_session_new(const koers_ruleset* ruleset, koers_session** session);
KOERS_C_API void koers_session_free(koers_session* session);

/* Asserts facts given as JSON in the facts shape or the assessment shape. Nothing is
 * asserted when the JSON is not valid or a fact does not fit (KOERS_ERROR_JSON, with the
 * JSON path in the message). A run-time error of a rule while matching a fact gives
 * KOERS_ERROR_RUN; the facts before it stay. `fact_ids_json` (optional) receives the ids
 * of the facts asserted, as a JSON array, also on failure. */
KOERS_C_API koers_status koers_session_assert_json(koers_session* session, const char* json, char** fact_ids_json);
KOERS_C_API koers_status koers_session_retract(koers_session* session, uint64_t fact);
/* Changes slots of a fact: `changes_json` is an object of slot names and values. The
 * result is a new fact; its id goes to `new_fact` (optional). */
KOERS_C_API koers_status koers_session_modify_json(koers_session* session, uint64_t fact, const char* changes_json,
                                                   uint64_t* new_fact);
/* Puts stages on the focus stack, the first named on top. */
KOERS_C_API koers_status koers_session_focus(koers_session* session, const char* const* stages, size_t count);

/* Sets the defaults: depth, 1,000,000 firings, 1,000,000 facts, 10,000 ms. */
KOERS_C_API void koers_run_options_init(koers_run_options* options);
/* Runs the rules (`options` may be NULL for the defaults). Returns KOERS_OK when the
 * run finished or halted, KOERS_ERROR_LIMIT or KOERS_ERROR_RUN otherwise; the results
 * so far stay readable. `run_json` (optional) receives the "run" object of the results
 * schema, also when the run stopped early. */
KOERS_C_API koers_status koers_session_run(koers_session* session, const koers_run_options* options, char** run_json);

/* Facts, advice, output and the last run as JSON; `flags` are KOERS_RESULTS_*. */
KOERS_C_API koers_status koers_session_results_json(const koers_session* session, int flags, char** results_json);
/* Why a fact or a piece of advice is there, as indented text (KOERS_ERROR_FACT if unknown). */
KOERS_C_API koers_status koers_session_explain_fact(const koers_session* session, uint64_t fact, char** explanation);
KOERS_C_API koers_status koers_session_explain_advice(const koers_session* session, uint64_t advice, char** explanation);
/* Why a rule does not fire now, as text (KOERS_ERROR_FACT if there is no such rule). */
KOERS_C_API koers_status koers_session_why_not(const koers_session* session, const char* rule, char** explanation);

/* Back to the ruleset's facts blocks; or no facts at all. */
KOERS_C_API koers_status koers_session_reset(koers_session* session);
KOERS_C_API koers_status koers_session_clear(koers_session* session);

#ifdef __cplusplus
}
#endif

#endif /* KOERS_KOERS_H */
