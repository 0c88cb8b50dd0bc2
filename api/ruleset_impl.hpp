// What a compiled Ruleset holds. Internal to libkoers.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/network.hpp"
#include "engine/ruleset.hpp"
#include "koers/koers.hpp"

namespace koers::api {

struct Ruleset::Impl {
    std::shared_ptr<const engine::RuleSet> rules;
    std::shared_ptr<const engine::Network> network;
    std::vector<std::string> files;
};

struct RulesetAccess {
    static Ruleset make(std::shared_ptr<const Ruleset::Impl> impl) { return Ruleset(std::move(impl)); }
    static const Ruleset::Impl& impl(const Ruleset& ruleset) { return *ruleset.impl_; }
};

}  // namespace koers::api
