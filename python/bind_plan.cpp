// plan.hpp: the plan that owns everything. A Python plan is a plan_handle (plan_handle.hpp):
// every method goes through the plan's lock, and the bulk ones release the GIL.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "goaltrack/error.hpp"
#include "goaltrack/plan.hpp"
#include "goaltrack/text.hpp"
#include "plan_handle.hpp"

namespace goaltrack::python {

py::object make_org_ref(const py::object& plan);  // bind_organization.cpp

namespace {

// Views of the plan's collections: len(), [i], iteration; items are copies.
template <class Value, class Id, std::size_t (plan::*Count)() const noexcept>
struct plan_items {
  static std::size_t size(const py::handle& owner) {
    return handle_of(owner).read([](const plan& p) { return (p.*Count)(); });
  }
  static py::object item(const py::handle& owner, std::size_t i) {
    Value v = handle_of(owner).read(
        [i](const plan& p) { return Value(p.get(Id(static_cast<std::uint32_t>(i)))); });
    return py::cast(std::move(v));
  }
};
using program_items = plan_items<program, program_id, &plan::program_count>;
using task_items = plan_items<task, task_id, &plan::task_count>;
using target_items = plan_items<target, target_id, &plan::target_count>;
using scale_items = plan_items<rating_scale, scale_id, &plan::scale_count>;
using round_items = plan_items<rating_round, round_id, &plan::round_count>;

struct policy_items {
  static std::size_t size(const py::handle& owner) {
    return handle_of(owner).read([](const plan& p) { return p.policies().size(); });
  }
  static py::object item(const py::handle& owner, std::size_t i) {
    return py::cast(handle_of(owner).read([i](const plan& p) { return p.policies()[i]; }));
  }
};

struct measurement_items {
  static std::size_t size(const py::handle& owner) {
    return handle_of(owner).read([](const plan& p) { return p.measurements().size(); });
  }
  static py::object item(const py::handle& owner, std::size_t i) {
    return py::cast(handle_of(owner).read([i](const plan& p) { return p.measurements().at(i); }));
  }
};

// A day column from NumPy datetime64 (any unit: converted to days), integer day numbers
// (int32 is used without a copy) or a sequence of datetime.date.
struct day_column {
  py::array_t<std::int32_t> array;
  std::vector<std::int32_t> owned;
  std::span<const std::int32_t> days;

