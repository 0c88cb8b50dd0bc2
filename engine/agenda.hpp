// The agenda: activations waiting to fire, one list per stage and salience, ordered by the
// conflict resolution strategy as CLIPS 6.30 orders them:
//   depth    newest activation first (the default);
//   breadth  oldest activation first;
//   lex      by recency: the time tags of the matched facts, sorted newest first, compared
//            one by one (a `not` or `exists` counts as time tag 0, and with all tags equal
//            the longer list wins); equal recency: oldest activation first;
//   mea      by the time tag of the first condition's fact, then as lex.
// Activations are numbered in the order the network makes them (which is deterministic),
// so every tie is broken the same way on every run.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/network.hpp"
#include "engine/relocation.hpp"

namespace koers::engine {

struct Token;
struct Support;

enum class Strategy : std::uint8_t { Depth, Breadth, Lex, Mea };

struct Activation {
    Token* token = nullptr;  // null once the match went away while the rule was firing
    Activation* prev = nullptr;
    Activation* next = nullptr;
    std::uint64_t sequence = 0;
    RuleId rule = 0;
    StageId stage = 0;
    std::uint32_t group = 0;
    enum class State : std::uint8_t { Waiting, Firing, Fired, Orphaned } state = State::Waiting;
    Support* supports = nullptr;  // what its firing asserted logically
};

class Agenda {
public:
    explicit Agenda(const Network& network);
    // In a copied session, after its activations are copied (relocation.hpp).
    void relocate(const Relocation& relocation)
    {
        for (std::vector<Group>& stage : stages_) {
            for (Group& group : stage) {
                group.head = relocation(group.head);
                group.tail = relocation(group.tail);
            }
        }
    }

    void add(Activation* activation);
    void remove(Activation* activation);
    // The next activation of a stage, taken off the agenda; null when the stage has none.
    Activation* pop(StageId stage);
    // Orders the agenda anew when the strategy changes.
    void set_strategy(Strategy strategy);
    [[nodiscard]] Strategy strategy() const { return strategy_; }
    [[nodiscard]] std::size_t size() const { return size_; }

    // Every waiting activation: stage by stage, then in firing order.
    template <typename Visit>
    void for_each(Visit visit) const
    {
        for (const std::vector<Group>& stage : stages_) {
            for (const Group& group : stage) {
                for (const Activation* a = group.head; a != nullptr; a = a->next) visit(a);
            }
        }
    }

private:
    struct Group {
        Activation* head = nullptr;
        Activation* tail = nullptr;
    };

    [[nodiscard]] bool before(const Activation* a, const Activation* b) const;
    void insert_before(Group& group, Activation* activation, Activation* next);

    const Network* network_;  // for the rules' specificity
    std::vector<std::vector<Group>> stages_;  // by stage, then by salience (highest first)
    Strategy strategy_ = Strategy::Depth;
    std::size_t size_ = 0;
};

}  // namespace koers::engine
