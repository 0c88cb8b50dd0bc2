// Run-time errors as values: the engine never lets an exception out of its API.
#pragma once

#include <string>

#include "engine/ruleset.hpp"

namespace koers::engine {

struct RuntimeError {
    std::string message;
    SourceRef where;   // empty file when the error has no place in the source
    std::string rule;  // the rule that was firing or matching, if any

    // `file:line:col: error: message (in rule r)`
    [[nodiscard]] std::string render() const;
};

}  // namespace koers::engine
