#pragma once
/// @file
/// Text building blocks for reviews in Vietnamese and English: numbers with the
/// language's separators, percentages, exact and approximate money, and the phrases a
/// review uses for task counts and statuses. Formatting never depends on the C or C++
/// locale.
///
/// | what                  | Vietnamese                 | English                      |
/// |-----------------------|----------------------------|------------------------------|
/// | format_number(1234.5) | 1.234,5                    | 1,234.5                      |
/// | format_percent(0.581) | 58,1%                      | 58.1%                        |
/// | format_money(46850000)| 46.850.000 đồng            | 46,850,000 VND               |
/// | approximate_money     | gần 47 triệu đồng          | nearly 47 million VND        |
/// | describe_tasks        | Hoàn thành 15/15 nhiệm vụ  | Completed 15/15 tasks and 2  |
/// |                       | và 2 nhiệm vụ bổ sung      | supplementary tasks          |
/// | format_rate(1491/1600)| 93,2% (truncate: 93,1%)    | 93.2% (truncate: 93.1%)      |
/// | format_date           | ngày 21 tháng 01 năm 2021  | 21 January 2021              |
/// | format_period         | quý I năm 2021             | the first quarter of 2021    |
/// | describe_change       | từ 48 xuống 42, −12,5%     | from 48 to 42, −12.5%        |

#include <cstdint>
#include <string>
#include <string_view>

#include "goaltrack/evaluation.hpp"
#include "goaltrack/export.hpp"
#include "goaltrack/language.hpp"
#include "goaltrack/rate.hpp"
#include "goaltrack/task_tally.hpp"

