#pragma once
// Private: the one storage engine of the plan's entities. Every kind (collectives,
// members, scales, rounds, programs, tasks, targets, policies) is an entity_table: a code
// index (code_table: expected O(1) whatever the codes, see its flood defence) and columns
// in row order, where the row is the entity's typed id. Rows are only ever appended, so
// ids are stable; a batch is appended all or nothing.
//
// What varies by kind is the columns: a plain vector of records for the kinds users hold
// whole (record_columns), or compact columns for the bulk kinds (targets, members,
// collectives), which evaluation streams over. A Columns type provides:
//
//   using record = ...;                       // what one add takes
//   std::size_t size() const noexcept;
//   void reserve_more(std::size_t n);         // room for n more rows (may throw)
//   void push_back(const record&);            // one row (may throw; then truncate)
//   void truncate(std::size_t n) noexcept;    // drops rows n.. (undoes a failed batch)
//
// The next steps sit on this without a new engine: an entity retired rather than erased
// is a "retired on" day column beside the others (its code stays taken, its id stays
// valid); a revision of a target with an effective date is a row of a side table keyed
// by (id, effective day), the row here holding the first version.

#include <algorithm>
#include <array>
#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "code_table.hpp"
#include "goaltrack/error.hpp"
#include "text.hpp"

namespace goaltrack::detail {

/// A code as bytes: code_of may return a string_view, or a value that holds its bytes
/// (a round's key), which is then kept while the index reads it.
inline std::string_view code_bytes(std::string_view code) noexcept { return code; }
template <class Code>
requires requires(const Code& c) {
  { c.bytes() } -> std::convertible_to<std::string_view>;
}
std::string_view code_bytes(const Code& code) noexcept { return code.bytes(); }

/// Columns that are a vector of whole records.
template <class Record>
class record_columns {
 public:
  using record = Record;
  [[nodiscard]] std::size_t size() const noexcept { return rows_.size(); }
  void reserve_more(std::size_t n) { reserve_total(rows_, rows_.size() + n); }
  void push_back(const Record& r) { rows_.push_back(r); }
  void push_back(Record&& r) { rows_.push_back(std::move(r)); }
  void truncate(std::size_t n) noexcept { truncate_to(rows_, n); }
  [[nodiscard]] std::span<const Record> rows() const noexcept { return rows_; }
  [[nodiscard]] const Record& operator[](std::size_t i) const noexcept { return rows_[i]; }
  [[nodiscard]] Record& operator[](std::size_t i) noexcept { return rows_[i]; }
  friend bool operator==(const record_columns&, const record_columns&) = default;

 private:
  std::vector<Record> rows_;
};

/// Entities of one kind: codes indexed, columns in id order.
template <class Id, class Columns>
class entity_table {
 public:
  using record = typename Columns::record;

  /// `kind` names the entities in messages ("program", "task", ...).
  explicit entity_table(std::string_view kind) : kind_(kind) {}

