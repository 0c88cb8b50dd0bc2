#include "json/facts_json.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

namespace koers::json_io {

namespace {

using json = nlohmann::ordered_json;

// `-2`, `0.5`
std::string bound_text(double bound)
{
    if (bound == std::floor(bound) && std::fabs(bound) < 1e15) return std::to_string(static_cast<long long>(bound));
    std::string text = std::to_string(bound);
    while (text.back() == '0') text.pop_back();
    return text;
}

std::string joined(const std::vector<std::string>& words)
{
    std::string text;
    for (const std::string& word : words) text += (text.empty() ? "" : ", ") + word;
    return text;
}

// Where a byte offset of `text` is, as 1-based line and column.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset)
{
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

class FactReader {
public:
    FactReader(const engine::RuleSet& rules, engine::ValueStore& values, const JsonFactsOptions& options)
        : rules_(rules), values_(values), options_(options)
    {
    }

    [[nodiscard]] const std::optional<JsonError>& error() const { return error_; }
    std::vector<JsonFact>& facts() { return facts_; }

    // {"facts": [...]} or [...]
    void read_fact_list(const json& list, const std::string& path)
    {
        for (std::size_t index = 0; index < list.size() && !error_; ++index) {
            const std::string item_path = path + "[" + std::to_string(index) + "]";
            const json& item = list[index];
            if (!item.is_object()) return fail(item_path, "a fact is an object with \"template\" and \"slots\"");
            const auto name = item.find("template");
            if (name == item.end() || !name->is_string()) return fail(item_path, "a fact needs \"template\": \"name\"");
            for (const auto& entry : item.items()) {
                if (entry.key() != "template" && entry.key() != "slots") {
                    return fail(item_path, "unknown field `" + entry.key() + "`; a fact has \"template\" and \"slots\"");
                }
            }
            const std::optional<engine::TemplateId> id = template_named(name->get<std::string>(), item_path + ".template");
            if (!id) return;
            const json slots = item.contains("slots") ? item["slots"] : json::object();
            read_fact(*id, slots, item_path + ".slots", item_path);
        }
    }

    // {"alliance": {...}, "pole": [{...}, ...]}
    void read_assessment(const json& document)
    {
        for (const auto& entry : document.items()) {
            if (error_) return;
            const std::string path = "$." + entry.key();
            const std::optional<engine::TemplateId> id = template_named(entry.key(), path);
            if (!id) return;
            if (entry.value().is_array()) {
                for (std::size_t index = 0; index < entry.value().size() && !error_; ++index) {
                    const std::string item_path = path + "[" + std::to_string(index) + "]";
                    read_fact(*id, entry.value()[index], item_path, item_path);
                }
            } else {
                read_fact(*id, entry.value(), path, path);
            }
        }
    }

    void fail(const std::string& path, std::string message)
    {
        if (!error_) error_ = JsonError{path, 0, 0, std::move(message)};
    }

private:
    [[nodiscard]] bool allowed(engine::TemplateId id) const
    {
        const auto& allowed = options_.allowed_templates;
        return allowed.empty() || std::find(allowed.begin(), allowed.end(), id) != allowed.end();
    }

    [[nodiscard]] std::vector<std::string> allowed_names() const
    {
        std::vector<std::string> names;
        for (engine::TemplateId id = 0; id < rules_.templates.size(); ++id) {
            if (allowed(id)) names.push_back(rules_.templates[id].name);
        }
        return names;
    }

    std::optional<engine::TemplateId> template_named(const std::string& name, const std::string& path)
    {
        for (engine::TemplateId id = 0; id < rules_.templates.size(); ++id) {
            if (rules_.templates[id].name != name) continue;
            if (allowed(id)) return id;
            fail(path, "`" + name + "` is not part of " + options_.document_name + "; allowed: " + joined(allowed_names()));
            return std::nullopt;
        }
        fail(path, "unknown " + std::string(options_.allowed_templates.empty() ? "template" : "part") + " `" + name +
                       "`; allowed: " + joined(allowed_names()));
        return std::nullopt;
    }

    void read_fact(engine::TemplateId id, const json& slots, const std::string& slots_path, const std::string& fact_path)
    {
        const engine::TemplateSpec& spec = rules_.templates[id];
        std::vector<std::string> slot_names;
        for (const engine::SlotSpec& slot : spec.slots) slot_names.push_back(slot.name);
        if (!slots.is_object()) {
            return fail(slots_path, "a `" + spec.name + "` is an object with the fields " + joined(slot_names) + ", not " +
                                        slots.dump());
        }
        for (const auto& entry : slots.items()) {
            if (std::find(slot_names.begin(), slot_names.end(), entry.key()) == slot_names.end()) {
                return fail(slots_path, "unknown field `" + entry.key() + "` in `" + spec.name + "`; the fields are " +
                                            joined(slot_names));
            }
        }
        JsonFact result;
        result.fact.template_id = id;
        result.path = fact_path;
        for (const engine::SlotSpec& slot : spec.slots) {
            const std::string slot_path = slots_path + "." + slot.name;
            const auto given = slots.find(slot.name);
            std::optional<engine::Value> value;
            if (given != slots.end() && !given->is_null()) value = slot_value(slot, *given, slot_path);
            else if (given == slots.end() && slot.default_value) value = slot.default_value;
            else if (slot.optional) value = engine::Value{};
            else return fail(slots_path, "missing required field `" + slot.name + "`: " + expectation(slot));
            if (!value) return;
            result.fact.slots.push_back(*value);
        }
        facts_.push_back(std::move(result));
    }

    // "one of absent, draft", "a number in -2..2", "true or false"
    [[nodiscard]] std::string expectation(const engine::SlotSpec& slot) const
    {
        std::string item;
        if (!slot.allowed.empty()) {
            std::vector<std::string> names;
            for (const engine::Value& value : slot.allowed) names.push_back(rules_.values->display(value));
            item = "one of " + joined(names);
        } else {
            switch (slot.type) {
            case engine::ValueType::Bool: item = "true or false"; break;
            case engine::ValueType::Int: item = "a whole number"; break;
            case engine::ValueType::Number: item = "a number"; break;
            case engine::ValueType::Symbol: item = "a name (a string)"; break;
            case engine::ValueType::Text: item = "a text (a string)"; break;
            default: item = "a value"; break;
            }
            if (slot.low || slot.high) {
                item += " in " + (slot.low ? bound_text(*slot.low) : std::string()) + ".." +
                        (slot.high ? bound_text(*slot.high) : std::string());
            }
        }
        return slot.is_list ? "a list, each item " + item : item;
    }

    std::optional<engine::Value> slot_value(const engine::SlotSpec& slot, const json& value, const std::string& path)
    {
        if (!slot.is_list) return item(slot, value, path);
        if (!value.is_array()) {
            fail(path, "expected " + expectation(slot) + ", not " + value.dump());
            return std::nullopt;
        }
        std::vector<engine::Value> items;
        for (std::size_t index = 0; index < value.size(); ++index) {
            std::optional<engine::Value> converted = item(slot, value[index], path + "[" + std::to_string(index) + "]");
            if (!converted) return std::nullopt;
            items.push_back(*converted);
        }
        return values_.list(std::move(items));
    }

    std::optional<engine::Value> item(const engine::SlotSpec& slot, const json& value, const std::string& path)
    {
        std::optional<engine::Value> converted;
        switch (slot.type) {
        case engine::ValueType::Symbol:
            if (value.is_string()) converted = values_.symbol(value.get<std::string>());
            break;
        case engine::ValueType::Text:
            if (value.is_string()) converted = values_.text(value.get<std::string>());
            break;
        case engine::ValueType::Int:
            if (value.is_number_integer()) converted = engine::Value::integer(value.get<std::int64_t>());
            else if (value.is_number_float() && value.get<double>() == std::floor(value.get<double>()) &&
                     std::fabs(value.get<double>()) < 1e15) {
                converted = engine::Value::integer(static_cast<std::int64_t>(value.get<double>()));
            }
            break;
        case engine::ValueType::Number:
            if (value.is_number()) converted = engine::Value::number(value.get<double>());
            break;
        case engine::ValueType::Bool:
            if (value.is_boolean()) converted = engine::Value::boolean(value.get<bool>());
            break;
        default: break;
        }
        const bool in_set = !converted || slot.allowed.empty() ||
                            std::find(slot.allowed.begin(), slot.allowed.end(), *converted) != slot.allowed.end();
        const bool in_range = !converted || !converted->is_numeric() ||
                              ((!slot.low || converted->as_number() >= *slot.low) &&
                               (!slot.high || converted->as_number() <= *slot.high));
        if (!converted || !in_set || !in_range) {
            fail(path, "expected " + expectation(slot) + ", not " + value.dump());
            return std::nullopt;
        }
        return converted;
    }

    const engine::RuleSet& rules_;
    engine::ValueStore& values_;
    const JsonFactsOptions& options_;
    std::vector<JsonFact> facts_;
    std::optional<JsonError> error_;
};

}  // namespace

std::string JsonError::render(const std::string& file) const
{
    if (line > 0) return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
    return file + ": " + (path.empty() ? "" : path + ": ") + message;
}

JsonFactsResult read_json_facts(std::string_view text, const engine::RuleSet& rules, engine::ValueStore& values,
                                const JsonFactsOptions& options)
{
    JsonFactsResult result;
    json document;
    try {
        document = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& error) {
        const auto [line, column] = line_and_column(text, error.byte > 0 ? error.byte - 1 : 0);
        std::string message = error.what();
        // nlohmann's text starts with "[json.exception.parse_error.101] parse error at line 1, column 2: ".
        if (const std::size_t colon = message.find(": "); colon != std::string::npos) message = message.substr(colon + 2);
        result.error = JsonError{"", line, column, "not valid JSON: " + message};
        return result;
    }
    FactReader reader(rules, values, options);
    if (document.is_array()) reader.read_fact_list(document, "$");
    else if (document.is_object() && document.size() == 1 && document.contains("facts")) {
        if (document["facts"].is_array()) reader.read_fact_list(document["facts"], "$.facts");
        else reader.fail("$.facts", "expected an array of facts, not " + document["facts"].dump());
    }
    else if (document.is_object()) reader.read_assessment(document);
    else reader.fail("$", "expected an object (keys are template names) or {\"facts\": [...]}, not " + document.dump());
    result.error = reader.error();
    if (!result.error) result.facts = std::move(reader.facts());
    return result;
}

}  // namespace koers::json_io
