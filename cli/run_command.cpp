// `koers run`: load, check, compile, run, and show what the run derived: facts, advice,
// printed output and statistics, as text or JSON.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "cli/engine_commands.hpp"
#include "cli/engine_loading.hpp"
#include "engine/session.hpp"
#include "json/facts_json.hpp"

namespace koers::cli {

namespace {

using nlohmann::ordered_json;

std::optional<engine::Strategy> strategy_named(const std::string& name)
{
    if (name == "depth") return engine::Strategy::Depth;
    if (name == "breadth") return engine::Strategy::Breadth;
    if (name == "lex") return engine::Strategy::Lex;
    if (name == "mea") return engine::Strategy::Mea;
    return std::nullopt;
}

std::string stop_name(engine::StopReason stop)
{
    switch (stop) {
    case engine::StopReason::Finished: return "finished";
    case engine::StopReason::Halted: return "halted";
    case engine::StopReason::Limit: return "limit";
    case engine::StopReason::Error: return "error";
    }
    return "finished";
}

// "12.3 KiB"
std::string memory_text(std::size_t bytes)
{
    char text[32];
    if (bytes < 1024) std::snprintf(text, sizeof text, "%zu bytes", bytes);
    else if (bytes < 1024 * 1024) std::snprintf(text, sizeof text, "%.1f KiB", static_cast<double>(bytes) / 1024.0);
    else std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

double milliseconds(std::chrono::nanoseconds elapsed) { return static_cast<double>(elapsed.count()) / 1e6; }

std::string indented(const std::string& text, const std::string& indent)
{
    std::string out;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) out += indent + line + "\n";
    return out;
}

bool ends_with(const std::string& text, std::string_view suffix) { return text.ends_with(suffix); }

// One run's results, as the two output formats read them.
class RunReport {
public:
    RunReport(const engine::Session& session, const engine::RunResult& result, const RunCommandOptions& options)
        : session_(session), rules_(session.network().rules()), result_(result), options_(options)
    {
    }

    void text(std::ostream& out) const
    {
        const std::vector<engine::FactView> facts = session_.facts();
        out << "facts (" << facts.size() << "):\n";
        for (const engine::FactView& fact : facts) {
            out << "  f-" << fact.id << ' ' << session_.render_fact(fact.id);
            if (fact.origin != 0) out << "  <- " << rule_name(fact.origin);
            out << '\n';
            if (options_.explain && fact.origin != 0) out << indented(engine::render_explanation(session_.why_fact(fact.id)), "      ");
        }
        const std::vector<const engine::Advice*> advice = session_.advice();
        out << "advice (" << advice.size() << "):\n";
        for (const engine::Advice* item : advice) {
            out << "  " << severity_name(item->severity) << ' ' << string(item->topic) << "  <- "
                << rules_.rules[item->rule].name << '\n';
            for (const auto& [key, value] : item->links) out << "    " << string(key) << ": " << render(value) << '\n';
            for (const auto& [language, text] : item->texts) out << "    " << string(language) << ": " << text << '\n';
            if (options_.explain) out << indented(engine::render_explanation(session_.why_advice(item->id)), "      ");
        }
        const std::vector<std::string>& output = session_.output();
        out << "output (" << output.size() << (output.size() == 1 ? " line" : " lines") << "):\n";
        for (const std::string& line : output) out << "  " << line << '\n';
        out << "run: " << stop_name(result_.stop) << (result_.partial ? " (partial results)" : "") << ", "
            << result_.firings << (result_.firings == 1 ? " firing, " : " firings, ") << facts.size()
            << (facts.size() == 1 ? " fact" : " facts");
        if (options_.show_time) {
            char time[32];
            std::snprintf(time, sizeof time, "%.2f ms", milliseconds(result_.elapsed));
            out << ", " << time;
        }
        out << ", peak memory " << memory_text(result_.peak_memory) << '\n';
    }

    void json(std::ostream& out) const
    {
        ordered_json report;
        report["facts"] = ordered_json::array();
        for (const engine::FactView& fact : session_.facts()) {
            ordered_json item;
            item["id"] = fact.id;
            item["template"] = rules_.templates[fact.template_id].name;
            ordered_json slots = ordered_json::object();
            const std::vector<engine::SlotSpec>& specs = rules_.templates[fact.template_id].slots;
            for (std::size_t i = 0; i < fact.slots.size() && i < specs.size(); ++i) slots[specs[i].name] = value(fact.slots[i]);
            item["slots"] = std::move(slots);
            item["rule"] = fact.origin != 0 ? ordered_json(rule_name(fact.origin)) : ordered_json(nullptr);
            item["logical"] = fact.logical;
            if (options_.explain && fact.origin != 0) item["explanation"] = engine::render_explanation(session_.why_fact(fact.id));
            report["facts"].push_back(std::move(item));
        }
        report["advice"] = ordered_json::array();
        for (const engine::Advice* advice : session_.advice()) {
            ordered_json item;
            item["topic"] = string(advice->topic);
            item["severity"] = severity_name(advice->severity);
            item["rule"] = rules_.rules[advice->rule].name;
            ordered_json links = ordered_json::object();
            for (const auto& [key, link] : advice->links) links[string(key)] = value(link);
            item["links"] = std::move(links);
            ordered_json texts = ordered_json::object();
            for (const auto& [language, text] : advice->texts) texts[string(language)] = text;
            item["texts"] = std::move(texts);
            if (options_.explain) item["explanation"] = engine::render_explanation(session_.why_advice(advice->id));
            report["advice"].push_back(std::move(item));
        }
        report["output"] = session_.output();
        ordered_json run;
        run["stop"] = stop_name(result_.stop);
        run["partial"] = result_.partial;
        run["error"] = result_.error ? ordered_json(result_.error->render()) : ordered_json(nullptr);
        run["firings"] = result_.firings;
        run["facts"] = session_.facts().size();
        if (options_.show_time) run["time_ms"] = milliseconds(result_.elapsed);
        run["peak_memory_bytes"] = result_.peak_memory;
        report["run"] = std::move(run);
        out << report.dump(2) << '\n';
    }

private:
    [[nodiscard]] std::string rule_name(engine::FiringId firing) const
    {
        return rules_.rules[session_.firing_log().at(firing).rule].name;
    }

