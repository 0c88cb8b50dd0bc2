// Builds a Network from a RuleSet: one pass per rule variant, sharing every node whose
// parent and tests are the same as an existing node's.
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "engine/expr_compiler.hpp"
#include "engine/network.hpp"

namespace koers::engine {

class NetworkBuilder {
public:
    NetworkBuilder(std::shared_ptr<const RuleSet> rules, const NetworkOptions& options);
    NetworkBuild build();

private:
    // Where a chain of conditions has got to: the last node and the positions so far.
    struct Chain {
        NodeId node = 0;
        std::uint32_t depth = 0;
    };
    // Whether a node continues its parent's chain or starts an owner's body.
    enum class Role : char { Next = 'n', Body = 'b' };

    struct PatternTests {
        std::vector<ExprRef> alpha;
        std::vector<JoinKey> keys;
        std::vector<ExprRef> tests;
    };

    void build_rule(RuleId id);
    Chain build_conjunction(const Conjunction& conditions, Chain at, Role role, Scope& scope,
                            std::vector<ChainStep>* steps);
    std::size_t guards_after(const Conjunction& conditions, std::size_t i, std::optional<std::uint32_t> self,
                             const Scope& scope, std::vector<ExprRef>& tests, ExprCompiler& compiler);
    PatternTests pattern_tests(const ConditionSpec& pattern, std::uint32_t position, Scope& scope, ExprCompiler& compiler);
    Chain owner(const ConditionSpec& condition, const Conjunction& conditions, std::size_t& next, Chain at, Role role,
                Scope& scope);
    Chain negative(const ConditionSpec& condition, const Conjunction& body, const Conjunction& conditions, std::size_t& next,
                   Chain at, Role role, Scope& scope);
    const Conjunction& owner_body(const ConditionSpec& condition);
    // A canonical text of a body, to share owners: what the body would compile to.
    std::string describe(const Conjunction& conditions, std::uint32_t depth, Scope& scope);

    AlphaId alpha_memory(TemplateId template_id, std::vector<ExprRef> tests);
    std::uint32_t right_key(AlphaId alpha, const std::vector<JoinKey>& keys);
    NodeId add_node(Node node, Role role, const std::string& key);
    NodeId find_node(const std::string& key) const;
    std::string tests_text(const std::vector<ExprRef>& tests) const { return tests_text(tests, exprs_); }
    std::string keys_text(const std::vector<JoinKey>& keys) const { return keys_text(keys, exprs_); }
    std::string tests_text(const std::vector<ExprRef>& tests, const ExprCompiler& compiler) const;
    std::string keys_text(const std::vector<JoinKey>& keys, const ExprCompiler& compiler) const;

    void compile_actions(RuleId id, Scope scope);
    void finish();
    void mark_lazy_nodes();  // network_lazy_nodes.cpp
    bool valid_template(TemplateId id, const SourceRef& where);
    bool valid_slot(TemplateId id, SlotIndex slot, const SourceRef& where);

    std::shared_ptr<const RuleSet> rules_;
    NetworkOptions options_;
    std::shared_ptr<Network> network_;
    std::vector<RuntimeError> errors_;
    ExprCompiler exprs_;
    ExprArena scratch_arena_;  // for describing bodies without keeping what was compiled
    std::vector<RuntimeError> scratch_errors_;
    ExprCompiler scratch_;
    std::map<std::string, AlphaId> alpha_by_key_;
    std::map<std::string, NodeId> node_by_key_;
    std::deque<Conjunction> rewritten_;  // forall bodies, rewritten as not(body and not requirement)
    std::map<const ConditionSpec*, const Conjunction*> forall_bodies_;
    const RuleSpec* rule_ = nullptr;
};

}  // namespace koers::engine
