// How the koers program sets up its heap before it does any work (cli/heap.cpp).
#pragma once

namespace koers::cli {

// Asks glibc for a heap that is not given back while the program runs, and advises the
// kernel to put its next 4 MiB, from a 2 MiB boundary on, on transparent huge pages.
// Returns whether it gave that advice: not with the sanitizers' malloc, nor where the
// heap is not one region or the kernel has no huge pages.
bool prepare_heap();

}  // namespace koers::cli
