#include "engine/network_builder.hpp"

#include "engine/compiled_tests.hpp"
#include "engine/expr_inliner.hpp"
#include "engine/session_state.hpp"
#include "engine/specificity.hpp"

#include <algorithm>
#include <array>

namespace koers::engine {

namespace {

// A rule deeper than this is a generated mistake, not a ruleset.
constexpr std::uint32_t max_positions = 4096;

}  // namespace

NetworkBuilder::NetworkBuilder(std::shared_ptr<const RuleSet> rules, const NetworkOptions& options)
    : rules_(std::move(rules)), options_(options), network_(std::make_shared<Network>()),
      exprs_(network_->exprs_, *rules_, errors_), scratch_(scratch_arena_, *rules_, scratch_errors_)
{
}

NetworkBuild build_network(std::shared_ptr<const RuleSet> rules, const NetworkOptions& options)
{
    if (!rules || !rules->values) return {nullptr, {RuntimeError{"the ruleset has no value store", {}, {}}}};
    return NetworkBuilder(std::move(rules), options).build();
}

NetworkBuild NetworkBuilder::build()
{
    Network& net = *network_;
    net.rules_ = rules_;
    net.template_alpha_.resize(rules_->templates.size());
    net.nodes_.push_back(Node{});  // the root
    for (const FunctionSpec& function : rules_->functions) {
        ExprContext context;
        context.function = true;
        net.function_bodies_.push_back(exprs_.compile(function.body, context));
    }
    net.rule_info_.resize(rules_->rules.size());
    for (RuleId id = 0; id < rules_->rules.size(); ++id) build_rule(id);
    // Before the tests are compiled, so that an inlined test can be answered directly.
    inline_calls(net.exprs_, net.function_bodies_);
    finish();
    if (!errors_.empty()) return {nullptr, std::move(errors_)};
    mark_lazy_nodes();
    net.initial_state_ = initial_state_of(net);
    return {std::move(network_), {}};
}

void NetworkBuilder::build_rule(RuleId id)
{
    rule_ = &rules_->rules[id];
    const std::size_t before = errors_.size();
    Scope scope(rule_->variables.size());
    RuleInfo& info = network_->rule_info_[id];
    const Chain end = build_conjunction(rule_->conditions, Chain{}, Role::Next, scope, &info.chain);
    Node terminal;
    terminal.kind = NodeKind::Terminal;
    terminal.parent = end.node;
    terminal.depth = end.depth;
    terminal.rule = id;
    info.terminal = add_node(std::move(terminal), Role::Next, {});
    info.positions = end.depth;
    info.stage = rule_->stage;
    info.specificity = rule_specificity(*rule_);
    for (VariableId v = 0; v < scope.size(); ++v) {
        if (scope[v].kind == Site::Kind::Slot || scope[v].kind == Site::Kind::Fact) {
            info.sites.push_back(VariableSite{v, scope[v].position, scope[v].slot, scope[v].kind == Site::Kind::Fact});
        }
    }
    compile_actions(id, std::move(scope));
    for (std::size_t i = before; i < errors_.size(); ++i) errors_[i].rule = rule_->name;
}

NetworkBuilder::Chain NetworkBuilder::build_conjunction(const Conjunction& conditions, Chain at, Role role, Scope& scope,
                                                        std::vector<ChainStep>* steps)
{
    std::size_t i = 0;
    while (i < conditions.size()) {
        if (at.depth >= max_positions) {
            errors_.push_back(RuntimeError{"the rule has more than 4096 conditions", rule_->where, {}});
            return at;
        }
        const ConditionSpec& condition = conditions[i];
        std::size_t next = i + 1;
        const Chain before = at;
        Scope before_scope = steps != nullptr ? scope : Scope{};
        switch (condition.kind) {
        case ConditionSpec::Kind::Pattern: {
            const std::uint32_t position = at.depth;
            PatternTests tests = pattern_tests(condition, position, scope, exprs_);
            next = guards_after(conditions, next, position, scope, tests.tests, exprs_);
            Node join;
            join.kind = NodeKind::Join;
            join.parent = at.node;
            join.depth = position;
            join.alpha = alpha_memory(condition.template_id, std::move(tests.alpha));
            join.keys = std::move(tests.keys);
            join.direct_keys = std::all_of(join.keys.begin(), join.keys.end(), [](const JoinKey& key) { return key.direct; });
            join.tests = std::move(tests.tests);
            const std::string key = "J|" + std::to_string(at.node) + "|" + static_cast<char>(role) + "|" +
                                    std::to_string(join.alpha) + "|" + keys_text(join.keys) + "|" + tests_text(join.tests);
            NodeId id = find_node(key);
            if (id == no_node) {
                join.right_key = right_key(join.alpha, join.keys);
                id = add_node(std::move(join), role, key);
            }
            at = Chain{id, position + 1};
            break;
        }
        case ConditionSpec::Kind::Guard: {
            Node filter;
            filter.kind = NodeKind::Filter;
            filter.parent = at.node;
            filter.depth = at.depth;
            next = guards_after(conditions, i, std::nullopt, scope, filter.tests, exprs_);
            const std::string key =
                "F|" + std::to_string(at.node) + "|" + static_cast<char>(role) + "|" + tests_text(filter.tests);
            NodeId id = find_node(key);
            if (id == no_node) id = add_node(std::move(filter), role, key);
            at = Chain{id, at.depth};
            break;
        }
        default: at = owner(condition, conditions, next, at, role, scope); break;
        }
        if (steps != nullptr) {
            steps->push_back(ChainStep{at.node, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(next - i), before.depth,
                                       std::move(before_scope)});
        }
        role = Role::Next;
        i = next;
    }
    return at;
}

std::size_t NetworkBuilder::guards_after(const Conjunction& conditions, std::size_t i, std::optional<std::uint32_t> self,
                                         const Scope& scope, std::vector<ExprRef>& tests, ExprCompiler& compiler)
{
    ExprContext context{&scope, self, false, false, &rule_->variables};
    for (; i < conditions.size() && conditions[i].kind == ConditionSpec::Kind::Guard; ++i) {
        tests.push_back(compiler.compile(conditions[i].test, context));
    }
    return i;
}

NetworkBuilder::PatternTests NetworkBuilder::pattern_tests(const ConditionSpec& pattern, std::uint32_t position,
                                                           Scope& scope, ExprCompiler& compiler)
{
    PatternTests result;
    if (!valid_template(pattern.template_id, pattern.where)) return result;
    for (const SlotConstraintSpec& constraint : pattern.constraints) {
        if (!valid_slot(pattern.template_id, constraint.slot, pattern.where)) return result;
    }
    for (const ConstraintTest& compiled : compile_constraints(compiler, pattern, position, scope, &rule_->variables)) {
        const SlotConstraintSpec& constraint = pattern.constraints[compiled.constraint];
        if (!compiled.use.token) {
            result.alpha.push_back(compiled.test);
        } else if (constraint.kind == SlotConstraintSpec::Kind::Test && constraint.op == Operator::Eq && !compiled.use.self) {
            // An equality with values of earlier facts: a hash join.
            JoinKey key;
            key.left = compiled.operand;
            key.right_slot = constraint.slot;
            const ExprNode& left = compiler.arena().node(compiled.operand);
            if (left.op == ExprOp::TokenSlot) {
                key.direct = true;
                key.position = left.a;
                key.slot = left.b;
            }
            result.keys.push_back(key);
        } else {
            result.tests.push_back(compiled.test);
        }
    }
    return result;
}

const Conjunction& NetworkBuilder::owner_body(const ConditionSpec& condition)
{
    if (condition.kind != ConditionSpec::Kind::Forall) return condition.body;
    const auto found = forall_bodies_.find(&condition);
    if (found != forall_bodies_.end()) return *found->second;
    // forall D implies R  ==  not (D and not R)
    Conjunction body = condition.body;
    ConditionSpec requirement;
    requirement.kind = ConditionSpec::Kind::Not;
    requirement.body = condition.requirement;
    requirement.where = condition.where;
    body.push_back(std::move(requirement));
    rewritten_.push_back(std::move(body));
    forall_bodies_.emplace(&condition, &rewritten_.back());
    return rewritten_.back();
}

NetworkBuilder::Chain NetworkBuilder::owner(const ConditionSpec& condition, const Conjunction& conditions, std::size_t& next,
                                            Chain at, Role role, Scope& scope)
{
    const std::uint32_t position = at.depth;
    const Conjunction& body = owner_body(condition);
    if (body.empty()) {
        errors_.push_back(RuntimeError{"a `not`, `exists`, `forall` or aggregate without a condition", condition.where, {}});
        return at;
    }
    const bool single = (condition.kind == ConditionSpec::Kind::Not || condition.kind == ConditionSpec::Kind::Exists) &&
                        body[0].kind == ConditionSpec::Kind::Pattern &&
                        std::all_of(body.begin() + 1, body.end(),
                                    [](const ConditionSpec& c) { return c.kind == ConditionSpec::Kind::Guard; });
    if (single) return negative(condition, body, conditions, next, at, role, scope);
    const bool aggregate = condition.kind == ConditionSpec::Kind::Aggregate;
    Node node;
    node.kind = NodeKind::Owner;
    node.parent = at.node;
    node.depth = position;
    node.owner_kind = condition.kind == ConditionSpec::Kind::Exists ? OwnerKind::Exists
                      : aggregate                                  ? OwnerKind::Aggregate
                                                                   : OwnerKind::Not;
    node.aggregate = condition.aggregate;
    Scope described = scope;
    std::string text = describe(body, position, described);
    const bool has_value = aggregate && condition.aggregate != AggregateKind::Count;
    if (has_value) {
        const ExprContext context{&described, std::nullopt, false, false, &rule_->variables};
        text += "|v" + scratch_.canonical(scratch_.compile(condition.value, context));
    }
    Scope inner = scope;
    if (aggregate) {
        if (condition.variable >= scope.size()) scope.resize(condition.variable + 1);
        scope[condition.variable] = Site{Site::Kind::Slot, position, 0};
    }
    next = guards_after(conditions, next, position, scope, node.tests, exprs_);
    const std::string key = "O|" + std::to_string(at.node) + "|" + static_cast<char>(role) + "|" +
                            std::to_string(static_cast<int>(node.owner_kind)) + "|" +
                            std::to_string(static_cast<int>(node.aggregate)) + "|" + text + "|" + tests_text(node.tests);
    NodeId id = find_node(key);
    if (id != no_node) return Chain{id, position + 1};
    id = add_node(std::move(node), role, key);
    const Chain end = build_conjunction(body, Chain{id, position}, Role::Body, inner, nullptr);
    if (has_value) {
        const ExprContext context{&inner, std::nullopt, false, false, &rule_->variables};
        network_->nodes_[id].value = exprs_.compile(condition.value, context);
    }
    Node partner;
    partner.kind = NodeKind::Partner;
    partner.parent = end.node;
    partner.depth = end.depth;
    partner.owner = id;
    add_node(std::move(partner), Role::Next, {});
    Node& owner_node = network_->nodes_[id];
    owner_node.body_shares_token = owner_node.body != no_node && network_->nodes_[owner_node.body].kind == NodeKind::Join;
    return Chain{id, position + 1};
}

NetworkBuilder::Chain NetworkBuilder::negative(const ConditionSpec& condition, const Conjunction& body,
                                               const Conjunction& conditions, std::size_t& next, Chain at, Role role,
                                               Scope& scope)
{
    const std::uint32_t position = at.depth;
    Scope inner = scope;
    PatternTests tests = pattern_tests(body[0], position, inner, exprs_);
    guards_after(body, 1, position, inner, tests.tests, exprs_);
    Node node;
    node.kind = NodeKind::Negative;
    node.parent = at.node;
    node.depth = position;
    node.exists = condition.kind == ConditionSpec::Kind::Exists;
    node.alpha = alpha_memory(body[0].template_id, std::move(tests.alpha));
    node.keys = std::move(tests.keys);
    node.direct_keys = std::all_of(node.keys.begin(), node.keys.end(), [](const JoinKey& key) { return key.direct; });
    node.tests = std::move(tests.tests);
    next = guards_after(conditions, next, position, scope, node.output_tests, exprs_);
    const std::string key = "N|" + std::to_string(at.node) + "|" + static_cast<char>(role) + "|" + (node.exists ? "e" : "n") +
                            "|" + std::to_string(node.alpha) + "|" + keys_text(node.keys) + "|" + tests_text(node.tests) + "|" +
                            tests_text(node.output_tests);
    NodeId id = find_node(key);
    if (id == no_node) {
        node.right_key = right_key(node.alpha, node.keys);
        id = add_node(std::move(node), role, key);
    }
    return Chain{id, position + 1};
}

std::string NetworkBuilder::describe(const Conjunction& conditions, std::uint32_t depth, Scope& scope)
{
    std::string out = "{";
    std::size_t i = 0;
    while (i < conditions.size()) {
        const ConditionSpec& condition = conditions[i];
        std::size_t next = i + 1;
        std::vector<ExprRef> guards;
        switch (condition.kind) {
        case ConditionSpec::Kind::Pattern: {
            PatternTests tests = pattern_tests(condition, depth, scope, scratch_);
            next = guards_after(conditions, next, depth, scope, tests.tests, scratch_);
            out += "P" + std::to_string(condition.template_id) + "[" + tests_text(tests.alpha, scratch_) + "][" +
                   keys_text(tests.keys, scratch_) + "][" + tests_text(tests.tests, scratch_) + "]";
            ++depth;
            break;
        }
        case ConditionSpec::Kind::Guard:
            next = guards_after(conditions, i, std::nullopt, scope, guards, scratch_);
            out += "G[" + tests_text(guards, scratch_) + "]";
            break;
        default: {
            Scope inner = scope;
            out += "O" + std::to_string(static_cast<int>(condition.kind)) + "," +
                   std::to_string(static_cast<int>(condition.aggregate)) + describe(owner_body(condition), depth, inner);
            if (condition.kind == ConditionSpec::Kind::Aggregate) {
                if (condition.aggregate != AggregateKind::Count) {
                    const ExprContext context{&inner, std::nullopt, false, false, &rule_->variables};
                    out += "v" + scratch_.canonical(scratch_.compile(condition.value, context));
                }
                if (condition.variable >= scope.size()) scope.resize(condition.variable + 1);
                scope[condition.variable] = Site{Site::Kind::Slot, depth, 0};
            }
            next = guards_after(conditions, next, depth, scope, guards, scratch_);
            out += "[" + tests_text(guards, scratch_) + "]";
            ++depth;
            break;
        }
        }
        i = next;
    }
    return out + "}";
}

AlphaId NetworkBuilder::alpha_memory(TemplateId template_id, std::vector<ExprRef> tests)
{
    const std::string key = std::to_string(template_id) + "|" + tests_text(tests);
    const auto found = alpha_by_key_.find(key);
    if (found != alpha_by_key_.end()) return found->second;
    Network& net = *network_;
    const auto id = static_cast<AlphaId>(net.alpha_.size());
    AlphaMemory memory;
    memory.template_id = template_id;
    memory.keys.emplace_back();
    // The first equality with a constant becomes a hash lookup, so that a fact only
    // visits the memories whose constant it has.
    const ExprArena& arena = net.exprs_;
    auto lookup = std::find_if(tests.begin(), tests.end(), [&](ExprRef ref) {
        const ExprNode& node = arena.node(ref);
        return node.op == ExprOp::Binary && node.binary == Operator::Eq &&
               arena.node(arena.operand(node, 0)).op == ExprOp::SelfSlot &&
               arena.node(arena.operand(node, 1)).op == ExprOp::Constant;
    });
    if (template_id < net.template_alpha_.size()) {
        TemplateAlpha& lookups = net.template_alpha_[template_id];
        if (lookup == tests.end()) {
            lookups.unkeyed.push_back(id);
        } else {
            const ExprNode& node = arena.node(*lookup);
            const SlotIndex slot = arena.node(arena.operand(node, 0)).b;
            const Value value = arena.node(arena.operand(node, 1)).value;
            auto by_slot = std::find_if(lookups.by_slot.begin(), lookups.by_slot.end(),
                                        [&](const TemplateAlpha::SlotLookup& s) { return s.slot == slot; });
            if (by_slot == lookups.by_slot.end()) {
                lookups.by_slot.push_back(TemplateAlpha::SlotLookup{slot, {}});
                by_slot = lookups.by_slot.end() - 1;
            }
            by_slot->memories[value].push_back(id);
            tests.erase(lookup);
        }
    }
    memory.tests = std::move(tests);
    net.alpha_.push_back(std::move(memory));
    alpha_by_key_.emplace(key, id);
    return id;
}

std::uint32_t NetworkBuilder::right_key(AlphaId alpha, const std::vector<JoinKey>& keys)
{
    std::vector<SlotIndex> slots;
    for (const JoinKey& key : keys) slots.push_back(key.right_slot);
    std::vector<std::vector<SlotIndex>>& all = network_->alpha_[alpha].keys;
    const auto found = std::find(all.begin(), all.end(), slots);
    if (found != all.end()) return static_cast<std::uint32_t>(found - all.begin());
    all.push_back(std::move(slots));
    return static_cast<std::uint32_t>(all.size() - 1);
}

NodeId NetworkBuilder::add_node(Node node, Role role, const std::string& key)
{
    Network& net = *network_;
    const auto id = static_cast<NodeId>(net.nodes_.size());
    const NodeId parent = node.parent;
    const bool join = node.kind == NodeKind::Join || node.kind == NodeKind::Negative;
    const AlphaId alpha = node.alpha;
    net.nodes_.push_back(std::move(node));
    // Newest first: propagating to later rules first and to deeper joins before the
    // joins above them (so that a fact meeting itself is matched once).
    if (role == Role::Body) net.nodes_[parent].body = id;
    else net.nodes_[parent].children.insert(net.nodes_[parent].children.begin(), id);
    if (join) net.alpha_[alpha].joins.insert(net.alpha_[alpha].joins.begin(), id);
    if (!key.empty()) node_by_key_.emplace(key, id);
    return id;
}

NodeId NetworkBuilder::find_node(const std::string& key) const
{
    const auto found = node_by_key_.find(key);
    return found == node_by_key_.end() ? no_node : found->second;
}

std::string NetworkBuilder::tests_text(const std::vector<ExprRef>& tests, const ExprCompiler& compiler) const
{
    std::string out;
    for (const ExprRef test : tests) out += compiler.canonical(test) + ";";
    return out;
}

std::string NetworkBuilder::keys_text(const std::vector<JoinKey>& keys, const ExprCompiler& compiler) const
{
    std::string out;
    for (const JoinKey& key : keys) out += compiler.canonical(key.left) + "=" + std::to_string(key.right_slot) + ";";
    return out;
}

bool NetworkBuilder::valid_template(TemplateId id, const SourceRef& where)
{
    if (id < rules_->templates.size()) return true;
    errors_.push_back(RuntimeError{"template id " + std::to_string(id) + " does not exist", where, {}});
    return false;
}

bool NetworkBuilder::valid_slot(TemplateId id, SlotIndex slot, const SourceRef& where)
{
    if (slot < rules_->templates[id].slots.size()) return true;
    errors_.push_back(RuntimeError{"template `" + rules_->templates[id].name + "` has no slot " + std::to_string(slot), where, {}});
    return false;
}

void NetworkBuilder::finish()
{
    Network& net = *network_;
    net.stages_.resize(std::max<std::size_t>(1, rules_->stages.size()));
    for (const RuleSpec& rule : rules_->rules) {
        if (rule.stage < net.stages_.size()) net.stages_[rule.stage].saliences.push_back(rule.salience);
    }
    for (StageInfo& stage : net.stages_) {
        std::sort(stage.saliences.begin(), stage.saliences.end(), std::greater<>());
        stage.saliences.erase(std::unique(stage.saliences.begin(), stage.saliences.end()), stage.saliences.end());
    }
    for (RuleId id = 0; id < rules_->rules.size(); ++id) {
        const RuleSpec& rule = rules_->rules[id];
        if (rule.stage >= net.stages_.size()) {
            errors_.push_back(RuntimeError{"stage id " + std::to_string(rule.stage) + " does not exist", rule.where, rule.name});
            continue;
        }
        const std::vector<std::int64_t>& saliences = net.stages_[rule.stage].saliences;
        net.rule_info_[id].salience_group = static_cast<std::uint32_t>(
            std::find(saliences.begin(), saliences.end(), rule.salience) - saliences.begin());
        net.max_variables_ = std::max(net.max_variables_, rule.variables.size());
    }
    for (AlphaId alpha = 0; alpha < net.alpha_.size(); ++alpha) {
        AlphaMemory& memory = net.alpha_[alpha];
        memory.first_index = static_cast<std::uint32_t>(net.alpha_indexes_.size());
        for (std::uint32_t key = 0; key < memory.keys.size(); ++key) net.alpha_indexes_.emplace_back(alpha, key);
    }
    for (Node& node : net.nodes_) {
        node.compiled_tests = compile_tests(node.tests, net.exprs_);
        node.compiled_output_tests = compile_tests(node.output_tests, net.exprs_);
    }
}

}  // namespace koers::engine
