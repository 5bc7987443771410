#pragma once
// The fields of an archive payload (archive_payload.cpp), saved and loaded with every size
// bounded before anything of that size is allocated.
//
// Why so much by hand: Boost's own loaders of std::string and std::vector resize to the
// size read from the file before reading the elements (a 4-byte file can ask for
// exabytes), Boost's archive headers are read the same way, Boost's binary archive
// loads a bool by reading a byte into it (any value but 0 and 1 is undefined
// behaviour), its text archive's base64 reader dereferences a null stream at the end
// of input, and its XML archive checks its closing tag in a destructor, which
// terminates the process on a damaged file. So:
//  - archives are opened with no_header; the Boost library version is the payload's
//    first field (text, binary) or read from the root tag by our own scanner (XML),
//    and the XML prologue and closing tag are written and checked by archive_payload.cpp;
//  - XML closing tags are not compared by Boost (no_xml_tag_checking): its comparison
//    reads out of bounds on a long wrong name;
//  - collections and strings are saved as a count then items, and loaded by
//    bounded_count(), which checks the count against load_limits and against the bytes
//    that remain (each item needs at least a few bytes) before reserving anything;
//  - bools and enums travel as bytes and are range-checked; doubles must be finite.
//
// Private to the payload's headers (archive_parts.hpp, archive_v1.hpp,
// archive_described.hpp), which archive_payload.cpp includes, once.

#include <algorithm>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <boost/serialization/nvp.hpp>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "goaltrack/error.hpp"
#include "goaltrack/io/archive.hpp"
#include "io/archive_snapshot.hpp"
#include "io/payload_buf.hpp"

namespace goaltrack::detail::fields {

using boost::serialization::make_nvp;

// What the loaders need besides the archive: limits, where they are, whom to blame.
struct load_context {
  payload_buf* buf;
  const load_limits* limits;
  std::uint64_t base_offset;
  const std::string* path;
  std::uint32_t format_version;  // of the file (its envelope)
  // Ratings read so far, over every round (load_limits::ratings caps the total).
  mutable std::uint64_t ratings = 0;

  /// Counts `n` more ratings; fails when the total passes load_limits::ratings.
  void count_ratings(std::uint64_t n) const {
    ratings += n;
    if (ratings > limits->ratings) {
      fail(std::to_string(ratings) + " ratings exceed the limit of " +
           std::to_string(limits->ratings) + " (load_limits)");
    }
  }

