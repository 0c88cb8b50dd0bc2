// Facts with constant values (facts blocks, a test's given facts) and the slot values
// that every fact shares: defaults for slots left out, ints widened in number slots.
#pragma once

#include <optional>

#include "compile/compile_context.hpp"

namespace koers::compile {

// The value of an expression that must be constant; reports why when it has none.
std::optional<engine::Value> constant_value(CompileContext& context, const ast::Expr& expr);

// The value as the slot holds it: an int in a number slot (or a list of numbers)
// becomes a number, so that every fact of a template stores one type per slot.
engine::Value fit_to_slot(CompileContext& context, const engine::SlotSpec& slot, const engine::Value& value);
// The same for one element of the slot's type (an allowed value, an item of a list slot).
engine::Value fit_item_to_slot(const engine::SlotSpec& slot, const engine::Value& value);

// The value of a slot a fact leaves out: its default, or nil when it is optional;
// nothing for a required slot.
std::optional<engine::Value> absent_slot_value(const engine::SlotSpec& slot);

// A fact with every slot filled, in the template's order.
std::optional<engine::FactValue> compile_fact(CompileContext& context, const ast::FactSpec& fact);

}  // namespace koers::compile
