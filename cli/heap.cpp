// A short `koers advise` spent half its time on page faults: each 4 KiB page its heap
// grows into costs 10 us on some virtual machines (bench/bench_pages.cpp), and a run
// touched about 800 of them. A 2 MiB transparent huge page costs one fault instead of
// 512, so 4 MiB of the heap are asked for on huge pages (bench/README.md,
// "Starting up").
#include "cli/heap.hpp"

#include <cstddef>
#include <cstdint>

// The sanitizers bring their own malloc.
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#define KOERS_HUGE_PAGE_HEAP 1
#endif

namespace koers::cli {

#ifdef KOERS_HUGE_PAGE_HEAP
namespace {

constexpr std::uintptr_t huge_page = std::uintptr_t{2} << 20;
// Two huge pages: all the heap a `koers advise` needs. No more, since a huge page counts
// whole in the resident memory however little of it is used.
constexpr std::size_t huge_heap = 2 * huge_page;
// The heap from its free top to the first huge-page boundary: held and never touched,
// so that allocations go on from the boundary, for the life of the process. Volatile,
// or the compiler drops an allocation that nothing reads.
void* volatile skipped_to_boundary = nullptr;

}  // namespace

bool prepare_heap()
{
    // Blocks up to 8 MiB come from the heap, and the heap is not given back while the
    // program runs: a freed block is used again rather than faulted in anew.
    mallopt(M_MMAP_THRESHOLD, 8 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    const auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
    const std::uintptr_t top = end - mallinfo2().keepcost;  // where the heap's free top starts
    const std::uintptr_t boundary = (top + 64 + huge_page - 1) & ~(huge_page - 1);
    // The heap grows first, by a block freed again at once: a 2 MiB range where a page
    // was written before the advice stays on 4 KiB pages. The block ends past the
    // advised range, so the header malloc writes after it stays out of it.
    void* growth = malloc(boundary - top + huge_heap);
    // Not carved from the heap's top, so the heap is not one region: leave it as it is.
    if (reinterpret_cast<std::uintptr_t>(growth) != top + 2 * sizeof(std::size_t)) {
        free(growth);
        return false;
    }
    const bool advised = madvise(reinterpret_cast<void*>(boundary), huge_heap, MADV_HUGEPAGE) == 0;
    free(growth);
    // A request of n bytes takes a chunk of n + 8 rounded up to 16, so the free top then
    // starts on the boundary.
    skipped_to_boundary = malloc(boundary - top - sizeof(std::size_t));
    return advised && skipped_to_boundary != nullptr;
}
#else
bool prepare_heap() { return false; }
#endif

}  // namespace koers::cli
