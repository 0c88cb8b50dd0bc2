#include "compile/facts.hpp"

#include <string>
#include <vector>

#include "compile/constant_eval.hpp"
#include "compile/expressions.hpp"

namespace koers::compile {

std::optional<engine::Value> constant_value(CompileContext& context, const ast::Expr& expr)
{
    // Most values in facts are literals, which need no expression to be computed.
    if (std::optional<engine::Value> literal = literal_value(context, expr)) return literal;
    const std::size_t errors_before = context.errors();
    const engine::ExprSpec spec = compile_expression(context, expr, ExprEnvironment{});
    if (context.errors() != errors_before) return std::nullopt;
    std::string error;
    std::optional<engine::Value> value = evaluate_constant(spec, context.rules(), context.values(), error);
    if (!value) context.bad_constant(expr.span, "this value cannot be computed: " + error);
    return value;
}

engine::Value fit_item_to_slot(const engine::SlotSpec& slot, const engine::Value& value)
{
    if (slot.type == engine::ValueType::Number && value.type() == engine::ValueType::Int) {
        return engine::Value::number(value.as_number());
    }
    return value;
}

engine::Value fit_to_slot(CompileContext& context, const engine::SlotSpec& slot, const engine::Value& value)
{
    if (slot.type != engine::ValueType::Number) return value;
    if (value.type() != engine::ValueType::List || !slot.is_list) return fit_item_to_slot(slot, value);
    std::vector<engine::Value> items = context.values().list_items(value.id());
    for (engine::Value& item : items) item = fit_item_to_slot(slot, item);
    return context.values().list(std::move(items));
}

std::optional<engine::Value> absent_slot_value(const engine::SlotSpec& slot)
{
    if (slot.default_value) return slot.default_value;
    if (slot.optional) return engine::Value{};
    return std::nullopt;
}

std::optional<engine::FactValue> compile_fact(CompileContext& context, const ast::FactSpec& fact)
{
    const TemplateEntry* entry = context.find_template(fact.template_name.text);
    if (entry == nullptr) {
        context.internal_error(fact.template_name.span, "unknown template " + quoted(fact.template_name.text));
        return std::nullopt;
    }
    const engine::TemplateSpec& spec = context.rules().templates[entry->id];
    engine::FactValue result;
    result.template_id = entry->id;
    result.where = context.where(fact.span);
    const std::size_t errors_before = context.errors();
    std::vector<std::optional<engine::Value>> slots(spec.slots.size());
    for (const ast::SlotValue& value : fact.slots) {
        const std::optional<engine::SlotIndex> index = context.find_slot(entry->id, value.slot.text);
        if (!index) {
            context.internal_error(value.slot.span, "template " + quoted(spec.name) + " has no slot " +
                                                        quoted(value.slot.text));
            continue;
        }
        const std::optional<engine::Value> constant = constant_value(context, value.value);
        if (constant) slots[*index] = fit_to_slot(context, spec.slots[*index], *constant);
    }
    if (context.errors() != errors_before) return std::nullopt;
    for (std::size_t index = 0; index < spec.slots.size(); ++index) {
        if (!slots[index]) slots[index] = absent_slot_value(spec.slots[index]);
        if (!slots[index]) {
            context.internal_error(fact.template_name.span, "the fact leaves out the required slot " +
                                                                quoted(spec.slots[index].name));
            return std::nullopt;
        }
        result.slots.push_back(*slots[index]);
    }
    return result;
}

}  // namespace koers::compile
