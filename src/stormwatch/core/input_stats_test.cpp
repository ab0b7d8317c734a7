// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/core/input_stats.h"

#include <cstdint>
#include <string>

#include <gtest/gtest.h>

namespace stormwatch {
namespace {

// Two pieces of one input, read line by line: what one pass over both would account.
void ReadPiece(InputStats& stats, std::uint64_t lines, std::uint64_t reject_every) {
    for (std::uint64_t line = 1; line <= lines; ++line) {
        stats.CountRead();
        if (line % reject_every == 0) {
            stats.Reject(RejectReason::kOversizedLine, line, "line " + std::to_string(line));
        } else {
            stats.CountProcessed();
        }
    }
}

TEST(InputStatsTest, AppendEqualsOnePassOverBothPieces) {
    InputStats first;
    ReadPiece(first, 50, 5);  // 10 rejections: lines 5 .. 50
    first.CountRead();
    first.Reject(RejectReason::kUnknownSyntax, 51, "stray");
    first.CountInvalidUtf8Line();
    InputStats second;
    ReadPiece(second, 100, 4);  // 25 rejections: lines 4 .. 100, of which 20 kept
    second.CountUnrecognised(3);
    second.CountInvalidUtf8Line();

    first.Append(second, 51);
    EXPECT_EQ(first.read(), 151U);
    EXPECT_EQ(first.rejected(), 36U);
    EXPECT_EQ(first.processed(), 115U);
    EXPECT_EQ(first.read(), first.processed() + first.rejected());
    EXPECT_EQ(first.unrecognised(), 3U);
    EXPECT_EQ(first.invalid_utf8_lines(), 2U);
    EXPECT_EQ(first.RejectedFor(RejectReason::kOversizedLine), 35U);
    EXPECT_EQ(first.RejectedFor(RejectReason::kUnknownSyntax), 1U);
    // Kept: the first 20 oversized lines overall (10 from each piece), then the stray one.
    ASSERT_EQ(first.kept().size(), 21U);
    EXPECT_EQ(first.kept()[9].line, 50U);
    EXPECT_EQ(first.kept()[10].reason, RejectReason::kUnknownSyntax);
    EXPECT_EQ(first.kept()[11].line, 55U) << "second piece's line 4, after 51 lines";
    EXPECT_EQ(first.kept()[11].detail, "line 4");
    EXPECT_EQ(first.kept()[20].line, 91U);
    EXPECT_FALSE(first.input_rejected());
}

TEST(InputStatsTest, AppendKeepsWholeInputRejectionsAtLineZero) {
    InputStats first;
    InputStats second;
    second.RejectInput(RejectReason::kEmpty, "nothing");
    first.Append(second, 10);
    EXPECT_TRUE(first.input_rejected());
    ASSERT_EQ(first.kept().size(), 1U);
    EXPECT_EQ(first.kept()[0].line, 0U);
    EXPECT_EQ(first.read(), 1U);
}

}  // namespace
}  // namespace stormwatch
