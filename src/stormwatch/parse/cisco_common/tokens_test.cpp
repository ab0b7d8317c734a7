// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/cisco_common/tokens.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace stormwatch::parse::cisco {
namespace {

std::vector<std::string> Words(const Tokens& tokens) {
    std::vector<std::string> words;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        words.emplace_back(tokens[i]);
    }
    return words;
}

TEST(TokensTest, SplitsOnSpacesAndTabsWithQuotedWords) {
    const Tokens t(" \tsnmp-server  community \"pub lic\" RO\t10 ");
    EXPECT_EQ(Words(t),
              (std::vector<std::string>{"snmp-server", "community", "pub lic", "RO", "10"}));
    EXPECT_EQ(t.Rest(2), "pub lic\" RO\t10 ");
    EXPECT_EQ(t[9], "");
    EXPECT_EQ(Words(Tokens("description \"unterminated quote")),
              (std::vector<std::string>{"description", "unterminated quote"}));
    EXPECT_EQ(Tokens("").size(), 0U);
    EXPECT_EQ(Tokens(" \t ").size(), 0U);
}

TEST(TokensTest, WordsOfEveryLengthAroundTheSixteenByteBlocks) {
    // Words that end just before, on and after each block edge, with the line ending in a
    // word or in a separator; the line lives inside a longer buffer, as a config line does.
    for (std::size_t first = 1; first <= 40; ++first) {
        for (const char* separator : {" ", "\t", "   "}) {
            const std::string a(first, 'a');
            const std::string b(first % 7 + 14, 'b');
            const std::string buffer = a + separator + b + separator + "c\nnext line";
            const std::string_view line(buffer.data(), buffer.find('\n'));
            const Tokens t(line);
            EXPECT_EQ(Words(t), (std::vector<std::string>{a, b, "c"})) << first;
            const Tokens no_trailing(
                line.substr(0, line.size() - 1 - std::string(separator).size()));
            EXPECT_EQ(Words(no_trailing), (std::vector<std::string>{a, b})) << first;
        }
    }
}

TEST(TokensTest, KeepsTheFirstSixtyFourWords) {
    std::string line;
    for (int i = 0; i < 70; ++i) {
        line += "w" + std::to_string(i) + " ";
    }
    const Tokens t(line);
    ASSERT_EQ(t.size(), Tokens::kMax);
    EXPECT_EQ(t[63], "w63");
}

}  // namespace
}  // namespace stormwatch::parse::cisco
