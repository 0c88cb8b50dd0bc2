// `why`: a fact or a piece of advice, the firing that made it, the facts that firing
// matched, and so on down to facts that came from outside.
#include <set>

#include "engine/session_state.hpp"

namespace koers::engine {

namespace {

// Deep enough for any reasoning chain a reader follows; a loop that modified a fact a
// thousand times is summarised instead of printed.
constexpr int max_depth = 64;

class Explainer {
public:
    explicit Explainer(const SessionState& state) : state_(state) {}

    Explanation fact(FactId id, int depth)
    {
        Explanation e;
        e.kind = Explanation::Kind::Fact;
        e.fact = id;
        const Fact* fact = state_.memory.find(id);
        if (fact == nullptr) {
            e.kind = Explanation::Kind::Unknown;
            e.text = "f-" + std::to_string(id) + " (no such fact)";
            e.live = false;
            return e;
        }
        e.text = "f-" + std::to_string(id) + " " + state_.fact_text(*fact);
        e.live = fact->live;
        e.input = fact->origin == 0;
        if (!seen_.insert(id).second) {
            e.repeated = true;
            return e;
        }
        if (!e.input) firing(e, fact->origin, depth);
        return e;
    }

    void firing(Explanation& e, FiringId id, int depth)
    {
        const FiringRecord& record = state_.log.at(id);
        const RuleSpec& rule = state_.rules.rules[record.rule];
        const RuleInfo& info = state_.net.rule(record.rule);
        e.firing = id;
        e.rule = rule.name;
        e.variant = rule.variant;
        e.rule_where = rule.where;
        const std::span<const Value> values = state_.log.values(record);
        for (std::size_t i = 0; i < info.sites.size() && i < values.size(); ++i) {
            const VariableSite& site = info.sites[i];
            if (site.whole_fact || site.variable >= rule.variables.size()) continue;
            e.bindings.emplace_back("?" + rule.variables[site.variable].name, state_.values.render(values[i]));
        }
        if (depth >= max_depth) {
            e.cut = true;
            return;
        }
        for (const FactId matched : state_.log.facts(record)) {
            if (matched != 0) e.because.push_back(fact(matched, depth + 1));
        }
    }

private:
    const SessionState& state_;
    std::set<FactId> seen_;
};

const char* severity_text(Severity severity)
{
    switch (severity) {
    case Severity::Info: return "info";
    case Severity::Notice: return "notice";
    case Severity::Warning: return "warning";
    case Severity::Critical: return "critical";
    }
    return "?";
}

void render(const Explanation& e, int indent, std::string& out)
{
    out.append(static_cast<std::size_t>(indent) * 2, ' ');
    out += e.text;
    if (e.input) out += "  [input]";
    else if (e.firing != 0) out += "  <- rule `" + e.rule + "` (firing " + std::to_string(e.firing) + ")";
    for (std::size_t i = 0; i < e.bindings.size(); ++i) {
        out += (i == 0 ? " with " : ", ") + e.bindings[i].first + " = " + e.bindings[i].second;
    }
    if (!e.live) out += "  (no longer present)";
    if (e.repeated) out += "  (see above)";
    if (e.cut) out += "  (...)";
    out += "\n";
    for (const Explanation& child : e.because) render(child, indent + 1, out);
}

}  // namespace

Explanation explain_fact(const SessionState& state, FactId id) { return Explainer(state).fact(id, 0); }

Explanation explain_advice(const SessionState& state, AdviceId id)
{
    Explanation e;
    if (id == 0 || id > state.advice.size()) {
        e.text = "advice " + std::to_string(id) + " (no such advice)";
        e.live = false;
        return e;
    }
    const Advice& advice = state.advice[id - 1];
    e.kind = Explanation::Kind::Advice;
    e.advice = id;
    e.text = "advice " + state.values.string(advice.topic) + " (" + severity_text(advice.severity) + ")";
    e.live = advice.live;
    Explainer(state).firing(e, advice.firing, 0);
    return e;
}

std::string render_explanation(const Explanation& explanation)
{
    std::string out;
    render(explanation, 0, out);
    return out;
}

}  // namespace koers::engine
