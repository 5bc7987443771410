// The review of goaltrack's origin document: the 2020 review conference of the Party
// Committee of a provincial Department of Education and Training, held on 21 January
// 2021. Builds the plan, evaluates it and prints the review in Vietnamese, then English.
#include <exception>
#include <iostream>

#include "origin_review.hpp"

int main() {
  try {
    const goaltrack::plan plan = origin::build_origin_plan();
    const goaltrack::evaluation review = origin::evaluate_review(plan);
    const goaltrack::evaluation follow_up = origin::evaluate_follow_up(plan);
    std::cout << origin::render_review(plan, review, follow_up, goaltrack::language::vi) << "\n"
              << origin::render_review(plan, review, follow_up, goaltrack::language::en);
  } catch (const std::exception& e) {
    std::cerr << "annual_review: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
