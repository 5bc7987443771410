#pragma once
// The bytes of a payload as the archive readers see them: a std::streambuf (what Boost
// reads from) that also knows its position and what remains, and reads runs of bytes
// directly (for the numbers and strings read without Boost's stream layer).
//
// Either over bytes already in memory, or over a stream read in chunks of 1 MiB whose
// CRC-32C it computes on the way: a large binary file is then parsed without ever being
// held in memory whole (fresh memory costs a page fault per 4 KiB, which made holding
// the file the largest cost of loading it).

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <istream>
#include <streambuf>
#include <vector>

namespace goaltrack::detail {

class payload_buf : public std::streambuf {
 public:
  /// Over data[0..size), which must outlive the buffer.
  payload_buf(const char* data, std::size_t size);
  /// Over the next `size` bytes of `in`, read as needed in chunks of `chunk` bytes.
  payload_buf(std::istream& in, std::uint64_t size, std::size_t chunk = std::size_t{1} << 20);

  /// Bytes consumed so far.
  [[nodiscard]] std::uint64_t position() const noexcept {
    return base_ + static_cast<std::uint64_t>(gptr() - eback());
  }
  /// Bytes announced and not yet consumed (the source may hold fewer: see complete()).
  [[nodiscard]] std::uint64_t remaining() const noexcept { return size_ - position(); }
  /// Copies the next n bytes to `out` and consumes them; false when the source runs out
  /// first. Inline for the common case of a few bytes already in the buffer.
  bool read(void* out, std::size_t n) {
    if (n == 0) return true;  // (an empty buffer's pointers may be null: no memcpy)
    if (static_cast<std::size_t>(egptr() - gptr()) >= n && n <= 64) {
      std::memcpy(out, gptr(), n);
      gbump(static_cast<int>(n));
      return true;
    }
    return read_across(out, n);
  }
  /// Consumes n bytes; false when the source runs out first.
  bool skip(std::uint64_t n);
  /// The CRC-32C of every byte taken from the stream so far (stream mode only).
  [[nodiscard]] std::uint32_t stream_crc() const noexcept { return crc_; }
  /// True when every announced byte was taken from the source.
  [[nodiscard]] bool complete() const noexcept { return in_ == nullptr || fetched_ == size_; }

 protected:
  int_type underflow() override;
  std::streamsize xsgetn(char* out, std::streamsize n) override;

 private:
  bool read_across(void* out, std::size_t n);
  // Stream mode: replaces the consumed chunk with the next one; false at the end.
  bool refill();
  // Stream mode: up to n bytes from the stream into out, checksummed.
  std::size_t fetch(char* out, std::size_t n);

  std::istream* in_ = nullptr;
  std::vector<char> chunk_;
  std::uint64_t size_ = 0;
  std::uint64_t base_ = 0;     // payload offset of eback()
  std::uint64_t fetched_ = 0;  // bytes taken from the stream
  std::uint32_t crc_ = 0;
};

}  // namespace goaltrack::detail
