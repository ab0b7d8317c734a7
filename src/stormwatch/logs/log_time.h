// SPDX-License-Identifier: Apache-2.0
#pragma once

// Calendar arithmetic for log timestamps: civil date <-> Unix seconds (proleptic Gregorian,
// UTC) and RFC 3339 rendering. Pure functions, no time zone database, no wall clock.

#include <cstdint>
#include <optional>
#include <string>

namespace stormwatch::logs {

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm; any year).
std::int64_t DaysFromCivil(std::int64_t year, unsigned month, unsigned day);

/// Unix seconds of a UTC civil time, or nullopt when a field is out of range
/// (month 1-12, day valid for the month, hour 0-23, minute 0-59, second 0-60).
std::optional<std::int64_t> UnixSeconds(std::int64_t year, int month, int day, int hour, int minute,
                                        int second);

/// The year (UTC) of a Unix time.
std::int64_t YearOf(std::int64_t unix_seconds);

/// `2025-01-14T03:12:44Z`, or `2025-01-14T03:12:44.123Z` when `millis` is given.
std::string FormatRfc3339(std::int64_t unix_seconds, std::optional<int> millis = std::nullopt);

}  // namespace stormwatch::logs