namespace goaltrack {

/// `value` rounded half away from zero to `decimals` (0..9) decimals, with the
/// language's decimal and thousands separators. The digits rounded are those of the
/// shortest decimal that reads back as `value` (what was typed: 1.005 is "1.01"), so every
/// whole number up to 2^53 is written exactly. @throws invalid_argument for a
/// non-finite value or decimals outside 0..9.
GOALTRACK_API std::string format_number(double value, int decimals, language lang);
/// A whole number with the language's thousands separator.
GOALTRACK_API std::string format_count(std::int64_t value, language lang);
/// A fraction as a percentage: 0.581 with 1 decimal is "58,1%" (vi) or "58.1%" (en).
GOALTRACK_API std::string format_percent(double fraction, int decimals, language lang);
/// Digits after the decimal mark of an ISO 4217 currency: 0 for VND, JPY, KRW and other
/// currencies without a minor unit, 3 for BHD, IQD, JOD, KWD, LYD, OMR and TND, else 2.
GOALTRACK_API int currency_minor_units(std::string_view currency) noexcept;
/// An exact amount given in the currency's smallest unit: "46.850.000 đồng",
/// "46,850,000 VND", and 123456 (cents) in USD is "1,234.56 USD".
GOALTRACK_API std::string format_money(std::int64_t amount, std::string_view currency,
                                       language lang);
/// An amount (in the smallest unit) rounded to the largest of thousand/million/billion
/// (nghìn/triệu/tỷ) it reaches once rounded, to tenths of that unit below 10 units and to
/// whole units above, with the word that says which way it was rounded: "gần"/"nearly"
/// when rounded up, "hơn"/"over" when rounded down, none when exact. 46,850,000 VND is
/// "gần 47 triệu đồng" / "nearly 47 million VND"; 999,600,000 VND is "gần 1 tỷ đồng".
/// Amounts that round to less than a thousand are written exactly.
GOALTRACK_API std::string approximate_money(std::int64_t amount, std::string_view currency,
                                            language lang);
/// As above, the figure rounded half up to `decimals` (0..3) decimals of its unit and
/// written with all of them: 48,500,000,000 VND is "48,5 tỷ đồng" with 1 decimal, where
/// the automatic precision writes "gần 49 tỷ đồng"; 48,460,000,000 is "gần 48,5 tỷ đồng".
/// @throws invalid_argument for decimals outside 0..3.
GOALTRACK_API std::string approximate_money(std::int64_t amount, std::string_view currency,
                                            language lang, int decimals);
/// A rate as a percentage with `decimals` (0..6) decimals cut by `mode`, exactly for counts
/// (rate::percent_units): 1,491 / 1,600 is "93,2%" / "93.2%" rounded and "93,1%" / "93.1%"
/// truncated at one decimal; "—" when the denominator is 0.
/// @throws invalid_argument as rate::percent_units does.
GOALTRACK_API std::string format_rate(const rate& r, int decimals, rounding mode, language lang);

/// What describe_tasks adds to its phrase, and how it prints rates.
struct GOALTRACK_API task_wording {
  /// The completion rate over all assigned tasks: " (94,1% of 17 assigned)".
  bool completion_rate = false;
  /// Over the tasks fallen due, and the overdue and late counts: "; of those fallen due,
  /// 93.2% were completed; 58 overdue; 31 completed late" (each part only when not 0).
  bool deadlines = false;
  /// Rates in weights (task::weight) instead of tasks, said as "by weight".
  bool weighted = false;
  int decimals = 1;                               ///< decimals of the rates (0..6)
  rounding mode = rounding::half_away_from_zero;  ///< how the rates are cut
};

/// The review phrase for task figures: "Hoàn thành 15/15 nhiệm vụ và 2 nhiệm vụ bổ sung" /
/// "Completed 15/15 tasks and 2 supplementary tasks" (planned tasks k/n). The
/// supplementary part appears only when there are supplementary tasks: their number when
/// all are completed, "1/2" when not. `wording` adds rates and deadlines (task_wording).
/// @throws invalid_argument for decimals outside 0..6.
GOALTRACK_API std::string describe_tasks(const task_tally& tasks, language lang,
                                         const task_wording& wording = {});
/// How a level moved, its values with `decimals` decimals and the relative change with one:
/// "từ 48 xuống 42, −12,5%" / "from 48 to 42, −12.5%" ("lên" when it rose; the signs are
/// U+2212 and '+'); without the percentage when the first value is 0.
/// @throws invalid_argument as format_number does.
GOALTRACK_API std::string describe_change(const level_change& c, int decimals, language lang);
/// How a date is written: in running text or in a table.
enum class date_style : std::uint8_t {
  /// Running text: "ngày 21 tháng 01 năm 2021", "ngày 05 tháng 3 năm 2020" (a day below 10
  /// and the months 1 and 2 take a leading 0, as Vietnamese administrative documents
  /// write them: Nghị định 30/2020/NĐ-CP, Phụ lục I) / "21 January 2021".
  long_form,
  /// Tables: "21/01/2021" in both languages (day, month, year).
  numeric,
};
/// `d` as `lang` writes it in `style`. @throws invalid_argument for a special date
/// (not-a-date, infinity).
GOALTRACK_API std::string format_date(date d, language lang,
                                      date_style style = date_style::long_form);

/// A period as running text: "năm 2020" / "2020", "6 tháng đầu năm 2021" / "the first
/// half of 2021", "9 tháng đầu năm 2025" / "the first nine months of 2025", "quý I năm
/// 2021" / "the first quarter of 2021", "tháng 3 năm 2021" / "March 2021", "năm học
/// 2019-2020" / "the 2019-2020 school year", "năm tài chính 01/04/2021 - 31/03/2022" /
/// "the fiscal year 1 April 2021 - 31 March 2022", and a custom range "từ 21/01/2021 đến
/// 10/02/2021" / "21 January 2021 to 10 February 2021" (one day: format_date).
GOALTRACK_API std::string format_period(const period& span, language lang);

/// A status in words: "đạt" / "achieved", "đúng tiến độ" / "on track", ...
GOALTRACK_API std::string_view status_label(target_status s, language lang) noexcept;

}  // namespace goaltrack
