#include "code_table.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "siphash.hpp"

namespace goaltrack::detail {
namespace {

TEST(string_column, appends_reads_and_truncates) {
  string_column c;
  c.push_back("Chi bộ 1");
  c.push_back("");
  c.push_back("Đảng bộ");
  ASSERT_EQ(c.size(), 3U);
  EXPECT_EQ(c[0], "Chi bộ 1");
  EXPECT_EQ(c[1], "");
  EXPECT_EQ(c[2], "Đảng bộ");
  c.truncate(1);
  EXPECT_EQ(c.size(), 1U);
  c.push_back("x");
  EXPECT_EQ(c[1], "x");
}

TEST(code_table, finds_every_code_through_growth_and_truncation) {
  code_table t;
  for (int i = 0; i < 5000; ++i) EXPECT_TRUE(t.insert("c" + std::to_string(i)));
  EXPECT_FALSE(t.insert("c42"));
  EXPECT_EQ(t.size(), 5000U);
  for (int i = 0; i < 5000; ++i)
    EXPECT_EQ(t.find("c" + std::to_string(i)), static_cast<std::uint32_t>(i));
  EXPECT_FALSE(t.find("c5000").has_value());
  t.truncate(100);
  EXPECT_FALSE(t.find("c100").has_value());
  EXPECT_EQ(t.find("c99"), 99U);
  EXPECT_TRUE(t.insert("c100"));
  EXPECT_EQ(t.find("c100"), 100U);
  EXPECT_FALSE(code_table{}.find("").has_value());
}

TEST(code_table, find_many_agrees_with_find) {
  code_table t;
  std::vector<std::string_view> none{"a", "", "b"};
  std::vector<std::uint32_t> rows(none.size(), 7);
  t.find_many(none, rows);  // an empty table
  EXPECT_EQ(rows, std::vector<std::uint32_t>(3, code_table::absent));
  for (int i = 0; i < 5000; ++i) ASSERT_TRUE(t.insert("c" + std::to_string(i)));
  // Present and absent codes, repeats, and a count that is not a multiple of the group.
  std::vector<std::string> owned;
  for (int i = 0; i < 777; ++i) owned.push_back("c" + std::to_string((i * 7919) % 6000));
  owned.push_back("");
  owned.push_back("c42");
  owned.push_back("c42");
  const std::vector<std::string_view> codes(owned.begin(), owned.end());
  rows.assign(codes.size(), 0);
  t.find_many(codes, rows);
  for (std::size_t i = 0; i < codes.size(); ++i) {
    EXPECT_EQ(rows[i], t.find(codes[i]).value_or(code_table::absent)) << codes[i];
  }
  EXPECT_EQ(rows.back(), 42U);
  t.find_many({}, {});
}

TEST(code_table, insert_many_stops_before_the_first_present_code) {
  code_table t;
  const std::vector<std::string_view> first{"a", "b", "c"};
  EXPECT_EQ(t.insert_many(first), 3U);
  const std::vector<std::string_view> clash{"d", "b", "e"};
  EXPECT_EQ(t.insert_many(clash), 1U);  // "d" added, stopped at "b"
  EXPECT_EQ(t.size(), 4U);
  EXPECT_EQ(t.find("d"), 3U);
  EXPECT_FALSE(t.find("e").has_value());
  const std::vector<std::string_view> repeated{"x", "y", "x", "z"};
  EXPECT_EQ(t.insert_many(repeated), 2U);  // a code repeated within the batch
  EXPECT_EQ(t.size(), 6U);
  // Many at once, through several growths of the index.
  std::vector<std::string> owned;
  for (int i = 0; i < 20000; ++i) owned.push_back("m" + std::to_string(i));
  const std::vector<std::string_view> many(owned.begin(), owned.end());
  EXPECT_EQ(t.insert_many(many), many.size());
  for (std::size_t i = 0; i < many.size(); i += 613) EXPECT_EQ(t.find(many[i]), 6 + i);
  EXPECT_EQ(t.insert_many({}), 0U);
}

}  // namespace
}  // namespace goaltrack::detail

namespace goaltrack::detail {
namespace {

// SipHash-2-4 with key 00 01 .. 0f on messages 00 01 .. (n-1): vectors of the reference
// implementation (vectors.h of github.com/veorq/SipHash), read little-endian.
TEST(siphash, matches_the_reference_vectors) {
  const siphash_key key{0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL};
  std::string message;
  for (int i = 0; i < 64; ++i) message.push_back(static_cast<char>(i));
  EXPECT_EQ(siphash24(key, std::string_view(message).substr(0, 0)), 0x726fdb47dd0e0e31ULL);
  EXPECT_EQ(siphash24(key, std::string_view(message).substr(0, 1)), 0x74f839c593dc67fdULL);
  EXPECT_EQ(siphash24(key, std::string_view(message).substr(0, 15)), 0xa129ca6149be45e5ULL);
  EXPECT_EQ(siphash24(key, std::string_view(message).substr(0, 63)), 0x958a324ceb064572ULL);
}

TEST(siphash, random_keys_differ) { EXPECT_NE(random_key(), random_key()); }

// Codes that collide in the fast hash for every seed: flipping the top bit of a word
// changes the state by the constant 2^63 ^ 2^32 (x ^ 2^63 = x + 2^63, and K * 2^63 = 2^63
// for odd K), which the next word cancels. Each 16-byte block has two forms, so k blocks
// give 2^k codes of one hash.
std::vector<std::string> colliding_codes(std::size_t count) {
  std::size_t blocks = 1;
  while ((std::size_t{1} << blocks) < count) ++blocks;
  std::vector<std::string> codes;
  for (std::size_t i = 0; i < count; ++i) {
    std::string code;
    for (std::size_t b = 0; b < blocks; ++b) {
      std::string block = "abcdefghijklmnop";
      if ((i >> b) & 1U) {
        block[7] = static_cast<char>(block[7] ^ 0x80);
        block[12] = static_cast<char>(block[12] ^ 0x01);
        block[15] = static_cast<char>(block[15] ^ 0x80);
      }
      code += block;
    }
    codes.push_back(code);
  }
  return codes;
}

TEST(code_table, a_flood_of_colliding_codes_switches_to_the_keyed_hash) {
  const std::vector<std::string> codes = colliding_codes(4096);
  code_table t(12345);
  for (const std::string& c : codes) ASSERT_TRUE(t.insert(c));
  EXPECT_TRUE(t.keyed());
  for (std::size_t i = 0; i < codes.size(); ++i) EXPECT_EQ(t.find(codes[i]), i);
  EXPECT_FALSE(t.insert(codes[7]));
  EXPECT_FALSE(t.find(std::string(codes[0].size(), 'z')).has_value());

  // In bulk, the same.
  code_table bulk(99);
  std::vector<std::string_view> views(codes.begin(), codes.end());
  EXPECT_EQ(bulk.insert_many(views), codes.size());
  EXPECT_TRUE(bulk.keyed());
  std::vector<std::uint32_t> rows(views.size());
  bulk.find_many(views, rows);
  for (std::size_t i = 0; i < rows.size(); ++i) ASSERT_EQ(rows[i], i);
  bulk.truncate(100);
  EXPECT_EQ(bulk.find(codes[99]), 99U);
  EXPECT_FALSE(bulk.find(codes[100]).has_value());
}

TEST(code_table, ordinary_codes_keep_the_fast_hash) {
  code_table t;
  for (int i = 0; i < 200000; ++i) ASSERT_TRUE(t.insert("DV" + std::to_string(i)));
  EXPECT_FALSE(t.keyed());
}

}  // namespace
}  // namespace goaltrack::detail
