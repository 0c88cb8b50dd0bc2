// Facts in JSON into a session, through the koers_json reader (both the facts shape and
// the assessment shape, docs/json.md). Internal to libkoers.
#pragma once

#include <string_view>

#include "engine/session.hpp"
#include "koers/koers.hpp"

namespace koers::api {

// Reads every fact first and asserts them only when all read well, so that bad JSON
// changes nothing; an error in asserting (a rule's run-time error while matching) stops
// at that fact, and the facts asserted before it stay.
JsonAssertResult assert_json_facts(engine::Session& session, std::string_view json);

}  // namespace koers::api
