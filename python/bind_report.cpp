// report.hpp: Vietnamese and English wording of figures.

#include <cstdint>
#include <optional>
#include <string>

#include "bindings.hpp"
#include "goaltrack/report.hpp"

namespace goaltrack::python {

void wrap_report(py::module_& m) {
  m.def("format_number", &format_number, py::arg("value"), py::arg("decimals") = 0,
        py::arg("lang") = language::vi,
        "`value` rounded half away from zero to `decimals` (0..9) decimals, with the\n"
        "language's decimal and thousands separators: 1234.5 is \"1.234,5\" (vi) or \"1,234.5\"\n"
        "(en). Raises InvalidArgument for a non-finite value or decimals outside 0..9.");
  m.def("format_count", &format_count, py::arg("value"), py::arg("lang") = language::vi,
        "A whole number with the language's thousands separator.");
  py::enum_<date_style>(m, "date_style", "How a date is written: in running text or in a table.")
      .value("long_form", date_style::long_form,
             "running text: \"ngày 21 tháng 01 năm 2021\" / \"21 January 2021\"")
      .value("numeric", date_style::numeric, "tables: \"21/01/2021\" in both languages");
  m.def("format_date", &format_date, py::arg("date"), py::arg("lang") = language::vi,
        py::arg("style") = date_style::long_form,
        "The date as the language writes it: \"ngày 21 tháng 01 năm 2021\" (a day below 10\n"
        "and the months 1 and 2 take a leading 0, Nghị định 30/2020/NĐ-CP) / \"21 January\n"
        "2021\" in running text, \"21/01/2021\" in tables.");
  m.def("format_period", &format_period, py::arg("span"), py::arg("lang") = language::vi,
        "A period as running text: \"năm 2020\" / \"2020\", \"6 tháng đầu năm 2021\" / \"the\n"
        "first half of 2021\", \"quý I năm 2021\" / \"the first quarter of 2021\", \"tháng 3 năm\n"
        "2021\" / \"March 2021\", \"năm học 2019-2020\" / \"the 2019-2020 school year\", a fiscal\n"
        "year, and a custom range \"từ 21/01/2021 đến 10/02/2021\" / \"21 January 2021 to 10\n"
        "February 2021\" (one day: format_date).");
  m.def("format_percent", &format_percent, py::arg("fraction"), py::arg("decimals") = 1,
        py::arg("lang") = language::vi,
        "A fraction as a percentage: 0.581 with 1 decimal is \"58,1%\" (vi) or \"58.1%\" (en).");
  m.def("currency_minor_units", &currency_minor_units, py::arg("currency"),
        "Digits after the decimal mark of an ISO 4217 currency: 0 for VND, JPY, KRW and other\n"
        "currencies without a minor unit, 3 for BHD, IQD, JOD, KWD, LYD, OMR and TND, else 2.");
  m.def("format_money", &format_money, py::arg("amount"), py::arg("currency") = "VND",
        py::arg("lang") = language::vi,
        "An exact amount given in the currency's smallest unit: \"46.850.000 đồng\",\n"
        "\"46,850,000 VND\", and 123456 (cents) in USD is \"1,234.56 USD\".");
  m.def(
      "approximate_money",
      [](std::int64_t amount, std::string_view currency, language lang,
         std::optional<int> decimals) {
        return decimals ? approximate_money(amount, currency, lang, *decimals)
                        : approximate_money(amount, currency, lang);
      },
      py::arg("amount"), py::arg("currency") = "VND", py::arg("lang") = language::vi,
      py::arg("decimals") = py::none(),
      "An amount (in the smallest unit) rounded to the largest of thousand/million/billion\n"
      "(nghìn/triệu/tỷ) it reaches once rounded, to tenths of that unit below 10 units and to\n"
      "whole units above, with the word that says which way it was rounded: \"gần\"/\"nearly\"\n"
      "when rounded up, \"hơn\"/\"over\" when rounded down, none when exact. 46,850,000 VND is\n"
      "\"gần 47 triệu đồng\" / \"nearly 47 million VND\"; 999,600,000 VND is \"gần 1 tỷ đồng\".\n"
      "Amounts that round to less than a thousand are written exactly. With `decimals`\n"
      "(0..3), the figure has that many decimals of its unit: 48,500,000,000 VND is\n"
      "\"48,5 tỷ đồng\" with 1 (\"gần 49 tỷ đồng\" without).");
  m.def("describe_change", &describe_change, py::arg("change"), py::arg("decimals") = 0,
        py::arg("lang") = language::vi,
        "How a level moved: \"từ 48 xuống 42, −12,5%\" / \"from 48 to 42, −12.5%\".");
  m.def("format_rate", &format_rate, py::arg("rate"), py::arg("decimals") = 1,
        py::arg("mode") = rounding::half_away_from_zero, py::arg("lang") = language::vi,
        "A rate as a percentage with `decimals` (0..6) decimals cut by `mode`, exactly for\n"
        "counts: 1491 / 1600 is \"93,2%\" rounded and \"93,1%\" truncated at one decimal; \"—\"\n"
        "when the denominator is 0.");
  py::class_<task_wording>(m, "task_wording", "What describe_tasks adds to its phrase.")
      .def(py::init([](bool completion_rate, bool deadlines, bool weighted, int decimals,
                       rounding mode) {
             return task_wording{completion_rate, deadlines, weighted, decimals, mode};
           }),
           py::arg("completion_rate") = false, py::arg("deadlines") = false,
           py::arg("weighted") = false, py::arg("decimals") = 1,
           py::arg("mode") = rounding::half_away_from_zero)
      .def_readwrite("completion_rate", &task_wording::completion_rate,
                     "the completion rate over all assigned tasks")
      .def_readwrite("deadlines", &task_wording::deadlines,
                     "the rate over the tasks fallen due, the overdue and late counts")
      .def_readwrite("weighted", &task_wording::weighted, "rates in weights instead of tasks")
      .def_readwrite("decimals", &task_wording::decimals, "decimals of the rates (0..6)")
      .def_readwrite("mode", &task_wording::mode, "how the rates are cut");
  m.def(
      "describe_tasks", &describe_tasks, py::arg("tasks"), py::arg("lang") = language::vi,
      py::arg("wording") = task_wording{},
      "The review phrase for task figures: \"Hoàn thành 15/15 nhiệm vụ và 2 nhiệm vụ bổ sung\"\n"
      "/ \"Completed 15/15 tasks and 2 supplementary tasks\" (planned k/n; supplementary ones\n"
      "by number when all are completed, \"1/2\" when not). `wording` adds rates and\n"
      "deadlines: \"; of those fallen due, 93.2% were completed; 58 overdue; 31 completed late\".");
  m.def(
      "status_label",
      [](target_status s, language lang) { return std::string(status_label(s, lang)); },
      py::arg("status"), py::arg("lang") = language::vi,
      "A status in words: \"đạt\" / \"achieved\", \"đúng tiến độ\" / \"on track\", ...");
}

}  // namespace goaltrack::python