  explicit day_column(const py::handle& values) {
    const py::module_ np = py::module_::import("numpy");
    py::array a = np.attr("asarray")(values);
    if (a.dtype().kind() == 'O') a = np.attr("asarray")(values, "datetime64[D]");
    if (a.ndim() != 1) throw invalid_argument("days must be one-dimensional");
    if (a.dtype().kind() == 'M') a = a.attr("astype")("datetime64[D]").attr("view")("int64");
    if (a.dtype().is(py::dtype::of<std::int32_t>())) {
      array = py::array_t<std::int32_t, py::array::c_style | py::array::forcecast>(a);
      days = {array.data(), static_cast<std::size_t>(array.size())};
      return;
    }
    if (a.dtype().kind() != 'i' && a.dtype().kind() != 'u') {
      raise_argument_type_error("days must be datetime64, integer day numbers or dates, not " +
                                py::str(a.dtype()).cast<std::string>());
    }
    const auto wide = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>(a);
    const std::int64_t* p = wide.data();
    owned.resize(static_cast<std::size_t>(wide.size()));
    for (std::size_t i = 0; i < owned.size(); ++i) {
      if (p[i] < INT32_MIN || p[i] > INT32_MAX) {
        throw invalid_argument("add_measurements: day number " + std::to_string(p[i]) + " (row " +
                               std::to_string(i) + ") is outside the supported years");
      }
      owned[i] = static_cast<std::int32_t>(p[i]);
    }
    days = owned;
  }
};

using double_array = py::array_t<double, py::array::c_style | py::array::forcecast>;

std::span<const double> span_of(const double_array& a, const char* what) {
  if (a.ndim() != 1) throw invalid_argument(std::string(what) + " must be one-dimensional");
  return {a.data(), static_cast<std::size_t>(a.size())};
}

std::vector<rating_level> level_column(const py::handle& values) {
  const py::array a = py::module_::import("numpy").attr("asarray")(values);
  std::vector<rating_level> out;
  if (a.size() == 0) return out;  // an empty list is float64 to NumPy, and still no levels
  if (a.dtype().kind() == 'O') {
    for (const py::handle item : py::iter(values)) {
      out.push_back(py::isinstance<rating_level>(item) ? item.cast<rating_level>()
                                                       : rating_level(item.cast<std::uint8_t>()));
    }
    return out;
  }
  if (a.dtype().kind() != 'i' && a.dtype().kind() != 'u') {
    raise_argument_type_error("levels must be ranks (integers) or rating_level values");
  }
  const auto wide = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>(a);
  out.reserve(static_cast<std::size_t>(wide.size()));
  for (py::ssize_t i = 0; i < wide.size(); ++i) {
    const std::int64_t r = wide.data()[i];
    if (r < 0 || r > 255)
      throw invalid_argument("rate: rank " + std::to_string(r) + " is not a rank");
    out.emplace_back(static_cast<std::uint8_t>(r));
  }
  return out;
}

// plan.<name>(records): the bulk add `add` of a kind, all or nothing, the GIL released.
template <class Id, class Record>
void def_bulk_add(py::class_<plan_handle>& cls, const char* name,
                  Id (plan::*add)(std::span<const Record>), const std::string& single,
                  const std::string& what) {
  const std::string doc = "Adds many " + what + " (a list), as " + single +
                          " on each in order; all or nothing (on error, none is\n"
                          "added). Returns the id of the first; they get consecutive ids.";
  cls.def(
      name,
      [add](plan_handle& self, const std::vector<Record>& records) {
        return self.write_nogil([&](plan& p) { return (p.*add)(records); });
      },
      py::arg(what.c_str()), doc.c_str());
}

void wrap_bulk_adds(py::module_& m) {
  py::class_<round_spec>(m, "round_spec", "A rating round to open, for plan.add_rounds.")
      .def(py::init([](scale_id scale, const period& rated_period, std::optional<date> decided_on) {
             return round_spec{scale, rated_period, decided_on};
           }),
           py::arg("scale"), py::arg("rated_period"), py::arg("decided_on") = py::none())
      .def_readwrite("scale", &round_spec::scale, "The scale the ratings are on.")
      .def_readwrite("rated_period", &round_spec::rated_period, "The period they assess.")
      .def_readwrite("decided_on", &round_spec::decided_on,
                     "The day they were decided (None: the period's last day).")
      .def(py::self == py::self)
      .def(py::self != py::self);
  auto cls = py::reinterpret_borrow<py::class_<plan_handle>>(m.attr("plan"));
  def_bulk_add(cls, "add_scales", &plan::add_scales, "add_scale", "scales");
  def_bulk_add(cls, "add_rounds", &plan::add_rounds, "add_round", "rounds");
  def_bulk_add(cls, "add_programs", &plan::add_programs, "add_program", "programs");
  def_bulk_add(cls, "add_tasks", &plan::add_tasks, "add_task", "tasks");
  def_bulk_add(cls, "add_policies", &plan::add_policies, "add_policy", "policies");
}

}  // namespace

void wrap_plan(py::module_& m) {
  m.attr("max_text_bytes") = max_text_bytes;  // goaltrack/text.hpp: the rule of a plan's texts
  wrap_view<program_items>(m, "program_view", "The programs of a plan, in id order (copies).");
  wrap_view<task_items>(m, "task_view", "The tasks of a plan, in id order (copies).");
  wrap_view<target_items>(m, "target_view", "The targets of a plan, in id order (copies).");
  wrap_view<scale_items>(m, "scale_view", "The rating scales of a plan, in id order (copies).");
  wrap_view<round_items>(m, "round_view", "The rating rounds of a plan, in id order (copies).");
  wrap_view<policy_items>(m, "policy_view", "The policies kept in a plan (copies).");

  using measurement_view = view<measurement_items>;
  const auto owner_of = [](const measurement_view& v) -> const plan_handle& {
    return handle_of(v.owner);
  };
  wrap_view<measurement_items>(
      m, "measurement_table",
      "The plan's measurements, in the order they were added: len(), [i] (a measurement\n"
      "with its source and note), iteration, and the columns as NumPy arrays (copies).");
  py::reinterpret_borrow<py::class_<measurement_view>>(m.attr("measurement_table"))
      .def(
          "targets",
          [owner_of](const measurement_view& v) {
            return owner_of(v).read([](const plan& p) {
              const auto t = p.measurements().targets();
              py::array_t<std::uint32_t> a(static_cast<py::ssize_t>(t.size()));
              std::uint32_t* out = a.mutable_data();
              for (std::size_t i = 0; i < t.size(); ++i) out[i] = t[i].value();
              return a;
            });
          },
          "Target id of every measurement (NumPy uint32).")
      .def(
          "days",
          [owner_of](const measurement_view& v) {
            return owner_of(v).read(
                [](const plan& p) { return column_copy(p.measurements().days()); });
          },
          "Day of every measurement as a day number (NumPy int32; .astype('datetime64[D]')\n"
          "gives dates).")
      .def(
          "values",
          [owner_of](const measurement_view& v) {
            return owner_of(v).read(
                [](const plan& p) { return column_copy(p.measurements().values()); });
          },
          "Value of every measurement (NumPy float64).")
      .def(
          "denominators",
          [owner_of](const measurement_view& v) {
            return owner_of(v).read(
                [](const plan& p) { return column_copy(p.measurements().denominators()); });
          },
          "Denominator of every measurement (NumPy float64); empty while no ratio measurement\n"
          "was added (every denominator is then 1).");

  py::class_<plan_handle>(
      m, "plan",
      "An organisation's programs, tasks, targets, ratings and measurements: the one object\n"
      "that owns its collectives and members (plan.org), rating scales and rounds, programs,\n"
      "tasks, targets, measurements and policies. Entities refer to each other by typed ids.\n"
      "Every add_* and set_* checks its input first and either succeeds or raises leaving the\n"
      "plan exactly as it was, with a message that names the entity at fault. A plan is a\n"
      "value: copy.copy() copies it, == compares it. Several threads may evaluate one plan at\n"
      "once (evaluate releases the GIL); writes wait for reads to finish.")
      .def(py::init<>(), "An empty plan.")
      // --- organisation --------------------------------------------------------------
      .def_property_readonly(
          "org", [](const py::object& self) { return make_org_ref(self); },
          "Collectives and members; add them here directly (organization checks them).")
      // --- rating scales and rounds ----------------------------------------------------
      .def(
          "add_scale",
          [](plan_handle& self, rating_scale scale) {
            return self.write([&](plan& p) { return p.add_scale(std::move(scale)); });
          },
          py::arg("scale"), "Adds a scale. Raises DuplicateError when its code is taken.")
      .def(
          "find_scale",
          [](const plan_handle& self, std::string_view code) {
            return self.read([&](const plan& p) { return p.find_scale(code); });
          },
          py::arg("code"), "The scale with this code, or None.")
      .def_property_readonly(
          "scale_count",
          [](const plan_handle& self) {
            return self.read([](const plan& p) { return p.scale_count(); });
          },
          "Number of rating scales.")
      .def_property_readonly(
          "scales", [](const py::object& self) { return view<scale_items>{self}; },
          "The rating scales (len(), iteration, [i]).")
      .def(
          "add_round",
          [](plan_handle& self, scale_id scale, const period& rated_period,
             std::optional<date> decided_on) {
            return self.write(
                [&](plan& p) { return p.add_round(scale, rated_period, decided_on); });
          },
          py::arg("scale"), py::arg("rated_period"), py::arg("decided_on") = py::none(),
          "Opens the round of ratings on `scale` for `rated_period`, decided on `decided_on`\n"
          "(default: the period's last day); evaluations as of earlier days ignore it.\n"
          "Raises NotFound for an unknown scale; DuplicateError when the scale already has\n"
          "a round for that period.")
      .def(
          "find_round",
          [](const plan_handle& self, scale_id scale, const period& rated_period) {
            return self.read([&](const plan& p) { return p.find_round(scale, rated_period); });
          },
          py::arg("scale"), py::arg("rated_period"),
          "The round of `scale` for exactly `rated_period`, or None.")
      .def_property_readonly(
          "round_count",
          [](const plan_handle& self) {
            return self.read([](const plan& p) { return p.round_count(); });
          },
          "Number of rating rounds.")
      .def_property_readonly(
          "rounds", [](const py::object& self) { return view<round_items>{self}; },
          "The rating rounds (len(), iteration, [i]).")
      .def(
          "rate",
          [](plan_handle& self, round_id round, member_id member, rating_level level) {
            self.write([&](plan& p) { p.rate(round, member, level); });
          },
          py::arg("round"), py::arg("member"), py::arg("level"),
          "Records (or replaces) a member's rating in a round.\n"
          "Raises NotFound for an unknown round or member; InvalidArgument when the level\n"
          "is not on the round's scale.")
      .def(
          "rate",
          [](plan_handle& self, round_id round, collective_id collective, rating_level level) {
            self.write([&](plan& p) { p.rate(round, collective, level); });
          },
          py::arg("round"), py::arg("collective"), py::arg("level"),
          "Records (or replaces) a collective's rating in a round; errors as for members.")
      .def(
          "rate",
          [](plan_handle& self, round_id round, const py::object& members,
             const py::object& levels) {
            const std::vector<member_id> ids = id_column<member_id>(members, "members");
            const std::vector<rating_level> ranks = level_column(levels);
            self.write_nogil([&](plan& p) { p.rate(round, ids, ranks); });
          },
          py::arg("round"), py::arg("members"), py::arg("levels"),
          "Records many members' ratings at once; all or nothing. `members`: member ids or a\n"
          "NumPy integer array of them; `levels`: rating_level values or a NumPy integer array\n"
          "of ranks, one per member. Releases the GIL.")
      // --- programs and tasks ----------------------------------------------------------
      .def(
          "add_program",
          [](plan_handle& self, program pr) {
            return self.write([&](plan& p) { return p.add_program(std::move(pr)); });
          },
          py::arg("program"),
          "Adds a program. Raises InvalidArgument for an empty code; DuplicateError when\n"
          "the code is taken; NotFound for an unknown owner or parent program.")
      .def(
          "find_program",
          [](const plan_handle& self, std::string_view code) {
            return self.read([&](const plan& p) { return p.find_program(code); });
          },
          py::arg("code"), "The program with this code, or None.")
      .def_property_readonly(
          "program_count",
          [](const plan_handle& self) {
            return self.read([](const plan& p) { return p.program_count(); });
          },
          "Number of programs.")
      .def_property_readonly(
          "programs", [](const py::object& self) { return view<program_items>{self}; },
          "The programs (len(), iteration, [i]).")
      .def(
          "add_task",
          [](plan_handle& self, task t) {
            return self.write([&](plan& p) { return p.add_task(std::move(t)); });
          },
          py::arg("task"),
          "Adds a task. Raises InvalidArgument for an empty code, a weight that is not\n"
          "finite and positive, or a history out of date order; DuplicateError when the code\n"
          "is taken; NotFound for an unknown program or owner.")
      .def(
          "set_task_status",
          [](plan_handle& self, task_id id, task_status status, date on) {
            self.write([&](plan& p) { p.set_task_status(id, status, on); });
          },
          py::arg("id"), py::arg("status"), py::arg("on"),
          "Records that a task's status became `status` on day `on`.\n"
          "Raises NotFound for an unknown task; InvalidArgument when `on` is before the\n"
          "task's last recorded change.")
      .def(
          "find_task",
          [](const plan_handle& self, std::string_view code) {
            return self.read([&](const plan& p) { return p.find_task(code); });
          },
          py::arg("code"), "The task with this code, or None.")
      .def_property_readonly(
          "task_count",
          [](const plan_handle& self) {
            return self.read([](const plan& p) { return p.task_count(); });
          },
          "Number of tasks.")
      .def_property_readonly(
          "tasks", [](const py::object& self) { return view<task_items>{self}; },
          "The tasks (len(), iteration, [i]).")
      // --- targets and measurements ----------------------------------------------------
      .def(
          "add_target",
          [](plan_handle& self, const target& t) {
            return self.write([&](plan& p) { return p.add_target(t); });
          },
          py::arg("target"),
          "Adds a target after target.validate() and checking its references.\n"
          "Raises as target.validate; DuplicateError when the code is taken; NotFound\n"
          "for an unknown owner, program or scale; InvalidArgument for a rating\n"
          "level not on the scale.")
      .def(
          "add_targets",
          [](plan_handle& self, const std::vector<target>& targets) {
            return self.write_nogil([&](plan& p) { return p.add_targets(targets); });
          },
          py::arg("targets"),
          "Adds many targets (a list), as add_target on each in order; all or nothing.\n"
          "Faster for many: their codes are indexed together. Returns the first id; the\n"
          "targets get consecutive ids.")
      .def(
          "find_target",
          [](const plan_handle& self, std::string_view code) {
            return self.read([&](const plan& p) { return p.find_target(code); });
          },
          py::arg("code"), "The target with this code, or None.")
      .def_property_readonly(
          "target_count",
          [](const plan_handle& self) {
            return self.read([](const plan& p) { return p.target_count(); });
          },
          "Number of targets.")
      .def_property_readonly(
          "targets", [](const py::object& self) { return view<target_items>{self}; },
          "The targets (len(), iteration, [i]); each a copy.")
      .def(
          "add_measurement",
          [](plan_handle& self, const measurement& x) {
            self.write([&](plan& p) { p.add_measurement(x); });
          },
          py::arg("measurement"),
          "Adds one measurement.\n"
          "Raises NotFound for an unknown target; InvalidArgument naming the target when\n"
          "the value or denominator is not finite, a ratio's denominator is not > 0,\n"
          "a count or amount is not a whole number, a milestone value is outside\n"
          "0..items, the target is a rating target, or the day is outside the\n"
          "supported years.")
      .def(
          "add_measurement",
          [](plan_handle& self, target_id target, date on, double value, double denominator,
             std::string source, std::string note) {
            const measurement x{target, on, value, denominator, std::move(source), std::move(note)};
            self.write([&](plan& p) { p.add_measurement(x); });
          },
          py::arg("target"), py::arg("on"), py::arg("value"), py::arg("denominator") = 1.0,
          py::arg("source") = "", py::arg("note") = "",
          "Adds one measurement given by its fields; as add_measurement(measurement).")
      .def(
          "add_measurements",
          [](plan_handle& self, const py::object& targets, const py::object& days,
             const py::object& values, const py::object& denominators) {
            const std::vector<target_id> ids = id_column<target_id>(targets, "targets");
            const day_column day(days);
            const auto v = py::cast<double_array>(values);
            const std::span<const double> value_span = span_of(v, "values");
            double_array d;
            std::span<const double> denominator_span;
            if (!denominators.is_none()) {
              d = py::cast<double_array>(denominators);
              denominator_span = span_of(d, "denominators");
            }
            self.write_nogil(
                [&](plan& p) { p.add_measurements(ids, day.days, value_span, denominator_span); });
          },
          py::arg("targets"), py::arg("days"), py::arg("values"),
          py::arg("denominators") = py::none(),
          "Adds many measurements from columns of equal length, in one call: `targets` (a\n"
          "NumPy integer array of target ids, or target_id values), `days` (NumPy\n"
          "datetime64, int32 day numbers as goaltrack.day_number gives, or datetime.date\n"
          "values), `values` (float64) and optionally `denominators` (one per row, used by\n"
          "ratio targets). All or nothing; errors as add_measurement's, naming the row.\n"
          "Releases the GIL; float64 values and int32 days are read without a copy.")
      .def_property_readonly(
          "measurements", [](const py::object& self) { return view<measurement_items>{self}; },
          "The measurements: len(), [i], iteration, and NumPy columns targets(), days(),\n"
          "values(), denominators().")
      // --- evaluation policies ---------------------------------------------------------
      .def(
          "add_policy",
          [](plan_handle& self, std::string code, evaluation_policy policy) {
            return self.write(
                [&](plan& p) { return p.add_policy(std::move(code), std::move(policy)); });
          },
          py::arg("code"), py::arg("policy"),
          "Keeps a policy under `code`, for evaluate(plan, as_of, code) and for saving with the\n"
          "plan. Raises InvalidArgument for an empty code or an invalid policy (as\n"
          "evaluation_policy.validate); DuplicateError when the code is taken; NotFound\n"
          "when a rating summary names an unknown round.")
      .def(
          "policy",
          [](const plan_handle& self, std::string_view code) {
            return self.read([&](const plan& p) { return p.policy(code); });
          },
          py::arg("code"),
          "The policy kept under `code` (a copy). Raises NotFound naming the code.")
      .def_property_readonly(
          "policies", [](const py::object& self) { return view<policy_items>{self}; },
          "The policies kept in the plan (named_policy values).")
      .def(
          "add_assessment",
          [](plan_handle& self, const assessment& a) {
            self.write([&](plan& p) { p.add_assessment(a); });
          },
          py::arg("assessment"),
          "Adds a judgement of a target made by hand.\n"
          "Raises NotFound for an unknown target; InvalidArgument naming the target when the\n"
          "status is empty, the score is not finite, or a text is not UTF-8.")
      .def(
          "assessments",
          [](const plan_handle& self) {
            return self.read([](const plan& p) {
              return std::vector<assessment>(p.assessments().begin(), p.assessments().end());
            });
          },
          "Every assessment, in the order added (copies).")
      .def(
          "add_alignment",
          [](plan_handle& self, const alignment& a) {
            self.write([&](plan& p) { p.add_alignment(a); });
          },
          py::arg("alignment"),
          "Counts a target or a program toward another program with a weight, besides its own\n"
          "program or parent. Raises NotFound for an unknown id; InvalidArgument naming the\n"
          "child and parent for a bad weight, neither or both children, or a repeat;\n"
          "CycleError naming the programs of a cycle.")
      .def(
          "add_alignments",
          [](plan_handle& self, const std::vector<alignment>& list) {
            self.write([&](plan& p) { p.add_alignments(list); });
          },
          py::arg("alignments"), "Adds many alignments, all or nothing (add_alignment's errors).")
      .def(
          "alignments",
          [](const plan_handle& self) {
            return self.read([](const plan& p) {
              return std::vector<alignment>(p.alignments().begin(), p.alignments().end());
            });
          },
          "Every alignment, in the order added (copies).")
      .def(
          "add_label",
          [](plan_handle& self, const entity_label& l) {
            self.write([&](plan& p) { p.add_label(l); });
          },
          py::arg("label"),
          "Gives an entity's name or title in a language. Raises InvalidArgument when none or\n"
          "several ids are set, or (naming the entity) the text is empty or not UTF-8;\n"
          "NotFound for an unknown entity; DuplicateError when it has a label in that language.")
      .def(
          "add_labels",
          [](plan_handle& self, const std::vector<entity_label>& list) {
            self.write([&](plan& p) { p.add_labels(list); });
          },
          py::arg("labels"), "Adds many labels, all or nothing (add_label's errors).")
      .def(
          "labels",
          [](const plan_handle& self) {
            return self.read([](const plan& p) {
              return std::vector<entity_label>(p.labels().begin(), p.labels().end());
            });
          },
          "Every label, in the order added (copies).")
      .def(
          "label",
          [](const plan_handle& self, const entity_ref& e, language lang, label_part part) {
            return self.read([&](const plan& p) -> std::optional<std::string> {
              const auto text = p.label(e, lang, part);
              return text ? std::optional<std::string>(*text) : std::nullopt;
            });
          },
          py::arg("entity"), py::arg("language"), py::arg("part") = label_part::name,
          "The label of the entity (an id) in the language, or None; `part` unit: a\n"
          "target's unit.")
      .def(
          "add_note",
          [](plan_handle& self, const row_note& n) { self.write([&](plan& p) { p.add_note(n); }); },
          py::arg("note"),
          "Keeps the note of a row of a spreadsheet file. Raises InvalidArgument (naming the\n"
          "row and the column) when the ids name no one row, the column or the text is empty\n"
          "or not UTF-8, or a rating's member or collective is not rated in the round;\n"
          "NotFound for an unknown entity or measurement row; DuplicateError when the row has\n"
          "a note in that column.")
      .def(
          "add_notes",
          [](plan_handle& self, const std::vector<row_note>& list) {
            self.write([&](plan& p) { p.add_notes(list); });
          },
          py::arg("notes"), "Adds many notes, all or nothing (add_note's errors).")
      .def(
          "notes",
          [](const plan_handle& self) {
            return self.read([](const plan& p) {
              return std::vector<row_note>(p.notes().begin(), p.notes().end());
            });
          },
          "Every note, in the order added (copies).")
      .def(
          "note",
          [](const plan_handle& self, const row_note& where) {
            return self.read([&](const plan& p) -> std::optional<std::string> {
              const auto text = p.note(where);
              return text ? std::optional<std::string>(*text) : std::nullopt;
            });
          },
          py::arg("where"),
          "The text of the note on the row and in the column `where` names (its text is not\n"
          "read), or None.")
      .def(
          "code",
          [](const plan_handle& self, const entity_ref& e) {
            return self.read([&](const plan& p) { return p.code(e); });
          },
          py::arg("entity"),
          "The entity's stable code (a round's: its scale's code and its period).")
      .def(
          "name",
          [](const plan_handle& self, const entity_ref& e) {
            return self.read([&](const plan& p) { return std::string(p.name(e)); });
          },
          py::arg("entity"), "The entity's own name or title, in the plan's language.")
      .def(
          "name_in",
          [](const plan_handle& self, const entity_ref& e, language lang) {
            return self.read([&](const plan& p) { return p.name_in(e, lang); });
          },
          py::arg("entity"), py::arg("language"),
          "How a report in the language names the entity: its label, else its own name\n"
          "(then `fallback` is True).")
      .def(
          "unit_in",
          [](const plan_handle& self, target_id t, language lang) {
            return self.read([&](const plan& p) { return p.unit_in(t, lang); });
          },
          py::arg("target"), py::arg("language"),
          "How a report in the language writes the target's unit: its unit label, else\n"
          "target.unit (then `fallback` is True, unless the unit is empty).")
      // --- value semantics -------------------------------------------------------------
      .def(
          "__eq__",
          [](const plan_handle& a, const plan_handle& b) {
            if (&a == &b) return true;
            return a.read(
                [&](const plan& pa) { return b.read([&](const plan& pb) { return pa == pb; }); });
          },
          py::is_operator())
      .def(
          "__ne__",
          [](const plan_handle& a, const plan_handle& b) {
            if (&a == &b) return false;
            return a.read([&](const plan& pa) {
              return b.read([&](const plan& pb) { return !(pa == pb); });
            });
          },
          py::is_operator())
      .def("__copy__", [](const plan_handle& self) { return plan_handle(self); })
      .def(
          "__deepcopy__",
          [](const plan_handle& self, const py::dict&) { return plan_handle(self); },
          py::arg("memo"))
      .def("__repr__", [](const plan_handle& self) {
        return self.read([](const plan& p) {
          return "<goaltrack.plan: " + std::to_string(p.org().collective_count()) +
                 " collectives, " + std::to_string(p.org().member_count()) + " members, " +
                 std::to_string(p.program_count()) + " programs, " +
                 std::to_string(p.task_count()) + " tasks, " + std::to_string(p.target_count()) +
                 " targets, " + std::to_string(p.measurements().size()) + " measurements>";
        });
      });

  // plan.get(id) for every kind of id: a copy of the entity.
  auto cls = py::reinterpret_borrow<py::class_<plan_handle>>(m.attr("plan"));
  cls.def(
         "get",
         [](const plan_handle& self, scale_id id) {
           return self.read([id](const plan& p) { return p.get(id); });
         },
         py::arg("id"), "The scale with this id (a copy). Raises NotFound for an unknown id.")
      .def(
          "get",
          [](const plan_handle& self, round_id id) {
            return self.read([id](const plan& p) { return p.get(id); });
          },
          py::arg("id"),
          "The rating round with this id (a copy). Raises NotFound for an unknown id.")
      .def(
          "get",
          [](const plan_handle& self, program_id id) {
            return self.read([id](const plan& p) { return p.get(id); });
          },
          py::arg("id"), "The program with this id (a copy). Raises NotFound for an unknown id.")
      .def(
          "get",
          [](const plan_handle& self, task_id id) {
            return self.read([id](const plan& p) { return p.get(id); });
          },
          py::arg("id"), "The task with this id (a copy). Raises NotFound for an unknown id.")
      .def(
          "get",
          [](const plan_handle& self, target_id id) {
            return self.read([id](const plan& p) { return p.get(id); });
          },
          py::arg("id"), "The target with this id (a copy). Raises NotFound for an unknown id.");
  wrap_bulk_adds(m);
}

}  // namespace goaltrack::python
