/// @file
/// How the benchmark programs set up the process's memory: freed memory kept for reuse,
/// and the heap on transparent huge pages. Page faults cost 5-8 us each on the project's
/// virtual machines, so without this a program that builds one large plan measures the
/// kernel more than goaltrack, and a benchmark's 1M-entity case (one fresh iteration)
/// pays faults that its 100k case (many iterations in reused pages) does not.

#pragma once

#include <malloc.h>
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace bench_memory {

/// Bytes of the main heap advised for huge pages: room for the national plan of the
/// peer kit's scale 1.0 and more. Only address space: pages are still taken as they are
/// first written.
inline constexpr std::size_t heap_advised_bytes = std::size_t{960} << 20;

/// Keeps the memory the process frees for its next allocations instead of handing it
/// back to the kernel and faulting it in again: glibc's thresholds for mmap and trimming
/// raised to 1 GiB. Stays for the process.
inline void keep_freed_memory() {
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
}

/// Asks the kernel to back the next `bytes` of the main thread's heap with transparent
/// huge pages (madvise mode, this machine's default): large columns then take one page
/// fault per 2 MiB instead of one per 4 KiB. glibc's own switch for this, the
/// glibc.malloc.hugetlb=1 tunable, is read from the environment at start-up only. The
/// block is allocated and freed at once: after keep_freed_memory(), the heap keeps it
/// (and the advice) for what follows. Advice only: where the kernel declines, pages are
/// simply small.
///
/// With `touch`, every page is also written once here: the process then owns the whole
/// block from the start, and no page fault (a 2 MiB page is zeroed on its first write)
/// lands in a timed iteration. Otherwise the heap's allocator, which places each
/// iteration's blocks a little differently, keeps finding untouched pages of the block
/// for several iterations. Only for benchmarks that do not report peak memory.
inline void back_heap_with_huge_pages(std::size_t bytes = heap_advised_bytes, bool touch = false) {
  void* block = std::malloc(bytes);
  if (block == nullptr) return;
  constexpr std::uintptr_t huge_page = std::uintptr_t{2} << 20;
  const auto first = reinterpret_cast<std::uintptr_t>(block);
  const std::uintptr_t begin = (first + huge_page - 1) / huge_page * huge_page;
  const std::uintptr_t end = (first + bytes) / huge_page * huge_page;
  if (begin < end) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  if (touch) {
    // Through a volatile pointer: a memset of a block about to be freed is a dead store
    // that the compiler may drop.
    auto* page = static_cast<volatile char*>(block);
    for (std::size_t at = 0; at < bytes; at += 4096) page[at] = 0;
  }
  std::free(block);
}

}  // namespace bench_memory
