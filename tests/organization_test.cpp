#include "goaltrack/organization.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "goaltrack/error.hpp"

namespace goaltrack {
namespace {

std::string message_of(const auto& f) {
  try {
    f();
  } catch (const error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(organization, builds_a_tree_of_collectives_and_members) {
  organization org;
  const auto dept = org.add_collective("SGD", "Sở GD-ĐT", "department");
  const auto committee = org.add_collective("DB", "Đảng bộ Sở", "party_committee", dept);
  const auto cell = org.add_collective("CB1", "Chi bộ 1", "cell", committee);
  const auto m = org.add_member("DV001", "Nguyễn Văn A", cell);
  EXPECT_EQ(org.collective_count(), 3U);
  EXPECT_EQ(org.collective("CB1"), cell);
  EXPECT_EQ(org.name(cell), "Chi bộ 1");
  EXPECT_EQ(org.kind(cell), "cell");
  EXPECT_EQ(org.parent(cell), committee);
  EXPECT_FALSE(org.parent(dept).has_value());
  EXPECT_EQ(org.children(committee), std::vector<collective_id>{cell});
  EXPECT_TRUE(org.in_subtree(cell, dept));
  EXPECT_FALSE(org.in_subtree(dept, cell));
  EXPECT_EQ(org.collective_of(m), cell);
  EXPECT_EQ(org.members_of(cell), std::vector<member_id>{m});
  EXPECT_EQ(org.member("DV001"), m);
  EXPECT_FALSE(org.find_member("DV999").has_value());
  EXPECT_TRUE(org.contains_collective("DB"));
}

TEST(organization, batch_in_any_order_gets_parents_before_children) {
  organization org;
  const std::vector<collective_spec> specs{
      {"cell-2", "", "cell", "org-1"},
      {"nation", "", "nation", ""},
      {"org-1", "", "org", "nation"},
      {"cell-1", "", "cell", "org-1"},
  };
  const auto ids = org.add_collectives(specs);
  ASSERT_EQ(ids.size(), 4U);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(org.code(ids[i]), specs[i].code);
    if (auto parent = org.parent(ids[i])) {
      EXPECT_LT(*parent, ids[i]);
    }
  }
  EXPECT_EQ(org.parent(ids[0]), ids[2]);
  EXPECT_EQ(org.children(ids[2]).size(), 2U);
  EXPECT_EQ(org.kind_names().size(), 3U);
}

TEST(organization, cycle_is_rejected_and_nothing_is_added) {
  organization org;
  org.add_collective("root", "", "x");
  const organization before = org;
  const std::vector<collective_spec> cyclic{
      {"a", "", "x", "b"}, {"b", "", "x", "c"}, {"c", "", "x", "a"}, {"d", "", "x", "root"}};
  EXPECT_THROW(org.add_collectives(cyclic), cycle_error);
  EXPECT_NE(message_of([&] { org.add_collectives(cyclic); }).find("'a'"), std::string::npos);
  EXPECT_EQ(org, before);
  const std::vector<collective_spec> self{{"s", "", "x", "s"}};
  EXPECT_THROW(org.add_collectives(self), cycle_error);
  EXPECT_EQ(org, before);
}

TEST(organization, unknown_parent_and_duplicates_are_rejected_naming_the_code) {
  organization org;
  const auto root = org.add_collective("root", "", "x");
  const organization before = org;
  const std::vector<collective_spec> orphan{{"a", "", "x", "root"}, {"b", "", "x", "nowhere"}};
  EXPECT_THROW(org.add_collectives(orphan), not_found);
  EXPECT_NE(message_of([&] { org.add_collectives(orphan); }).find("'nowhere'"), std::string::npos);
  const std::vector<collective_spec> twice{{"a", "", "x", ""}, {"a", "", "x", ""}};
  EXPECT_THROW(org.add_collectives(twice), duplicate_error);
  EXPECT_THROW(org.add_collective("root", "", "x"), duplicate_error);
  EXPECT_THROW(org.add_collective("", "", "x"), invalid_argument);
  EXPECT_THROW(org.add_collective("z", "", "x", collective_id{42}), not_found);
  EXPECT_EQ(org, before);
  (void)root;
}

TEST(organization, member_of_unknown_collective_or_duplicate_leaves_members_unchanged) {
  organization org;
  const auto cell = org.add_collective("CB1", "", "cell");
  org.add_member("m1", "", cell);
  const organization before = org;
  EXPECT_THROW(org.add_member("m2", "", collective_id{9}), not_found);
  EXPECT_NE(message_of([&] { org.add_member("m2", "", collective_id{9}); }).find("'m2'"),
            std::string::npos);
  const std::vector<member_spec> batch{{"m3", "", cell}, {"m4", "", cell}, {"m1", "", cell}};
  EXPECT_THROW(org.add_members(batch), duplicate_error);
  EXPECT_EQ(org, before);
  EXPECT_FALSE(org.find_member("m3").has_value());
  EXPECT_EQ(org.add_member("m3", "", cell), member_id{1});
}

TEST(organization, unknown_ids_throw_not_found) {
  organization org;
  EXPECT_THROW((void)org.code(collective_id{0}), not_found);
  EXPECT_THROW((void)org.name(member_id{0}), not_found);
  EXPECT_THROW((void)org.collective("nope"), not_found);
}

TEST(organization, many_codes_stay_findable) {
  organization org;
  const auto root = org.add_collective("root", "", "x");
  std::vector<std::string> codes;
  for (int i = 0; i < 20000; ++i) codes.push_back("member-" + std::to_string(i));
  std::vector<member_spec> specs;
  for (const auto& c : codes) specs.push_back({c, "", root});
  org.add_members(specs);
  for (int i = 0; i < 20000; i += 997) {
    EXPECT_EQ(org.member(codes[static_cast<std::size_t>(i)]).value(),
              static_cast<std::uint32_t>(i));
  }
  EXPECT_FALSE(org.find_member("member-20000").has_value());
}

TEST(organization, finds_members_and_collectives_in_bulk) {
  organization org;
  const auto root = org.add_collective("root", "", "x");
  const auto cell = org.add_collective("cell", "", "x", root);
  std::vector<std::string> owned;
  for (int i = 0; i < 3000; ++i) owned.push_back("m" + std::to_string(i));
  std::vector<member_spec> specs;
  for (const auto& c : owned) specs.push_back({c, "", cell});
  org.add_members(specs);
  const std::vector<std::string_view> members{"m2999", "nobody", "m0", "", "m17", "m0"};
  const auto found = org.find_members(members);
  ASSERT_EQ(found.size(), members.size());
  for (std::size_t i = 0; i < members.size(); ++i) EXPECT_EQ(found[i], org.find_member(members[i]));
  EXPECT_EQ(found[0], member_id(2999));
  EXPECT_FALSE(found[1].has_value());
  const std::vector<std::string_view> collectives{"cell", "m0", "root"};
  const auto ids = org.find_collectives(collectives);
  ASSERT_EQ(ids.size(), 3U);
  EXPECT_EQ(ids[0], cell);
  EXPECT_FALSE(ids[1].has_value());
  EXPECT_EQ(ids[2], root);
  EXPECT_TRUE(organization{}.find_members(members).size() == members.size());
  EXPECT_TRUE(org.find_collectives({}).empty());
}

TEST(organization, add_members_reports_the_first_bad_spec_and_changes_nothing) {
  organization org;
  const auto root = org.add_collective("root", "", "x");
  org.add_member("old", "", root);
  const organization before = org;
  // The first bad spec decides the error, as if the specs were added one by one.
  const std::vector<member_spec> dup_first{{"a", "", root}, {"old", "", root}, {"", "", root}};
  EXPECT_THROW(org.add_members(dup_first), duplicate_error);
  EXPECT_EQ(org, before);
  const std::vector<member_spec> empty_first{{"a", "", root}, {"", "", root}, {"a", "", root}};
  EXPECT_THROW(org.add_members(empty_first), invalid_argument);
  EXPECT_EQ(org, before);
  const std::vector<member_spec> unknown_first{{"a", "", collective_id(9)}, {"a", "", root}};
  EXPECT_NE(message_of([&] { org.add_members(unknown_first); }).find("collective of member 'a'"),
            std::string::npos);
  EXPECT_EQ(org, before);
  const std::vector<member_spec> twice_in_batch{{"a", "", root}, {"b", "", root}, {"a", "", root}};
  EXPECT_NE(message_of([&] { org.add_members(twice_in_batch); }).find("member code 'a'"),
            std::string::npos);
  EXPECT_EQ(org, before);
  const std::vector<member_spec> good{{"a", "A", root}, {"b", "B", root}};
  EXPECT_EQ(org.add_members(good), member_id(1));
  EXPECT_EQ(org.name(member_id(2)), "B");
  EXPECT_EQ(org.collective_of(member_id(2)), root);
}

}  // namespace
}  // namespace goaltrack
