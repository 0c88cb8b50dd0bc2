#include "api/conversion.hpp"

namespace koers::api {

namespace {

engine::Value plain_item(const Value& value, engine::ValueStore& store)
{
    switch (value.type()) {
    case Value::Type::Nil: return {};
    case Value::Type::Bool: return engine::Value::boolean(value.as_bool());
    case Value::Type::Int: return engine::Value::integer(value.as_int());
    case Value::Type::Number: return engine::Value::number(value.as_number());
    case Value::Type::Symbol: return store.symbol(value.as_string());
    case Value::Type::Text: return store.text(value.as_string());
    case Value::Type::List: {
        std::vector<engine::Value> items;
        items.reserve(value.as_list().size());
        for (const Value& item : value.as_list()) items.push_back(plain_item(item, store));
        return store.list(std::move(items));
    }
    }
    return {};
}

std::optional<engine::Value> fitted_item(const Value& value, engine::ValueType type, engine::ValueStore& store,
                                         std::string& error)
{
    const Value::Type given = value.type();
    const bool is_string = given == Value::Type::Symbol || given == Value::Type::Text;
    switch (type) {
    case engine::ValueType::Symbol:
        if (is_string) return store.symbol(value.as_string());
        break;
    case engine::ValueType::Text:
        if (is_string) return store.text(value.as_string());
        break;
    case engine::ValueType::Int:
        if (given == Value::Type::Int) return engine::Value::integer(value.as_int());
        break;
    case engine::ValueType::Number:
        if (given == Value::Type::Int || given == Value::Type::Number) return engine::Value::number(value.as_number());
        break;
    case engine::ValueType::Bool:
        if (given == Value::Type::Bool) return engine::Value::boolean(value.as_bool());
        break;
    default: break;
    }
    error = "expected " + type_name(type) + ", not " + value.render();
    return std::nullopt;
}

}  // namespace

Severity public_severity(engine::Severity severity)
{
    switch (severity) {
    case engine::Severity::Info: return Severity::Info;
    case engine::Severity::Notice: return Severity::Notice;
    case engine::Severity::Warning: return Severity::Warning;
    case engine::Severity::Critical: return Severity::Critical;
    }
    return Severity::Notice;
}

std::string type_name(engine::ValueType type)
{
    switch (type) {
    case engine::ValueType::Nil: return "nil";
    case engine::ValueType::Bool: return "bool";
    case engine::ValueType::Int: return "int";
    case engine::ValueType::Number: return "number";
    case engine::ValueType::Symbol: return "symbol";
    case engine::ValueType::Text: return "text";
    case engine::ValueType::List: return "list";
    }
    return "nil";
}

engine::Value plain_engine_value(const Value& value, engine::ValueStore& store) { return plain_item(value, store); }

std::optional<engine::Value> slot_value(const Value& value, const engine::SlotSpec& slot, engine::ValueStore& store,
                                        std::string& error)
{
    if (value.is_nil()) {
        if (slot.optional) return engine::Value{};
        error = "the slot is not optional; it needs a value";
        return std::nullopt;
    }
    if (!slot.is_list) return fitted_item(value, slot.type, store, error);
    if (value.type() != Value::Type::List) {
        error = "expected a list of " + type_name(slot.type) + ", not " + value.render();
        return std::nullopt;
    }
    std::vector<engine::Value> items;
    for (const Value& item : value.as_list()) {
        std::optional<engine::Value> fitted = fitted_item(item, slot.type, store, error);
        if (!fitted) return std::nullopt;
        items.push_back(*fitted);
    }
    return store.list(std::move(items));
}

Value public_value(const engine::Value& value, const engine::ValueStore& store)
{
    switch (value.type()) {
    case engine::ValueType::Nil: return {};
    case engine::ValueType::Bool: return Value(value.as_bool());
    case engine::ValueType::Int: return Value(value.as_int());
    case engine::ValueType::Number: return Value(value.as_number());
    case engine::ValueType::Symbol: return Value::symbol(store.string(value.id()));
    case engine::ValueType::Text: return Value::text(store.string(value.id()));
    case engine::ValueType::List: {
        std::vector<Value> items;
        for (const engine::Value& item : store.list_items(value.id())) items.push_back(public_value(item, store));
        return Value(std::move(items));
    }
    }
    return {};
}

Error public_error(const engine::RuntimeError& error)
{
    Error out;
    out.message = error.message;
    out.file = error.where.file;
    out.line = error.where.line;
    out.column = error.where.column;
    out.rule = error.rule;
    return out;
}

Fact public_fact(const engine::Session& session, const engine::FactView& view, bool live)
{
    const engine::RuleSet& rules = session.network().rules();
    const engine::TemplateSpec& spec = rules.templates[view.template_id];
    Fact fact;
    fact.id = view.id;
    fact.template_name = spec.name;
    for (std::size_t i = 0; i < view.slots.size() && i < spec.slots.size(); ++i) {
        fact.slots.emplace_back(spec.slots[i].name, public_value(view.slots[i], session.values()));
    }
    if (view.origin != 0) fact.rule = rules.rules[session.firing_log().at(view.origin).rule].name;
    fact.logical = view.logical;
    fact.live = live;
    return fact;
}

Advice public_advice(const engine::Session& session, const engine::Advice& advice)
{
    const engine::ValueStore& values = session.values();
    Advice out;
    out.id = advice.id;
    out.topic = values.string(advice.topic);
    out.severity = public_severity(advice.severity);
    out.rule = session.network().rules().rules[advice.rule].name;
    for (const auto& [key, value] : advice.links) out.links.emplace_back(values.string(key), public_value(value, values));
    for (const auto& [language, text] : advice.texts) out.texts.emplace_back(values.string(language), text);
    return out;
}

Explanation public_explanation(const engine::Explanation& explanation)
{
    Explanation out;
    out.text = explanation.text;
    out.live = explanation.live;
    out.input = explanation.input;
    out.repeated = explanation.repeated;
    out.cut = explanation.cut;
    out.firing = explanation.firing;
    out.rule = explanation.rule;
    out.file = explanation.rule_where.file;
    out.line = explanation.rule_where.line;
    out.bindings = explanation.bindings;
    for (const engine::Explanation& child : explanation.because) out.because.push_back(public_explanation(child));
    return out;
}

}  // namespace koers::api
