#include "engine/network.hpp"

#include "engine/session_state.hpp"

namespace koers::engine {

Network::Network() = default;
Network::~Network() = default;

std::vector<RuleId> Network::rules_named(std::string_view name) const
{
    std::vector<RuleId> found;
    for (RuleId id = 0; id < rules_->rules.size(); ++id) {
        if (rules_->rules[id].name == name) found.push_back(id);
    }
    return found;
}

NetworkStats Network::stats() const
{
    NetworkStats stats;
    stats.alpha_memories = alpha_.size();
    for (const Node& node : nodes_) {
        switch (node.kind) {
        case NodeKind::Join: ++stats.joins; break;
        case NodeKind::Negative: ++stats.negatives; break;
        case NodeKind::Filter: ++stats.filters; break;
        case NodeKind::Owner: ++stats.owners; break;
        case NodeKind::Terminal: ++stats.terminals; break;
        default: break;
        }
    }
    return stats;
}

}  // namespace koers::engine
