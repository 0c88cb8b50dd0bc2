// `koers serve`: compiles the rulesets once, then serves them over HTTP on a thread pool
// until SIGTERM or SIGINT, when it stops accepting, finishes the requests it has and exits.
#include "cli/serve_command.hpp"

#include <atomic>
#include <csignal>
#include <filesystem>
#include <map>
#include <thread>

#include <httplib.h>

#include "cli/serve_advise.hpp"
#include "cli/serve_service.hpp"
#include "koers/koers.hpp"

namespace koers::cli {

namespace {

std::atomic<bool> stop_requested = false;
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void request_stop(int /*signal*/) { stop_requested = true; }

// `rulesets/alliance/` -> `alliance`, `shop.koers` -> `shop`
std::string ruleset_name(const std::string& path)
{
    std::filesystem::path name = std::filesystem::path(path).lexically_normal();
    if (!name.has_filename()) name = name.parent_path();
    return name.stem().string();
}

// Name -> path; nothing after printing why when two rulesets would share a name.
std::optional<std::map<std::string, std::string>> named_rulesets(const std::vector<std::string>& paths, std::ostream& err)
{
    std::map<std::string, std::string> named;
    for (const std::string& path : paths) {
        const std::string name = ruleset_name(path);
        if (!named.emplace(name, path).second) {
            err << "koers: error: two rulesets are named `" << name << "`; rename a folder or file\n";
            return std::nullopt;
        }
    }
    return named;
}

std::optional<std::map<std::string, api::Ruleset>> compile_rulesets(const std::map<std::string, std::string>& paths,
                                                                    std::ostream& err)
{
    std::map<std::string, api::Ruleset> rulesets;
    for (const auto& [name, path] : paths) {
        const api::CompileResult compiled = api::Ruleset::compile_files({path});
        if (!compiled.ok()) {
            for (const api::Diagnostic& diagnostic : compiled.diagnostics) {
                if (diagnostic.severity == api::Diagnostic::Severity::Error) err << diagnostic.render() << '\n';
            }
            err << "koers: error: the ruleset " << path << " has errors; `koers check` lists them with warnings\n";
            return std::nullopt;
        }
        rulesets.emplace(name, *compiled.ruleset);
    }
    return rulesets;
}

}  // namespace

int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err)
{
    const std::optional<std::map<std::string, std::string>> named = named_rulesets(options.rulesets, err);
    if (!named) return 1;
    std::optional<std::map<std::string, api::Ruleset>> rulesets = compile_rulesets(*named, err);
    if (!rulesets) return 1;
    const std::optional<AdviseService> advise = AdviseService::load(*named, err);
    if (!advise) return 1;
    const ServiceLimits limits{options.max_firings,
                               std::chrono::milliseconds(static_cast<std::int64_t>(options.timeout_seconds * 1000))};
    const Service service(std::move(*rulesets), *advise, limits);

    httplib::Server server;
    const std::size_t threads = options.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_payload_max_length(options.max_body);
    service.install(server);

    // SIGTERM and SIGINT only set a flag (whichever thread they reach); a watcher thread
    // sees it and stops the server, which finishes the requests it has.
    stop_requested = false;
    struct sigaction on_stop = {};
    on_stop.sa_handler = request_stop;
    sigemptyset(&on_stop.sa_mask);
    struct sigaction previous_term = {};
    struct sigaction previous_int = {};
    sigaction(SIGTERM, &on_stop, &previous_term);
    sigaction(SIGINT, &on_stop, &previous_int);
    std::atomic<bool> done = false;
    std::thread watcher([&] {
        while (!done && !stop_requested) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        // A signal that came before the server started listening must still stop it.
        while (!done) {
            server.stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });

    const int port = options.port == 0 ? server.bind_to_any_port(options.host)
                                       : (server.bind_to_port(options.host, options.port) ? options.port : -1);
    int status = 0;
    if (port < 0) {
        err << "koers: error: cannot listen on " << options.host << ':' << options.port << '\n';
        status = 1;
    }
    else {
        out << "koers: listening on http://" << options.host << ':' << port << std::endl;
        if (!server.listen_after_bind()) status = 1;
        out << "koers: stopped" << std::endl;
    }
    done = true;
    watcher.join();
    sigaction(SIGTERM, &previous_term, nullptr);
    sigaction(SIGINT, &previous_int, nullptr);
    return status;
}

}  // namespace koers::cli