  [[nodiscard]] std::size_t size() const noexcept { return columns_.size(); }
  [[nodiscard]] bool contains(Id id) const noexcept { return id.ok() && id.index() < size(); }
  [[nodiscard]] std::optional<Id> find(std::string_view code) const noexcept {
    if (auto row = codes_.find(code)) return Id(*row);
    return std::nullopt;
  }
  /// The ids of many codes (code_table::find_many): none where absent.
  [[nodiscard]] std::vector<std::optional<Id>> find_many(
      std::span<const std::string_view> codes) const {
    std::vector<std::uint32_t> rows(codes.size());
    codes_.find_many(codes, rows);
    std::vector<std::optional<Id>> ids(codes.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i] != code_table::absent) ids[i] = Id(rows[i]);
    }
    return ids;
  }
  /// The code of an entity (id must exist).
  [[nodiscard]] std::string_view code(Id id) const noexcept { return codes_[id.index()]; }
  [[nodiscard]] const Columns& columns() const noexcept { return columns_; }
  /// For changes that keep the rows (a task's status history, a round's ratings).
  [[nodiscard]] Columns& columns_for_write() noexcept { return columns_; }
  [[nodiscard]] std::string_view kind() const noexcept { return kind_; }

  /// Throws not_found naming `what` unless `id` is an entity of this table.
  void check(Id id, std::string_view what) const {
    if (!contains(id)) throw_unknown(id, what);
  }
  [[noreturn]] void throw_unknown(Id id, std::string_view what) const {
    throw not_found(std::string(what) + ": " + std::string(kind_) + " id " +
                    (id.ok() ? std::to_string(id.value()) : std::string("(none)")) +
                    " is not in the plan");
  }

  /// Appends `batch`, all or nothing: on any error the table is as it was. Each record's
  /// code is code_of(record). The first bad record decides the error, as if the records
  /// were added one by one: an empty code (invalid_argument), a code already taken in the
  /// table or earlier in the batch (duplicate_error), or a record that fails the kind's
  /// own rules, stated once in check(record, i, explain): it answers whether record i of
  /// the batch is good, and when `explain` is true throws the error saying why it is not
  /// (the message is built only then: loaders add millions). @return the id of the first
  /// record; the batch gets consecutive ids.
  template <class CodeOf, class Check>
  Id append(std::span<const record> batch, CodeOf&& code_of, Check&& check) {
    return append_rows(
        batch.size(), [&](std::size_t i) { return code_of(batch[i]); },
        [&](std::size_t i, bool explain) { return check(batch[i], i, explain); },
        [&](std::size_t i) -> const record& { return batch[i]; });
  }
  /// As above, for records with no rules but their codes'.
  template <class CodeOf>
  Id append(std::span<const record> batch, CodeOf&& code_of) {
    return append(batch, code_of, [](const record&, std::size_t, bool) { return true; });
  }
  /// As append, for `count` records made by row_of(i) only once they are known good, so
  /// that a bulk add need not build its records twice: code_of(i) and check(i, explain)
  /// judge record i from what the caller holds. code_of(i) gives a string_view or a value
  /// with bytes() (code_bytes).
  template <class CodeOf, class Check, class RowOf>
  Id append_rows(std::size_t count, CodeOf&& code_of, Check&& check, RowOf&& row_of) {
    const std::size_t old = size();
    if (old + count >= Id::invalid_value) {
      throw invalid_argument("too many " + std::string(kind_) + "s (at most " +
                             std::to_string(Id::invalid_value - 1) + ")");
    }
    std::size_t bad = 0;    // the first record that is bad on its own
    std::size_t chars = 0;  // of the codes before it
    for (; bad < count; ++bad) {
      const auto code = code_of(bad);
      if (code_bytes(code).empty() || !check(bad, false)) break;
      chars += code_bytes(code).size();
    }
    try {
      insert_codes(bad, chars, code_of);
      if (bad < count) {
        if (code_bytes(code_of(bad)).empty()) {
          throw invalid_argument(std::string(kind_) + " code must not be empty");
        }
        check(bad, true);  // throws
      }
      columns_.reserve_more(count);
      for (std::size_t i = 0; i < count; ++i) columns_.push_back(row_of(i));
    } catch (...) {
      codes_.truncate(old);
      columns_.truncate(old);
      throw;
    }
    return Id(static_cast<typename Id::value_type>(old));
  }
  /// Makes room for n more entities (bulk loaders); changes no content.
  void reserve_more(std::size_t n, std::size_t code_chars_each) {
    codes_.reserve_more(n, code_chars_each);
    columns_.reserve_more(n);
  }

  /// Equal codes and columns (the indexes' seeds do not matter).
  friend bool operator==(const entity_table& a, const entity_table& b) {
    return a.codes_ == b.codes_ && a.columns_ == b.columns_;
  }

 private:
  // Indexes the (non-empty) codes of the first `count` records, `chars` characters in
  // all (reserved at once: a column grown by doubling copies its text again each time).
  // @throws duplicate_error on the first taken.
  template <class CodeOf>
  void insert_codes(std::size_t count, std::size_t chars, CodeOf& code_of) {
    codes_.reserve_more(count, count == 0 ? 0 : (chars + count - 1) / count);
    // In chunks, without allocating: the codes of a chunk, and views of their bytes.
    constexpr std::size_t chunk_size = 256;
    using code = std::decay_t<decltype(code_of(std::size_t{0}))>;
    std::array<code, chunk_size> codes;
    std::array<std::string_view, chunk_size> views;
    for (std::size_t base = 0; base < count; base += chunk_size) {
      const std::size_t n = std::min(chunk_size, count - base);
      for (std::size_t k = 0; k < n; ++k) {
        codes[k] = code_of(base + k);
        views[k] = code_bytes(codes[k]);
      }
      const std::size_t added = codes_.insert_many(std::span(views.data(), n));
      if (added < n) {
        throw duplicate_error(std::string(kind_) + " code " + quoted(views[added]) +
                              " is already used");
      }
    }
  }

  std::string_view kind_;  // a string literal
  code_table codes_;
  Columns columns_;
};

}  // namespace goaltrack::detail
