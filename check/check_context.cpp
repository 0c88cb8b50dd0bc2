#include "check/check_context.hpp"

namespace koers::checks {

namespace {

std::string singular_type(ast::BaseType base)
{
    switch (base) {
    case ast::BaseType::Symbol: return "a symbol";
    case ast::BaseType::Text: return "text";
    case ast::BaseType::Int: return "a whole number";
    case ast::BaseType::Number: return "a number";
    case ast::BaseType::Bool: return "true or false";
    }
    return "a value";
}

}  // namespace

std::string CheckContext::location(const ast::Span& span) const
{
    std::string text = span.file < program.sources.size() ? program.sources.file(span.file).path : "?";
    return text + ':' + std::to_string(span.line) + ':' +
           std::to_string(character_column(span, program.sources));
}

std::string quoted(std::string_view name) { return "`" + std::string(name) + "`"; }

std::string quoted_variable(std::string_view name) { return "`?" + std::string(name) + "`"; }

std::string unknown_slot_message(const TemplateInfo& info, std::string_view slot)
{
    std::string message = "template " + quoted(info.decl->name.text) + " has no slot " + quoted(slot);
    if (info.slots.empty()) return message + "; it has no slots at all";
    return message + "; its slots are: " + info.slot_names();
}

std::string plural_type(ast::BaseType base)
{
    switch (base) {
    case ast::BaseType::Symbol: return "symbols";
    case ast::BaseType::Text: return "texts";
    case ast::BaseType::Int: return "whole numbers";
    case ast::BaseType::Number: return "numbers";
    case ast::BaseType::Bool: return "bools";
    }
    return "values";
}

std::string type_phrase(const ast::TypeRef& type)
{
    return type.is_list ? "a list of " + plural_type(type.base) : singular_type(type.base);
}

std::string slot_phrase(const TemplateInfo& info, const SlotInfo& slot)
{
    return "slot " + quoted(info.decl->name.text + "." + slot.decl->name.text);
}

std::string line_of(const ast::Span& span) { return "line " + std::to_string(span.line); }

}  // namespace koers::checks
