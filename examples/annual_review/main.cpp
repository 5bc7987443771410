// The review of goaltrack's origin document: the 2020 review conference of the Party
// Committee of a provincial Department of Education and Training, held on 21 January
// 2021. Builds the plan, evaluates it and prints the review in Vietnamese, then English.
//
//     annual_review                  the review, in both languages
//     annual_review --csv FOLDER     writes the plan as a CSV folder instead: how
//                                    examples/annual_review/data was made, for
//                                    `goaltrack report examples/annual_review/data ...`
#include <exception>
#include <iostream>
#include <string_view>

#include "origin_review.hpp"

int main(int argc, char** argv) {
  try {
    const goaltrack::plan plan = origin::build_origin_plan();
    if (argc == 3 && std::string_view(argv[1]) == "--csv") {
      goaltrack::export_csv(plan, argv[2]);
      return 0;
    }
    if (argc != 1) {
      std::cerr << "usage: annual_review [--csv FOLDER]\n";
      return 2;
    }
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
