// What a Session holds. Internal to libkoers.
#pragma once

#include <memory>
#include <optional>
#include <utility>

#include "engine/session.hpp"
#include "koers/koers.hpp"

namespace koers::api {

struct Session::Impl {
    Impl(const Ruleset& ruleset_in, std::shared_ptr<const engine::Network> network)
        : ruleset(ruleset_in), session(std::move(network))
    {
    }

    Ruleset ruleset;  // keeps the network alive
    engine::Session session;
    std::optional<RunResult> last_run;  // since the last reset
};

}  // namespace koers::api
