#include "goaltrack/report.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

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

std::string currency_word(std::string_view currency, language lang) {
  if (currency == "VND" && lang == language::vi) return "đồng";
  return std::string(currency);
}

}  // namespace

std::string format_number(double value, int decimals, language lang) {
  if (!std::isfinite(value)) throw invalid_argument("format_number: value is not finite");
  if (decimals < 0 || decimals > 9) throw invalid_argument("format_number: decimals must be 0..9");
  // Round half away from zero in decimal, as people round figures in reports; %.*f would
  // round the binary value (58.05 -> 58.0), which a reader sees as a mistake.
  const double scale = std::pow(10.0, decimals);
  const double scaled = std::round(std::fabs(value) * scale * (1 + 4 * std::numeric_limits<double>::epsilon()));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f", scaled);
  std::string digits = buf;
  if (digits.size() <= static_cast<std::size_t>(decimals)) {
    digits.insert(0, static_cast<std::size_t>(decimals) + 1 - digits.size(), '0');
  }
  const std::size_t int_len = digits.size() - static_cast<std::size_t>(decimals);
  std::string out = (value < 0 && scaled != 0) ? "-" : "";
  out += group_digits(std::string_view(digits).substr(0, int_len), lang);
  if (decimals > 0) {
    out += decimal_mark(lang);
    out += digits.substr(int_len);
  }
  return out;
}

std::string format_count(std::int64_t value, language lang) {
  // Magnitude as unsigned, so that the most negative value has one too.
  const std::uint64_t magnitude = value < 0 ? static_cast<std::uint64_t>(-(value + 1)) + 1U
                                            : static_cast<std::uint64_t>(value);
  const std::string digits = std::to_string(magnitude);
  return (value < 0 ? "-" : "") + group_digits(digits, lang);
}

std::string format_percent(double fraction, int decimals, language lang) {
  return format_number(fraction * 100.0, decimals, lang) + "%";
}

std::string format_money(std::int64_t amount, std::string_view currency, language lang) {
  return format_count(amount, lang) + " " + currency_word(currency, lang);
}

std::string approximate_money(std::int64_t amount, std::string_view currency, language lang) {
  struct unit {
    std::int64_t size;
    const char* vi;
    const char* en;
  };
  static constexpr std::array<unit, 3> units{{{1'000'000'000, "tỷ", "billion"},
                                              {1'000'000, "triệu", "million"},
                                              {1'000, "nghìn", "thousand"}}};
  const std::int64_t magnitude = amount < 0 ? -amount : amount;
  for (const unit& u : units) {
    if (magnitude < u.size) continue;
    const int decimals = magnitude < 10 * u.size ? 1 : 0;
    // Round in integers: the amount in tenths (or whole) units, half away from zero.
    const std::int64_t step = decimals == 1 ? u.size / 10 : u.size;
    const std::int64_t rounded_steps = (magnitude + step / 2) / step;
    const std::int64_t rounded = rounded_steps * step;
    const char* word = "";
    if (rounded > magnitude) word = lang == language::vi ? "gần " : "nearly ";
    if (rounded < magnitude) word = lang == language::vi ? "hơn " : "over ";
    const double shown = static_cast<double>(rounded_steps) / (decimals == 1 ? 10.0 : 1.0);
    return std::string(amount < 0 ? "-" : "") + word + format_number(shown, decimals, lang) + " " +
           (lang == language::vi ? u.vi : u.en) + " " + currency_word(currency, lang);
  }
  return format_money(amount, currency, lang);
}

std::string describe_tasks(const task_tally& tasks, language lang) {
  const std::string done = std::to_string(tasks.planned_completed) + "/" + std::to_string(tasks.planned);
  std::string out = lang == language::vi ? "Hoàn thành " + done + " nhiệm vụ"
                                         : "Completed " + done + " tasks";
  if (tasks.supplementary > 0) {
    const std::string extra = std::to_string(tasks.supplementary_completed);
    out += lang == language::vi ? " và " + extra + " nhiệm vụ bổ sung"
                                : " and " + extra + " supplementary task" +
                                      (tasks.supplementary_completed == 1 ? "" : "s");
  }
  return out;
}

std::string_view status_label(target_status s, language lang) noexcept {
  const bool vi = lang == language::vi;
  switch (s) {
    case target_status::not_started: return vi ? "chưa bắt đầu" : "not started";
    case target_status::no_data: return vi ? "chưa có số liệu" : "no data";
    case target_status::on_track: return vi ? "đúng tiến độ" : "on track";
    case target_status::at_risk: return vi ? "có nguy cơ chậm" : "at risk";
    case target_status::off_track: return vi ? "chậm tiến độ" : "off track";
    case target_status::achieved: return vi ? "đạt" : "achieved";
    case target_status::missed: return vi ? "không đạt" : "missed";
  }
  return "?";
}

}  // namespace goaltrack
