// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/logs/log_time.h"

#include <gtest/gtest.h>

namespace stormwatch::logs {
namespace {

TEST(LogTimeTest, EpochAndKnownDates) {
    EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
    EXPECT_EQ(UnixSeconds(2025, 1, 14, 3, 12, 44), 1736824364);
    EXPECT_EQ(UnixSeconds(2000, 2, 29, 0, 0, 0), 951782400);
    EXPECT_EQ(UnixSeconds(1969, 12, 31, 23, 59, 59), -1);
}

TEST(LogTimeTest, RejectsOutOfRangeFields) {
    EXPECT_FALSE(UnixSeconds(2025, 2, 29, 0, 0, 0));  // not a leap year
    EXPECT_FALSE(UnixSeconds(2025, 13, 1, 0, 0, 0));
    EXPECT_FALSE(UnixSeconds(2025, 4, 31, 0, 0, 0));
    EXPECT_FALSE(UnixSeconds(2025, 1, 1, 24, 0, 0));
    EXPECT_FALSE(UnixSeconds(2025, 1, 0, 0, 0, 0));
    EXPECT_TRUE(UnixSeconds(2016, 12, 31, 23, 59, 60));  // leap second as written
}

TEST(LogTimeTest, FormatsRfc3339Utc) {
    EXPECT_EQ(FormatRfc3339(1736824364), "2025-01-14T03:12:44Z");
    EXPECT_EQ(FormatRfc3339(1736824364, 7), "2025-01-14T03:12:44.007Z");
    EXPECT_EQ(FormatRfc3339(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(FormatRfc3339(-1), "1969-12-31T23:59:59Z");
    EXPECT_EQ(FormatRfc3339(951782400), "2000-02-29T00:00:00Z");
}

TEST(LogTimeTest, RoundTripsEveryDayOfSomeYears) {
    for (int year : {1970, 1999, 2000, 2024, 2025, 2100}) {
        for (int month = 1; month <= 12; ++month) {
            for (int day = 1; day <= 31; ++day) {
                const auto t = UnixSeconds(year, month, day, 12, 0, 0);
                if (!t) {
                    continue;
                }
                char want[32];
                std::snprintf(want, sizeof want, "%04d-%02d-%02dT12:00:00Z", year, month, day);
                EXPECT_EQ(FormatRfc3339(*t), want);
                EXPECT_EQ(YearOf(*t), year);
            }
        }
    }
}

}  // namespace
}  // namespace stormwatch::logs
