// The engine's API: a session runs one network over its own working memory.
//
//   auto built = koers::engine::build_network(ruleset);
//   koers::engine::Session session(built.network);   // starts with the initial facts
//   session.assert_fact(fact);
//   koers::engine::RunResult result = session.run();
//   for (const koers::engine::FactView& fact : session.facts()) ...
//
// Nothing here throws on bad input: errors come back as values (RuntimeError), with the
// place in the source when there is one. Any number of sessions may share one network,
// also from several threads (one thread per session).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <spdlog/fwd.h>

#include "engine/agenda.hpp"
#include "engine/errors.hpp"
#include "engine/explanation.hpp"
#include "engine/network.hpp"
#include "engine/provenance.hpp"

namespace koers::engine {

struct SessionState;

struct Limits {
    std::uint64_t max_firings = 1'000'000;
    std::size_t max_facts = 1'000'000;  // live facts
    std::chrono::milliseconds max_time{10'000};
};

struct RunOptions {
    Strategy strategy = Strategy::Depth;
    Limits limits;
};

enum class StopReason : std::uint8_t {
    Finished,  // the agenda ran empty
    Halted,    // a rule said `halt`
    Limit,     // a limit was reached: `error` says which
    Error,     // a run-time error: `error` says what and where
};

struct RunResult {
    std::uint64_t firings = 0;  // in this run
    StopReason stop = StopReason::Finished;
    std::optional<RuntimeError> error;
    bool partial = false;  // the run stopped before it was done: results are incomplete
    std::chrono::nanoseconds elapsed{0};
    std::size_t peak_memory = 0;  // bytes held for the match state at most, since the reset
};

struct FactOutcome {
    FactId fact = 0;  // the fact asserted, or the equal fact already present; 0 on error
    bool existed = false;  // an equal fact was already present, so nothing changed
    std::optional<RuntimeError> error;  // also set when matching the fact met an error
};

struct SlotChange {
    SlotIndex slot = 0;
    Value value;
};

struct FactView {
    FactId id = 0;
    TemplateId template_id = 0;
    std::uint64_t time_tag = 0;
    std::span<const Value> slots;
    FiringId origin = 0;  // the firing that asserted it; 0 when asserted from outside
    bool logical = false;  // held by logical support only
};

// A waiting activation: the rule and the facts it matched (0 where a `not`, `exists` or
// aggregate stands).
struct ActivationView {
    RuleId rule = 0;
    std::vector<FactId> facts;
};

class Session {
public:
    // A session starts as a copy of the state its network keeps right after the ruleset's
    // initial facts (Network::initial_state), unless it traces.
    explicit Session(std::shared_ptr<const Network> network);
    // An independent session in the same state, that goes on exactly as this one would:
    // the same facts, ids, matches, agenda, history and advice. Copying is cheaper than
    // asserting the facts again: a what-if from a common starting point.
    Session(const Session& other);
    Session& operator=(const Session&) = delete;
    Session(Session&&) noexcept;
    Session& operator=(Session&&) noexcept;
    ~Session();

    // Back to the ruleset's initial facts: working memory, agenda, focus, output, advice
    // and history start afresh.
    void reset();
    // As reset, but with no facts at all (what `koers test` starts each test from).
    void clear();

    FactOutcome assert_fact(const FactValue& fact);
    std::optional<RuntimeError> retract(FactId id);
    // Retracts the fact and asserts it with the changes, under a new id, as CLIPS does.
    FactOutcome modify(FactId id, std::span<const SlotChange> changes);
    // Puts stages on the focus stack; the first named runs first.
    void focus(std::span<const StageId> stages);

    // Fires rules until the agenda is empty, a rule halts, a limit is reached or an error
    // stops the run. A later run goes on from where this one stopped.
    RunResult run(const RunOptions& options = {});

    [[nodiscard]] std::vector<FactView> facts() const;  // live facts, by id
    [[nodiscard]] std::optional<FactView> fact(FactId id) const;  // live or retracted
    // Live advice, oldest first; the pointers stay valid until the next reset or clear.
    [[nodiscard]] std::vector<const Advice*> advice() const;
    [[nodiscard]] const std::vector<std::string>& output() const;  // printed lines
    [[nodiscard]] const FiringLog& firing_log() const;
    [[nodiscard]] std::uint64_t firing_count(std::string_view rule) const;  // all variants
    [[nodiscard]] std::vector<ActivationView> agenda() const;  // in firing order, stage by stage
    // Live facts that match the query, by id.
    [[nodiscard]] std::vector<FactId> find_facts(const QuerySpec& query) const;

    [[nodiscard]] Explanation why_fact(FactId id) const;
    [[nodiscard]] Explanation why_advice(AdviceId id) const;
    [[nodiscard]] WhyNot why_not(std::string_view rule) const;

    // `pole(paradox: P01, value: 2)`
    [[nodiscard]] std::string render_fact(FactId id) const;
    // Values made at run time (texts, lists) live here; render them with it. Symbols and
    // texts for facts asserted from outside are interned here too (or in the ruleset's
    // store before the network is built: that store must not change afterwards).
    [[nodiscard]] const ValueStore& values() const;
    [[nodiscard]] ValueStore& values();
    [[nodiscard]] const Network& network() const { return *network_; }

    // Logs assertions, retractions, activations and firings at debug level, to `logger`
    // or to spdlog's default logger. Off by default; when off it costs one test per event.
    void set_trace(bool on, std::shared_ptr<spdlog::logger> logger = nullptr);

private:
    void restart(bool initial_facts);

    std::shared_ptr<const Network> network_;
    std::unique_ptr<SessionState> state_;
    bool trace_ = false;
    std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace koers::engine
