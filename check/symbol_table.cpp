#include "check/symbol_table.hpp"

namespace koers::checks {

const SlotInfo* TemplateInfo::find_slot(std::string_view name) const
{
    for (const SlotInfo& slot : slots) {
        if (slot.decl->name.text == name) return &slot;
    }
    return nullptr;
}

std::string TemplateInfo::slot_names() const
{
    std::string names;
    for (const SlotInfo& slot : slots) {
        if (!names.empty()) names += ", ";
        names += slot.decl->name.text;
    }
    return names;
}

const TemplateInfo* SymbolTable::find_template(std::string_view name) const
{
    const auto found = templates.find(name);
    return found == templates.end() ? nullptr : &found->second;
}

}  // namespace koers::checks
