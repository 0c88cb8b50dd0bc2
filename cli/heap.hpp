// How the koers program sets up its heap before it does any work (cli/heap.cpp).
#pragma once

namespace koers::cli {

// Asks glibc for a heap that stays in one place and, where the kernel offers transparent
// huge pages on request, puts its next few MiB on huge pages. Does nothing elsewhere.
void prepare_heap();

}  // namespace koers::cli
