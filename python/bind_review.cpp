// review.hpp: reviews composed from an evaluation, as documents, and review_writer, the
// sentences they are made of.
//
// A C++ review_writer keeps references to its plan and evaluation. From Python it keeps
// both objects alive (keep_alive), and it reads the plan as every binding does, through the
// plan's handle under its shared lock (plan_handle.hpp). A Python plan can still grow after
// the writer is made, which C++ forbids by const: each call checks again that the plan has
// as many targets as the evaluation, and that a target id is one of them, before the writer
// indexes the evaluation's columns by it.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "goaltrack/error.hpp"
#include "goaltrack/review.hpp"
#include "plan_handle.hpp"

namespace goaltrack::python {
namespace {

// A review_writer over the plan of a Python plan_handle.
class writer_binding {
 public:
  writer_binding(const plan_handle& p, const evaluation& ev, language lang, language names)
      : plan_(&p),
        writer_(p.read([&](const plan& pl) { return review_writer(pl, ev, lang, names); })) {}

  // Runs f(review_writer&) under the plan's shared lock, once the plan still matches.
  template <class F>
  decltype(auto) read(F&& f) {
    return plan_->read([&](const plan& pl) -> decltype(auto) {
      check(pl);
      return std::forward<F>(f)(writer_);
    });
  }
  // As read(), for a call about target `id`.
  template <class F>
  decltype(auto) read(target_id id, F&& f) {
    return read([&](review_writer& w) -> decltype(auto) {
      if (id.index() >= w.results().target_count()) {
        throw not_found("review_writer: target id " +
                        (id.ok() ? std::to_string(id.value()) : std::string("(invalid)")) +
                        " is out of range (" + std::to_string(w.results().target_count()) +
                        " targets)");
      }
      return std::forward<F>(f)(w);
    });
  }

  [[nodiscard]] const plan_handle& source() const noexcept { return *plan_; }
  [[nodiscard]] const review_writer& writer() const noexcept { return writer_; }

 private:
  void check(const plan& pl) const {
    if (pl.target_count() != writer_.results().target_count()) {
      throw invalid_argument("review_writer: the plan has " + std::to_string(pl.target_count()) +
                             " targets, its evaluation " +
                             std::to_string(writer_.results().target_count()) +
                             " (a target was added after the evaluation)");
    }
  }

