// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/core/time.h"

#include <string>

#include <gtest/gtest.h>

namespace stormwatch {
namespace {

TEST(TimeTest, ParsesRfc3339Forms) {
    EXPECT_EQ(ParseRfc3339("1970-01-01T00:00:00Z"), 0);
    EXPECT_EQ(ParseRfc3339("2025-06-30T23:59:59Z"), 1751327999);
    EXPECT_EQ(ParseRfc3339("2025-06-30T23:59:59.999Z"), 1751327999);
    EXPECT_EQ(ParseRfc3339("2014-05-08T09:00:00.000000Z"), 1399539600);
    EXPECT_EQ(ParseRfc3339("2025-07-01T01:59:59+02:00"), 1751327999);
    EXPECT_EQ(ParseRfc3339("2024-02-29T00:00:00Z"), 1709164800);
    for (const char* bad :
         {"", "2021-08-01", "2021-08-01T00:00:00", "2021-13-01T00:00:00Z", "2023-02-29T00:00:00Z",
          "2021-08-01T24:00:00Z", "2021-08-01T00:00:00Zjunk", "2021-08-01T00:00:00.Z",
          "2025-06-30T23:59:59+0200", "yesterday"}) {
        EXPECT_FALSE(ParseRfc3339(bad).has_value()) << bad;
    }
}

TEST(TimeTest, TimestampAcceptsDatesAndMissingOffsets) {
    EXPECT_EQ(ParseTimestamp("2021-08-01"), 1627776000);
    EXPECT_EQ(ParseTimestamp("2025-06-30 23:59:59"), 1751327999);
    EXPECT_EQ(ParseTimestamp("2025-06-30T23:59:59Z"), 1751327999);
    EXPECT_FALSE(ParseTimestamp("2025-02-30").has_value());
    EXPECT_FALSE(ParseTimestamp("20250630").has_value());
}

TEST(TimeTest, FormatsAndRoundTrips) {
    EXPECT_EQ(FormatRfc3339(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(FormatRfc3339(1751327999), "2025-06-30T23:59:59Z");
    EXPECT_EQ(FormatRfc3339(951782400), "2000-02-29T00:00:00Z");
    for (std::int64_t t = -86400LL * 366; t < 86400LL * 365 * 80; t += 86400LL * 37 + 3601) {
        EXPECT_EQ(ParseRfc3339(FormatRfc3339(t)), t);
    }
}

TEST(TimeTest, EpochAndKnownDates) {
    EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
    EXPECT_EQ(UnixSeconds(2025, 1, 14, 3, 12, 44), 1736824364);
    EXPECT_EQ(UnixSeconds(2000, 2, 29, 0, 0, 0), 951782400);
    EXPECT_EQ(UnixSeconds(1969, 12, 31, 23, 59, 59), -1);
}

TEST(TimeTest, RejectsOutOfRangeFields) {
    EXPECT_FALSE(UnixSeconds(2025, 2, 29, 0, 0, 0));  // not a leap year
    EXPECT_FALSE(UnixSeconds(2025, 13, 1, 0, 0, 0));
    EXPECT_FALSE(UnixSeconds(2025, 4, 31, 0, 0, 0));
    EXPECT_FALSE(UnixSeconds(2025, 1, 1, 24, 0, 0));
    EXPECT_FALSE(UnixSeconds(2025, 1, 0, 0, 0, 0));
    EXPECT_TRUE(UnixSeconds(2016, 12, 31, 23, 59, 60));  // leap second as written
}

TEST(TimeTest, FormatsRfc3339Utc) {
    EXPECT_EQ(FormatRfc3339(1736824364), "2025-01-14T03:12:44Z");
    EXPECT_EQ(FormatRfc3339(1736824364, 7), "2025-01-14T03:12:44.007Z");
    EXPECT_EQ(FormatRfc3339(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(FormatRfc3339(-1), "1969-12-31T23:59:59Z");
    EXPECT_EQ(FormatRfc3339(951782400), "2000-02-29T00:00:00Z");
}

TEST(TimeTest, RoundTripsEveryDayOfSomeYears) {
    for (int year : {1970, 1999, 2000, 2024, 2025, 2100}) {
        for (int month = 1; month <= 12; ++month) {
            for (int day = 1; day <= 31; ++day) {
                const auto t = UnixSeconds(year, month, day, 12, 0, 0);
                if (!t) {
                    continue;
                }
                const auto two = [](int v) {
                    return (v < 10 ? "0" : "") + std::to_string(v);
                };
                const std::string want =
                    std::to_string(year) + "-" + two(month) + "-" + two(day) + "T12:00:00Z";
                EXPECT_EQ(FormatRfc3339(*t), want);
                EXPECT_EQ(YearOf(*t), year);
            }
        }
    }
}

}  // namespace
}  // namespace stormwatch
