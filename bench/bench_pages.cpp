// koers_bench_pages: what touching a page of memory for the first time costs on this
// machine. Every process pays it for each page its heap and stack grow into, so it is
// part of the floor under the process times in docs/benchmarks.md.
//
//   koers_bench_pages [--pages N] [--rounds R]
//
// Maps N fresh pages R times, writes one byte to each, and prints the median cost of a
// page in microseconds as `page_us=...`.
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <iostream>
#include <vector>

#include <CLI/CLI.hpp>

int main(int argc, char** argv)
{
    CLI::App app("The cost of touching a page of memory for the first time");
    std::size_t pages = 1024;
    int rounds = 9;
    app.add_option("--pages", pages, "Pages to touch in each round")->check(CLI::Range(1, 1 << 20));
    app.add_option("--rounds", rounds, "Rounds, each on fresh memory")->check(CLI::Range(1, 1000));
    CLI11_PARSE(app, argc, argv);

    const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    std::vector<double> per_page;
    for (int round = 0; round < rounds; ++round) {
        void* memory = mmap(nullptr, pages * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (memory == MAP_FAILED) {
            std::cerr << "koers_bench_pages: cannot map " << pages << " pages\n";
            return 1;
        }
        auto* bytes = static_cast<volatile char*>(memory);
        const auto start = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < pages; ++i) bytes[i * page] = 1;
        const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
        per_page.push_back(took.count() / static_cast<double>(pages));
        munmap(memory, pages * page);
    }
    std::sort(per_page.begin(), per_page.end());
    std::cout << "page_us=" << per_page[per_page.size() / 2] << '\n';
    return 0;
}
