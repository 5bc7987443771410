#include "goaltrack/report.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>

#include "goaltrack/error.hpp"

namespace goaltrack {
namespace {

char decimal_mark(language lang) { return lang == language::vi ? ',' : '.'; }
char thousands_mark(language lang) { return lang == language::vi ? '.' : ','; }

// Inserts the thousands mark into a run of digits.
std::string group_digits(std::string_view digits, language lang) {
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += thousands_mark(lang);
    out += digits[i];
  }
  return out;
}

// |value| as unsigned, defined for the most negative value too.
std::uint64_t unsigned_magnitude(std::int64_t value) noexcept {
  return value < 0 ? static_cast<std::uint64_t>(-(value + 1)) + 1U
                   : static_cast<std::uint64_t>(value);
}

std::string currency_word(std::string_view currency, language lang) {
  if (currency == "VND" && lang == language::vi) return "đồng";
  return std::string(currency);
}

// The whole number `digits` (no sign) read in units of 10^-decimals, written with the
// language's marks: "1234567" with 2 decimals is "12.345,67" (vi) or "12,345.67" (en).
std::string scaled_text(std::string digits, int decimals, language lang) {
  const auto d = static_cast<std::size_t>(decimals);
  if (digits.size() <= d) digits.insert(0, d + 1 - digits.size(), '0');
  const std::size_t int_len = digits.size() - d;
  std::string out = group_digits(std::string_view(digits).substr(0, int_len), lang);
  if (d > 0) out += decimal_mark(lang) + digits.substr(int_len);
  return out;
}

// The shortest decimal text that reads back as |value| (std::to_chars, which is exact and
// locale-free): what a person typed, 58.05 rather than the binary 58.04999999999999715...
// |value| = 0.digits × 10^point.
struct shortest_decimal {
  std::string digits;
  int point = 0;
};
shortest_decimal shortest_decimal_of(double value) {
  std::array<char, 32> buf{};  // "d.dddddddddddddddde-308" at most
  const char* end = std::to_chars(buf.data(), buf.data() + buf.size(), std::fabs(value),
                                  std::chars_format::scientific)
                        .ptr;
  const std::string_view text(buf.data(), static_cast<std::size_t>(end - buf.data()));
  const std::size_t e = text.find('e');
  shortest_decimal out;
  for (const char c : text.substr(0, e)) {
    if (c != '.') out.digits += c;
  }
  const bool negative = text[e + 1] == '-';
  int exponent = 0;
  std::from_chars(text.data() + e + 2, text.data() + text.size(), exponent);  // after the sign
  out.point = (negative ? -exponent : exponent) + 1;
  return out;
}

// The digits of |value| × 10^(shift + decimals) rounded half away from zero in decimal, as
// people round figures in reports: 58.05 to one decimal is 58.1, and every whole number up
// to 2^53 (money in đồng) is written exactly.
std::string scaled_digits(double value, int shift, int decimals) {
  const shortest_decimal d = shortest_decimal_of(value);
  const long keep = static_cast<long>(d.point) + shift + decimals;  // digits before the cut
  if (keep < 0) return "0";
  const auto cut = static_cast<std::size_t>(keep);
  std::string out = d.digits.substr(0, std::min(cut, d.digits.size()));
  out.resize(cut, '0');
  if (cut < d.digits.size() && d.digits[cut] >= '5') {
    auto digit = out.rbegin();
    for (; digit != out.rend() && *digit == '9'; ++digit) *digit = '0';
    if (digit == out.rend()) {
      out.insert(out.begin(), '1');
    } else {
      ++*digit;
    }
  }
  // Zero has the point after its one digit (0e+00): shifted, it would keep its place as
  // leading zeros ("000%" for 0 as a percentage).
  if (!out.empty()) out.erase(0, std::min(out.find_first_not_of('0'), out.size() - 1));
  return out.empty() ? "0" : out;
}

// |value| × 10^shift with `decimals` decimals and the language's marks, "-" when negative
// and not written as zero; `who` names the caller in errors.
std::string format_shifted(double value, int shift, int decimals, language lang,
                           std::string_view who) {
  if (!std::isfinite(value)) throw invalid_argument(std::string(who) + ": value is not finite");
  if (decimals < 0 || decimals > 9) {
    throw invalid_argument(std::string(who) + ": decimals must be 0..9");
  }
  const std::string digits = scaled_digits(value, shift, decimals);
  const bool zero = digits.find_first_not_of('0') == std::string::npos;
  return (value < 0 && !zero ? "-" : "") + scaled_text(digits, decimals, lang);
}

}  // namespace

std::string format_number(double value, int decimals, language lang) {
  return format_shifted(value, 0, decimals, lang, "format_number");
}

std::string format_count(std::int64_t value, language lang) {
  const std::string digits = std::to_string(unsigned_magnitude(value));
  return (value < 0 ? "-" : "") + group_digits(digits, lang);
}

