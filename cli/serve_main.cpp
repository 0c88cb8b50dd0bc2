// koers-serve: the program behind `koers serve`, which hands it its command line
// (`koers-serve [-v] serve OPTIONS...`). Kept apart so that only serving loads the HTTP
// and TLS libraries.
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/logging.hpp"
#include "cli/serve_command.hpp"

int main(int argc, char** argv)
{
    try {
        CLI::App app{"The Koers HTTP service; run it as `koers serve`.", "koers"};
        app.set_version_flag("--version", "koers " KOERS_VERSION);
        app.require_subcommand(1, 1);
        bool verbose = false;
        app.add_flag("-v,--verbose", verbose, "Log details of what koers does to stderr");
        koers::cli::ServeOptions options;
        koers::cli::add_serve_command(app, options);
        try {
            app.parse(argc, argv);
        } catch (const CLI::ParseError& error) {
            const int code = app.exit(error);
            return code == 0 ? 0 : 2;
        }
        koers::cli::set_up_logging(verbose);
        return koers::cli::run_serve(options, std::cout, std::cerr);
    } catch (const std::exception& error) {
        std::cerr << "koers: error: " << error.what() << '\n';
    } catch (...) {
        std::cerr << "koers: error: unexpected failure\n";
    }
    return 1;
}
