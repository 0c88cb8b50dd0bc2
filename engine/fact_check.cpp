// Checks a fact against its template when it is asserted: the slot count, each value's
// type, allowed values and range. The checker catches constants; this catches values
// computed at run time.
#include <algorithm>
#include <cmath>

#include "engine/session_state.hpp"

namespace koers::engine {

namespace {

std::string type_name(ValueType type)
{
    switch (type) {
    case ValueType::Nil: return "nothing";
    case ValueType::Bool: return "bool";
    case ValueType::Int: return "int";
    case ValueType::Number: return "number";
    case ValueType::Symbol: return "symbol";
    case ValueType::Text: return "text";
    case ValueType::List: return "list";
    }
    return "value";
}

bool fits_type(ValueType wanted, const Value& value)
{
    if (wanted == ValueType::Number) return value.is_numeric();
    return value.type() == wanted;
}

std::string bound_text(double bound)
{
    if (bound == std::floor(bound) && std::fabs(bound) < 1e15) return std::to_string(static_cast<std::int64_t>(bound));
    std::string text = std::to_string(bound);
    while (text.back() == '0') text.pop_back();
    return text;
}

std::string slot_text(const TemplateSpec& spec, const SlotSpec& slot) { return "`" + spec.name + "." + slot.name + "`"; }

std::optional<std::string> check_item(const ValueStore& values, const TemplateSpec& spec, const SlotSpec& slot,
                                      const Value& value)
{
    const auto slot_name = [&] { return slot_text(spec, slot); };
    if (!fits_type(slot.type, value)) {
        return "slot " + slot_name() + " holds " + (slot.is_list ? "a list of " : "a ") + type_name(slot.type) + ", not " +
               values.render(value);
    }
    if (!slot.allowed.empty() && std::find(slot.allowed.begin(), slot.allowed.end(), value) == slot.allowed.end()) {
        std::string allowed;
        for (const Value& item : slot.allowed) allowed += (allowed.empty() ? "" : ", ") + values.render(item);
        return "slot " + slot_name() + " allows only " + allowed + ", not " + values.render(value);
    }
    if (value.is_numeric() && ((slot.low && value.as_number() < *slot.low) || (slot.high && value.as_number() > *slot.high))) {
        return "slot " + slot_name() + ": " + values.render(value) + " is outside the range " +
               (slot.low ? bound_text(*slot.low) : std::string()) + ".." + (slot.high ? bound_text(*slot.high) : std::string());
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> check_fact(const RuleSet& rules, const ValueStore& values, TemplateId template_id,
                                      std::span<const Value> slots)
{
    if (template_id >= rules.templates.size()) return "template id " + std::to_string(template_id) + " does not exist";
    const TemplateSpec& spec = rules.templates[template_id];
    if (slots.size() != spec.slots.size()) {
        return "a `" + spec.name + "` fact has " + std::to_string(spec.slots.size()) + " slots, not " +
               std::to_string(slots.size());
    }
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const SlotSpec& slot = spec.slots[i];
        const Value& value = slots[i];
        if (value.is_nil()) {
            if (slot.optional) continue;
            return "slot " + slot_text(spec, slot) + " needs a value";
        }
        if (!slot.is_list) {
            if (std::optional<std::string> problem = check_item(values, spec, slot, value)) return problem;
            continue;
        }
        if (value.type() != ValueType::List) {
            return "slot " + slot_text(spec, slot) + " holds a list of " + type_name(slot.type) + ", not " + values.render(value);
        }
        for (const Value& item : values.list_items(value.id())) {
            if (std::optional<std::string> problem = check_item(values, spec, slot, item)) return problem;
        }
    }
    return std::nullopt;
}

}  // namespace koers::engine
