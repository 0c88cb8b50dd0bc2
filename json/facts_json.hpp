// Facts in JSON, in two shapes with the same meaning as Koers facts:
//
//   facts shape:       {"facts": [{"template": "pole", "slots": {"paradox": "P01", "value": 2}}]}
//                      (or the bare array)
//   assessment shape:  {"alliance": {"name": "X"}, "pole": [{"paradox": "P01", "value": 2}]}
//                      (keys are template names; an object is one fact, an array several)
//
// Strings become symbols or texts as the slot's type says, arrays become lists, null
// leaves an optional slot empty, and slots left out take their default. Every value is
// checked against its slot (type, allowed values, range) here, so that a mistake is
// reported at its JSON path (`$.pole[1].value`) with what the slot allows.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ruleset.hpp"
#include "engine/value.hpp"

namespace koers::json_io {

struct JsonFact {
    engine::FactValue fact;
    std::string path;  // `$.pole[1]`, for messages about the fact later on
};

struct JsonError {
    std::string path;  // `$.identity.mission`; empty for a syntax error
    std::size_t line = 0;  // of a syntax error, 1-based; 0 otherwise
    std::size_t column = 0;
    std::string message;
    // `FILE: $.identity.mission: ...` or `FILE:3:14: not valid JSON: ...`
    [[nodiscard]] std::string render(const std::string& file) const;
};

struct JsonFactsOptions {
    // Templates the document may hold facts of; empty allows every template.
    std::vector<engine::TemplateId> allowed_templates;
    // What the document is called in messages: "facts" or "an assessment".
    std::string document_name = "facts";
};

struct JsonFactsResult {
    std::vector<JsonFact> facts;
    std::optional<JsonError> error;
};

// The facts of `text`; symbols and texts are interned in `values`.
JsonFactsResult read_json_facts(std::string_view text, const engine::RuleSet& rules, engine::ValueStore& values,
                                const JsonFactsOptions& options = {});

}  // namespace koers::json_io
