// koers_gen_rules: writes a large, valid, deterministic ruleset for benchmarks of the
// front end (parse + check). The same seed gives the same file on every platform.
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "bench/split_mix.hpp"

namespace {

using Random = koers::bench::SplitMix;

// What a slot holds. Variables join only slots of the same kind, so every join is
// between values of one type and one domain.
enum class Kind { Level, Phase, Score, Weight, Flag, Label };
constexpr int kind_count = 6;

const std::vector<std::string> levels = {"low", "medium", "high", "critical"};
const std::vector<std::string> phases = {"formeren", "funderen", "evolueren", "transformeren"};

struct Slot {
    std::string name;
    Kind kind = Kind::Level;
};

struct Template {
    std::string name;
    std::vector<Slot> slots;
};

std::string kind_stem(Kind kind)
{
    switch (kind) {
    case Kind::Level: return "level";
    case Kind::Phase: return "phase";
    case Kind::Score: return "score";
    case Kind::Weight: return "weight";
    case Kind::Flag: return "active";
    case Kind::Label: return "label";
    }
    return "slot";
}

std::string type_and_domain(Kind kind)
{
    switch (kind) {
    case Kind::Level: return "symbol in {low, medium, high, critical}";
    case Kind::Phase: return "symbol in {formeren, funderen, evolueren, transformeren}";
    case Kind::Score: return "int in 0..100";
    case Kind::Weight: return "number in 0..1";
    case Kind::Flag: return "bool";
    case Kind::Label: return "text";
    }
    return "symbol";
}

bool is_numeric(Kind kind) { return kind == Kind::Score || kind == Kind::Weight; }

std::string pick(Random& random, const std::vector<std::string>& words)
{
    return words[static_cast<std::size_t>(random.between(0, static_cast<int>(words.size()) - 1))];
}

// A value of the slot's kind that lies in its domain.
std::string constant(Random& random, Kind kind)
{
    switch (kind) {
    case Kind::Level: return pick(random, levels);
    case Kind::Phase: return pick(random, phases);
    case Kind::Score: return std::to_string(random.between(0, 100));
    case Kind::Weight: return "0." + std::to_string(random.between(1, 9));
    case Kind::Flag: return random.chance(50) ? "true" : "false";
    case Kind::Label: return "\"label " + std::to_string(random.between(0, 99)) + "\"";
    }
    return "x";
}

// The test after `slot:` when the slot is not bound to a variable.
std::string constant_test(Random& random, Kind kind)
{
    if (is_numeric(kind) && random.chance(60)) return (random.chance(50) ? ">= " : "< ") + constant(random, kind);
    if ((kind == Kind::Level || kind == Kind::Phase) && random.chance(40)) {
        const auto& words = kind == Kind::Level ? levels : phases;
        const auto other = static_cast<std::size_t>(random.between(1, static_cast<int>(words.size()) - 1));
        return (random.chance(70) ? "in {" : "not in {") + words[0] + ", " + words[other] + "}";
    }
    return constant(random, kind);
}

std::vector<Template> make_templates(Random& random, int count)
{
    std::vector<Template> templates;
    for (int t = 0; t < count; ++t) {
        Template tmpl;
        tmpl.name = "t" + std::to_string(t);
        const int slots = random.between(3, 8);
        for (int s = 0; s < slots; ++s) {
            const auto kind = static_cast<Kind>(random.between(0, kind_count - 1));
            tmpl.slots.push_back(Slot{kind_stem(kind) + "_" + std::to_string(s), kind});
        }
        templates.push_back(std::move(tmpl));
    }
    return templates;
}

void write_template(std::ostream& out, const Template& tmpl, int index)
{
    out << "template " << tmpl.name << " \"Generated template " << index << "\" {\n";
    for (const Slot& slot : tmpl.slots) out << "  " << slot.name << ": " << type_and_domain(slot.kind) << '\n';
    out << "}\n\n";
}

struct Variable {
    std::string name;  // with '?'
    Kind kind = Kind::Level;
};

// Builds one rule. Every variable it binds is used again: in a join, a guard, the
// asserted fact or the advice text.
class RuleWriter {
public:
    RuleWriter(Random& random, const std::vector<Template>& templates) : random_(random), templates_(templates) {}

    void write(std::ostream& out, int index)
    {
        variables_.clear();
        out << "rule r" << index << " \"Generated rule " << index << "\"\n";
        if (random_.chance(30)) out << "  salience " << random_.between(-10, 10) << '\n';
        if (random_.chance(20)) out << "  tags group: g" << index % 17 << '\n';
        out << "when\n";
        const int patterns = random_.between(2, 5);
        for (int p = 0; p < patterns; ++p) {
            const bool negated = p > 0 && p == patterns - 1 && random_.chance(30);
            out << "  " << (negated ? "not " : "") << pattern(p == 0, negated) << '\n';
        }
        write_guard(out);
        out << "then\n";
        if (random_.chance(60)) out << "  assert " << asserted_fact() << '\n';
        out << "  advise topic_" << index % 50 << " severity: " << (random_.chance(50) ? "warning" : "info") << '\n'
            << "    en: \"Rule " << index << " matched" << interpolations() << "\"\n";
        out << "end\n\n";
    }

private:
    const Template& random_template()
    {
        return templates_[static_cast<std::size_t>(random_.between(0, static_cast<int>(templates_.size()) - 1))];
    }

