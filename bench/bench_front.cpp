// koers_bench_front: times the front end (load_program + check_program) on one ruleset
// and prints the median of several runs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <variant>
#include <vector>

#include <CLI/CLI.hpp>

#include "check/checker.hpp"
#include "check/loader.hpp"

namespace {

std::size_t count_rules(const koers::Program& program)
{
    std::size_t rules = 0;
    for (const koers::ast::Module& module : program.modules) {
        for (const koers::ast::Declaration& declaration : module.declarations) {
            if (std::holds_alternative<koers::ast::RuleDecl>(declaration)) ++rules;
        }
    }
    return rules;
}

double milliseconds(std::chrono::steady_clock::duration duration)
{
    return std::chrono::duration<double, std::milli>(duration).count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv)
{
    CLI::App app{"Times parsing and checking of a ruleset.", "koers_bench_front"};
    std::string path;
    int runs = 5;
    app.add_option("RULESET", path, "A .koers file or folder")->required();
    app.add_option("--runs", runs, "How many times to load and check")->check(CLI::Range(1, 1000));
    CLI11_PARSE(app, argc, argv);

    std::vector<double> total_ms;
    std::vector<double> load_ms;
    std::vector<double> check_ms;
    std::size_t rules = 0;
    std::size_t bytes = 0;
    for (int run = 0; run < runs; ++run) {
        koers::Diagnostics diagnostics;
        const auto start = std::chrono::steady_clock::now();
        const koers::Program program = koers::load_program({path}, diagnostics);
        const auto loaded = std::chrono::steady_clock::now();
        koers::check_program(program, diagnostics);
        const auto checked = std::chrono::steady_clock::now();
        total_ms.push_back(milliseconds(checked - start));
        load_ms.push_back(milliseconds(loaded - start));
        check_ms.push_back(milliseconds(checked - loaded));

        // A benchmark of a ruleset with errors would time the error paths instead.
        if (diagnostics.has_errors()) {
            diagnostics.sort();
            const std::size_t shown = std::min<std::size_t>(diagnostics.all().size(), 5);
            for (std::size_t i = 0; i < shown; ++i) std::cerr << koers::render(diagnostics.all()[i], program.sources);
            std::cerr << "koers_bench_front: error: " << path << " has " << diagnostics.error_count() << " errors\n";
            return 1;
        }
        rules = count_rules(program);
        bytes = 0;
        for (std::uint32_t file = 0; file < program.sources.size(); ++file) bytes += program.sources.file(file).text.size();
    }

    const double total = median(total_ms);
    std::printf("parse+check %zu rules (%.1f MB): median %.1f ms over %d runs (load %.1f ms, check %.1f ms), "
                "%.0f rules/s\n",
                rules, static_cast<double>(bytes) / 1e6, total, runs, median(load_ms), median(check_ms),
                total > 0 ? static_cast<double>(rules) * 1000.0 / total : 0.0);
    return 0;
}
