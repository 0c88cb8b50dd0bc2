// State shared by the checker's passes, and the helpers that word their messages.
#pragma once

#include <string>
#include <string_view>

#include "check/program.hpp"
#include "check/symbol_table.hpp"
#include "grammar/diagnostic.hpp"

namespace koers::checks {

struct CheckContext {
    const Program& program;
    Diagnostics& diagnostics;
    SymbolTable symbols;

    // "path:line:col", the column in characters.
    [[nodiscard]] std::string location(const ast::Span& span) const;
};

// "`name`"
std::string quoted(std::string_view name);
// "`?name`"
std::string quoted_variable(std::string_view name);
// "template `pole` has no slot `valeu`; its slots are: paradox, value"
std::string unknown_slot_message(const TemplateInfo& info, std::string_view slot);
// "symbols", "whole numbers"
std::string plural_type(ast::BaseType base);
// "a number", "a list of symbols"
std::string type_phrase(const ast::TypeRef& type);
// "slot `pole.value`"
std::string slot_phrase(const TemplateInfo& info, const SlotInfo& slot);
// "line 7"
std::string line_of(const ast::Span& span);

}  // namespace koers::checks
