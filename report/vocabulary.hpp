// Words for what a session holds, from the ruleset's own `term` and `report_section`
// facts (so domain experts edit them beside the rules), falling back to the names in the
// source when a term is missing.
//
//   term(kind: template, name: pole, nl: "...", en: "...")
//   term(kind: slot, name: pole, slot: value, nl: "...", en: "...")
//   term(kind: value, name: selective, nl: "...", en: "...")
//   report_section(topic: pole_overdone, order: 3, nl: "...", en: "...")
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/session.hpp"
#include "report/report.hpp"

namespace koers::report {

// The live facts of a session, grouped by template: read once per report.
class SessionFacts {
public:
    explicit SessionFacts(const engine::Session& session);
    [[nodiscard]] const engine::Session& session() const { return session_; }
    [[nodiscard]] const std::vector<engine::FactView>& of(engine::TemplateId id) const;

private:
    const engine::Session& session_;
    std::vector<std::vector<engine::FactView>> by_template_;
};

// The live facts of one template, with their slots found by name.
class FactTable {
public:
    FactTable(const SessionFacts& facts, std::string_view template_name);
    [[nodiscard]] const std::vector<engine::FactView>& rows() const { return rows_; }
    [[nodiscard]] bool known() const { return template_id_.has_value(); }
    // The slot's value in `row`; nil when the template has no such slot.
    [[nodiscard]] engine::Value get(const engine::FactView& row, std::string_view slot) const;
    [[nodiscard]] std::string text(const engine::FactView& row, std::string_view slot) const;

private:
    const engine::Session& session_;
    std::optional<engine::TemplateId> template_id_;
    std::vector<engine::FactView> rows_;
};

class Vocabulary {
public:
    Vocabulary(const SessionFacts& facts, Language language);

    [[nodiscard]] Language language() const { return language_; }
    [[nodiscard]] std::string template_term(engine::TemplateId id) const;
    [[nodiscard]] std::string slot_term(engine::TemplateId id, engine::SlotIndex slot) const;
    // A value in words: symbols by their term, yes/no, numbers as written, texts quoted.
    [[nodiscard]] std::string value(const engine::Value& value) const;
    // The term of a symbol, or the symbol itself.
    [[nodiscard]] std::string symbol(const std::string& name) const;
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> sections() const;  // topic, heading
    [[nodiscard]] std::string section_heading(const std::string& topic) const;
    [[nodiscard]] int section_order(const std::string& topic) const;

private:
    const engine::Session& session_;
    Language language_;
    std::map<std::pair<std::string, std::string>, std::string> templates_and_slots_;  // (template, slot or "")
    std::map<std::string, std::string> values_;
    std::vector<std::pair<int, std::pair<std::string, std::string>>> sections_;  // order, topic, heading
};

// `1.5`, `-2`, `0.75`: numbers as a report writes them.
std::string number_text(double number);

}  // namespace koers::report
