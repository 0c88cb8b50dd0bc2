#include "report/vocabulary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/phrases.hpp"

namespace koers::report {

SessionFacts::SessionFacts(const engine::Session& session)
    : session_(session), by_template_(session.network().rules().templates.size())
{
    for (const engine::FactView& fact : session.facts()) by_template_[fact.template_id].push_back(fact);
}

const std::vector<engine::FactView>& SessionFacts::of(engine::TemplateId id) const { return by_template_.at(id); }

FactTable::FactTable(const SessionFacts& facts, std::string_view template_name) : session_(facts.session())
{
    const engine::RuleSet& rules = session_.network().rules();
    for (engine::TemplateId id = 0; id < rules.templates.size(); ++id) {
        if (rules.templates[id].name == template_name) template_id_ = id;
    }
    if (template_id_) rows_ = facts.of(*template_id_);
}

engine::Value FactTable::get(const engine::FactView& row, std::string_view slot) const
{
    const engine::TemplateSpec& spec = session_.network().rules().templates[row.template_id];
    for (std::size_t i = 0; i < spec.slots.size(); ++i) {
        if (spec.slots[i].name == slot) return row.slots[i];
    }
    return {};
}

std::string FactTable::text(const engine::FactView& row, std::string_view slot) const
{
    const engine::Value value = get(row, slot);
    return value.is_nil() ? std::string() : session_.values().display(value);
}

std::string number_text(double number)
{
    if (number == std::floor(number) && std::fabs(number) < 1e15) return std::to_string(static_cast<long long>(number));
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", number);
    std::string result = text;
    while (result.back() == '0') result.pop_back();
    return result;
}

Vocabulary::Vocabulary(const SessionFacts& facts, Language language) : session_(facts.session()), language_(language)
{
    const char* const language_slot = language == Language::Nl ? "nl" : "en";
    const FactTable terms(facts, "term");
    for (const engine::FactView& row : terms.rows()) {
        const std::string kind = terms.text(row, "kind");
        const std::string of = terms.text(row, "name");
        const std::string words = terms.text(row, language_slot);
        if (kind == "value") values_[of] = words;
        else if (kind == "template") templates_and_slots_[{of, ""}] = words;
        else if (kind == "slot") templates_and_slots_[{of, terms.text(row, "slot")}] = words;
    }
    const FactTable sections(facts, "report_section");
    for (const engine::FactView& row : sections.rows()) {
        const engine::Value order = sections.get(row, "order");
        sections_.push_back({order.is_numeric() ? static_cast<int>(order.as_number()) : 0,
                             {sections.text(row, "topic"), sections.text(row, language_slot)}});
    }
    std::sort(sections_.begin(), sections_.end());
}

std::string Vocabulary::template_term(engine::TemplateId id) const
{
    const std::string& name = session_.network().rules().templates[id].name;
    const auto found = templates_and_slots_.find({name, ""});
    return found != templates_and_slots_.end() ? found->second : name;
}

std::string Vocabulary::slot_term(engine::TemplateId id, engine::SlotIndex slot) const
{
    const engine::TemplateSpec& spec = session_.network().rules().templates[id];
    const auto found = templates_and_slots_.find({spec.name, spec.slots[slot].name});
    return found != templates_and_slots_.end() ? found->second : spec.slots[slot].name;
}

std::string Vocabulary::symbol(const std::string& name) const
{
    const auto found = values_.find(name);
    return found != values_.end() ? found->second : name;
}

std::string Vocabulary::value(const engine::Value& value) const
{
    switch (value.type()) {
    case engine::ValueType::Nil: return "-";
    case engine::ValueType::Bool: return phrase(language_, value.as_bool() ? Phrase::Yes : Phrase::No);
    case engine::ValueType::Int:
    case engine::ValueType::Number: return number_text(value.as_number());
    case engine::ValueType::Symbol: return symbol(session_.values().display(value));
    case engine::ValueType::Text: return "\"" + session_.values().display(value) + "\"";
    case engine::ValueType::List: {
        std::string text;
        for (const engine::Value& item : session_.values().list_items(value.id())) {
            text += (text.empty() ? "" : ", ") + this->value(item);
        }
        return text;
    }
    }
    return {};
}

std::vector<std::pair<std::string, std::string>> Vocabulary::sections() const
{
    std::vector<std::pair<std::string, std::string>> result;
    for (const auto& entry : sections_) result.push_back(entry.second);
    return result;
}

std::string Vocabulary::section_heading(const std::string& topic) const
{
    for (const auto& entry : sections_) {
        if (entry.second.first == topic) return entry.second.second;
    }
    return topic;
}

int Vocabulary::section_order(const std::string& topic) const
{
    for (const auto& entry : sections_) {
        if (entry.second.first == topic) return entry.first;
    }
    return 1000;
}

}  // namespace koers::report
