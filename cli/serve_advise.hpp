// POST /v1/advise of `koers serve`: an assessment in, the advice report out, in the
// language the request asks for. Runs the advisor and report libraries on the ruleset's
// own network (compiled once at start, beside the embedding API's copy).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "cli/engine_loading.hpp"
#include "cli/serve_service.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace koers::cli {

class AdviseService {
public:
    // Loads each named ruleset (name -> folder or file); nothing after printing errors.
    static std::optional<AdviseService> load(const std::map<std::string, std::string>& paths, std::ostream& err);

    // Query: ruleset (optional with one ruleset), lang (en or nl). Body: the assessment
    // as JSON (docs/json.md). 200 with the report as JSON; 400, 404, 422 or 504 with an
    // error.
    void handle(const httplib::Request& request, httplib::Response& response, const ServiceLimits& limits) const;

private:
    struct Entry {
        std::shared_ptr<const LoadedRuleset> loaded;
        std::string root;  // rule places in the report are relative to this folder
    };
    std::map<std::string, Entry> rulesets_;
};

}  // namespace koers::cli
