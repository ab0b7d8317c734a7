// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/io/gzip.h"

#include <string>

#include "support/gzip_data.h"
#include <gtest/gtest.h>

namespace stormwatch::io {
namespace {

using test_support::Gzip;

TEST(GzipTest, InflatesEveryMemberAndIgnoresTrailingBytes) {
    std::string log;
    for (int i = 0; i < 20'000; ++i) {
        log += "Jan 14 03:12:44 pe1 " + std::to_string(i) + ": Login Success [Source: 10.0.0.1]\n";
    }
    const std::string one = Gzip(log);
    ASSERT_TRUE(IsGzip(one));
    EXPECT_LT(one.size(), log.size() / 5);
    std::string text;
    ASSERT_TRUE(Gunzip(one, 1 << 30, text).ok());
    EXPECT_EQ(text, log);
    // `cat a.gz b.gz` is one stream of two members; zeros after the last are ignored.
    ASSERT_TRUE(Gunzip(one + Gzip("second\n") + std::string(512, '\0'), 1 << 30, text).ok());
    EXPECT_EQ(text, log + "second\n");
}

TEST(GzipTest, CutCorruptAndOversizedStreamsAreRefused) {
    const std::string whole = Gzip(std::string(1 << 20, 'x'));
    std::string text;
    const Status cut = Gunzip(whole.substr(0, whole.size() / 2), 1 << 30, text);
    EXPECT_FALSE(cut.ok());
    EXPECT_NE(cut.message().find("cut short"), std::string::npos) << cut.message();

    std::string corrupt = whole;
    corrupt[20] = static_cast<char>(corrupt[20] ^ 0x55);
    EXPECT_FALSE(Gunzip(corrupt, 1 << 30, text).ok());

    // 1 MiB of text against a 64 KiB limit: a decompression bomb stops at the limit.
    const Status bomb = Gunzip(whole, 1 << 16, text);
    EXPECT_FALSE(bomb.ok());
    EXPECT_NE(bomb.message().find("larger than"), std::string::npos) << bomb.message();

    EXPECT_FALSE(IsGzip("hostname r1\n"));
    EXPECT_FALSE(IsGzip("\x1f"));
}

}  // namespace
}  // namespace stormwatch::io
