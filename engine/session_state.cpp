#include "engine/session_state.hpp"

#include <algorithm>
#include <new>

#include <spdlog/spdlog.h>

namespace koers::engine {

SessionState::SessionState(std::shared_ptr<const Network> network, bool trace)
    : keep(std::move(network)), net(*keep), rules(net.rules()), values(net.rules().values), meter(),
      evaluator(net.exprs(), net.function_bodies(), values), memory(meter), agenda(net), activations(sizeof(Activation), meter),
      tms(meter), tracing(trace), logger(spdlog::default_logger()),
      matcher(net, evaluator, meter, *this)
{
    locals.resize(net.max_variables());
    local_facts.resize(net.max_variables(), nullptr);
    focus.push_back(0);
    matcher.start();
    settle();
}

SessionState::~SessionState() = default;

void SessionState::log_trace(const std::string& line) const { logger->debug("{}", line); }

void SessionState::fail(RuntimeError failure, bool limit)
{
    if (error) return;
    error = std::move(failure);
    limit_hit = limit;
}

Asserted SessionState::assert_fact(const AssertRequest& request)
{
    const SourceRef& where = request.where != nullptr ? *request.where : SourceRef{};
    const RuleSpec* rule = current != nullptr ? &rules.rules[current->rule] : nullptr;
    if (std::optional<std::string> problem = check_fact(rules, values, request.template_id, request.slots)) {
        fail(RuntimeError{std::move(*problem), where, rule != nullptr ? rule->name : std::string()});
        return {};
    }
    // A logical assertion whose match went away in this very firing has nothing to hold it.
    if (request.logical && request.support == nullptr) return {};
    const std::uint64_t hash = WorkingMemory::hash_of(request.template_id, request.slots);
    if (Fact* existing = memory.find_equal(request.template_id, request.slots, hash)) {
        if (!request.logical && !existing->unconditional) {
            tms.drop_supports(existing);
            existing->unconditional = true;
        } else if (request.logical && !existing->unconditional) {
            tms.support(request.support, existing);
        }
        return {existing, true};
    }
    if (limits != nullptr && memory.live_count() >= limits->max_facts) {
        limit_reached("the limit of " + std::to_string(limits->max_facts) + " facts");
        return {};
    }
    Fact* fact = memory.create(request.template_id, request.slots, hash, request.origin);
    fact->unconditional = !request.logical;
    if (request.logical) tms.support(request.support, fact);
    trace([&] { return "==> f-" + std::to_string(fact->id) + " " + fact_text(*fact); });
    matcher.add_fact(fact);
    settle();
    return {fact, false};
}

void SessionState::assert_initial_facts()
{
    for (const FactValue& fact : rules.initial_facts) {
        AssertRequest request;
        request.template_id = fact.template_id;
        request.slots = fact.slots;
        request.where = &fact.where;
        error.reset();
        assert_fact(request);
    }
    error.reset();
}

bool SessionState::retract_fact(Fact* fact)
{
    if (!fact->live) return false;
    retract_now(fact);
    settle();
    return true;
}

void SessionState::retract_now(Fact* fact)
{
    memory.retract(fact);
    tms.drop_supports(fact);
    trace([&] { return "<== f-" + std::to_string(fact->id) + " " + fact_text(*fact); });
    matcher.remove_fact(fact);
}

void SessionState::settle()
{
    // Oldest first; retracting one may add more.
    for (std::size_t i = 0; i < unsupported.size(); ++i) {
        Fact* fact = unsupported[i];
        if (fact->live && !fact->unconditional && fact->supports == nullptr) retract_now(fact);
    }
    unsupported.clear();
    if (std::optional<RuntimeError> problem = evaluator.take_error()) {
        if (current != nullptr) problem->rule = rules.rules[current->rule].name;
        fail(std::move(*problem));
    }
}

void SessionState::match_added(Token* token, RuleId rule)
{
    auto* activation = new (activations.allocate()) Activation{};
    activation->token = token;
    activation->rule = rule;
    activation->sequence = ++activation_sequence;
    const RuleInfo& info = net.rule(rule);
    activation->stage = info.stage;
    activation->group = info.salience_group;
    token->state.activation = activation;
    agenda.add(activation);
    trace([&] { return "==> activation " + rules.rules[rule].name + ": " + match_text(*token); });
}

void SessionState::match_removed(Token* token)
{
    Activation* activation = token->state.activation;
    switch (activation->state) {
    case Activation::State::Waiting:
        trace([&] { return "<== activation " + rules.rules[activation->rule].name + ": " + match_text(*token); });
        agenda.remove(activation);
        activations.release(activation);
        break;
    case Activation::State::Fired:
        withdraw(activation);
        activations.release(activation);
        break;
    case Activation::State::Firing:
        withdraw(activation);
        activation->token = nullptr;
        activation->state = Activation::State::Orphaned;
        break;
    case Activation::State::Orphaned: break;
    }
}

void SessionState::withdraw(Activation* activation)
{
    if (activation->supports == nullptr) return;
    withdrawn.clear();
    tms.withdraw(activation, unsupported, withdrawn);
    for (const AdviceId id : withdrawn) {
        advice[id - 1].live = false;
        trace([&] { return "<== advice " + std::to_string(id) + " " + values.string(advice[id - 1].topic); });
    }
}

std::string SessionState::fact_text(const Fact& fact) const
{
    if (fact.template_id >= rules.templates.size()) return "?";
    const TemplateSpec& spec = rules.templates[fact.template_id];
    std::string out = spec.name + "(";
    for (std::uint32_t i = 0; i < fact.slot_count && i < spec.slots.size(); ++i) {
        if (i > 0) out += ", ";
        out += spec.slots[i].name + ": " + values.render(fact.slot(i));
    }
    return out + ")";
}

std::string SessionState::match_text(const Token& token) const
{
    std::string out;
    for (std::uint16_t i = 0; i < token.depth; ++i) {
        if (i > 0) out += ",";
        const Fact* fact = token.facts()[i];
        out += fact != nullptr && !fact->aggregate_result ? "f-" + std::to_string(fact->id) : "*";
    }
    return out;
}

}  // namespace koers::engine
