// The endpoints of `koers serve`, on compiled rulesets held for the server's lifetime.
// Each request gets its own session, so requests run in parallel on the thread pool.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>

#include "koers/koers.hpp"

namespace httplib {
class Server;
}

namespace koers::cli {

struct ServiceLimits {
    std::uint64_t max_firings = 1'000'000;
    std::chrono::milliseconds max_time{10'000};
};

class AdviseService;

class Service {
public:
    // `advise` serves POST /v1/advise; it must outlive the service.
    Service(std::map<std::string, api::Ruleset> rulesets, const AdviseService& advise, ServiceLimits limits)
        : rulesets_(std::move(rulesets)), advise_(advise), limits_(limits)
    {
    }

    // Routes GET /healthz, GET /v1/rulesets, POST /v1/run, POST /v1/check and POST
    // /v1/advise, and answers every error (also 404 and 413) with a JSON body.
    void install(httplib::Server& server) const;

private:
    std::map<std::string, api::Ruleset> rulesets_;
    const AdviseService& advise_;
    ServiceLimits limits_;
};

}  // namespace koers::cli
