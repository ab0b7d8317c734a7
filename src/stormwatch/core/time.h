// SPDX-License-Identifier: Apache-2.0
#pragma once

// Calendar time without the C library's time zone state: RFC 3339 parsing and printing in UTC
// over Unix seconds, for indicator validity windows and event times.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace stormwatch {

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm; any year).
std::int64_t DaysFromCivil(std::int64_t year, unsigned month, unsigned day);

/// Unix seconds of a UTC civil time, or nullopt when a field is out of range (year 0-9999,
/// month 1-12, day valid for the month, hour 0-23, minute 0-59, second 0-60).
std::optional<std::int64_t> UnixSeconds(std::int64_t year, int month, int day, int hour, int minute,
                                        int second);

/// The year (UTC) of a Unix time.
std::int64_t YearOf(std::int64_t unix_seconds);

/// An RFC 3339 date-time: `2025-06-30T23:59:59Z`, `2025-06-30T23:59:59.123+02:00` (a space
/// may stand for `T`). Fractions are dropped; offsets are applied. Years 0001-9999.
std::optional<std::int64_t> ParseRfc3339(std::string_view text);

/// ParseRfc3339, or the looser forms feeds write: a bare date `2025-06-30` (midnight UTC) and a
/// date-time without offset (taken as UTC).
std::optional<std::int64_t> ParseTimestamp(std::string_view text);

/// `2025-06-30T23:59:59Z`, or `2025-06-30T23:59:59.123Z` when `millis` is given.
std::string FormatRfc3339(std::int64_t unix_seconds, std::optional<int> millis = std::nullopt);

}  // namespace stormwatch
