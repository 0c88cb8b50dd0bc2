// The Rete network of a ruleset: built once, immutable, shared by any number of sessions
// (each session keeps its own working memory, node memories and agenda).
//
// Alpha side: per template, alpha memories hold the facts that pass a memory's constant
// tests; a memory with an equality test on a constant is found by hashing that slot's
// value, so a fact only visits the memories that can hold it.
//
// Beta side, one node kind per job (tokens are partial matches; each token is held by
// the node it arrived at, and hangs under the token it was made from):
//   Root      hands an empty token to each of its children at the start.
//   Join      pattern: token x fact, hash-indexed on the equalities between the token's
//             values and the fact's slots (both sides indexed), then the other tests.
//   Filter    guard (`where`) that has no join or owner before it to ride on.
//   Negative  not / exists of a single pattern: a join that counts, for each token, the
//             facts that match it, and passes the token on when the count says so.
//   Owner     not / exists / aggregate (and forall, as not(body and not requirement)):
//             for each token, runs the body as a sub-network below it and keeps a
//             count or an aggregate of the body's matches; passes the token on when
//             the condition holds (not: no match; exists: some match, once; aggregate:
//             its value at the new position).
//   Partner   end of an owner's body: tells the owner of each match that comes or goes.
//   Terminal  a complete match of a rule: an activation.
// Guards right after a pattern or an owner become tests of that node. Nodes with the
// same parent and the same tests are shared between rules. A join (or `exists` of one
// pattern) whose alpha memory has had no fact may be left unlinked in a session: see
// matcher_unlinking.cpp.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/errors.hpp"
#include "engine/expr.hpp"
#include "engine/ruleset.hpp"

namespace koers::engine {

using NodeId = std::uint32_t;
using AlphaId = std::uint32_t;
inline constexpr NodeId no_node = std::numeric_limits<NodeId>::max();
inline constexpr std::uint32_t no_child = std::numeric_limits<std::uint32_t>::max();

struct AlphaMemory {
    TemplateId template_id = 0;
    std::vector<ExprRef> tests;  // on the fact (self); without the test the lookup already made
    // Keys the memory is indexed on, each a list of slots; keys[0] is empty: all facts,
    // in arrival order.
    std::vector<std::vector<SlotIndex>> keys;
    std::vector<NodeId> joins;  // joins fed by this memory, newest first
    std::uint32_t first_index = 0;  // the matcher's index of keys[0]; the other keys follow
};

// Finds the alpha memories a fact may enter.
struct TemplateAlpha {
    std::vector<AlphaId> unkeyed;  // memories without an equality test on a constant
    struct SlotLookup {
        SlotIndex slot = 0;
        std::unordered_map<Value, std::vector<AlphaId>> memories;
    };
    std::vector<SlotLookup> by_slot;
};

enum class NodeKind : std::uint8_t { Root, Join, Negative, Filter, Owner, Partner, Terminal };
enum class OwnerKind : std::uint8_t { Not, Exists, Aggregate };

// An equality between a value computed from the token and a slot of the joined fact.
struct JoinKey {
    ExprRef left = no_expr;
    SlotIndex right_slot = 0;
    bool direct = false;  // `left` reads slot `slot` of the fact at `position`: read it directly
    std::uint32_t position = 0;
    SlotIndex slot = 0;
};

// A test read straight off the facts when it compares a slot with a slot or a constant
// (the shape of most tests); any other test, and any pair of values the shortcut does not
// decide, goes to the evaluator, which gives the same answer the long way.
struct TestOperand {
    enum class Kind : std::uint8_t { TokenSlot, SelfSlot, Constant };
    Kind kind = Kind::Constant;
    std::uint32_t position = 0;
    SlotIndex slot = 0;
    Value constant;
};

struct CompiledTest {
    ExprRef test = no_expr;
    bool direct = false;
    Operator op = Operator::Eq;
    TestOperand left;
    TestOperand right;
};

struct Node {
    NodeKind kind = NodeKind::Root;
    NodeId parent = no_node;
    std::uint32_t depth = 0;  // positions in the tokens this node holds
    std::vector<NodeId> children;  // where its tokens go next, newest first
    // Join and Negative: tests on token and fact (the fact is `self`); Filter: tests on
    // the token; Owner: tests on the token it passes on (`self` is the aggregate's result).
    std::vector<ExprRef> tests;
    // Negative: tests on the token it passes on.
    std::vector<ExprRef> output_tests;
    // `tests` and `output_tests` as the matcher runs them
    std::vector<CompiledTest> compiled_tests;
    std::vector<CompiledTest> compiled_output_tests;
    bool exists = false;  // Negative: passes tokens with matches (exists) or without (not)
    // Join and Negative
    AlphaId alpha = 0;
    std::uint32_t right_key = 0;  // which of the alpha memory's keys
    std::vector<JoinKey> keys;
    bool direct_keys = true;  // every key reads a slot of the token: no evaluation needed
    // Owner
    OwnerKind owner_kind = OwnerKind::Not;
    AggregateKind aggregate = AggregateKind::Count;
    ExprRef value = no_expr;  // the aggregate's value, on a match of the body
    NodeId body = no_node;  // first node of the body
    bool body_shares_token = false;  // the body starts with a join that indexes the owner's own tokens
    // Partner
    NodeId owner = no_node;
    // Terminal
    RuleId rule = 0;
    // Left unlinking (engine/matcher_unlinking.cpp)
    std::uint32_t child_index = no_child;  // where it is in its parent's children, if it is there
    // A join or `exists` of one pattern that passes nothing on while its alpha memory has
    // had no fact, and computes its keys without the evaluator: it may be left unlinked.
    bool lazy = false;
    // With lazy children: the index of the first, and the indexes of the children that
    // are never left unlinked.
    std::uint32_t first_lazy_child = no_child;
    std::vector<std::uint32_t> eager_children;
};

// Where a rule variable's value is in a complete match.
struct VariableSite {
    VariableId variable = 0;
    std::uint32_t position = 0;
    SlotIndex slot = 0;
    bool whole_fact = false;
};

// Where a variable is bound, while a rule is built.
struct Site {
    enum class Kind : std::uint8_t { Unbound, Slot, Fact, Local };
    Kind kind = Kind::Unbound;
    std::uint32_t position = 0;
    SlotIndex slot = 0;
};
using Scope = std::vector<Site>;  // by VariableId

// A stretch of a rule's conditions that one node decides, for `why not`.
struct ChainStep {
    NodeId node = no_node;
    std::uint32_t first_condition = 0;
    std::uint32_t condition_count = 0;
    std::uint32_t depth = 0;  // positions before the step
    Scope scope;  // the variables bound before the step
};

struct CompiledAction {
    const ActionSpec* spec = nullptr;
    // Assert: one per slot of the template; Modify: one per assignment; Print and Bind:
    // the value; Advise: the links, then the texts.
    std::vector<ExprRef> values;
};

struct RuleInfo {
    NodeId terminal = no_node;
    StageId stage = 0;
    std::uint32_t salience_group = 0;  // index into the stage's saliences
    std::uint32_t positions = 0;  // token positions of a complete match
    std::uint32_t specificity = 0;  // breaks ties between equally recent activations (lex, mea)
    std::vector<VariableSite> sites;
    std::vector<ChainStep> chain;
    std::vector<CompiledAction> actions;
};

struct StageInfo {
    std::vector<std::int64_t> saliences;  // distinct, highest first
};

struct NetworkStats {
    std::size_t alpha_memories = 0;
    std::size_t joins = 0;
    std::size_t negatives = 0;
    std::size_t filters = 0;
    std::size_t owners = 0;
    std::size_t terminals = 0;
};

struct SessionState;

class Network {
public:
    Network();
    Network(const Network&) = delete;
    Network& operator=(const Network&) = delete;
    ~Network();

