// Every named declaration of a program, found once across all its files.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/constant_value.hpp"
#include "check/program.hpp"
#include "grammar/ast.hpp"
#include "grammar/diagnostic.hpp"

namespace koers::checks {

// The values a slot's `in` clause allows, once the clause itself checked clean.
struct AllowedValues {
    ast::Domain::Kind kind = ast::Domain::Kind::Set;
    std::vector<ConstantValue> set;
    ConstantValue low;
    ConstantValue high;
};

struct SlotInfo {
    const ast::SlotDecl* decl = nullptr;
    std::optional<AllowedValues> allowed;
};

struct TemplateInfo {
    const ast::TemplateDecl* decl = nullptr;
    std::vector<SlotInfo> slots;  // in declaration order, first of each name only

    [[nodiscard]] const SlotInfo* find_slot(std::string_view name) const;
    // "paradox, value"
    [[nodiscard]] std::string slot_names() const;
};

struct SymbolTable {
    std::map<std::string, TemplateInfo, std::less<>> templates;
    std::map<std::string, const ast::RuleDecl*, std::less<>> rules;
    std::map<std::string, const ast::FunctionDecl*, std::less<>> functions;
    std::map<std::string, const ast::StageDecl*, std::less<>> stages;

    [[nodiscard]] const TemplateInfo* find_template(std::string_view name) const;
};

// Names of a table's entries, for "did you mean" hints.
template <typename Map>
std::vector<std::string_view> names_of(const Map& map)
{
    std::vector<std::string_view> names;
    names.reserve(map.size());
    for (const auto& entry : map) names.push_back(entry.first);
    return names;
}

}  // namespace koers::checks
