#include "cli/json_facts.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace koers::cli {

namespace {

using nlohmann::json;

class JsonFactReader {
public:
    JsonFactReader(const engine::RuleSet& rules, engine::ValueStore& values) : rules_(rules), values_(values) {}

    // The fact, or nothing with `error_` set.
    std::optional<engine::FactValue> fact(const json& item)
    {
        if (!item.is_object()) return fail("a fact is an object with \"template\" and \"slots\"");
        const auto name = item.find("template");
        if (name == item.end() || !name->is_string()) return fail("a fact needs \"template\": \"name\"");
        const std::string template_name = name->get<std::string>();
        std::optional<engine::TemplateId> id;
        for (engine::TemplateId candidate = 0; candidate < rules_.templates.size(); ++candidate) {
            if (rules_.templates[candidate].name == template_name) id = candidate;
        }
        if (!id) return fail("unknown template `" + template_name + "`");
        const engine::TemplateSpec& spec = rules_.templates[*id];
        json slots = json::object();
        if (const auto found = item.find("slots"); found != item.end()) slots = *found;
        if (!slots.is_object()) return fail("\"slots\" of a `" + template_name + "` fact must be an object");
        for (const auto& entry : slots.items()) {
            const std::string& slot = entry.key();
            const bool known = std::any_of(spec.slots.begin(), spec.slots.end(),
                                           [&](const engine::SlotSpec& s) { return s.name == slot; });
            if (!known) return fail("template `" + template_name + "` has no slot `" + slot + "`");
        }
        engine::FactValue fact;
        fact.template_id = *id;
        for (const engine::SlotSpec& slot : spec.slots) {
            const auto given = slots.find(slot.name);
            std::optional<engine::Value> value;
            if (given != slots.end()) value = slot_value(slot, *given);
            else if (slot.default_value) value = slot.default_value;
            else if (slot.optional) value = engine::Value{};
            else return fail("a `" + template_name + "` fact needs slot `" + slot.name + "`");
            if (!value) return fail("slot `" + template_name + "." + slot.name + "`: " + error_);
            fact.slots.push_back(*value);
        }
        return fact;
    }

    [[nodiscard]] const std::string& error() const { return error_; }

private:
    std::nullopt_t fail(std::string message)
    {
        error_ = std::move(message);
        return std::nullopt;
    }

    std::optional<engine::Value> slot_value(const engine::SlotSpec& slot, const json& value)
    {
        if (value.is_null()) return engine::Value{};
        if (!slot.is_list) return item(slot.type, value);
        if (!value.is_array()) return fail("expected a list, not " + value.dump());
        std::vector<engine::Value> items;
        for (const json& element : value) {
            std::optional<engine::Value> converted = item(slot.type, element);
            if (!converted) return std::nullopt;
            items.push_back(*converted);
        }
        return values_.list(std::move(items));
    }

    std::optional<engine::Value> item(engine::ValueType type, const json& value)
    {
        switch (type) {
        case engine::ValueType::Symbol:
            if (value.is_string()) return values_.symbol(value.get<std::string>());
            break;
        case engine::ValueType::Text:
            if (value.is_string()) return values_.text(value.get<std::string>());
            break;
        case engine::ValueType::Int:
            if (value.is_number_integer()) return engine::Value::integer(value.get<std::int64_t>());
            break;
        case engine::ValueType::Number:
            if (value.is_number()) return engine::Value::number(value.get<double>());
            break;
        case engine::ValueType::Bool:
            if (value.is_boolean()) return engine::Value::boolean(value.get<bool>());
            break;
        default: break;
        }
        static const char* const expected[] = {"nothing", "true or false", "a whole number", "a number",
                                               "a symbol (a string)", "a text (a string)", "a list"};
        return fail(std::string("expected ") + expected[static_cast<std::size_t>(type)] + ", not " + value.dump());
    }

    const engine::RuleSet& rules_;
    engine::ValueStore& values_;
    std::string error_;
};

}  // namespace

std::optional<std::vector<engine::FactValue>> read_json_facts(const std::string& file, const std::string& text,
                                                              const engine::RuleSet& rules, engine::ValueStore& values,
                                                              std::string& error)
{
    const json document = json::parse(text, nullptr, false);
    if (document.is_discarded()) {
        error = file + ": not valid JSON";
        return std::nullopt;
    }
    const json* facts = &document;
    if (document.is_object() && document.contains("facts")) facts = &document["facts"];
    if (!facts->is_array()) {
        error = file + ": expected {\"facts\": [...]} or an array of facts";
        return std::nullopt;
    }
    JsonFactReader reader(rules, values);
    std::vector<engine::FactValue> result;
    for (std::size_t index = 0; index < facts->size(); ++index) {
        std::optional<engine::FactValue> fact = reader.fact((*facts)[index]);
        if (!fact) {
            error = file + ": fact " + std::to_string(index + 1) + ": " + reader.error();
            return std::nullopt;
        }
        result.push_back(std::move(*fact));
    }
    return result;
}

}  // namespace koers::cli
