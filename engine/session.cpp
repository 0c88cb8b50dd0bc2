#include "engine/session.hpp"

#include <spdlog/spdlog.h>

#include "engine/expr_compiler.hpp"
#include "engine/session_state.hpp"

namespace koers::engine {

namespace {

FactView view_of(const Fact& fact)
{
    return FactView{fact.id, fact.template_id, fact.time_tag, fact.values(), fact.origin, !fact.unconditional};
}

std::optional<RuntimeError> take(std::optional<RuntimeError>& error)
{
    std::optional<RuntimeError> taken = std::move(error);
    error.reset();
    return taken;
}

}  // namespace

Session::Session(std::shared_ptr<const Network> network) : network_(std::move(network)) { restart(true); }

Session::Session(const Session& other)
    : network_(other.network_), state_(std::make_unique<SessionState>(*other.state_, network_)), trace_(other.trace_),
      logger_(other.logger_)
{
    if (logger_) state_->logger = logger_;
}

Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;
Session::~Session() = default;

void Session::reset() { restart(true); }

void Session::clear() { restart(false); }

void Session::restart(bool initial_facts)
{
    state_.reset();
    // A traced session asserts its initial facts itself, so that the trace shows them.
    if (initial_facts && !trace_) state_ = std::make_unique<SessionState>(network_->initial_state(), network_);
    else state_ = std::make_unique<SessionState>(network_, trace_);
    if (logger_) state_->logger = logger_;
    if (initial_facts && trace_) state_->assert_initial_facts();
}

FactOutcome Session::assert_fact(const FactValue& fact)
{
    SessionState& state = *state_;
    state.error.reset();
    AssertRequest request;
    request.template_id = fact.template_id;
    request.slots = fact.slots;
    request.where = &fact.where;
    const Asserted asserted = state.assert_fact(request);
    FactOutcome outcome;
    outcome.fact = asserted.fact != nullptr ? asserted.fact->id : 0;
    outcome.existed = asserted.existed;
    outcome.error = take(state.error);
    return outcome;
}

std::optional<RuntimeError> Session::retract(FactId id)
{
    SessionState& state = *state_;
    state.error.reset();
    Fact* fact = state.memory.find(id);
    if (fact == nullptr) return RuntimeError{"there is no fact f-" + std::to_string(id), {}, {}};
    if (!fact->live) return RuntimeError{"f-" + std::to_string(id) + " is no longer in working memory", {}, {}};
    state.retract_fact(fact);
    return take(state.error);
}

FactOutcome Session::modify(FactId id, std::span<const SlotChange> changes)
{
    SessionState& state = *state_;
    state.error.reset();
    FactOutcome outcome;
    Fact* fact = state.memory.find(id);
    if (fact == nullptr || !fact->live) {
        outcome.error = RuntimeError{"there is no fact f-" + std::to_string(id) + " in working memory", {}, {}};
        return outcome;
    }
    std::vector<Value> slots(fact->slots(), fact->slots() + fact->slot_count);
    for (const SlotChange& change : changes) {
        if (change.slot >= slots.size()) {
            outcome.error = RuntimeError{"f-" + std::to_string(id) + " has no slot " + std::to_string(change.slot), {}, {}};
            return outcome;
        }
        slots[change.slot] = change.value;
    }
    if (std::optional<std::string> problem = check_fact(state.rules, state.values, fact->template_id, slots)) {
        outcome.error = RuntimeError{std::move(*problem), {}, {}};
        return outcome;
    }
    const TemplateId template_id = fact->template_id;
    state.retract_fact(fact);
    AssertRequest request;
    request.template_id = template_id;
    request.slots = slots;
    const Asserted asserted = state.assert_fact(request);
    outcome.fact = asserted.fact != nullptr ? asserted.fact->id : 0;
    outcome.existed = asserted.existed;
    outcome.error = take(state.error);
    return outcome;
}

void Session::focus(std::span<const StageId> stages)
{
    std::vector<StageId>& stack = state_->focus;
    for (auto stage = stages.rbegin(); stage != stages.rend(); ++stage) {
        if (*stage >= network_->stage_count()) continue;
        if (stack.empty() || stack.back() != *stage) stack.push_back(*stage);
    }
}

RunResult Session::run(const RunOptions& options) { return state_->run(options); }

std::vector<FactView> Session::facts() const
{
    std::vector<FactView> result;
    result.reserve(state_->memory.live_count());
    for (const Fact* fact : state_->memory.all()) {
        if (fact->live) result.push_back(view_of(*fact));
    }
    return result;
}

std::optional<FactView> Session::fact(FactId id) const
{
    const Fact* fact = state_->memory.find(id);
    if (fact == nullptr) return std::nullopt;
    return view_of(*fact);
}

std::vector<const Advice*> Session::advice() const
{
    std::vector<const Advice*> result;
    for (const Advice& given : state_->advice) {
        if (given.live) result.push_back(&given);
    }
    return result;
}

const std::vector<std::string>& Session::output() const { return state_->output; }

const FiringLog& Session::firing_log() const { return state_->log; }

std::uint64_t Session::firing_count(std::string_view rule) const
{
    std::uint64_t count = 0;
    for (const RuleId id : network_->rules_named(rule)) count += state_->fired_count(id);
    return count;
}

std::vector<ActivationView> Session::agenda() const
{
    std::vector<ActivationView> result;
    state_->agenda.for_each([&](const Activation* activation) {
        ActivationView view;
        view.rule = activation->rule;
        const Token* token = activation->token;
        for (std::uint16_t i = 0; i < token->depth; ++i) {
            const Fact* fact = token->facts()[i];
            view.facts.push_back(fact != nullptr && !fact->aggregate_result ? fact->id : 0);
        }
        result.push_back(std::move(view));
    });
    return result;
}

std::vector<FactId> Session::find_facts(const QuerySpec& query) const
{
    const RuleSet& rules = network_->rules();
    std::vector<FactId> found;
    if (query.template_id >= rules.templates.size()) return found;
    ConditionSpec pattern;
    pattern.template_id = query.template_id;
    pattern.constraints = query.constraints;
    for (const SlotConstraintSpec& constraint : pattern.constraints) {
        if (constraint.slot >= rules.templates[query.template_id].slots.size()) return found;
    }
    // Compiled beside the network's expressions, so that calls of functions work.
    ExprArena arena = network_->exprs();
    std::vector<RuntimeError> errors;
    ExprCompiler compiler(arena, rules, errors);
    Scope scope(query.variables.size());
    const std::vector<ConstraintTest> tests = compile_constraints(compiler, pattern, 0, scope, &query.variables);
    if (!errors.empty()) return found;
    Evaluator evaluator(arena, network_->function_bodies(), state_->values);
    EvalFrame frame;
    for (const Fact* fact : state_->memory.all()) {
        if (!fact->live || fact->template_id != query.template_id) continue;
        frame.self = fact;
        bool holds = true;
        for (const ConstraintTest& test : tests) {
            if (!evaluator.holds(test.test, frame)) {
                holds = false;
                break;
            }
        }
        if (holds) found.push_back(fact->id);
    }
    return found;
}

Explanation Session::why_fact(FactId id) const { return explain_fact(*state_, id); }

Explanation Session::why_advice(AdviceId id) const { return explain_advice(*state_, id); }

WhyNot Session::why_not(std::string_view rule) const { return explain_why_not(*state_, rule); }

std::string Session::render_fact(FactId id) const
{
    const Fact* fact = state_->memory.find(id);
    return fact != nullptr ? state_->fact_text(*fact) : "f-" + std::to_string(id) + " (unknown)";
}

const ValueStore& Session::values() const { return state_->values; }

ValueStore& Session::values() { return state_->values; }

void Session::set_trace(bool on, std::shared_ptr<spdlog::logger> logger)
{
    trace_ = on;
    logger_ = logger != nullptr ? std::move(logger) : spdlog::default_logger();
    state_->tracing = on;
    state_->logger = logger_;
}

}  // namespace koers::engine
