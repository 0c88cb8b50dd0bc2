// `koers serve`: the rulesets behind an HTTP service (docs/embedding.md#http-service).
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace koers::cli {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080;  // 0: any free port (the port taken is printed)
    std::vector<std::string> rulesets;  // folders or files; each is one ruleset, named after it
    std::size_t max_body = 1024 * 1024;  // bytes of a request body
    std::size_t threads = 8;
    std::uint64_t max_firings = 1'000'000;  // per request; a request may ask for fewer
    double timeout_seconds = 10;  // per request; a request may ask for less
};

// In koers-serve: compiles the rulesets, then answers requests until SIGTERM or SIGINT. Prints
// `koers: listening on http://HOST:PORT` to `out` once it accepts connections. Returns
// 0 after a clean shutdown, 1 when a ruleset has errors or the address cannot be bound.
int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

// Adds the `serve` subcommand and its options to `app`, filling `options`.
CLI::App* add_serve_command(CLI::App& app, ServeOptions& options);

// The program that serves: koers-serve beside the running koers. `koers serve` hands its
// whole command line to it, so that the plain `koers` links no HTTP or TLS libraries
// (they would add to every command's start-up time and memory).
inline constexpr const char* serve_program = "koers-serve";

}  // namespace koers::cli
