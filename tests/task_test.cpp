#include "goaltrack/task.hpp"

#include <gtest/gtest.h>

#include "goaltrack/error.hpp"

namespace goaltrack {
namespace {

TEST(task, status_as_of_follows_history) {
  task t;
  t.history = {{make_date(2020, 3, 1), task_status::in_progress},
               {make_date(2020, 11, 30), task_status::completed}};
  EXPECT_EQ(t.status_as_of(make_date(2020, 1, 1)), task_status::not_started);
  EXPECT_EQ(t.status_as_of(make_date(2020, 3, 1)), task_status::in_progress);
  EXPECT_EQ(t.status_as_of(make_date(2020, 11, 29)), task_status::in_progress);
  EXPECT_EQ(t.status_as_of(make_date(2020, 11, 30)), task_status::completed);
}

TEST(task, codes_round_trip) {
  for (auto s : {task_status::not_started, task_status::in_progress, task_status::completed,
                 task_status::cancelled}) {
    EXPECT_EQ(parse_task_status(to_string(s)), s);
  }
  EXPECT_EQ(parse_task_kind("supplementary"), task_kind::supplementary);
  EXPECT_EQ(to_string(task_kind::planned), "planned");
  EXPECT_THROW(parse_task_status("done"), parse_error);
  // Vietnamese names, and codes and names as people type them.
  EXPECT_EQ(parse_task_kind("bổ sung"), task_kind::supplementary);
  EXPECT_EQ(parse_task_kind("Bo sung"), task_kind::supplementary);
  EXPECT_EQ(parse_task_status("HOÀN THÀNH"), task_status::completed);
  EXPECT_EQ(parse_task_status("In_Progress"), task_status::in_progress);
  EXPECT_THROW(parse_task_kind("extra"), parse_error);
}

}  // namespace
}  // namespace goaltrack
