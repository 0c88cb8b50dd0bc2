// What happened in a session: every firing (rule, matched facts, variable values) and
// every piece of advice, kept in compact arrays so that long runs stay cheap.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "engine/fact.hpp"
#include "engine/network.hpp"
#include "engine/tms.hpp"

namespace koers::engine {

// A firing's number is its place in the log plus one.
struct FiringRecord {
    RuleId rule = 0;  // which variant, too: each variant is a RuleSpec of its own
    std::uint32_t fact_count = 0;
    std::uint32_t value_count = 0;
    std::size_t first_fact = 0;
    std::size_t first_value = 0;
};

class FiringLog {
public:
    // Records a firing: the fact at each position of the match (0 where a `not`, `exists`
    // or aggregate stands) and the value of each variable of the rule's sites (nil for
    // fact variables).
    FiringId record(RuleId rule, const Fact* const* facts, std::size_t positions, const std::vector<VariableSite>& sites,
                    const Value* locals);
    void clear();

    [[nodiscard]] std::size_t size() const { return records_.size(); }
    [[nodiscard]] const FiringRecord& at(FiringId id) const { return records_[id - 1]; }
    [[nodiscard]] const std::vector<FiringRecord>& records() const { return records_; }
    [[nodiscard]] std::span<const FactId> facts(const FiringRecord& record) const
    {
        return {facts_.data() + record.first_fact, record.fact_count};
    }
    [[nodiscard]] std::span<const Value> values(const FiringRecord& record) const
    {
        return {values_.data() + record.first_value, record.value_count};
    }

private:
    std::vector<FiringRecord> records_;
    std::vector<FactId> facts_;
    std::vector<Value> values_;
};

struct Advice {
    AdviceId id = 0;
    InternId topic = 0;  // symbol id
    Severity severity = Severity::Notice;
    std::vector<std::pair<InternId, Value>> links;  // key symbol id, value
    std::vector<std::pair<InternId, std::string>> texts;  // language symbol id, text
    RuleId rule = 0;
    FiringId firing = 0;
    bool live = true;
};

}  // namespace koers::engine
