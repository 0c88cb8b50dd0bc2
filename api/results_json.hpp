// A session's results as JSON (the "results out" schema of docs/json.md). Internal to
// libkoers; the server and the C API hand this text out as it is.
#pragma once

#include <optional>
#include <string>

#include "engine/session.hpp"
#include "koers/koers.hpp"

namespace koers::api {

std::string render_results_json(const engine::Session& session, const std::optional<RunResult>& last_run,
                                 const ResultsJsonOptions& options);

// The "run" object of the results.
std::string run_json(const RunResult& result, std::size_t live_facts, bool time);

// `{"message": ..., "path": ..., ...}`: an Error as the C API and the server report it.
std::string error_json(const Error& error);

}  // namespace koers::api
