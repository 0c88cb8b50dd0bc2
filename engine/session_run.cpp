// The recognise-act cycle: take the next activation of the stage in focus, fire it, and
// stop when the agenda is empty, a rule halts, a limit is reached or an error occurs.
#include <algorithm>
#include <set>

#include "engine/session_state.hpp"

namespace koers::engine {

namespace {

// How often the clock is read: rarely enough to cost nothing, often enough to stop
// within milliseconds of the time limit.
constexpr std::uint64_t clock_interval = 256;

std::string duration_text(std::chrono::milliseconds time)
{
    if (time.count() % 1000 == 0) return std::to_string(time.count() / 1000) + " s";
    return std::to_string(time.count()) + " ms";
}

}  // namespace

void SessionState::limit_reached(const std::string& what)
{
    std::string message = "the run stopped at " + what;
    SourceRef where;
    const std::size_t seen = std::min<std::uint64_t>(total_firings, recent.size());
    if (seen > 0) {
        const RuleId last = recent[(total_firings - 1) % recent.size()];
        message += "; the last rule to fire was `" + rules.rules[last].name + "`";
        where = rules.rules[last].where;
        std::set<std::string> names;
        for (std::size_t i = 0; i < seen; ++i) names.insert(rules.rules[recent[i]].name);
        message += "; the last " + std::to_string(seen) + " firings were of ";
        bool first = true;
        for (const std::string& name : names) {
            message += (first ? "`" : ", `") + name + "`";
            first = false;
        }
    }
    fail(RuntimeError{std::move(message), where, {}}, true);
}

RunResult SessionState::run(const RunOptions& options)
{
    const auto started = std::chrono::steady_clock::now();
    RunResult result;
    agenda.set_strategy(options.strategy);
    limits = &options.limits;
    error.reset();
    limit_hit = false;
    halted = false;
    if (focus.empty()) focus.push_back(0);
    while (!error && !halted) {
        if (result.firings >= options.limits.max_firings) {
            limit_reached("the limit of " + std::to_string(options.limits.max_firings) + " firings");
            break;
        }
        if (result.firings % clock_interval == 0 && std::chrono::steady_clock::now() - started >= options.limits.max_time) {
            limit_reached("the time limit of " + duration_text(options.limits.max_time));
            break;
        }
        Activation* activation = agenda.pop(focus.back());
        if (activation == nullptr) {
            focus.pop_back();
            if (focus.empty()) break;
            continue;
        }
        fire(activation);
        ++result.firings;
    }
    limits = nullptr;
    result.elapsed = std::chrono::steady_clock::now() - started;
    result.peak_memory = meter.peak();
    if (error) {
        result.stop = limit_hit ? StopReason::Limit : StopReason::Error;
        result.error = std::move(error);
        result.partial = true;
        error.reset();
    } else if (halted) {
        result.stop = StopReason::Halted;
    }
    return result;
}

void SessionState::fire(Activation* activation)
{
    const RuleId rule_id = activation->rule;
    const RuleSpec& rule = rules.rules[rule_id];
    const RuleInfo& info = net.rule(rule_id);
    Token* token = activation->token;
    // The match's values are copied first: actions may retract the facts they came from.
    for (const VariableSite& site : info.sites) {
        Fact* fact = token->facts()[site.position];
        if (site.whole_fact) local_facts[site.variable] = fact;
        else locals[site.variable] = fact->slot(site.slot);
    }
    activation->state = Activation::State::Firing;
    current = activation;
    current_firing = log.record(rule_id, token->facts(), info.positions, info.sites, locals.data());
    recent[total_firings % recent.size()] = rule_id;
    ++total_firings;
    if (rule_id >= fired.size()) fired.resize(rule_id + 1, 0);
    ++fired[rule_id];
    trace([&] { return "FIRE " + std::to_string(current_firing) + " " + rule.name + ": " + match_text(*token); });
    for (const CompiledAction& action : info.actions) {
        if (!execute(action, rule) || error) break;
    }
    if (activation->state == Activation::State::Orphaned) activations.release(activation);
    else activation->state = Activation::State::Fired;
    current = nullptr;
    current_firing = 0;
}

}  // namespace koers::engine
