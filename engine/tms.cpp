#include "engine/tms.hpp"

#include <new>

namespace koers::engine {

void TruthMaintenance::relocate(const Relocation& relocation)
{
    supports_.relocate(relocation, [&](void* block) {
        auto* support = static_cast<Support*>(block);
        support->activation = relocation(support->activation);
        support->next_of_activation = relocation(support->next_of_activation);
        support->prev_of_activation = relocation(support->prev_of_activation);
        support->fact = relocation(support->fact);
        support->next_of_fact = relocation(support->next_of_fact);
        support->prev_of_fact = relocation(support->prev_of_fact);
    });
}

Support* TruthMaintenance::make(Activation* activation)
{
    auto* support = new (supports_.allocate()) Support{};
    support->activation = activation;
    support->next_of_activation = activation->supports;
    if (activation->supports != nullptr) activation->supports->prev_of_activation = support;
    activation->supports = support;
    return support;
}

void TruthMaintenance::support(Activation* activation, Fact* fact)
{
    Support* support = make(activation);
    support->fact = fact;
    support->next_of_fact = fact->supports;
    if (fact->supports != nullptr) fact->supports->prev_of_fact = support;
    fact->supports = support;
}

void TruthMaintenance::support(Activation* activation, AdviceId advice) { make(activation)->advice = advice; }

void TruthMaintenance::unlink_from_activation(Support* support)
{
    if (support->prev_of_activation != nullptr) support->prev_of_activation->next_of_activation = support->next_of_activation;
    else support->activation->supports = support->next_of_activation;
    if (support->next_of_activation != nullptr) support->next_of_activation->prev_of_activation = support->prev_of_activation;
}

void TruthMaintenance::drop_supports(Fact* fact)
{
    for (Support* support = fact->supports; support != nullptr;) {
        Support* next = support->next_of_fact;
        unlink_from_activation(support);
        supports_.release(support);
        support = next;
    }
    fact->supports = nullptr;
}

void TruthMaintenance::withdraw(Activation* activation, std::vector<Fact*>& unsupported, std::vector<AdviceId>& withdrawn)
{
    for (Support* support = activation->supports; support != nullptr;) {
        Support* next = support->next_of_activation;
        if (Fact* fact = support->fact; fact != nullptr) {
            if (support->prev_of_fact != nullptr) support->prev_of_fact->next_of_fact = support->next_of_fact;
            else fact->supports = support->next_of_fact;
            if (support->next_of_fact != nullptr) support->next_of_fact->prev_of_fact = support->prev_of_fact;
            if (fact->supports == nullptr && !fact->unconditional && fact->live) unsupported.push_back(fact);
        } else {
            withdrawn.push_back(support->advice);
        }
        supports_.release(support);
        support = next;
    }
    activation->supports = nullptr;
}

}  // namespace koers::engine
