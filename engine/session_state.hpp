// Everything a session holds: one object, so the engine is reentrant and sessions share
// nothing but their network. Internal to the engine; Session is the API.
#pragma once

#include <array>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <spdlog/fwd.h>

#include "engine/agenda.hpp"
#include "engine/evaluator.hpp"
#include "engine/matcher.hpp"
#include "engine/provenance.hpp"
#include "engine/session.hpp"
#include "engine/tms.hpp"
#include "engine/working_memory.hpp"

namespace koers::engine {

struct AssertRequest {
    TemplateId template_id = 0;
    std::span<const Value> slots;
    const SourceRef* where = nullptr;
    FiringId origin = 0;
    bool logical = false;
    Activation* support = nullptr;  // for a logical assertion
};

struct Asserted {
    Fact* fact = nullptr;  // null on error, or for a logical assertion whose match is gone
    bool existed = false;
};

struct SessionState final : MatchListener {
    SessionState(std::shared_ptr<const Network> network, bool trace);
    // A copy of `source`, a state of the same network between two operations, that goes on
    // exactly as the source would: the same facts, ids, time tags, matches and agenda, in
    // the same order (session_copy.cpp).
    SessionState(const SessionState& source, std::shared_ptr<const Network> network);
    SessionState(const SessionState&) = delete;
    SessionState& operator=(const SessionState&) = delete;
    ~SessionState();

    // Working memory changes, each followed by the logical retractions it causes.
    Asserted assert_fact(const AssertRequest& request);
    // The ruleset's `facts` blocks, as Session::reset asserts them: an error in one fact
    // is dropped and does not keep the others out.
    void assert_initial_facts();
    bool retract_fact(Fact* fact);
    void retract_now(Fact* fact);
    void settle();
    void fail(RuntimeError error, bool limit = false);

    // Firing (session_run.cpp, session_actions.cpp)
    RunResult run(const RunOptions& options);
    void fire(Activation* activation);
    bool execute(const CompiledAction& action, const RuleSpec& rule);
    bool evaluate(ExprRef ref, const RuleSpec& rule, const SourceRef& where, Value& out);
    bool evaluate_text(ExprRef ref, const RuleSpec& rule, const SourceRef& where, std::string& out);
    bool failed_evaluation(const RuleSpec& rule, const SourceRef& where);
    void limit_reached(const std::string& what);

    // MatchListener
    void match_added(Token* token, RuleId rule) override;
    void match_removed(Token* token) override;
    void withdraw(Activation* activation);

    [[nodiscard]] std::uint64_t fired_count(RuleId rule) const { return rule < fired.size() ? fired[rule] : 0; }
    [[nodiscard]] std::string fact_text(const Fact& fact) const;
    [[nodiscard]] std::string match_text(const Token& token) const;
    // `text` is made only when tracing.
    template <typename Text>
    void trace(Text text)
    {
        if (tracing) log_trace(text());
    }
    void log_trace(const std::string& line) const;

    std::shared_ptr<const Network> keep;
    const Network& net;
    const RuleSet& rules;
    ValueStore values;
    MemoryMeter meter;
    std::unique_ptr<std::max_align_t[]> copied_chunks;  // a copy's pools live here
    Evaluator evaluator;
    WorkingMemory memory;
    Agenda agenda;
    BlockPool activations;
    TruthMaintenance tms;
    FiringLog log;
    std::deque<Advice> advice;  // a deque: pointers handed out stay valid
    std::vector<std::string> output;
    std::string text_buffer;  // evaluate_text's scratch space
    std::vector<std::uint64_t> fired;  // by rule, as far as the last rule that fired
    std::vector<StageId> focus;  // the top is the back
    std::vector<Fact*> unsupported;  // logical facts whose last support went
    std::vector<AdviceId> withdrawn;
    std::uint64_t activation_sequence = 0;
    std::array<RuleId, 32> recent{};  // the rules of the last firings, as a ring
    std::uint64_t total_firings = 0;
    bool tracing = false;
    std::shared_ptr<spdlog::logger> logger;
    // The firing in progress.
    Activation* current = nullptr;
    FiringId current_firing = 0;
    std::vector<Value> locals;
    std::vector<Fact*> local_facts;
    bool halted = false;
    const Limits* limits = nullptr;  // during a run
    std::optional<RuntimeError> error;  // the first error since the operation or run began
    bool limit_hit = false;
    Matcher matcher;  // last: it calls back into the state above

private:
    friend std::unique_ptr<const SessionState> initial_state_of(const Network& network);
    // `relocation` collects the copied chunks while the members are made.
    SessionState(const SessionState& source, std::shared_ptr<const Network> network, Relocation&& relocation);
};

// A session's state after the initial facts of the network's ruleset are asserted, as
// Session::reset leaves it without tracing (session_copy.cpp).
std::unique_ptr<const SessionState> initial_state_of(const Network& network);

Explanation explain_fact(const SessionState& state, FactId id);
Explanation explain_advice(const SessionState& state, AdviceId id);
WhyNot explain_why_not(const SessionState& state, std::string_view rule);

// The message when an asserted fact does not fit its template; nothing when it fits.
std::optional<std::string> check_fact(const RuleSet& rules, const ValueStore& values, TemplateId template_id,
                                      std::span<const Value> slots);

}  // namespace koers::engine
