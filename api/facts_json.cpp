#include "api/facts_json.hpp"

#include "api/conversion.hpp"
#include "json/facts_json.hpp"

namespace koers::api {

JsonAssertResult assert_json_facts(engine::Session& session, std::string_view json)
{
    JsonAssertResult result;
    const json_io::JsonFactsResult read = json_io::read_json_facts(json, session.network().rules(), session.values());
    if (read.error) {
        Error error;
        error.path = read.error->path;
        error.message = read.error->message;
        if (read.error->line > 0) {
            error.message = "line " + std::to_string(read.error->line) + ", column " + std::to_string(read.error->column) +
                            ": " + error.message;
        }
        result.error = std::move(error);
        return result;
    }
    for (const json_io::JsonFact& item : read.facts) {
        const engine::FactOutcome outcome = session.assert_fact(item.fact);
        if (outcome.error) {
            result.error = public_error(*outcome.error);
            result.error->path = item.path;
            return result;
        }
        result.facts.push_back(outcome.fact);
    }
    return result;
}

}  // namespace koers::api
