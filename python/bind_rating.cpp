// rating.hpp: ordinal rating scales and rating rounds.

#include <string>
#include <vector>

#include "bindings.hpp"
#include "goaltrack/rating.hpp"

namespace goaltrack::python {

void wrap_rating(py::module_& m) {
  py::class_<rating_level>(m, "rating_level",
                           "A level's rank on its scale: 0 is the best. Compare ranks with "
                           "at_or_above().")
      .def(py::init<>(), "The best level (rank 0).")
      .def(py::init<std::uint8_t>(), py::arg("rank"))
      .def_property_readonly("rank", &rating_level::rank,
                             "0 for the best level, 1 for the next, ...")
      .def("at_or_above", &rating_level::at_or_above, py::arg("threshold"),
           "\"This level or above\" (trở lên): true when this level is `threshold` or better.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__hash__", [](rating_level l) { return l.rank(); })
      .def("__int__", &rating_level::rank)
      .def("__repr__",
           [](rating_level l) { return "rating_level(" + std::to_string(l.rank()) + ")"; })
      .def(py::pickle([](rating_level l) { return py::make_tuple(l.rank()); },
                      [](const py::tuple& t) { return rating_level(t[0].cast<std::uint8_t>()); }));

  def_fields<level_labels>(
      py::class_<level_labels>(m, "level_labels", "The names of one level.")
          .def(py::init([](std::string code, std::string label_vi, std::string label_en) {
                 return level_labels{std::move(code), std::move(label_vi), std::move(label_en)};
               }),
               py::arg("code"), py::arg("label_vi") = "", py::arg("label_en") = ""))
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__",
           [](const level_labels& l) {
             return "level_labels(" + py_repr(py::str(l.code)) + ", " +
                    py_repr(py::str(l.label_vi)) + ", " + py_repr(py::str(l.label_en)) + ")";
           })
      .def(py::pickle(
          [](const level_labels& l) { return py::make_tuple(l.code, l.label_vi, l.label_en); },
          [](const py::tuple& t) {
            return level_labels{t[0].cast<std::string>(), t[1].cast<std::string>(),
                                t[2].cast<std::string>()};
          }));

  py::class_<rating_scale>(
      m, "rating_scale",
      "An ordinal scale, best level first. A level is its rank on the scale (0 = best);\n"
      "\"level L or above\" (Vietnamese \"trở lên\") means rank <= rank(L). The default scale\n"
      "(vietnamese_default(), code \"vn4\") is excellent / good / completed / not_completed:\n"
      "Hoàn thành xuất sắc / tốt / Hoàn thành / Không hoàn thành nhiệm vụ.")
      .def(py::init<std::string, std::vector<level_labels>>(), py::arg("code"),
           py::arg("levels_best_first"),
           "A scale named `code` with `levels_best_first` (level_labels) listed best first.\n"
           "Raises InvalidArgument when the code is empty, there are no levels or more than\n"
           "max_levels, or a level code is empty or repeated (naming it).")
      .def_static("vietnamese_default", &rating_scale::vietnamese_default,
                  "The Vietnamese four-level scale (code \"vn4\").")
      .def_readonly_static("max_levels", &rating_scale::max_levels,
                           "Most levels a scale may have (a rank fits in a byte, and 255 marks "
                           "\"unrated\").")
      .def_property_readonly("code", &rating_scale::code, "The scale's code.")
      .def("__len__", &rating_scale::size, "Number of levels.")
      .def_property_readonly("size", &rating_scale::size, "Number of levels.")
      .def_property_readonly(
          "levels",
          [](const rating_scale& s) {
            return std::vector<level_labels>(s.levels().begin(), s.levels().end());
          },
          "The levels (level_labels), best first.")
      .def("__iter__",
           [](const rating_scale& s) {
             return py::iter(
                 py::cast(std::vector<level_labels>(s.levels().begin(), s.levels().end())));
           })
      .def("contains", &rating_scale::contains, py::arg("level"),
           "True when `level` is on this scale.")
      .def("__contains__", &rating_scale::contains, py::arg("level"))
      .def("find", &rating_scale::find, py::arg("code_or_label"),
           "The level with this code, or with this Vietnamese or English label; None if none.")
      .def("level", &rating_scale::level, py::arg("code_or_label"),
           "The level with this code or label. Raises ParseError naming the text and scale.")
      .def("labels", &rating_scale::labels, py::arg("level"),
           "The names of a level. Raises InvalidArgument when the level is not on the scale.")
      .def("label", &rating_scale::label, py::arg("level"), py::arg("lang"),
           "A level's label in a language.")
      .def("check", &rating_scale::check, py::arg("level"), py::arg("what"),
           "Raises InvalidArgument naming `what` and the scale unless the level is on it.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__",
           [](const rating_scale& s) {
             std::string codes;
             for (const level_labels& l : s.levels()) codes += (codes.empty() ? "" : ", ") + l.code;
             return "<goaltrack.rating_scale '" + s.code() + "': " + codes + ">";
           })
      .def(py::pickle(
          [](const rating_scale& s) {
            return py::make_tuple(s.code(),
                                  std::vector<level_labels>(s.levels().begin(), s.levels().end()));
          },
          [](const py::tuple& t) {
            return rating_scale(t[0].cast<std::string>(), t[1].cast<std::vector<level_labels>>());
          }));

  py::class_<rating_round>(
      m, "rating_round",
      "The ratings given on one scale for one period, visible from `decided_on` on.\n"
      "Read-only (a copy taken from the plan); ratings are recorded through plan.rate, which\n"
      "checks them.")
      .def_readonly_static("unrated", &rating_round::unrated,
                           "Marks \"no rating\" in the rank columns (255).")
      .def_property_readonly("scale", &rating_round::scale, "The scale the ratings are on.")
      .def_property_readonly("rated_period", &rating_round::rated_period,
                             "The period the ratings assess (e.g. the year 2020).")
      .def_property_readonly("decided_on", &rating_round::decided_on,
                             "The day the ratings were decided; an evaluation as of an earlier "
                             "day ignores them.")
      .def("of", py::overload_cast<member_id>(&rating_round::of, py::const_), py::arg("member"),
           "The rating of a member, or None if not rated in this round.")
      .def("of", py::overload_cast<collective_id>(&rating_round::of, py::const_),
           py::arg("collective"), "The rating of a collective, or None if not rated in this round.")
      .def(
          "member_ranks", [](const rating_round& r) { return column_copy(r.member_ranks()); },
          "Rank of every member by member id (unrated where none), a NumPy uint8 array; may be\n"
          "shorter than the member count, the missing tail being unrated.")
      .def(
          "collective_ranks",
          [](const rating_round& r) { return column_copy(r.collective_ranks()); },
          "Rank of every collective by collective id, as member_ranks().")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const rating_round& r) {
        return "<goaltrack.rating_round scale=" + std::to_string(r.scale().value()) +
               " period=" + r.rated_period().to_string() +
               " decided_on=" + py_repr(py::cast(r.decided_on())) + ">";
      });
}

}  // namespace goaltrack::python
