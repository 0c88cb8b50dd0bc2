#include "engine/provenance.hpp"

namespace koers::engine {

FiringId FiringLog::record(RuleId rule, const Fact* const* facts, std::size_t positions, const std::vector<VariableSite>& sites,
                           const Value* locals)
{
    FiringRecord record;
    record.rule = rule;
    record.first_fact = facts_.size();
    record.fact_count = static_cast<std::uint32_t>(positions);
    for (std::size_t i = 0; i < positions; ++i) {
        const Fact* fact = facts[i];
        facts_.push_back(fact != nullptr && !fact->aggregate_result ? fact->id : 0);
    }
    record.first_value = values_.size();
    record.value_count = static_cast<std::uint32_t>(sites.size());
    for (const VariableSite& site : sites) values_.push_back(site.whole_fact ? Value() : locals[site.variable]);
    records_.push_back(record);
    return records_.size();
}

void FiringLog::clear()
{
    records_.clear();
    facts_.clear();
    values_.clear();
}

}  // namespace koers::engine