std::string format_percent(double fraction, int decimals, language lang) {
  // Shifted in decimal, not multiplied: 0.0805 * 100 is 8.049999999999999 in binary.
  return format_shifted(fraction, 2, decimals, lang, "format_percent") + "%";
}

int currency_minor_units(std::string_view currency) noexcept {
  // ISO 4217 currencies whose smallest unit is not a hundredth.
  static constexpr std::array<std::string_view, 16> whole{"VND", "JPY", "KRW", "CLP", "ISK", "PYG",
                                                          "UGX", "XAF", "XOF", "XPF", "BIF", "DJF",
                                                          "GNF", "KMF", "RWF", "VUV"};
  static constexpr std::array<std::string_view, 7> thousandths{"BHD", "IQD", "JOD", "KWD",
                                                               "LYD", "OMR", "TND"};
  if (std::find(whole.begin(), whole.end(), currency) != whole.end()) return 0;
  if (std::find(thousandths.begin(), thousandths.end(), currency) != thousandths.end()) return 3;
  return 2;
}

std::string format_money(std::int64_t amount, std::string_view currency, language lang) {
  const int minor = currency_minor_units(currency);
  const std::uint64_t scale = minor == 0 ? 1 : (minor == 2 ? 100 : 1000);
  const std::uint64_t magnitude = unsigned_magnitude(amount);
  std::string out = (amount < 0 ? "-" : "") + group_digits(std::to_string(magnitude / scale), lang);
  if (minor > 0) {
    std::string fraction = std::to_string(magnitude % scale);
    fraction.insert(0, static_cast<std::size_t>(minor) - fraction.size(), '0');
    out += decimal_mark(lang) + fraction;
  }
  return out + " " + currency_word(currency, lang);
}

