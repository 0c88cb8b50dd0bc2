// The actions of a firing, run in order. An error stops the firing (the actions before it
// have happened, as in CLIPS) and the run.
#include <boost/container/small_vector.hpp>

#include "engine/session_state.hpp"

namespace koers::engine {

bool SessionState::evaluate(ExprRef ref, const RuleSpec& rule, const SourceRef& where, Value& out)
{
    EvalFrame frame;
    frame.locals = locals.data();
    frame.local_facts = local_facts.data();
    if (evaluator.evaluate(ref, frame, out)) return true;
    return failed_evaluation(rule, where);
}

bool SessionState::evaluate_text(ExprRef ref, const RuleSpec& rule, const SourceRef& where, std::string& out)
{
    EvalFrame frame;
    frame.locals = locals.data();
    frame.local_facts = local_facts.data();
    // Built in a buffer that keeps its capacity, then copied once at its final size.
    text_buffer.clear();
    if (evaluator.append_text(ref, frame, text_buffer)) {
        out += text_buffer;
        return true;
    }
    return failed_evaluation(rule, where);
}

bool SessionState::failed_evaluation(const RuleSpec& rule, const SourceRef& where)
{
    std::optional<RuntimeError> problem = evaluator.take_error();
    if (!problem) problem = RuntimeError{"an expression failed", where, {}};
    if (problem->where.file.empty() && problem->where.line == 0) problem->where = where;
    problem->rule = rule.name;
    fail(std::move(*problem));
    return false;
}

bool SessionState::execute(const CompiledAction& compiled, const RuleSpec& rule)
{
    const ActionSpec& action = *compiled.spec;
    switch (action.kind) {
    case ActionSpec::Kind::Assert: {
        boost::container::small_vector<Value, 8> slots(compiled.values.size());
        for (std::size_t i = 0; i < slots.size(); ++i) {
            if (!evaluate(compiled.values[i], rule, action.where, slots[i])) return false;
        }
        AssertRequest request;
        request.template_id = action.template_id;
        request.slots = std::span<const Value>(slots.data(), slots.size());
        request.where = &action.where;
        request.origin = current_firing;
        request.logical = action.logical;
        request.support = current->token != nullptr ? current : nullptr;
        assert_fact(request);
        return !error;
    }
    case ActionSpec::Kind::Retract: {
        Fact* fact = local_facts[action.variable];
        if (!fact->live) {
            fail(RuntimeError{"cannot retract f-" + std::to_string(fact->id) + ": it is no longer in working memory",
                              action.where, rule.name});
            return false;
        }
        retract_fact(fact);
        return !error;
    }
    case ActionSpec::Kind::Modify: {
        Fact* fact = local_facts[action.variable];
        if (!fact->live) {
            fail(RuntimeError{"cannot modify f-" + std::to_string(fact->id) + ": it is no longer in working memory",
                              action.where, rule.name});
            return false;
        }
        boost::container::small_vector<Value, 8> slots(fact->slots(), fact->slots() + fact->slot_count);
        for (std::size_t i = 0; i < action.slots.size(); ++i) {
            const SlotIndex slot = action.slots[i].slot;
            if (slot >= slots.size()) {
                fail(RuntimeError{"modify names slot " + std::to_string(slot) + ", which the fact does not have", action.where,
                                  rule.name});
                return false;
            }
            if (!evaluate(compiled.values[i], rule, action.where, slots[slot])) return false;
        }
        if (std::optional<std::string> problem = check_fact(rules, values, fact->template_id, std::span<const Value>(slots.data(), slots.size()))) {
            fail(RuntimeError{std::move(*problem), action.where, rule.name});
            return false;
        }
        const TemplateId template_id = fact->template_id;
        retract_fact(fact);
        if (error) return false;
        AssertRequest request;
        request.template_id = template_id;
        request.slots = std::span<const Value>(slots.data(), slots.size());
        request.where = &action.where;
        request.origin = current_firing;
        const Asserted asserted = assert_fact(request);
        // Later actions of the firing see the fact as it is now.
        if (asserted.fact != nullptr) local_facts[action.variable] = asserted.fact;
        return !error;
    }
    case ActionSpec::Kind::Advise: {
        Advice given;
        given.links.reserve(action.links.size());
        given.texts.reserve(action.texts.size());
        given.topic = action.topic;
        given.severity = action.severity;
        given.rule = current->rule;
        given.firing = current_firing;
        std::size_t next = 0;
        for (const auto& link : action.links) {
            Value value;
            if (!evaluate(compiled.values[next++], rule, action.where, value)) return false;
            given.links.emplace_back(link.first, value);
        }
        for (const auto& text : action.texts) {
            std::string words;
            if (!evaluate_text(compiled.values[next++], rule, action.where, words)) return false;
            given.texts.emplace_back(text.first, std::move(words));
        }
        // Advice is logical: without the match that justifies it, there is none.
        if (current->token == nullptr) return true;
        given.id = advice.size() + 1;
        tms.support(current, given.id);
        trace([&] { return "==> advice " + std::to_string(given.id) + " " + values.string(given.topic); });
        advice.push_back(std::move(given));
        return true;
    }
    case ActionSpec::Kind::Print: {
        std::string line;
        if (!evaluate_text(compiled.values[0], rule, action.where, line)) return false;
        output.push_back(std::move(line));
        trace([&] { return "print: " + output.back(); });
        return true;
    }
    case ActionSpec::Kind::Bind:
        return evaluate(compiled.values[0], rule, action.where, locals[action.variable]);
    case ActionSpec::Kind::Focus:
        for (auto stage = action.stages.rbegin(); stage != action.stages.rend(); ++stage) {
            if (focus.empty() || focus.back() != *stage) focus.push_back(*stage);
        }
        return true;
    case ActionSpec::Kind::Halt: halted = true; return true;
    }
    return true;
}

}  // namespace koers::engine
