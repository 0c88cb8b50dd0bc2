// Sessions: a working memory on a compiled ruleset, with facts given as typed builders
// or JSON, and results read back as plain values.
#include <algorithm>

#include "api/conversion.hpp"
#include "api/facts_json.hpp"
#include "api/results_json.hpp"
#include "api/ruleset_impl.hpp"
#include "api/session_impl.hpp"

namespace koers::api {

namespace {

Error error_with(std::string message)
{
    Error error;
    error.message = std::move(message);
    return error;
}

std::optional<engine::TemplateId> template_named(const engine::RuleSet& rules, std::string_view name)
{
    for (engine::TemplateId id = 0; id < rules.templates.size(); ++id) {
        if (rules.templates[id].name == name) return id;
    }
    return std::nullopt;
}

std::optional<engine::SlotIndex> slot_named(const engine::TemplateSpec& spec, std::string_view name)
{
    for (engine::SlotIndex index = 0; index < spec.slots.size(); ++index) {
        if (spec.slots[index].name == name) return index;
    }
    return std::nullopt;
}

engine::Strategy engine_strategy(Strategy strategy)
{
    switch (strategy) {
    case Strategy::Depth: return engine::Strategy::Depth;
    case Strategy::Breadth: return engine::Strategy::Breadth;
    case Strategy::Lex: return engine::Strategy::Lex;
    case Strategy::Mea: return engine::Strategy::Mea;
    }
    return engine::Strategy::Depth;
}

StopReason public_stop(engine::StopReason stop)
{
    switch (stop) {
    case engine::StopReason::Finished: return StopReason::Finished;
    case engine::StopReason::Halted: return StopReason::Halted;
    case engine::StopReason::Limit: return StopReason::Limit;
    case engine::StopReason::Error: return StopReason::Error;
    }
    return StopReason::Error;
}

AssertResult public_outcome(const engine::FactOutcome& outcome)
{
    AssertResult result;
    result.fact = outcome.fact;
    result.existed = outcome.existed;
    if (outcome.error) result.error = public_error(*outcome.error);
    return result;
}

}  // namespace

Session::Session(const Ruleset& ruleset) : impl_(std::make_unique<Impl>(ruleset, RulesetAccess::impl(ruleset).network)) {}
Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;
Session::~Session() = default;

AssertResult Session::assert_fact(const NewFact& fact)
{
    const engine::RuleSet& rules = impl_->session.network().rules();
    const std::optional<engine::TemplateId> id = template_named(rules, fact.template_name());
    if (!id) return {0, false, error_with("unknown template `" + fact.template_name() + "`")};
    const engine::TemplateSpec& spec = rules.templates[*id];
    std::vector<std::optional<engine::Value>> slots(spec.slots.size());
    for (const auto& [name, value] : fact.slots()) {
        const std::optional<engine::SlotIndex> index = slot_named(spec, name);
        if (!index) return {0, false, error_with("template `" + spec.name + "` has no slot `" + name + "`")};
        std::string reason;
        slots[*index] = slot_value(value, spec.slots[*index], impl_->session.values(), reason);
        if (!slots[*index]) return {0, false, error_with("slot `" + spec.name + "." + name + "`: " + reason)};
    }
    engine::FactValue value;
    value.template_id = *id;
    for (std::size_t index = 0; index < spec.slots.size(); ++index) {
        const engine::SlotSpec& slot = spec.slots[index];
        if (slots[index]) value.slots.push_back(*slots[index]);
        else if (slot.default_value) value.slots.push_back(*slot.default_value);
        else if (slot.optional) value.slots.emplace_back();
        else return {0, false, error_with("a `" + spec.name + "` fact needs slot `" + slot.name + "`")};
    }
    return public_outcome(impl_->session.assert_fact(value));
}

JsonAssertResult Session::assert_json(std::string_view json) { return assert_json_facts(impl_->session, json); }

std::optional<Error> Session::retract(FactId id)
{
    if (std::optional<engine::RuntimeError> error = impl_->session.retract(id)) return public_error(*error);
    return std::nullopt;
}

AssertResult Session::modify(FactId id, const std::vector<std::pair<std::string, Value>>& changes)
{
    const std::optional<engine::FactView> current = impl_->session.fact(id);
    if (!current) return {0, false, error_with("there is no fact f-" + std::to_string(id))};
    const engine::TemplateSpec& spec = impl_->session.network().rules().templates[current->template_id];
    std::vector<engine::SlotChange> engine_changes;
    for (const auto& [name, value] : changes) {
        const std::optional<engine::SlotIndex> index = slot_named(spec, name);
        if (!index) return {0, false, error_with("template `" + spec.name + "` has no slot `" + name + "`")};
        std::string reason;
        const std::optional<engine::Value> fitted = slot_value(value, spec.slots[*index], impl_->session.values(), reason);
        if (!fitted) return {0, false, error_with("slot `" + spec.name + "." + name + "`: " + reason)};
        engine_changes.push_back({*index, *fitted});
    }
    return public_outcome(impl_->session.modify(id, engine_changes));
}

std::optional<Error> Session::focus(const std::vector<std::string>& stages)
{
    const engine::RuleSet& rules = impl_->session.network().rules();
    std::vector<engine::StageId> ids;
    for (const std::string& name : stages) {
        const auto found = std::find_if(rules.stages.begin(), rules.stages.end(),
                                        [&](const engine::StageSpec& stage) { return stage.name == name; });
        if (found == rules.stages.end()) return error_with("unknown stage `" + name + "`");
        ids.push_back(static_cast<engine::StageId>(found - rules.stages.begin()));
    }
    impl_->session.focus(ids);
    return std::nullopt;
}

RunResult Session::run(const RunOptions& options)
{
    engine::RunOptions engine_options;
    engine_options.strategy = engine_strategy(options.strategy);
    engine_options.limits.max_firings = options.max_firings;
    engine_options.limits.max_facts = options.max_facts;
    engine_options.limits.max_time = options.max_time;
    const engine::RunResult result = impl_->session.run(engine_options);
    RunResult out;
    out.firings = result.firings;
    out.stop = public_stop(result.stop);
    out.partial = result.partial;
    if (result.error) out.error = public_error(*result.error);
    out.elapsed = result.elapsed;
    out.peak_memory = result.peak_memory;
    impl_->last_run = out;
    return out;
}

std::vector<Fact> Session::facts() const
{
    std::vector<Fact> out;
    for (const engine::FactView& view : impl_->session.facts()) out.push_back(public_fact(impl_->session, view, true));
    return out;
}

std::vector<Fact> Session::facts(std::string_view template_name) const
{
    std::vector<Fact> out;
    const engine::RuleSet& rules = impl_->session.network().rules();
    for (const engine::FactView& view : impl_->session.facts()) {
        if (rules.templates[view.template_id].name == template_name) out.push_back(public_fact(impl_->session, view, true));
    }
    return out;
}

std::optional<Fact> Session::fact(FactId id) const
{
    const std::optional<engine::FactView> view = impl_->session.fact(id);
    if (!view) return std::nullopt;
    const std::vector<engine::FactView> live = impl_->session.facts();
    const bool is_live =
        std::any_of(live.begin(), live.end(), [&](const engine::FactView& fact) { return fact.id == id; });
    return public_fact(impl_->session, *view, is_live);
}

std::vector<Advice> Session::advice() const
{
    std::vector<Advice> out;
    for (const engine::Advice* advice : impl_->session.advice()) out.push_back(public_advice(impl_->session, *advice));
    return out;
}

std::vector<std::string> Session::output() const { return impl_->session.output(); }

std::uint64_t Session::firing_count(std::string_view rule) const { return impl_->session.firing_count(rule); }

std::optional<Explanation> Session::explain_fact(FactId id) const
{
    if (!impl_->session.fact(id)) return std::nullopt;
    return public_explanation(impl_->session.why_fact(id));
}

std::optional<Explanation> Session::explain_advice(AdviceId id) const
{
    const engine::Explanation explanation = impl_->session.why_advice(id);
    if (explanation.kind != engine::Explanation::Kind::Advice) return std::nullopt;
    return public_explanation(explanation);
}

std::string Session::why_not(std::string_view rule) const
{
    const engine::WhyNot why_not = impl_->session.why_not(rule);
    if (!why_not.known) return {};
    return engine::render_why_not(why_not);
}

std::string Session::results_json(const ResultsJsonOptions& options) const
{
    return render_results_json(impl_->session, impl_->last_run, options);
}

void Session::reset()
{
    impl_->session.reset();
    impl_->last_run.reset();
}

void Session::clear()
{
    impl_->session.clear();
    impl_->last_run.reset();
}

}  // namespace koers::api
