// The options of `koers serve`, shared by `koers` (which hands the command to the
// koers-serve program) and koers-serve itself, so that both accept and document the same.
#include <CLI/CLI.hpp>

#include "cli/serve_command.hpp"

namespace koers::cli {

CLI::App* add_serve_command(CLI::App& app, ServeOptions& options)
{
    CLI::App* serve = app.add_subcommand("serve", "Serve rulesets over HTTP: advise on assessments, run facts, check rulesets");
    serve->add_option("--host", options.host, "Address to listen on (default 127.0.0.1, loopback only)");
    serve->add_option("--port", options.port, "Port to listen on (default 8080; 0 takes a free port)")
        ->check(CLI::Range(0, 65535));
    serve->add_option("--ruleset", options.rulesets, "A ruleset folder or file to serve, named after it (repeatable)");
    serve->add_option("--max-body", options.max_body, "Largest request body in bytes (default 1 MiB)")
        ->check(CLI::PositiveNumber);
    serve->add_option("--threads", options.threads, "Requests handled at once (default 8)")->check(CLI::Range(1, 1024));
    serve->add_option("--max-firings", options.max_firings, "Most firings per request (default 1,000,000)")
        ->check(CLI::PositiveNumber);
    serve->add_option("--timeout", options.timeout_seconds, "Most seconds of run time per request (default 10)")
        ->check(CLI::Range(0.001, 86400.0));
    serve->footer(
        "Endpoints: GET /healthz, GET /v1/rulesets, POST /v1/advise?lang=nl (assessment in, report\n"
        "out), POST /v1/run?ruleset=NAME (facts as JSON in, results out), POST /v1/check (ruleset\n"
        "text in, diagnostics out). See docs/embedding.md.\n"
        "Stops cleanly on SIGTERM or SIGINT.\n"
        "\n"
        "Example:\n"
        "  koers serve --ruleset rulesets/alliance --port 8080");
    return serve;
}

}  // namespace koers::cli
