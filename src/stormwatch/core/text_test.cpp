// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/core/text.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace stormwatch::text {
namespace {

TEST(TextTest, ForEachLineHandlesCrlfAndMissingFinalNewline) {
    std::vector<std::pair<std::string, std::size_t>> lines;
    ForEachLine("a\r\nb\n\nc", [&](std::string_view line, std::size_t n) {
        lines.emplace_back(std::string(line), n);
    });
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0], (std::pair<std::string, std::size_t>{"a", 1}));
    EXPECT_EQ(lines[2], (std::pair<std::string, std::size_t>{"", 3}));
    EXPECT_EQ(lines[3], (std::pair<std::string, std::size_t>{"c", 4}));
}

TEST(TextTest, TokensAndQuotedTokens) {
    EXPECT_EQ(Tokens("  ip  ssh\tport 2222 "),
              (std::vector<std::string_view>{"ip", "ssh", "port", "2222"}));
    EXPECT_EQ(QuotedTokens(R"(description "uplink to core" x)"),
              (std::vector<std::string_view>{"description", "uplink to core", "x"}));
}

TEST(TextTest, Utf8ValidationAndSanitising) {
    EXPECT_TRUE(IsValidUtf8("caf\xC3\xA9"));
    EXPECT_FALSE(IsValidUtf8("caf\xE9"));
    EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));  // overlong '/'
    // Bad bytes at every position around the eight-byte ASCII words, and sequences split
    // across a word boundary.
    for (std::size_t at = 0; at < 20; ++at) {
        std::string bad(20, 'a');
        bad[at] = '\xE9';
        EXPECT_FALSE(IsValidUtf8(bad)) << at;
        std::string good(20, 'a');
        good.insert(at, "\xC3\xA9");
        EXPECT_TRUE(IsValidUtf8(good)) << at;
    }
    EXPECT_FALSE(IsValidUtf8(std::string(16, 'a') + "\xC3"));  // truncated at the end
    EXPECT_EQ(SanitiseForOutput("a\xE9z"), "a\xEF\xBF\xBDz");
    EXPECT_EQ(SanitiseForOutput("a\x01z"), "a z");
}

TEST(TextTest, BinaryDetection) {
    EXPECT_TRUE(LooksBinary(std::string("abc\0def", 7)));
    EXPECT_FALSE(LooksBinary("hostname r1\ninterface Gi0/1\n"));
    std::string noisy(1000, 'a');
    for (std::size_t i = 0; i < noisy.size(); i += 5) {
        noisy[i] = '\x02';
    }
    EXPECT_TRUE(LooksBinary(noisy));
}

TEST(TextTest, Utf16WithByteOrderMarkBecomesUtf8) {
    using namespace std::string_literals;
    // "hé😀\n" in UTF-16LE and UTF-16BE, each after its mark.
    const std::string le = "\xFF\xFE"s + "h\0\xE9\0\x3D\xD8\x00\xDE\n\0"s;
    const std::string be = "\xFE\xFF"s + "\0h\0\xE9\xD8\x3D\xDE\x00\0\n"s;
    EXPECT_EQ(Utf16WithBomToUtf8(le), "h\xC3\xA9\xF0\x9F\x98\x80\n");
    EXPECT_EQ(Utf16WithBomToUtf8(be), "h\xC3\xA9\xF0\x9F\x98\x80\n");
    // An unpaired surrogate and half a unit at the end become U+FFFD.
    EXPECT_EQ(Utf16WithBomToUtf8("\xFF\xFE\x3D\xD8h\0\x41"s), "\xEF\xBF\xBDh\xEF\xBF\xBD");
    EXPECT_EQ(Utf16WithBomToUtf8("\xFF\xFE"s), "");
    // No mark: not UTF-16 as far as this goes.
    EXPECT_EQ(Utf16WithBomToUtf8("h\0i\0"s), std::nullopt);
    EXPECT_EQ(Utf16WithBomToUtf8("\xEF\xBB\xBFhostname r1\n"), std::nullopt);
    EXPECT_EQ(Utf16WithBomToUtf8("\xFF"), std::nullopt);
}

TEST(TextTest, ParseIntRejectsNonDigits) {
    EXPECT_EQ(ParseInt("22"), 22);
    EXPECT_FALSE(ParseInt("22a").has_value());
    EXPECT_FALSE(ParseInt("").has_value());
    EXPECT_FALSE(ParseInt("-1").has_value());
}

}  // namespace
}  // namespace stormwatch::text
