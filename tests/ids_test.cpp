#include "goaltrack/ids.hpp"

#include <gtest/gtest.h>

#include <type_traits>
#include <unordered_set>

namespace goaltrack {
namespace {

// Ids of different entities do not convert into each other, nor from raw integers.
static_assert(!std::is_convertible_v<collective_id, member_id>);
static_assert(!std::is_convertible_v<target_id, collective_id>);
static_assert(!std::is_convertible_v<std::uint32_t, target_id>);
static_assert(std::is_trivially_copyable_v<target_id>);
static_assert(sizeof(target_id) == 4);

TEST(ids, default_is_invalid_and_values_compare) {
  EXPECT_FALSE(target_id{}.ok());
  EXPECT_TRUE(target_id{0}.ok());
  EXPECT_LT(target_id{1}, target_id{2});
  EXPECT_EQ(target_id{7}.index(), 7U);
  std::unordered_set<collective_id> set{collective_id{1}, collective_id{1}, collective_id{2}};
  EXPECT_EQ(set.size(), 2U);
}

}  // namespace
}  // namespace goaltrack