    const Variable* bound(Kind kind) const
    {
        for (const Variable& variable : variables_) {
            if (variable.kind == kind) return &variable;
        }
        return nullptr;
    }

    // A template with a slot that joins one of the bound variables, if one turns up.
    const Template& joinable_template()
    {
        for (int attempt = 0; attempt < 20; ++attempt) {
            const Template& candidate = random_template();
            for (const Slot& slot : candidate.slots) {
                if (bound(slot.kind) != nullptr) return candidate;
            }
        }
        return random_template();
    }

    // The first pattern binds at least one variable, so that the others can join it.
    std::string pattern(bool first, bool negated)
    {
        const Template& tmpl = first ? random_template() : joinable_template();
        std::string text = tmpl.name + "(";
        bool joined = false;
        int constraints = 0;
        std::vector<Variable> new_variables;
        for (const Slot& slot : tmpl.slots) {
            std::string constraint;
            const Variable* join = bound(slot.kind);
            if (join != nullptr && !joined && !first) {
                constraint = join->name;
                joined = true;
            } else if (!negated && join == nullptr && new_variables.size() < 2 &&
                       ((first && new_variables.empty()) || random_.chance(50))) {
                Variable variable{"?v" + std::to_string(variables_.size() + new_variables.size()), slot.kind};
                constraint = variable.name;
                if (is_numeric(slot.kind) && random_.chance(30)) constraint += " >= " + constant(random_, slot.kind);
                new_variables.push_back(variable);
            } else if (random_.chance(25)) {
                constraint = constant_test(random_, slot.kind);
            }
            if (constraint.empty()) continue;
            text += (constraints++ > 0 ? ", " : "") + slot.name + ": " + constraint;
        }
        variables_.insert(variables_.end(), new_variables.begin(), new_variables.end());
        return text + ")";
    }

    void write_guard(std::ostream& out)
    {
        if (!random_.chance(30)) return;
        for (const Variable& variable : variables_) {
            if (variable.kind == Kind::Score) {
                out << "  where " << variable.name << " * 2 > " << random_.between(0, 150) << '\n';
                return;
            }
            if (variable.kind == Kind::Weight) {
                out << "  where " << variable.name << " + 0.1 < 0." << random_.between(2, 9) << '\n';
                return;
            }
        }
    }

    std::string asserted_fact()
    {
        const Template& tmpl = random_template();
        std::string text = tmpl.name + "(";
        for (std::size_t s = 0; s < tmpl.slots.size(); ++s) {
            const Slot& slot = tmpl.slots[s];
            const Variable* variable = bound(slot.kind);
            text += (s > 0 ? ", " : "") + slot.name + ": " + (variable != nullptr ? variable->name : constant(random_, slot.kind));
        }
        return text + ")";
    }

    std::string interpolations() const
    {
        std::string text;
        for (const Variable& variable : variables_) text += " {" + variable.name + "}";
        return text;
    }

    Random& random_;
    const std::vector<Template>& templates_;
    std::vector<Variable> variables_;
};

}  // namespace

int main(int argc, char** argv)
{
    CLI::App app{"Writes a large generated Koers ruleset for benchmarks.", "koers_gen_rules"};
    std::string output;
    int rules = 10000;
    int templates = 200;
    std::uint64_t seed = 1;
    app.add_option("OUTPUT", output, "The .koers file to write")->required();
    app.add_option("--rules", rules, "Number of rules")->check(CLI::Range(1, 10'000'000));
    app.add_option("--templates", templates, "Number of templates")->check(CLI::Range(1, 1'000'000));
    app.add_option("--seed", seed, "Seed of the generator; the same seed gives the same file");
    CLI11_PARSE(app, argc, argv);

    std::ofstream out(output, std::ios::binary);
    if (!out) {
        std::cerr << "koers_gen_rules: error: cannot write " << output << '\n';
        return 1;
    }
    Random random(seed);
    const std::vector<Template> generated = make_templates(random, templates);
    out << "// Generated by koers_gen_rules --rules " << rules << " --templates " << templates << " --seed " << seed
        << "\n\n";
    for (std::size_t t = 0; t < generated.size(); ++t) write_template(out, generated[t], static_cast<int>(t));
    RuleWriter writer(random, generated);
    for (int r = 0; r < rules; ++r) writer.write(out, r);
    out.close();
    if (!out) {
        std::cerr << "koers_gen_rules: error: writing " << output << " failed\n";
        return 1;
    }
    return 0;
}