    [[nodiscard]] const std::string& string(engine::InternId id) const { return session_.values().string(id); }

    [[nodiscard]] std::string render(const engine::Value& value) const { return session_.values().render(value); }

    [[nodiscard]] ordered_json value(const engine::Value& value) const
    {
        switch (value.type()) {
        case engine::ValueType::Nil: return nullptr;
        case engine::ValueType::Bool: return value.as_bool();
        case engine::ValueType::Int: return value.as_int();
        case engine::ValueType::Number:
            // JSON has no infinity or NaN; they stay readable as text.
            if (!std::isfinite(value.as_number())) return render(value);
            return value.as_number();
        case engine::ValueType::Symbol:
        case engine::ValueType::Text: return string(value.id());
        case engine::ValueType::List: {
            ordered_json items = ordered_json::array();
            for (const engine::Value& item : session_.values().list_items(value.id())) items.push_back(this->value(item));
            return items;
        }
        }
        return nullptr;
    }

    const engine::Session& session_;
    const engine::RuleSet& rules_;
    const engine::RunResult& result_;
    const RunCommandOptions& options_;
};

// Asserts the facts of the `.json` files; false after printing why one could not be.
bool assert_json_facts(engine::Session& session, const std::vector<std::string>& files, std::ostream& err)
{
    for (const std::string& file : files) {
        const std::optional<std::string> text = read_file(file);
        if (!text) {
            err << "koers: error: cannot read facts file " << file << '\n';
            return false;
        }
        const json_io::JsonFactsResult read = json_io::read_json_facts(*text, session.network().rules(), session.values());
        if (read.error) {
            err << "koers: error: " << read.error->render(file) << '\n';
            return false;
        }
        for (const json_io::JsonFact& item : read.facts) {
            const engine::FactOutcome outcome = session.assert_fact(item.fact);
            if (!outcome.error) continue;
            err << "koers: error: " << file << ": " << item.path << ": " << outcome.error->message << '\n';
            return false;
        }
    }
    return true;
}

std::optional<engine::RunOptions> run_options(const RunCommandOptions& options, std::ostream& err)
{
    engine::RunOptions run;
    const std::optional<engine::Strategy> strategy = strategy_named(options.strategy);
    if (!strategy) {
        err << "koers: error: unknown strategy `" << options.strategy << "`; use depth, breadth, lex or mea\n";
        return std::nullopt;
    }
    run.strategy = *strategy;
    const std::optional<engine::Limits> limits =
        limits_from(options.max_firings, options.max_facts, options.timeout_seconds, err);
    if (!limits) return std::nullopt;
    run.limits = *limits;
    return run;
}

}  // namespace

int run_run(const RunCommandOptions& options, std::ostream& out, std::ostream& err)
{
    constexpr int usage_error = 2;
    if (options.paths.empty()) {
        err << "koers: error: no paths given; name .koers files or folders to run\n";
        return usage_error;
    }
    const std::optional<engine::RunOptions> run = run_options(options, err);
    if (!run) return usage_error;
    // Facts in .koers files join the ruleset, so they are checked with it.
    std::vector<std::string> paths = options.paths;
    std::vector<std::string> json_files;
    for (const std::string& file : options.fact_files) {
        if (ends_with(file, ".json")) json_files.push_back(file);
        else if (ends_with(file, ".koers")) paths.push_back(file);
        else {
            err << "koers: error: facts file " << file << " must end in .koers or .json\n";
            return usage_error;
        }
    }

    const std::unique_ptr<LoadedRuleset> loaded = load_ruleset(paths, err);
    if (loaded == nullptr) return 1;
    engine::Session session(loaded->network);
    if (options.trace) {
        spdlog::set_level(spdlog::level::debug);
        session.set_trace(true);
    }
    if (!assert_json_facts(session, json_files, err)) return 1;
    const engine::RunResult result = session.run(*run);

    const RunReport report(session, result, options);
    if (options.format == OutputFormat::Json) report.json(out);
    else report.text(out);
    if (result.error) err << (result.error->where.file.empty() ? "koers: " : "") << result.error->render() << '\n';
    return result.stop == engine::StopReason::Finished || result.stop == engine::StopReason::Halted ? 0 : 1;
}

}  // namespace koers::cli
