// Between the public API's plain types and the engine's: values, facts, advice,
// explanations and errors. Internal to libkoers.
#pragma once

#include <optional>
#include <string>

#include "engine/errors.hpp"
#include "engine/explanation.hpp"
#include "engine/session.hpp"
#include "koers/koers.hpp"

namespace koers::api {

// The value as it is, without a slot to fit (symbols stay symbols, plain strings texts).
engine::Value plain_engine_value(const Value& value, engine::ValueStore& store);

// The value fitted to the slot's type: a plain string becomes a symbol or a text, an int
// a number. Nothing, with the reason in `error`, when it does not fit.
std::optional<engine::Value> slot_value(const Value& value, const engine::SlotSpec& slot, engine::ValueStore& store,
                                        std::string& error);

Value public_value(const engine::Value& value, const engine::ValueStore& store);
Error public_error(const engine::RuntimeError& error);
Fact public_fact(const engine::Session& session, const engine::FactView& view, bool live);
Advice public_advice(const engine::Session& session, const engine::Advice& advice);
Explanation public_explanation(const engine::Explanation& explanation);
Severity public_severity(engine::Severity severity);

// "symbol", "text", ...
std::string type_name(engine::ValueType type);

}  // namespace koers::api
