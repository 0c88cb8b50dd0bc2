// cli/heap.cpp: the koers program's heap, with its first 4 MiB advised for huge pages.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/heap.hpp"

namespace {

struct AdvisedRange {
    std::uintptr_t start = 0;
    std::uintptr_t end = 0;
};

// The mappings of this process that are advised for huge pages (`hg` in VmFlags).
std::vector<AdvisedRange> huge_page_ranges()
{
    std::ifstream smaps("/proc/self/smaps");
    std::vector<AdvisedRange> ranges;
    AdvisedRange current;
    std::string line;
    while (std::getline(smaps, line)) {
        if (line.starts_with("VmFlags:")) {
            if ((line + ' ').find(" hg ") != std::string::npos) ranges.push_back(current);
            continue;
        }
        const std::size_t dash = line.find('-');
        const std::size_t space = line.find(' ');
        if (dash == std::string::npos || space == std::string::npos || dash > space) continue;
        std::istringstream addresses(line.substr(0, space));
        char separator = 0;
        addresses >> std::hex >> current.start >> separator >> current.end;
    }
    return ranges;
}

}  // namespace

TEST_CASE("heap: the first 4 MiB after a 2 MiB boundary are advised for huge pages")
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    CHECK_FALSE(koers::cli::prepare_heap());
#else
    if (!std::filesystem::exists("/sys/kernel/mm/transparent_hugepage/enabled")) {
        MESSAGE("this kernel has no transparent huge pages");
        return;
    }
    REQUIRE(koers::cli::prepare_heap());
    constexpr std::uintptr_t two_mib = std::uintptr_t{2} << 20;
    bool found = false;
    for (const AdvisedRange& range : huge_page_ranges()) {
        if (range.end - range.start == 2 * two_mib && range.start % two_mib == 0) found = true;
    }
    CHECK(found);
#endif
}
