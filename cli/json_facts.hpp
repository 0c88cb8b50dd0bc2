// Facts in JSON for `koers run --facts FILE.json`:
//
//   {"facts": [{"template": "pole", "slots": {"paradox": "P01", "value": 2}}, ...]}
//
// (or the bare array). Strings become symbols or texts as the slot's type says, arrays
// become lists, null leaves an optional slot empty; slots left out take their default.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/ruleset.hpp"

namespace koers::cli {

// The facts of `text` (read from `file`, named in messages), or nothing with the reason
// in `error`. New symbols and texts are interned in `values`.
std::optional<std::vector<engine::FactValue>> read_json_facts(const std::string& file, const std::string& text,
                                                              const engine::RuleSet& rules, engine::ValueStore& values,
                                                              std::string& error);

}  // namespace koers::cli