    [[nodiscard]] const RuleSet& rules() const { return *rules_; }
    [[nodiscard]] const std::shared_ptr<const RuleSet>& rule_set() const { return rules_; }
    [[nodiscard]] const std::vector<Node>& nodes() const { return nodes_; }
    [[nodiscard]] const Node& node(NodeId id) const { return nodes_[id]; }
    [[nodiscard]] const std::vector<AlphaMemory>& alpha_memories() const { return alpha_; }
    [[nodiscard]] const TemplateAlpha& template_alpha(TemplateId id) const { return template_alpha_[id]; }
    [[nodiscard]] const RuleInfo& rule(RuleId id) const { return rule_info_[id]; }
    [[nodiscard]] std::size_t rule_count() const { return rule_info_.size(); }
    [[nodiscard]] const StageInfo& stage(StageId id) const { return stages_[id]; }
    [[nodiscard]] std::size_t stage_count() const { return stages_.size(); }
    [[nodiscard]] const ExprArena& exprs() const { return exprs_; }
    [[nodiscard]] const std::vector<ExprRef>& function_bodies() const { return function_bodies_; }
    // The indexes of all alpha memories: memory and key of each, numbered as `first_index`.
    [[nodiscard]] const std::vector<std::pair<AlphaId, std::uint32_t>>& alpha_indexes() const { return alpha_indexes_; }
    // The most variables any rule has.
    [[nodiscard]] std::size_t max_variables() const { return max_variables_; }
    // The variants of a rule, in declaration order; empty when there is no such rule.
    [[nodiscard]] std::vector<RuleId> rules_named(std::string_view name) const;
    [[nodiscard]] NetworkStats stats() const;
    // The state of a session right after the ruleset's initial facts are asserted, made
    // once when the network is built; a new session starts as a copy of it, which costs
    // a fraction of asserting the facts again.
    [[nodiscard]] const SessionState& initial_state() const { return *initial_state_; }

private:
    friend class NetworkBuilder;
    std::shared_ptr<const RuleSet> rules_;
    std::vector<Node> nodes_;
    std::vector<AlphaMemory> alpha_;
    std::vector<TemplateAlpha> template_alpha_;
    std::vector<RuleInfo> rule_info_;
    std::vector<StageInfo> stages_;
    ExprArena exprs_;
    std::vector<ExprRef> function_bodies_;
    std::vector<std::pair<AlphaId, std::uint32_t>> alpha_indexes_;
    std::size_t max_variables_ = 0;
    std::unique_ptr<const SessionState> initial_state_;  // last: it refers to the members above
};

struct NetworkBuild {
    std::shared_ptr<const Network> network;  // null when there are errors
    std::vector<RuntimeError> errors;
};

struct NetworkOptions {
    // Joins whose alpha memory has had no fact yet get no tokens (engine/matcher_unlinking.cpp).
    // Rules fire the same either way; off only to show that.
    bool left_unlinking = true;
};

// Builds the network of a ruleset. A ruleset the compiler made is always accepted;
// a hand-made one with a variable used before it is bound, or an id out of range, gets
// errors instead of a network.
NetworkBuild build_network(std::shared_ptr<const RuleSet> rules, const NetworkOptions& options = {});

}  // namespace koers::engine
