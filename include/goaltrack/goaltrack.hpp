#pragma once
/// @file
/// goaltrack: goal and target tracking for organisations. Include this header for the
/// whole library, or the header of one concept:
///
/// | header            | concept                                                   |
/// |-------------------|-----------------------------------------------------------|
/// | period.hpp        | dates; years, quarters, months, school and fiscal years    |
/// | ids.hpp           | typed ids of entities                                      |
/// | organization.hpp  | collectives in a tree, and their members                   |
/// | rating.hpp        | ordinal rating scales, rating rounds                       |
/// | program.hpp       | action programs and their cascade                          |
/// | task.hpp          | planned and supplementary tasks with status history        |
/// | target.hpp        | targets of every kind and their progress formulas          |
/// | measurement.hpp   | dated measurements                                         |
/// | assessment.hpp    | judgements of targets made by hand, beside the computed   |
/// | plan.hpp          | the plan that owns all of the above                        |
/// | policy.hpp        | evaluation policies: thresholds, switches, summaries        |
/// | evaluation.hpp    | evaluate(plan, as_of): statuses and roll-ups               |
/// | rate.hpp          | exact rates (completed / assigned) and their rounding      |
/// | report.hpp        | Vietnamese and English wording of figures                  |
/// | label.hpp         | names of entities in each language                         |
/// | note.hpp          | notes of spreadsheet rows, kept and written back           |
/// | document.hpp      | reports as documents: text, Markdown, HTML, JSON           |
/// | chart.hpp         | charts of reports as data, rendered as SVG                 |
/// | review.hpp        | annual, mid-year, quarterly and comparison reviews         |
/// | io/archive.hpp    | save and load plans: text, XML, binary archives            |
/// | io/csv.hpp        | spreadsheet (CSV) import and export                        |
/// | io/file.hpp       | writing a file whole or not at all                         |
/// | error.hpp         | the exception hierarchy                                    |
/// | version.hpp       | the library version                                        |

#include "goaltrack/assessment.hpp"
#include "goaltrack/chart.hpp"
#include "goaltrack/document.hpp"
#include "goaltrack/error.hpp"
#include "goaltrack/evaluation.hpp"
#include "goaltrack/ids.hpp"
#include "goaltrack/io/archive.hpp"
#include "goaltrack/io/csv.hpp"
#include "goaltrack/io/file.hpp"
#include "goaltrack/io/xlsx.hpp"
#include "goaltrack/label.hpp"
#include "goaltrack/language.hpp"
#include "goaltrack/measurement.hpp"
#include "goaltrack/note.hpp"
#include "goaltrack/organization.hpp"
#include "goaltrack/period.hpp"
#include "goaltrack/plan.hpp"
#include "goaltrack/policy.hpp"
#include "goaltrack/program.hpp"
#include "goaltrack/rate.hpp"
#include "goaltrack/rating.hpp"
#include "goaltrack/report.hpp"
#include "goaltrack/review.hpp"
#include "goaltrack/target.hpp"
#include "goaltrack/task.hpp"
#include "goaltrack/text.hpp"
#include "goaltrack/version.hpp"
