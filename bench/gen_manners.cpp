// koers_gen_manners: writes the data of the Miss Manners benchmark, the same guests
// twice: as JSON facts for `koers run --facts` and as a CLIPS facts file for
// (load-facts). The same seed gives the same files on every platform.
//
// The data follow the original generator's settings: guests n1..nN, exactly half of
// each sex in random order, each guest with 2 or 3 distinct hobbies out of h1..h3, and
// as many seats as guests. Any two guests then share a hobby, so the program's search
// without backtracking always seats everyone.
#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "bench/split_mix.hpp"

namespace {

using Random = koers::bench::SplitMix;

constexpr int hobby_count = 3;
constexpr int min_hobbies = 2;
constexpr int max_hobbies = 3;

struct Guest {
    std::string name;
    char sex = 'm';
    std::vector<int> hobbies;
};

std::vector<Guest> generate_guests(int count, std::uint64_t seed)
{
    Random random(seed);
    int males_left = count / 2;
    int females_left = count / 2;
    std::vector<Guest> guests;
    for (int number = 1; number <= count; ++number) {
        Guest guest;
        guest.name = "n" + std::to_string(number);
        const bool male = females_left == 0 || (males_left > 0 && random.below(2) == 0);
        guest.sex = male ? 'm' : 'f';
        (male ? males_left : females_left) -= 1;
        std::vector<int> pool;
        for (int hobby = 1; hobby <= hobby_count; ++hobby) pool.push_back(hobby);
        const std::size_t wanted = static_cast<std::size_t>(min_hobbies) + random.below(max_hobbies - min_hobbies + 1);
        while (guest.hobbies.size() < wanted) {
            const std::size_t pick = random.below(pool.size());
            guest.hobbies.push_back(pool[pick]);
            pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(pick));
        }
        guests.push_back(std::move(guest));
    }
    return guests;
}

// Guests, the last seat, then the context and the counter, in the original order.
void write_json(std::ostream& out, const std::vector<Guest>& guests)
{
    out << "{\"facts\": [\n";
    for (const Guest& guest : guests) {
        for (const int hobby : guest.hobbies) {
            out << "  {\"template\": \"guest\", \"slots\": {\"name\": \"" << guest.name << "\", \"sex\": \"" << guest.sex
                << "\", \"hobby\": \"h" << hobby << "\"}},\n";
        }
    }
    out << "  {\"template\": \"last_seat\", \"slots\": {\"seat\": " << guests.size() << "}},\n"
        << "  {\"template\": \"context\", \"slots\": {\"state\": \"start_up\"}},\n"
        << "  {\"template\": \"count\", \"slots\": {\"c\": 1}}\n"
        << "]}\n";
}

void write_clips(std::ostream& out, const std::vector<Guest>& guests)
{
    for (const Guest& guest : guests) {
        for (const int hobby : guest.hobbies) {
            out << "(guest (name " << guest.name << ") (sex " << guest.sex << ") (hobby h" << hobby << "))\n";
        }
    }
    out << "(last_seat (seat " << guests.size() << "))\n"
        << "(context (state start_up))\n"
        << "(count (c 1))\n";
}

bool write_file(const std::string& path, const std::vector<Guest>& guests,
                void (*write)(std::ostream&, const std::vector<Guest>&))
{
    std::ofstream out(path);
    if (out) write(out, guests);
    if (out) return true;
    std::cerr << "koers_gen_manners: error: cannot write " << path << '\n';
    return false;
}

}  // namespace

int main(int argc, char** argv)
{
    CLI::App app{"Writes the guests of the Miss Manners benchmark for Koers (JSON) and CLIPS.", "koers_gen_manners"};
    int guests = 16;
    std::uint64_t seed = 1;
    std::string json_path;
    std::string clips_path;
    app.add_option("--guests", guests, "Number of guests (and seats), even")->check(CLI::Range(2, 100'000));
    app.add_option("--seed", seed, "Seed of the generator; the same seed gives the same data");
    app.add_option("--json", json_path, "The JSON facts file to write, for koers run --facts")->required();
    app.add_option("--clips", clips_path, "The CLIPS facts file to write, for (load-facts)")->required();
    CLI11_PARSE(app, argc, argv);
    if (guests % 2 != 0) {
        std::cerr << "koers_gen_manners: error: --guests must be even, so that the sexes can alternate\n";
        return 2;
    }
    const std::vector<Guest> data = generate_guests(guests, seed);
    if (!write_file(json_path, data, write_json) || !write_file(clips_path, data, write_clips)) return 1;
    return 0;
}
