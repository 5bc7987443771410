// The extension module goaltrack._goaltrack, re-exported by the package goaltrack
// (goaltrack/__init__.py). Each concept is wrapped by its own bind_<concept>.cpp; the
// order below registers every type before a signature or default argument uses it.

#include "bindings.hpp"

PYBIND11_MODULE(_goaltrack, m) {
  using namespace goaltrack::python;
  m.doc() =
      "goaltrack: goal and target tracking for organisations - action programs and their "
      "cascades, planned and supplementary tasks, targets of every kind, dated measurements, "
      "ordinal ratings of people and collectives, and progress evaluated as of any date and "
      "rolled up through programs and organisation trees.";
  wrap_error(m);
  wrap_version(m);
  wrap_period(m);
  wrap_ids(m);
  wrap_language(m);
  wrap_label(m);
  wrap_note(m);
  wrap_rating(m);
  wrap_program(m);
  wrap_rate(m);
  wrap_task(m);
  wrap_target(m);
  wrap_measurement(m);
  wrap_assessment(m);
  wrap_status(m);
  wrap_rollup(m);
  wrap_policy(m);
  wrap_organization(m);
  wrap_plan(m);
  wrap_evaluation(m);
  wrap_report(m);
  wrap_chart(m);
  wrap_document(m);
  wrap_review(m);
  wrap_archive(m);
  wrap_csv(m);
  wrap_xlsx(m);
}
