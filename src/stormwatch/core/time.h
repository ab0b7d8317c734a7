// SPDX-License-Identifier: Apache-2.0
#pragma once

// Calendar time without the C library's time zone state: RFC 3339 parsing and printing in UTC
// over Unix seconds, for indicator validity windows and event times.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace stormwatch {

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t DaysFromCivil(int year, unsigned month, unsigned day);

/// `2025-06-30T23:59:59Z`, `2025-06-30T23:59:59.123+02:00`, `2025-06-30 23:59:59`, or a bare
/// date `2025-06-30` (midnight UTC). Fractions are dropped; offsets are applied.
std::optional<std::int64_t> ParseRfc3339(std::string_view text);

/// `2025-06-30T23:59:59Z`.
std::string FormatRfc3339(std::int64_t unix_seconds);

}  // namespace stormwatch