  const plan_handle* plan_;  // kept alive by the Python object (keep_alive)
  review_writer writer_;
};

void wrap_options(py::module_& m) {
  py::enum_<review_kind>(m, "review_kind", "The reviews composed from an evaluation.")
      .value("annual", review_kind::annual, "báo cáo tổng kết năm")
      .value("midyear", review_kind::midyear, "báo cáo sơ kết 6 tháng")
      .value("quarterly", review_kind::quarterly, "a quarter's check-in")
      .value("comparison", review_kind::comparison,
             "two as-of dates side by side (\"so với cùng kỳ\")");
  wrap_codes<review_kind>(m, "parse_review_kind", &parse_review_kind, "review kind");

  py::class_<review_options>(m, "review_options", "What a review covers and how it is written.")
      .def(py::init([](language lang, language names_language, std::optional<period> span,
                       std::optional<collective_id> subject, std::size_t list_limit,
                       std::size_t chart_limit) {
             review_options o;
             o.lang = lang;
             o.names_language = names_language;
             o.span = std::move(span);
             o.subject = subject;
             o.list_limit = list_limit;
             o.chart_limit = chart_limit;
             return o;
           }),
           py::kw_only(), py::arg("lang") = language::vi, py::arg("names_language") = language::vi,
           py::arg("span") = py::none(), py::arg("subject") = py::none(),
           py::arg("list_limit") = review_options{}.list_limit,
           py::arg("chart_limit") = review_options{}.chart_limit)
      .def_readwrite("lang", &review_options::lang, "the language it is written in")
      .def_readwrite("names_language", &review_options::names_language,
                     "The language of the plan's own names and titles: an entity without a "
                     "label in `lang`\nis listed in document.fallbacks unless `lang` is this "
                     "one.")
      .def_readwrite("span", &review_options::span,
                     "The period reviewed; None: review_span(kind, as_of).")
      .def_readwrite("subject", &review_options::subject,
                     "Whose review: the collective's subtree (targets, tasks, programs and "
                     "ratings owned\nthere); None: the whole plan.")
      .def_readwrite("list_limit", &review_options::list_limit,
                     "The most items a list names (targets, tasks); the rest are counted (\"and "
                     "12 more\").")
      .def_readwrite("chart_limit", &review_options::chart_limit,
                     "The most burn-up charts a review draws (review_writer.burn_ups), for the "
                     "targets it\nlists first; 0 draws no chart at all (nor the bar charts).")
      .def("__repr__", [](const review_options& o) {
        return "review_options(lang=" + py_repr(py::cast(o.lang)) +
               ", names_language=" + py_repr(py::cast(o.names_language)) +
               ", span=" + (o.span ? py_repr(py::cast(*o.span)) : std::string("None")) +
               ", subject=" + (o.subject ? py_repr(py::cast(*o.subject)) : std::string("None")) +
               ", list_limit=" + std::to_string(o.list_limit) +
               ", chart_limit=" + std::to_string(o.chart_limit) + ")";
      });

  m.def("review_span", &review_span, py::arg("kind"), py::arg("as_of"),
        "The period a review of `kind` covers by default as of `as_of`. annual: the last\n"
        "calendar year ended by `as_of` (its own year on 31 December, else the year before);\n"
        "midyear: the first half of `as_of`'s year; quarterly: the quarter holding `as_of`;\n"
        "comparison: the calendar year holding `as_of`.");
}

// A composition of one evaluation: read under the plan's lock with the GIL released (the
// options are a copy, the evaluation is immutable).
template <document (*Compose)(const plan&, const evaluation&, const review_options&)>
document compose(const plan_handle& p, const evaluation& ev, review_options options) {
  return p.read_nogil([&](const plan& pl) { return Compose(pl, ev, options); });
}

void wrap_compositions(py::module_& m) {
  m.def("annual_review", &compose<&annual_review>, py::arg("plan"), py::arg("evaluation"),
        py::arg("options") = review_options{},
        "The annual review (báo cáo tổng kết) of the options' span, as of the evaluation's\n"
        "date: 1. programs overlapping the span, each with its cascade's tasks and targets\n"
        "achieved; 2. tasks per collective that owns some (supplementary, late and overdue);\n"
        "3. the targets overlapping the span, counted by status, each with its figure and\n"
        "status; 4. the ratings of the rounds for the span, by level; 5. recognition;\n"
        "6. shortcomings (targets missed or off track, overdue tasks; \"none\" when none);\n"
        "7. the targets that start after the span, with their goals. A section with nothing\n"
        "to say is left out. Releases the GIL.\n"
        "Raises NotFound for an unknown subject; InvalidArgument when the evaluation is of\n"
        "another plan (a target count that differs).");
  m.def("midyear_review", &compose<&midyear_review>, py::arg("plan"), py::arg("evaluation"),
        py::arg("options") = review_options{},
        "The mid-year review (báo cáo sơ kết 6 tháng): programs, tasks, the targets\n"
        "overlapping the span with their progress against expected progress, shortcomings (at\n"
        "risk, off track, missed, overdue), and what is left: the targets not yet closed and\n"
        "the tasks not yet completed. Raises as annual_review.");
  m.def("quarterly_review", &compose<&quarterly_review>, py::arg("plan"), py::arg("evaluation"),
        py::arg("options") = review_options{},
        "A quarter's check-in: a table of the targets overlapping the span (target, period,\n"
        "actual, progress, expected progress, status), the tasks per collective, and what\n"
        "needs attention (at risk, off track, missed, overdue). Raises as annual_review.");
  m.def(
      "comparison_review",
      [](const plan_handle& p, const evaluation& now, const evaluation& before,
         review_options options) {
        return p.read_nogil(
            [&](const plan& pl) { return comparison_review(pl, now, before, options); });
      },
      py::arg("plan"), py::arg("now"), py::arg("before"), py::arg("options") = review_options{},
      "Two as-of dates side by side (\"so với cùng kỳ\"): a table of the targets overlapping\n"
      "the span (the options' span, by default the year of `now`) with their value and\n"
      "status as of `before` and as of `now`, and the change; a target whose period does not\n"
      "hold `before`'s date is compared with the target of the same indicator and owner whose\n"
      "period does (last year's). Then each collective's tasks completed at both dates.\n"
      "Raises as annual_review, for either evaluation.");
}

void wrap_writer(py::module_& m) {
  using w = writer_binding;
  py::class_<w>(m, "review_writer",
                "The sentences of the reviews, for a review of one's own: names in the review's\n"
                "language, a target's values in its unit, its result, its goal, and task "
                "figures, each\nfigure tagged with its entity and value. It remembers the "
                "entities it had to name by\ntheir own name (finish() hands them to the "
                "document).")
      .def(py::init<const plan_handle&, const evaluation&, language, language>(), py::arg("plan"),
           py::arg("evaluation"), py::arg("lang"), py::arg("names_language") = language::vi,
           py::keep_alive<1, 2>(), py::keep_alive<1, 3>(),
           "Writes about `evaluation` (an evaluation of `plan`) in `lang`; the plan's own names\n"
           "are in `names_language`. Keeps both alive. Raises InvalidArgument when the\n"
           "evaluation is of another plan; each call raises it too once a target is added to\n"
           "the plan.")
      .def_property_readonly(
          "lang", [](const w& self) { return self.writer().lang(); }, "The review's language.")
      // reference: the plan and the evaluation are the Python objects given (kept alive).
      .def_property_readonly("source", &w::source, py::return_value_policy::reference,
                             "The plan it writes about.")
      .def_property_readonly(
          "results", [](const w& self) -> const evaluation& { return self.writer().results(); },
          py::return_value_policy::reference, "The evaluation it writes from.")
      .def(
          "name",
          [](w& self, const entity_ref& entity) {
            return self.read([&](review_writer& rw) { return rw.name(entity); });
          },
          py::arg("entity"),
          "The entity's name in the review's language (plan.name_in). Raises NotFound for an\n"
          "unknown entity, InvalidArgument for None.")
      .def(
          "unit",
          [](w& self, target_id id) {
            return self.read(id, [&](review_writer& rw) { return rw.unit(id); });
          },
          py::arg("id"),
          "The target's unit in the review's language (plan.unit_in); \"\" when "
          "it has none.")
      .def(
          "value",
          [](w& self, target_id id, double v) {
            return self.read(id, [&](review_writer& rw) { return rw.value(id, v); });
          },
          py::arg("id"), py::arg("value"),
          "A value of the target as the review writes it: a percentage for ratios, member\n"
          "shares and the unit \"%\" (values are fractions: 0.0136 is \"1,36%\"), money\n"
          "approximated (\"gần 47 triệu đồng\"), else the number with its unit (\"623 học sinh\").")
      .def(
          "status",
          [](w& self, target_id id) {
            return self.read(id, [&](review_writer& rw) { return rw.status(id); });
          },
          py::arg("id"),
          "The target's status in words, as a figure: its policy status's label, or "
          "status_label.")
      .def(
          "name_owners",
          [](w& self, bool on) { self.read([&](review_writer& rw) { rw.name_owners(on); }); },
          py::arg("on"),
          "Whether result() and goal() name the target's owner beside its period (\"Huy động\n"
          "trẻ (Huyện Bắc, năm 2021)\"); the compositions do when two of their targets have one\n"
          "title.")
      .def(
          "result",
          [](w& self, target_id id, const std::optional<period>& span, std::uint8_t list_level) {
            return self.read(id,
                             [&](review_writer& rw) { return rw.result(id, span, list_level); });
          },
          py::arg("id"), py::arg("span") = py::none(), py::arg("list_level") = 1,
          "\"Title: figure — status.\" The figure by kind: the change and both levels for a goal\n"
          "by an amount (\"giảm 98 điểm trường (từ 1.046 xuống 948)\"), the value and its parts\n"
          "for ratios and ratings (\"58,1% (7.412/12.757)\"), approximate and exact money, steps\n"
          "done (\"3/4 bước\"), a direction's last level and day and where it started; while the\n"
          "target's period runs, its progress and expected progress. \"Title — no data.\"\n"
          "without a value. The target's period is named when it is not `span`, and its owner\n"
          "when name_owners is on.")
      .def(
          "goal",
          [](w& self, target_id id, const std::optional<period>& span, std::uint8_t list_level) {
            return self.read(id, [&](review_writer& rw) { return rw.goal(id, span, list_level); });
          },
          py::arg("id"), py::arg("span") = py::none(), py::arg("list_level") = 1,
          "\"Title: aim for at least 600 students.\" with what is already reached when there is\n"
          "a value (\"; gần 47 triệu đồng (46.850.000 đồng) — đạt\").")
      .def(
          "tasks",
          [](w& self, const entity_ref& owner, const task_tally& tally, std::uint8_t list_level) {
            return self.read([&](review_writer& rw) { return rw.tasks(owner, tally, list_level); });
          },
          py::arg("owner"), py::arg("tally"), py::arg("list_level") = 1,
          "\"Name: completed 15/15 tasks and 2 supplementary tasks\" (describe_tasks with the\n"
          "deadline figures) for a collective's or program's tally.")
      .def(
          "burn_ups",
          [](w& self, const std::vector<target_id>& ids) {
            return self.read([&](review_writer& rw) { return rw.burn_ups(ids); });
          },
          py::arg("ids"),
          "Burn-ups (chart) of the numeric and milestone targets among `ids` with check-ins in\n"
          "their period by the evaluated day, in the order of `ids`. Each draws the actual after\n"
          "each such day (coloured as the target's status), the expected line from the start\n"
          "level (the baseline, else 0) to the goal level over the period (through the planned\n"
          "levels of a time-phased target; none for a limit or a range), the forecast from the\n"
          "last check-in to the period's end when the evaluation has one (coloured as the\n"
          "forecast's status), and the goal. Raises NotFound for an unknown target.")
      .def(
          "status_bars",
          [](w& self, const std::vector<target_id>& ids, std::optional<collective_id> top) {
            return self.read([&](review_writer& rw) { return rw.status_bars(ids, top); });
          },
          py::arg("ids"), py::arg("top") = py::none(),
          "The targets `ids` counted by status: a bar for `top`'s own targets and one per child\n"
          "of `top` for its subtree's (without `top`: one per root), bars without targets left\n"
          "out; a series per status that occurs, in the order of the evaluation's status\n"
          "definitions and coloured as they are (a policy status without a colour as its\n"
          "category). Raises NotFound for an unknown target or collective.")
      .def(
          "rating_bars",
          [](w& self, round_id round, std::optional<collective_id> top) {
            return self.read([&](review_writer& rw) { return rw.rating_bars(round, top); });
          },
          py::arg("round"), py::arg("top") = py::none(),
          "The members rated in `round` by level, bars as status_bars' (members of `top`\n"
          "itself, then each child's subtree); a series per level of the round's scale, best\n"
          "first, coloured from the achieved status's green to the missed status's red. Raises\n"
          "NotFound for an unknown round or collective.")
      .def(
          "task_bars",
          [](w& self, const std::vector<program_id>& programs) {
            return self.read([&](review_writer& rw) { return rw.task_bars(programs); });
          },
          py::arg("programs"),
          "The tasks of each program's cascade by deadline figure (task_tally): completed on\n"
          "time, completed late, not yet due, overdue; programs without assigned tasks left\n"
          "out. Raises NotFound for an unknown program.")
      .def(
          "fallbacks", [](const w& self) { return self.writer().fallbacks(); },
          "The entities named by their own name so far, in the order first named.")
      .def(
          "finish", [](const w& self, document& doc) { self.writer().finish(doc); }, py::arg("doc"),
          "Adds the fallbacks to the document's (each once).")
      .def("__repr__", [](const w& self) {
        return "<goaltrack.review_writer (" + std::string(to_string(self.writer().lang())) +
               ") of an evaluation as of " + to_iso(self.writer().results().as_of()) + ">";
      });
}

}  // namespace

void wrap_review(py::module_& m) {
  wrap_options(m);
  wrap_compositions(m);
  wrap_writer(m);
}

}  // namespace goaltrack::python
