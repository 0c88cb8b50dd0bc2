#include "engine/agenda.hpp"

#include <algorithm>
#include <functional>

#include <boost/container/small_vector.hpp>

#include "engine/token.hpp"

namespace koers::engine {

namespace {

using TimeTags = boost::container::small_vector<std::uint64_t, 8>;

std::uint64_t time_tag(const Fact* fact) { return fact != nullptr ? fact->time_tag : 0; }

TimeTags recency(const Activation* activation)
{
    const Token* token = activation->token;
    TimeTags tags;
    for (std::uint16_t i = 0; i < token->depth; ++i) tags.push_back(time_tag(token->facts()[i]));
    std::sort(tags.begin(), tags.end(), std::greater<>());
    return tags;
}

// Negative when `a` is more recent than `b` (it goes first), positive when less.
int compare_recency(const Activation* a, const Activation* b)
{
    const TimeTags left = recency(a);
    const TimeTags right = recency(b);
    const std::size_t n = std::min(left.size(), right.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (left[i] != right[i]) return left[i] > right[i] ? -1 : 1;
    }
    if (left.size() != right.size()) return left.size() > right.size() ? -1 : 1;
    return 0;
}

}  // namespace

Agenda::Agenda(const Network& network) : network_(&network), stages_(network.stage_count())
{
    for (StageId stage = 0; stage < network.stage_count(); ++stage) {
        stages_[stage].resize(network.stage(stage).saliences.size());
    }
}

bool Agenda::before(const Activation* a, const Activation* b) const
{
    switch (strategy_) {
    case Strategy::Depth: return a->sequence > b->sequence;
    case Strategy::Breadth: return a->sequence < b->sequence;
    case Strategy::Mea: {
        const std::uint64_t first_a = a->token->depth > 0 ? time_tag(a->token->facts()[0]) : 0;
        const std::uint64_t first_b = b->token->depth > 0 ? time_tag(b->token->facts()[0]) : 0;
        if (first_a != first_b) return first_a > first_b;
        [[fallthrough]];
    }
    case Strategy::Lex: {
        const int order = compare_recency(a, b);
        if (order != 0) return order < 0;
        // As CLIPS 6.30: the more specific rule first, then the older activation.
        const std::uint32_t specificity_a = network_->rule(a->rule).specificity;
        const std::uint32_t specificity_b = network_->rule(b->rule).specificity;
        if (specificity_a != specificity_b) return specificity_a > specificity_b;
        return a->sequence < b->sequence;
    }
    }
    return false;
}

void Agenda::insert_before(Group& group, Activation* activation, Activation* next)
{
    activation->next = next;
    activation->prev = next != nullptr ? next->prev : group.tail;
    if (activation->prev != nullptr) activation->prev->next = activation;
    else group.head = activation;
    if (next != nullptr) next->prev = activation;
    else group.tail = activation;
}

void Agenda::add(Activation* activation)
{
    Group& group = stages_[activation->stage][activation->group];
    Activation* next = nullptr;
    switch (strategy_) {
    case Strategy::Depth: next = group.head; break;  // the newest always goes first
    case Strategy::Breadth: break;  // and last here
    default:
        next = group.head;
        while (next != nullptr && !before(activation, next)) next = next->next;
        break;
    }
    insert_before(group, activation, next);
    activation->state = Activation::State::Waiting;
    ++size_;
}

void Agenda::remove(Activation* activation)
{
    Group& group = stages_[activation->stage][activation->group];
    if (activation->prev != nullptr) activation->prev->next = activation->next;
    else group.head = activation->next;
    if (activation->next != nullptr) activation->next->prev = activation->prev;
    else group.tail = activation->prev;
    activation->prev = activation->next = nullptr;
    --size_;
}

Activation* Agenda::pop(StageId stage)
{
    for (Group& group : stages_[stage]) {
        if (group.head != nullptr) {
            Activation* activation = group.head;
            remove(activation);
            return activation;
        }
    }
    return nullptr;
}

void Agenda::set_strategy(Strategy strategy)
{
    if (strategy == strategy_) return;
    strategy_ = strategy;
    std::vector<Activation*> all;
    for (std::vector<Group>& stage : stages_) {
        for (Group& group : stage) {
            all.clear();
            for (Activation* a = group.head; a != nullptr; a = a->next) all.push_back(a);
            std::stable_sort(all.begin(), all.end(), [this](const Activation* a, const Activation* b) { return before(a, b); });
            group = Group{};
            for (Activation* a : all) insert_before(group, a, nullptr);
        }
    }
}

}  // namespace koers::engine
