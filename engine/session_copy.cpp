// Copying a session's state: the members are copied, the pooled objects byte for byte,
// and then every pointer is moved to the copy (relocation.hpp). Sessions of a ruleset
// start as copies of the state right after its initial facts (Network::initial_state).
#include "engine/session_state.hpp"

#include <spdlog/spdlog.h>

namespace koers::engine {

SessionState::SessionState(const SessionState& source, std::shared_ptr<const Network> network)
    : SessionState(source, std::move(network), Relocation{})
{
}

SessionState::SessionState(const SessionState& source, std::shared_ptr<const Network> network, Relocation&& relocation)
    : keep(std::move(network)), net(*keep), rules(net.rules()), values(source.values), meter(source.meter),
      copied_chunks(relocation.make_room(source.memory.pool_units() + source.activations.units() + source.tms.pool_units() +
                                         source.matcher.pool_units())),
      evaluator(net.exprs(), net.function_bodies(), values), memory(source.memory, meter, relocation), agenda(source.agenda),
      activations(source.activations, meter, relocation), tms(source.tms, meter, relocation), log(source.log),
      advice(source.advice), output(source.output), fired(source.fired), focus(source.focus),
      unsupported(source.unsupported), activation_sequence(source.activation_sequence), recent(source.recent),
      total_firings(source.total_firings), tracing(source.tracing), logger(spdlog::default_logger()), current(source.current),
      current_firing(source.current_firing), locals(source.locals), local_facts(source.local_facts), halted(source.halted),
      error(source.error), limit_hit(source.limit_hit), matcher(source.matcher, evaluator, meter, *this, relocation)
{
    relocation.seal();
    memory.relocate(relocation);
    activations.relocate(relocation, [&](void* block) {
        auto* activation = static_cast<Activation*>(block);
        activation->token = relocation(activation->token);
        activation->prev = relocation(activation->prev);
        activation->next = relocation(activation->next);
        activation->supports = relocation(activation->supports);
    });
    tms.relocate(relocation);
    agenda.relocate(relocation);
    matcher.relocate(source.matcher, relocation);
    current = relocation(current);
    for (Fact*& fact : unsupported) fact = relocation(fact);
    for (Fact*& fact : local_facts) fact = relocation(fact);
}

std::unique_ptr<const SessionState> initial_state_of(const Network& network)
{
    // The state must not keep its own network alive: the network owns it.
    auto state = std::make_unique<SessionState>(std::shared_ptr<const Network>(std::shared_ptr<const Network>(), &network), false);
    state->assert_initial_facts();
    // Copies of a copy find its pools in one piece of memory, which is quicker to copy
    // and to relocate from. This copy never grows, so its pools need no spare chunks.
    return std::unique_ptr<const SessionState>(new SessionState(*state, state->keep, Relocation(false)));
}

}  // namespace koers::engine
