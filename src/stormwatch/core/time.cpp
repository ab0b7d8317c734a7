// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/core/time.h"

#include <cstdio>

namespace stormwatch {

namespace {

bool Digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) {
        return false;
    }
    int value = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        value = value * 10 + (s[i] - '0');
    }
    out = value;
    return true;
}

bool IsLeap(std::int64_t year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(std::int64_t year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

struct Civil {
    std::int64_t year;
    unsigned month;
    unsigned day;
};

Civil CivilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Civil{m <= 2 ? y + 1 : y, m, d};
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

std::optional<std::int64_t> Parse(std::string_view s, bool strict) {
    int year = 0;
    int month = 0;
    int day = 0;
    if (!Digits(s, 0, 4, year) || s.size() < 10 || s[4] != '-' || !Digits(s, 5, 2, month) ||
        s[7] != '-' || !Digits(s, 8, 2, day) || year < 1 || month < 1 || month > 12 || day < 1 ||
        day > DaysInMonth(year, month)) {
        return std::nullopt;
    }
    std::int64_t seconds =
        DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400;
    if (s.size() == 10) {
        return strict ? std::nullopt : std::optional<std::int64_t>(seconds);
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    if ((s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !Digits(s, 11, 2, hour) ||
        s.size() < 19 || s[13] != ':' || !Digits(s, 14, 2, minute) || s[16] != ':' ||
        !Digits(s, 17, 2, second) || hour > 23 || minute > 59 || second > 60) {
        return std::nullopt;
    }
    seconds += hour * 3600 + minute * 60 + second;
    std::size_t pos = 19;
    if (pos < s.size() && s[pos] == '.') {
        const std::size_t digits_from = ++pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            ++pos;
        }
        if (pos == digits_from) {
            return std::nullopt;  // `.` without digits
        }
    }
    if (pos == s.size()) {
        return strict ? std::nullopt : std::optional<std::int64_t>(seconds);
    }
    if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) {
        return seconds;
    }
    int off_hour = 0;
    int off_minute = 0;
    if ((s[pos] != '+' && s[pos] != '-') || s.size() != pos + 6 ||
        !Digits(s, pos + 1, 2, off_hour) || s[pos + 3] != ':' ||
        !Digits(s, pos + 4, 2, off_minute) || off_hour > 23 || off_minute > 59) {
        return std::nullopt;
    }
    const int offset = off_hour * 3600 + off_minute * 60;
    return s[pos] == '+' ? seconds - offset : seconds + offset;
}

}  // namespace

std::optional<std::int64_t> ParseRfc3339(std::string_view text) {
    return Parse(text, true);
}

std::optional<std::int64_t> ParseTimestamp(std::string_view text) {
    return Parse(text, false);
}

std::int64_t DaysFromCivil(std::int64_t year, unsigned month, unsigned day) {
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<std::int64_t> UnixSeconds(std::int64_t year, int month, int day, int hour, int minute,
                                        int second) {
    // Years outside 0..9999 cannot be written as RFC 3339 and only come from garbage.
    if (year < 0 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > DaysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
        second < 0 || second > 60) {
        return std::nullopt;
    }
    return DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
           hour * 3600 + minute * 60 + second;
}

std::int64_t YearOf(std::int64_t unix_seconds) {
    return CivilFromDays(FloorDiv(unix_seconds, 86400)).year;
}

std::string FormatRfc3339(std::int64_t unix_seconds, std::optional<int> millis) {
    const std::int64_t days = FloorDiv(unix_seconds, 86400);
    const std::int64_t secs = unix_seconds - days * 86400;
    const Civil civil = CivilFromDays(days);
    char buf[40];
    int n = std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d",
                          static_cast<long long>(civil.year), civil.month, civil.day,
                          static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                          static_cast<int>(secs % 60));
    if (millis && *millis >= 0 && *millis <= 999) {
        n += std::snprintf(buf + n, sizeof buf - static_cast<std::size_t>(n), ".%03d", *millis);
    }
    std::string out(buf, static_cast<std::size_t>(n));
    out.push_back('Z');
    return out;
}

}  // namespace stormwatch