namespace {

// approximate_money with the figure rounded to `decimals` (0..3) of the unit, or (none)
// to tenths below 10 units and whole units above.
std::string approximate_money_to(std::int64_t amount, std::string_view currency, language lang,
                                 std::optional<int> decimals) {
  struct unit {
    std::uint64_t size;  // in the currency's major unit
    const char* vi;
    const char* en;
  };
  static constexpr std::array<unit, 3> units{{{1'000'000'000, "tỷ", "billion"},
                                              {1'000'000, "triệu", "million"},
                                              {1'000, "nghìn", "thousand"}}};
  const int minor = currency_minor_units(currency);
  const std::uint64_t per_major = minor == 0 ? 1 : (minor == 2 ? 100 : 1000);
  const std::uint64_t magnitude = unsigned_magnitude(amount);
  for (const unit& u : units) {
    const std::uint64_t size = u.size * per_major;
    // Tenths of the unit while the rounded figure stays below 10 units, whole units above;
    // rounding half up in integers. A figure that rounds up to the unit (999,600,000 ->
    // 1 billion) is shown in that unit.
    // Every unit is a multiple of 1,000 of the smallest unit: 10^decimals divides it.
    std::uint64_t parts = 1;  // steps per unit
    if (decimals) {
      for (int d = 0; d < *decimals; ++d) parts *= 10;
    } else {
      parts = magnitude + size / 20 < 10 * size ? 10 : 1;
    }
    const std::uint64_t step = size / parts;
    const std::uint64_t steps = (magnitude + step / 2) / step;
    const std::uint64_t rounded = steps * step;
    if (rounded < size) continue;
    const char* word = "";
    if (rounded > magnitude) word = lang == language::vi ? "gần " : "nearly ";
    if (rounded < magnitude) word = lang == language::vi ? "hơn " : "over ";
    // Chosen decimals are all written; automatic tenths only when not .0.
    const int shown_decimals = decimals ? *decimals : (parts > 1 && steps % parts != 0 ? 1 : 0);
    const double shown = static_cast<double>(steps) / static_cast<double>(parts);
    return word + std::string(amount < 0 ? "-" : "") + format_number(shown, shown_decimals, lang) +
           " " + (lang == language::vi ? u.vi : u.en) + " " + currency_word(currency, lang);
  }
  return format_money(amount, currency, lang);
}

}  // namespace

std::string approximate_money(std::int64_t amount, std::string_view currency, language lang) {
  return approximate_money_to(amount, currency, lang, std::nullopt);
}

std::string approximate_money(std::int64_t amount, std::string_view currency, language lang,
                              int decimals) {
  if (decimals < 0 || decimals > 3) {
    throw invalid_argument("approximate_money: decimals must be 0..3");
  }
  return approximate_money_to(amount, currency, lang, decimals);
}

std::string format_rate(const rate& r, int decimals, rounding mode, language lang) {
  const std::optional<std::int64_t> units = r.percent_units(decimals, mode);
  if (!units) return "\u2014";
  return scaled_text(std::to_string(*units), decimals, lang) + "%";
}

namespace {

// "15/15 tasks and 2 supplementary tasks" in `lang`: planned k/n, then the supplementary
// ones (their number when all are completed, as reviews say it; "1/2" otherwise).
std::string task_counts_phrase(const task_tally& tasks, language lang) {
  const bool vi = lang == language::vi;
  const auto tasks_word = [&](std::uint32_t n) { return std::string(n == 1 ? " task" : " tasks"); };
  const auto count = [&](task_figure f) { return format_count(tasks.count(f), lang); };
  const std::uint32_t planned = tasks.count(task_figure::planned);
  const std::string done =
      count(task_figure::planned_completed) + "/" + count(task_figure::planned);
  std::string out =
      vi ? "Hoàn thành " + done + " nhiệm vụ" : "Completed " + done + tasks_word(planned);
  const std::uint32_t extra = tasks.count(task_figure::supplementary);
  if (extra > 0) {
    const bool all = tasks.count(task_figure::supplementary_completed) == extra;
    const std::string figure =
        all ? count(task_figure::supplementary)
            : count(task_figure::supplementary_completed) + "/" + count(task_figure::supplementary);
    out += vi ? " và " + figure + " nhiệm vụ bổ sung"
              : " and " + figure + " supplementary" + tasks_word(extra);
  }
  return out;
}

// "; of those fallen due, 93.2% were completed; 58 overdue; 31 completed late", each part
// only when its figure is not 0.
std::string deadlines_phrase(const task_tally& tasks, language lang, const task_wording& w,
                             const std::string& by_weight) {
  const bool vi = lang == language::vi;
  std::string out;
  if (tasks.count(task_figure::due) > 0) {
    const std::string r =
        format_rate(tasks.completion_rate(task_basis::due, w.weighted), w.decimals, w.mode, lang);
    out += vi ? "; trong số nhiệm vụ đã đến hạn, hoàn thành " + r + by_weight
              : "; of those fallen due, " + r + by_weight + " were completed";
  }
  if (const std::uint32_t n = tasks.count(task_figure::overdue); n > 0) {
    out += vi ? "; " + format_count(n, lang) + " nhiệm vụ quá hạn"
              : "; " + format_count(n, lang) + " overdue";
  }
  if (const std::uint32_t n = tasks.count(task_figure::completed_late); n > 0) {
    out += vi ? "; " + format_count(n, lang) + " nhiệm vụ hoàn thành quá hạn"
              : "; " + format_count(n, lang) + " completed late";
  }
  return out;
}

}  // namespace

std::string describe_tasks(const task_tally& tasks, language lang, const task_wording& w) {
  const bool vi = lang == language::vi;
  std::string out = task_counts_phrase(tasks, lang);
  const std::string by_weight = !w.weighted ? "" : vi ? " theo trọng số" : " by weight";
  if (w.completion_rate) {
    const std::string r = format_rate(tasks.completion_rate(task_basis::assigned, w.weighted),
                                      w.decimals, w.mode, lang);
    const std::string assigned = format_count(tasks.count(task_figure::assigned), lang);
    out += vi ? " (đạt " + r + by_weight + " trên tổng số " + assigned + " nhiệm vụ được giao)"
              : " (" + r + by_weight + " of " + assigned + " assigned)";
  }
  if (w.deadlines) out += deadlines_phrase(tasks, lang, w, by_weight);
  return out;
}

std::string describe_change(const level_change& c, int decimals, language lang) {
  const bool vi = lang == language::vi;
  const std::string from = format_number(c.first, decimals, lang);
  const std::string to = format_number(c.last, decimals, lang);
  std::string out = vi ? "từ " + from + (c.last < c.first ? " xuống " : " lên ") + to
                       : "from " + from + " to " + to;
  if (const std::optional<double> relative = c.relative_change()) {
    const std::string sign = *relative < 0 ? "\u2212" : "+";
    out += ", " + sign + format_percent(std::fabs(*relative), 1, lang);
  }
  return out;
}

std::string_view status_label(target_status s, language lang) noexcept {
  const bool vi = lang == language::vi;
  switch (s) {
    case target_status::not_started:
      return vi ? "chưa bắt đầu" : "not started";
    case target_status::no_data:
      return vi ? "chưa có số liệu" : "no data";
    case target_status::on_track:
      return vi ? "đúng tiến độ" : "on track";
    case target_status::at_risk:
      return vi ? "có nguy cơ chậm" : "at risk";
    case target_status::off_track:
      return vi ? "chậm tiến độ" : "off track";
    case target_status::achieved:
      return vi ? "đạt" : "achieved";
    case target_status::missed:
      return vi ? "không đạt" : "missed";
    case target_status::within_so_far:
      return vi ? "trong giới hạn đến nay" : "within so far";
  }
  return "?";
}

}  // namespace goaltrack
