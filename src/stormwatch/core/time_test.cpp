// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/core/time.h"

#include <gtest/gtest.h>

namespace stormwatch {
namespace {

TEST(TimeTest, ParsesRfc3339Forms) {
    EXPECT_EQ(ParseRfc3339("1970-01-01T00:00:00Z"), 0);
    EXPECT_EQ(ParseRfc3339("2025-06-30T23:59:59Z"), 1751327999);
    EXPECT_EQ(ParseRfc3339("2025-06-30T23:59:59.999Z"), 1751327999);
    EXPECT_EQ(ParseRfc3339("2025-07-01T01:59:59+02:00"), 1751327999);
    EXPECT_EQ(ParseRfc3339("2025-06-30 23:59:59"), 1751327999);
    EXPECT_EQ(ParseRfc3339("2021-08-01"), 1627776000);
    for (const char* bad : {"2025-02-30", "2025-13-01", "2025-06-30T24:00:00Z", "20250630",
                            "2025-06-30T23:59:59+0200", "yesterday", ""}) {
        EXPECT_FALSE(ParseRfc3339(bad).has_value()) << bad;
    }
}

TEST(TimeTest, FormatsAndRoundTrips) {
    EXPECT_EQ(FormatRfc3339(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(FormatRfc3339(1751327999), "2025-06-30T23:59:59Z");
    EXPECT_EQ(FormatRfc3339(951782400), "2000-02-29T00:00:00Z");
    for (std::int64_t t = -86400LL * 366; t < 86400LL * 365 * 80; t += 86400LL * 37 + 3601) {
        EXPECT_EQ(ParseRfc3339(FormatRfc3339(t)), t);
    }
}

}  // namespace
}  // namespace stormwatch
