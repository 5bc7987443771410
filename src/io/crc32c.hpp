#pragma once
// CRC-32C (Castagnoli), the checksum of goaltrack's file envelope.
//
// Polynomial 0x1EDC6F41 (reflected 0x82F63B78), initial value 0xFFFFFFFF, final XOR
// 0xFFFFFFFF, bits reflected: the CRC of iSCSI, ext4 and SSE4.2's crc32 instruction.
// Check value: crc32c("123456789") == 0xE3069283.
//
// Two implementations of the one function: the processor's crc32 instruction where it
// has one (x86-64 with SSE4.2, chosen at run time: about 8 bytes per 3 cycles, so a
// 400 MB file is checked in a few hundredths of a second), else "slicing by 8" with
// eight 256-entry tables built at compile time (portable C++, about 1-2 GB/s).

#include <cstddef>
#include <cstdint>

namespace goaltrack::detail {

/// Continues a CRC-32C: pass 0 to start, then the previous result to continue.
std::uint32_t crc32c(std::uint32_t crc, const void* data, std::size_t size) noexcept;

/// crc32c by table lookups only, whatever the processor (what crc32c falls back to).
std::uint32_t crc32c_portable(std::uint32_t crc, const void* data, std::size_t size) noexcept;

}  // namespace goaltrack::detail
