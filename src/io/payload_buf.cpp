// The payload buffer: memory or chunked stream.

#include "io/payload_buf.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

#include "io/crc32c.hpp"

namespace goaltrack::detail {
payload_buf::payload_buf(const char* data, std::size_t size) : size_(size) {
  char* p = const_cast<char*>(data);  // the get area is never written to
  setg(p, p, p + size);
}

payload_buf::payload_buf(std::istream& in, std::uint64_t size, std::size_t chunk)
    : in_(&in),
      chunk_(
          static_cast<std::size_t>(std::min<std::uint64_t>(size, std::max<std::size_t>(chunk, 1)))),
      size_(size) {
  setg(chunk_.data(), chunk_.data(), chunk_.data());
}

std::size_t payload_buf::fetch(char* out, std::size_t n) {
  n = static_cast<std::size_t>(std::min<std::uint64_t>(n, size_ - fetched_));
  in_->read(out, static_cast<std::streamsize>(n));
  const auto got = static_cast<std::size_t>(in_->gcount());
  crc_ = crc32c(crc_, out, got);
  fetched_ += got;
  return got;
}

bool payload_buf::refill() {
  if (in_ == nullptr || gptr() != egptr()) return gptr() != egptr();
  base_ = position();
  const std::size_t got = fetch(chunk_.data(), chunk_.size());
  setg(chunk_.data(), chunk_.data(), chunk_.data() + got);
  return got > 0;
}

payload_buf::int_type payload_buf::underflow() {
  if (gptr() == egptr() && !refill()) return traits_type::eof();
  return traits_type::to_int_type(*gptr());
}

bool payload_buf::read_across(void* out, std::size_t n) {
  auto* dst = static_cast<char*>(out);
  while (n > 0) {
    if (gptr() == egptr()) {
      // A large read goes straight from the stream to its destination.
      if (in_ != nullptr && n >= chunk_.size()) {
        base_ = position();
        const std::size_t got = fetch(dst, n);
        base_ += got;
        setg(chunk_.data(), chunk_.data(), chunk_.data());
        return got == n;
      }
      if (!refill()) return false;
    }
    const std::size_t step = std::min<std::size_t>(n, static_cast<std::size_t>(egptr() - gptr()));
    std::memcpy(dst, gptr(), step);
    dst += step;
    n -= step;
    // gbump takes an int; steps beyond that happen only in memory mode.
    for (std::size_t left = step; left > 0;) {
      const std::size_t bump = std::min<std::size_t>(left, std::numeric_limits<int>::max());
      gbump(static_cast<int>(bump));
      left -= bump;
    }
  }
  return true;
}

bool payload_buf::skip(std::uint64_t n) {
  char scratch[4096];
  for (std::size_t step = 0; n > 0; n -= step) {
    step = static_cast<std::size_t>(std::min<std::uint64_t>(n, sizeof scratch));
    if (!read(scratch, step)) return false;
  }
  return true;
}

std::streamsize payload_buf::xsgetn(char* out, std::streamsize n) {
  const std::uint64_t before = position();
  const auto want =
      static_cast<std::size_t>(std::min<std::uint64_t>(static_cast<std::uint64_t>(n), remaining()));
  read(out, want);
  return static_cast<std::streamsize>(position() - before);
}

}  // namespace goaltrack::detail
