// koers_gen_waltz: writes the data of the Waltz benchmark, the same line drawing
// twice: as JSON facts for `koers run --facts` and as a CLIPS facts file for
// (load-facts). The same seed gives the same files on every platform.
//
// The drawing is N copies ("regions") of the classic benchmark's drawing of 18 lines
// and 13 points (a block with a notch), side by side, 100 apart in x; a point is one
// int, x * 100 + y. The program labels from the two boundary junctions of the whole
// drawing (the highest and the lowest point), so the labels spread through the first
// and the last region; the edges of the others are plotted as boundaries, as the
// classic program does with edges it cannot label. The seed shuffles the order of the
// lines and the direction in which each line is written.
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "bench/split_mix.hpp"

namespace {

using Random = koers::bench::SplitMix;

struct Point {
    int x = 0;
    int y = 0;
};

struct Line {
    Point from;
    Point to;
};

// The classic region, as (x, y) pairs.
const std::vector<Line> region_lines = {
    {{1, 22}, {1, 7}},    {{1, 7}, {22, 7}},    {{22, 7}, {32, 4}},   {{32, 4}, {64, 4}},
    {{22, 16}, {22, 7}},  {{32, 13}, {32, 4}},  {{22, 16}, {32, 13}}, {{1, 7}, {26, 1}},
    {{26, 1}, {74, 1}},   {{64, 4}, {74, 1}},   {{32, 13}, {64, 13}}, {{64, 13}, {64, 4}},
    {{74, 16}, {74, 1}},  {{52, 16}, {64, 13}}, {{22, 16}, {52, 16}}, {{1, 22}, {52, 22}},
    {{52, 22}, {74, 16}}, {{52, 22}, {52, 16}},
};
constexpr int region_width = 100;

int encode(Point point) { return point.x * 100 + point.y; }

Point shifted(Point point, int region) { return {point.x + region * region_width, point.y}; }

std::vector<std::pair<int, int>> generate_lines(int regions, std::uint64_t seed)
{
    std::vector<std::pair<int, int>> lines;
    for (int region = 0; region < regions; ++region) {
        for (const Line& line : region_lines) {
            lines.emplace_back(encode(shifted(line.from, region)), encode(shifted(line.to, region)));
        }
    }
    Random random(seed);
    for (std::size_t index = lines.size(); index > 1; --index) {
        std::swap(lines[index - 1], lines[random.below(index)]);
    }
    for (auto& line : lines) {
        if (random.below(2) == 1) std::swap(line.first, line.second);
    }
    return lines;
}

void write_json(std::ostream& out, const std::vector<std::pair<int, int>>& lines)
{
    out << "{\"facts\": [\n";
    for (const auto& [from, to] : lines) {
        out << "  {\"template\": \"line\", \"slots\": {\"p1\": " << from << ", \"p2\": " << to << "}},\n";
    }
    out << "  {\"template\": \"stage\", \"slots\": {\"value\": \"start\"}}\n"
        << "]}\n";
}

void write_clips(std::ostream& out, const std::vector<std::pair<int, int>>& lines)
{
    for (const auto& [from, to] : lines) out << "(line (p1 " << from << ") (p2 " << to << "))\n";
    out << "(stage (value start))\n";
}

bool write_file(const std::string& path, const std::vector<std::pair<int, int>>& lines,
                void (*write)(std::ostream&, const std::vector<std::pair<int, int>>&))
{
    std::ofstream out(path);
    if (out) write(out, lines);
    if (out) return true;
    std::cerr << "koers_gen_waltz: error: cannot write " << path << '\n';
    return false;
}

}  // namespace

int main(int argc, char** argv)
{
    CLI::App app{"Writes the line drawing of the Waltz benchmark for Koers (JSON) and CLIPS.", "koers_gen_waltz"};
    int regions = 12;
    std::uint64_t seed = 1;
    std::string json_path;
    std::string clips_path;
    app.add_option("--regions", regions, "Number of regions (copies of the classic drawing)")->check(CLI::Range(1, 10'000));
    app.add_option("--seed", seed, "Seed of the generator; the same seed gives the same data");
    app.add_option("--json", json_path, "The JSON facts file to write, for koers run --facts")->required();
    app.add_option("--clips", clips_path, "The CLIPS facts file to write, for (load-facts)")->required();
    CLI11_PARSE(app, argc, argv);
    const auto lines = generate_lines(regions, seed);
    if (!write_file(json_path, lines, write_json) || !write_file(clips_path, lines, write_clips)) return 1;
    return 0;
}