  [[noreturn]] void fail(const std::string& what) const {
    const std::uint64_t at = base_offset + buf->position();
    throw corrupt_error("goaltrack file '" + *path + "' is damaged: " + what + " (at byte " +
                            std::to_string(at) + ")",
                        *path, at);
  }
};

/// The load in progress on this thread (read_archive sets it).
inline thread_local const load_context* current_load = nullptr;

inline const load_context& ctx() { return *current_load; }

template <class A>
inline constexpr bool is_xml = std::is_same_v<A, boost::archive::xml_iarchive> ||
                               std::is_same_v<A, boost::archive::xml_oarchive>;
template <class A>
inline constexpr bool is_binary = std::is_same_v<A, boost::archive::binary_iarchive> ||
                                  std::is_same_v<A, boost::archive::binary_oarchive>;
template <class A>
inline constexpr bool is_text = std::is_same_v<A, boost::archive::text_iarchive> ||
                                std::is_same_v<A, boost::archive::text_oarchive>;

// One number. A binary archive's numbers are read straight from the buffer, as the bytes
// Boost's binary_iarchive would read (the value's own bytes, in the machine's order):
// a bounds check and a copy instead of a trip through Boost's stream layer, whose
// virtual call per field dominated loading a million targets.
template <class A, class T>
void number(A& ar, const char* name, T& x) {
  static_assert(std::is_arithmetic_v<T>);
  if constexpr (is_binary<A> && A::is_loading::value) {
    if (!ctx().buf->read(&x, sizeof(T)))
      ctx().fail(std::string("field '") + name + "' is cut short");
  } else {
    ar& make_nvp(name, x);
  }
}

// Fewest bytes one item of a collection takes in an archive of kind A.
template <class A>
constexpr std::uint64_t min_item_bytes(std::uint64_t binary_bytes) {
  if constexpr (is_binary<A>) return binary_bytes;
  if constexpr (is_xml<A>) return 7;  // "<v>0</v>" at least
  return 2;                           // "0 "
}

// A count of items (each at least min_bytes) that are about to be read: checked
// against the cap and the bytes that remain. Returns it as a size.
template <class A>
std::size_t bounded_count(A& ar, const char* name, std::uint64_t cap, const char* what,
                          std::uint64_t min_bytes) {
  std::uint64_t n = 0;
  number(ar, name, n);
  if (n > cap) {
    ctx().fail(std::to_string(n) + " " + what + " exceed the limit of " + std::to_string(cap) +
               " (load_limits)");
  }
  const std::uint64_t remaining = ctx().buf->remaining();
  if (min_bytes > 0 && n > remaining / min_bytes) {
    ctx().fail(std::to_string(n) + " " + what + " cannot fit in the " + std::to_string(remaining) +
               " bytes that remain");
  }
  return static_cast<std::size_t>(n);
}

// Items to reserve for n items: no more than the remaining bytes can hold, so that a
// lying count costs at most a small multiple of the file's size.
template <class A>
std::size_t reserve_for(std::size_t n, std::uint64_t min_bytes) {
  const std::uint64_t fit = ctx().buf->remaining() / std::max<std::uint64_t>(min_bytes, 1);
  return static_cast<std::size_t>(
      std::min<std::uint64_t>(n, std::min<std::uint64_t>(fit, 1U << 16)));
}

template <class A>
void check_version(unsigned int version, const char* what) {
  if constexpr (A::is_loading::value) {
    if (version > 1) {
      const std::uint64_t at = ctx().base_offset + ctx().buf->position();
      throw format_error(
          "goaltrack file '" + *ctx().path + "' has " + what + " of class version " +
              std::to_string(version) +
              ", newer than version 1 that this library reads; use a newer goaltrack",
          *ctx().path, at);
    }
  }
}

// --- scalars -------------------------------------------------------------------------

template <class A>
void flag(A& ar, const char* name, bool& b) {
  std::uint8_t v = b ? 1 : 0;
  number(ar, name, v);
  if constexpr (A::is_loading::value) {
    if (v > 1)
      ctx().fail(std::string("flag '") + name + "' is " + std::to_string(v) + ", not 0 or 1");
    b = v == 1;
  }
}

template <class A>
void real(A& ar, const char* name, double& d) {
  number(ar, name, d);
  if constexpr (A::is_loading::value) {
    if (!std::isfinite(d)) ctx().fail(std::string("number '") + name + "' is not finite");
  }
}

// A number that may be -inf or +inf (a band's open edge), never NaN: a one-byte form (0
// finite, 1 -inf, 2 +inf) then, when finite, the number; text archives cannot read back
// an infinity they write.
template <class A>
void extended_real(A& ar, const char* name, double& d) {
  std::uint8_t form = std::isinf(d) ? (d < 0 ? 1 : 2) : 0;
  number(ar, name, form);
  if constexpr (A::is_loading::value) {
    if (form > 2) {
      ctx().fail(std::string("number '") + name + "' has form " + std::to_string(form) +
                 ", not 0, 1 or 2");
    }
    if (form != 0) {
      d = form == 1 ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
      return;
    }
  }
  if (form == 0) real(ar, name, d);
}

template <class A>
void str(A& ar, const char* name, std::string& s) {
  if constexpr (is_xml<A>) {
    ar& make_nvp(name, s);  // read up to the next '<': never beyond the input
    if constexpr (A::is_loading::value) {
      if (s.size() > ctx().limits->string_bytes) {
        ctx().fail(std::string("string '") + name + "' of " + std::to_string(s.size()) +
                   " bytes exceeds the limit of " + std::to_string(ctx().limits->string_bytes));
      }
    }
  } else if constexpr (!A::is_loading::value) {
    if constexpr (is_text<A>) {
      ar << s;  // size, a space, the bytes (read back below without Boost's resize)
    } else {
      std::uint64_t n = s.size();
      ar << n;
      if (n > 0) ar.save_binary(s.data(), s.size());
    }
  } else {
    const std::size_t n =
        bounded_count(ar, name, ctx().limits->string_bytes, "bytes of a string", 1);
    payload_buf& buf = *ctx().buf;
    if constexpr (is_text<A>) {
      // Boost's text format: the size, one separating space, then the raw bytes.
      if (buf.remaining() < n + 1 || !buf.skip(1))
        ctx().fail(std::string("string '") + name + "' is cut short");
    }
    s.resize(n);
    if (!buf.read(s.data(), n)) ctx().fail(std::string("string '") + name + "' is cut short");
  }
}

// --- collections ---------------------------------------------------------------------

// The number a column's item travels as: itself, or an id's value (ids.hpp: a typed
// wrapper of exactly its value's bytes).
template <class T>
struct wire {
  using type = T;
  static T get(T x) { return x; }
};
template <class Tag>
struct wire<basic_id<Tag>> {
  using type = typename basic_id<Tag>::value_type;
  static type get(basic_id<Tag> x) { return x.value(); }
};

template <class A, class T>
void column(A& ar, const char* name, std::vector<T>& v, std::uint64_t cap, const char* what) {
  using W = typename wire<T>::type;
  static_assert(std::is_arithmetic_v<W> && sizeof(W) == sizeof(T) &&
                std::is_trivially_copyable_v<T>);
  if constexpr (!A::is_loading::value) {
    std::uint64_t n = v.size();
    ar << make_nvp(name, n);
    if constexpr (is_binary<A>) {
      if (n > 0) ar.save_binary(v.data(), v.size() * sizeof(T));
    } else {
      for (const T& x : v) {
        W w = wire<T>::get(x);
        ar << make_nvp("v", w);
      }
    }
  } else {
    constexpr std::uint64_t min = min_item_bytes<A>(sizeof(T));
    const std::size_t n = bounded_count(ar, name, cap, what, min);
    v.clear();
    if constexpr (is_binary<A>) {
      v.resize(n);  // n * sizeof(T) bytes remain: checked above
      if (n > 0) ar.load_binary(v.data(), n * sizeof(T));
    } else {
      v.reserve(reserve_for<A>(n, min));
      for (std::size_t i = 0; i < n; ++i) {
        W x{};
        ar >> make_nvp("v", x);
        v.push_back(T(x));
      }
    }
    if constexpr (std::is_floating_point_v<T>) {
      for (const T x : v) {
        if (!std::isfinite(x)) ctx().fail(std::string("a number of '") + name + "' is not finite");
      }
    }
  }
}

template <class A>
void strings(A& ar, const char* name, string_list& l, std::uint64_t cap, const char* what) {
  if constexpr (is_xml<A>) {
    if constexpr (!A::is_loading::value) {
      std::uint64_t n = l.size();
      ar << make_nvp(name, n);
      for (std::size_t i = 0; i < l.size(); ++i) {
        std::string s(l[i]);
        ar << make_nvp("s", s);
      }
    } else {
      const std::size_t n = bounded_count(ar, name, cap, what, 7);
      l = {};
      l.ends.reserve(reserve_for<A>(n, 7));
      std::string s;
      for (std::size_t i = 0; i < n; ++i) {
        str(ar, "s", s);
        l.push_back(s);
      }
    }
  } else if constexpr (!A::is_loading::value) {
    std::vector<std::uint64_t> lengths(l.size());
    for (std::size_t i = 0; i < l.size(); ++i) lengths[i] = l[i].size();
    column(ar, name, lengths, cap, what);
    str(ar, "bytes", l.bytes);
  } else {
    // The lengths are read into the ends column and summed there (no second column).
    column(ar, name, l.ends, cap, what);
    std::uint64_t total = 0;
    for (std::uint64_t& end : l.ends) {
      const std::uint64_t len = end;
      if (len > ctx().limits->string_bytes) {
        ctx().fail("a string of " + std::to_string(len) + " bytes exceeds the limit of " +
                   std::to_string(ctx().limits->string_bytes));
      }
      total += len;  // no overflow: each length is at most string_bytes, counts are bounded
      end = total;
    }
    if (total > ctx().buf->remaining())
      ctx().fail(std::string("the strings of '") + name + "' are cut short");
    load_limits blob_limits = *ctx().limits;
    blob_limits.string_bytes = total;
    load_context blob_ctx = ctx();
    blob_ctx.limits = &blob_limits;
    const load_context* saved = current_load;
    current_load = &blob_ctx;
    str(ar, "bytes", l.bytes);
    current_load = saved;
    if (l.bytes.size() != total)
      ctx().fail(std::string("the strings of '") + name + "' do not add up");
  }
}

// Loads a collection of objects, handing each to `deliver` as soon as it is read.
template <class A, class T, class Deliver>
void load_objects(A& ar, const char* name, std::uint64_t cap, const char* what, Deliver deliver) {
  const std::size_t n = bounded_count(ar, name, cap, what, min_item_bytes<A>(1));
  T x{};
  for (std::size_t i = 0; i < n; ++i) {
    x = T{};
    ar >> make_nvp("item", x);
    deliver(x);
  }
}

template <class A, class T>
void objects(A& ar, const char* name, std::vector<T>& v, std::uint64_t cap, const char* what) {
  if constexpr (!A::is_loading::value) {
    std::uint64_t n = v.size();
    ar << make_nvp(name, n);
    for (const T& x : v) ar << make_nvp("item", x);
  } else {
    v.clear();
    load_objects<A, T>(ar, name, cap, what, [&](T& x) { v.push_back(std::move(x)); });
  }
}

template <class A>
void text_list(A& ar, const char* name, std::vector<std::string>& v, std::uint64_t cap,
               const char* what) {
  if constexpr (!A::is_loading::value) {
    std::uint64_t n = v.size();
    ar << make_nvp(name, n);
    for (std::string& s : v) str(ar, "s", s);
  } else {
    const std::size_t n = bounded_count(ar, name, cap, what, min_item_bytes<A>(8));
    v.clear();
    v.reserve(reserve_for<A>(n, 8));
    for (std::size_t i = 0; i < n; ++i) {
      std::string s;
      str(ar, "s", s);
      v.push_back(std::move(s));
    }
  }
}

}  // namespace goaltrack::detail::fields
