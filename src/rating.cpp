#include "goaltrack/rating.hpp"

#include <algorithm>
#include <span>
#include <vector>

#include "goaltrack/error.hpp"
#include "schema.hpp"
#include "unicode.hpp"

namespace goaltrack {

rating_scale::rating_scale(std::string code, std::vector<level_labels> levels_best_first)
    : code_(std::move(code)), levels_(std::move(levels_best_first)) {
  // Texts enter in NFC (unicode.hpp), as through the plan's add_* calls.
  detail::make_nfc(code_);
  for (level_labels& l : levels_) {
    if (auto nfc = detail::nfc_copy(std::span<const level_labels>(&l, 1))) l = nfc->items.front();
  }
  if (code_.empty()) throw invalid_argument("rating scale code must not be empty");
  detail::check_text(code_, "rating scale code");
  if (levels_.empty() || levels_.size() > max_levels) {
    throw invalid_argument("rating scale '" + code_ + "' must have 1.." +
                           std::to_string(max_levels) + " levels, not " +
                           std::to_string(levels_.size()));
  }
  for (std::size_t i = 0; i < levels_.size(); ++i) {
    const auto& l = levels_[i];
    if (!detail::texts_keep_rule(l)) {
      detail::check_texts(l, "rating scale '" + code_ + "': level " + detail::quoted(l.code));
    }
    if (l.code.empty()) {
      throw invalid_argument("rating scale '" + code_ + "': level " + std::to_string(i) +
                             " has an empty code");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (levels_[j].code == l.code) {
        throw duplicate_error("rating scale '" + code_ + "': level code '" + l.code +
                              "' is used twice");
      }
    }
  }
}

rating_scale rating_scale::vietnamese_default() {
  return rating_scale("vn4",
                      {{"excellent", "Hoàn thành xuất sắc nhiệm vụ", "Excellently completed tasks"},
                       {"good", "Hoàn thành tốt nhiệm vụ", "Well completed tasks"},
                       {"completed", "Hoàn thành nhiệm vụ", "Completed tasks"},
                       {"not_completed", "Không hoàn thành nhiệm vụ", "Did not complete tasks"}});
}

namespace {
// The codes and labels of `levels`, three names a level, in level order.
std::vector<std::string_view> level_names(std::span<const level_labels> levels) {
  std::vector<std::string_view> names;
  names.reserve(3 * levels.size());
  for (const auto& l : levels) {
    names.insert(names.end(), {l.code, l.label_vi, l.label_en});
  }
  return names;
}
}  // namespace

std::optional<rating_scale> rating_scale::builtin(std::string_view code) {
  if (code == "vn4") return vietnamese_default();
  return std::nullopt;
}

std::vector<std::string> rating_scale::builtin_codes() { return {"vn4"}; }

std::optional<rating_level> rating_scale::find(std::string_view code_or_label) const {
  const auto it = std::find_if(levels_.begin(), levels_.end(), [&](const level_labels& l) {
    return l.code == code_or_label || l.label_vi == code_or_label || l.label_en == code_or_label;
  });
  if (it != levels_.end()) return rating_level(static_cast<std::uint8_t>(it - levels_.begin()));
  const std::vector<std::string_view> names = level_names(levels_);
  if (const auto i = detail::find_loosely(names, code_or_label)) {
    return rating_level(static_cast<std::uint8_t>(*i / 3));
  }
  return std::nullopt;
}

rating_level rating_scale::level(std::string_view code_or_label) const {
  if (auto found = find(code_or_label)) return *found;
  std::string known;
  for (const auto& l : levels_) known += (known.empty() ? "" : ", ") + l.code;
  throw parse_error("rating '" + std::string(code_or_label) + "' is not on scale '" + code_ +
                    "' (levels: " + known + ")" +
                    detail::did_you_mean(level_names(levels_), code_or_label));
}

void rating_scale::check(rating_level level, std::string_view what) const {
  if (!contains(level)) {
    throw invalid_argument(std::string(what) + ": rating rank " + std::to_string(level.rank()) +
                           " is not on scale '" + code_ + "' (ranks 0.." +
                           std::to_string(size() - 1) + ")");
  }
}

const level_labels& rating_scale::labels(rating_level level) const {
  check(level, "labels");
  return levels_[level.rank()];
}

const std::string& rating_scale::label(rating_level level, language lang) const {
  const auto& l = labels(level);
  return lang == language::vi ? l.label_vi : l.label_en;
}

namespace {
bool same_levels(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) noexcept {
  const auto& shorter = a.size() <= b.size() ? a : b;
  const auto& longer = a.size() <= b.size() ? b : a;
  return std::equal(shorter.begin(), shorter.end(), longer.begin()) &&
         std::all_of(longer.begin() + static_cast<std::ptrdiff_t>(shorter.size()), longer.end(),
                     [](std::uint8_t v) { return v == rating_round::unrated; });
}
}  // namespace

bool operator==(const rating_round& a, const rating_round& b) noexcept {
  return a.scale_ == b.scale_ && a.period_ == b.period_ && a.decided_on_ == b.decided_on_ &&
         same_levels(a.member_ranks(), b.member_ranks()) &&
         same_levels(a.collective_ranks(), b.collective_ranks());
}

rating_round::rating_round(const rating_round& other)
    : scale_(other.scale_),
      period_(other.period_),
      decided_on_(other.decided_on_),
      levels_(other.levels_ ? std::make_unique<levels>(*other.levels_) : nullptr) {}

rating_round& rating_round::operator=(const rating_round& other) {
  if (this != &other) *this = rating_round(other);
  return *this;
}

}  // namespace goaltrack
