// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/logs/syslog_line.h"

#include <array>

#include "stormwatch/core/time.h"

namespace stormwatch::logs {

namespace {

bool IsDigit(char c) {
    return c >= '0' && c <= '9';
}
bool IsAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsUpper(char c) {
    return c >= 'A' && c <= 'Z';
}
char Lower(char c) {
    return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

/// A read position over one line. Every accessor is bounds-checked: lines are hostile.
struct Cursor {
    std::string_view s;
    std::size_t pos = 0;

    [[nodiscard]] bool done() const { return pos >= s.size(); }
    [[nodiscard]] char peek(std::size_t ahead = 0) const {
        return pos + ahead < s.size() ? s[pos + ahead] : '\0';
    }
    bool Eat(char c) {
        if (peek() == c) {
            ++pos;
            return true;
        }
        return false;
    }
    std::size_t SkipSpaces() {
        const std::size_t start = pos;
        while (peek() == ' ' || peek() == '\t') {
            ++pos;
        }
        return pos - start;
    }
    /// Reads 1..max_digits digits as a number; false (position unchanged) when none.
    bool Number(std::size_t min_digits, std::size_t max_digits, int& value) {
        std::size_t n = 0;
        int v = 0;
        while (n < max_digits && IsDigit(peek(n))) {
            v = v * 10 + (peek(n) - '0');
            ++n;
        }
        if (n < min_digits) {
            return false;
        }
        pos += n;
        value = v;
        return true;
    }
    std::string_view Token() {
        const std::size_t start = pos;
        while (!done() && s[pos] != ' ' && s[pos] != '\t') {
            ++pos;
        }
        return s.substr(start, pos - start);
    }
    [[nodiscard]] std::string_view Rest() const { return pos < s.size() ? s.substr(pos) : ""; }
};

int MonthFromName(std::string_view name) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (name.size() != 3) {
        return 0;
    }
    for (std::size_t i = 0; i < kMonths.size(); ++i) {
        if (Lower(name[0]) == kMonths[i][0] && Lower(name[1]) == kMonths[i][1] &&
            Lower(name[2]) == kMonths[i][2]) {
            return static_cast<int>(i) + 1;
        }
    }
    return 0;
}

struct ZoneOffset {
    std::string_view name;
    int minutes;
};

// Only abbreviations with one meaning in practice; CST (US / China), IST (India / Ireland /
// Israel) and the like are deliberately missing and read as UTC with zone_assumed.
constexpr std::array<ZoneOffset, 30> kZones = {{
    {"utc", 0},     {"gmt", 0},    {"ut", 0},     {"z", 0},      {"est", -300}, {"edt", -240},
    {"cdt", -300},  {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"akst", -540},
    {"akdt", -480}, {"hst", -600}, {"wet", 0},    {"west", 60},  {"bst", 60},   {"cet", 60},
    {"cest", 120},  {"met", 60},   {"mest", 120}, {"eet", 120},  {"eest", 180}, {"msk", 180},
    {"jst", 540},   {"kst", 540},  {"hkt", 480},  {"sgt", 480},  {"aest", 600}, {"aedt", 660},
}};

std::optional<int> ZoneMinutes(std::string_view name) {
    for (const ZoneOffset& zone : kZones) {
        if (zone.name.size() != name.size()) {
            continue;
        }
        bool equal = true;
        for (std::size_t i = 0; i < name.size() && equal; ++i) {
            equal = Lower(name[i]) == zone.name[i];
        }
        if (equal) {
            return zone.minutes;
        }
    }
    return std::nullopt;
}

/// What a timestamp parse found; converted to Unix seconds once complete.
struct Stamp {
    int year = -1;  ///< -1: none written
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    std::optional<int> millis;
    std::optional<int> offset_minutes;  ///< east of UTC
    bool zone_unknown = false;
    bool unsynced = false;
    bool clockless = false;  ///< uptime only (`00:00:46:`, `1d02h:`)
    LogFormat format = LogFormat::kNone;
};

/// `hh:mm:ss[.fff...]` (the fraction may carry extra dotted groups, as Huawei's `.270.1`).
bool ParseClock(Cursor& c, Stamp& st) {
    Cursor t = c;
    if (!t.Number(1, 2, st.hour) || !t.Eat(':') || !t.Number(2, 2, st.minute) || !t.Eat(':') ||
        !t.Number(2, 2, st.second) || st.hour > 23 || st.minute > 59 || st.second > 60) {
        return false;
    }
    if (t.peek() == '.' && IsDigit(t.peek(1))) {
        ++t.pos;
        int ms = 0;
        std::size_t digits = 0;
        while (IsDigit(t.peek())) {
            if (digits < 3) {
                ms = ms * 10 + (t.peek() - '0');
            }
            ++digits;
            ++t.pos;
        }
        for (std::size_t d = digits; d < 3; ++d) {
            ms *= 10;
        }
        st.millis = ms;
        while (t.peek() == '.' && IsDigit(t.peek(1))) {  // Huawei `.270.1`
            ++t.pos;
            while (IsDigit(t.peek())) {
                ++t.pos;
            }
        }
    }
    c = t;
    return true;
}

/// ISO 8601 offset or `Z` right after the clock.
void ParseIsoZone(Cursor& c, Stamp& st) {
    if (c.Eat('Z') || c.Eat('z')) {
        st.offset_minutes = 0;
        return;
    }
    if (c.peek() != '+' && c.peek() != '-') {
        return;
    }
    Cursor t = c;
    const int sign = t.peek() == '-' ? -1 : 1;
    ++t.pos;
    int hh = 0;
    int mm = 0;
    if (!t.Number(2, 2, hh)) {
        return;
    }
    t.Eat(':');
    if (!t.Number(2, 2, mm) || hh > 23 || mm > 59) {
        return;
    }
    st.offset_minutes = sign * (hh * 60 + mm);
    c = t;
}

/// A zone word after the clock (` UTC`, ` EST`, ` gmt`), when the word is followed by `:`,
/// a space or the end. Upper-case words of 2-5 letters count as zones even when unknown
/// (read as UTC); lower-case words only when they are known, so `mng: %SEC...` stays a host.
void ParseZoneWord(Cursor& c, Stamp& st) {
    Cursor t = c;
    if (t.SkipSpaces() == 0) {
        return;
    }
    const std::size_t start = t.pos;
    while (IsAlpha(t.peek())) {
        ++t.pos;
    }
    const std::string_view word = t.s.substr(start, t.pos - start);
    if (word.size() < 2 || word.size() > 5 || (!t.done() && t.peek() != ':' && t.peek() != ' ')) {
        return;
    }
    if (const std::optional<int> minutes = ZoneMinutes(word)) {
        st.offset_minutes = *minutes;
        c = t;
        return;
    }
    bool upper = true;
    for (char ch : word) {
        upper = upper && IsUpper(ch);
    }
    if (upper && t.peek() == ':') {
        st.zone_unknown = true;
        c = t;
    }
}

/// `Mmm dd [yyyy ]hh:mm:ss[.fff][ yyyy]`.
bool ParseBsdStamp(Cursor& c, Stamp& st) {
    Cursor t = c;
    st.month = MonthFromName(t.s.substr(t.pos, 3));
    if (st.month == 0 || t.peek(3) != ' ') {
        return false;
    }
    t.pos += 3;
    t.SkipSpaces();
    if (!t.Number(1, 2, st.day) || st.day < 1 || st.day > 31 || t.SkipSpaces() == 0) {
        return false;
    }
    Cursor y = t;
    int year = 0;
    if (y.Number(4, 4, year) && y.SkipSpaces() > 0 && ParseClock(y, st)) {
        st.year = year;
        t = y;
    } else if (!ParseClock(t, st)) {
        return false;
    } else {
        // `Jan 14 03:12:44 2025 ...` (`service timestamps log datetime year` on some trains).
        Cursor after = t;
        if (after.SkipSpaces() > 0 && after.Number(4, 4, year) &&
            (after.done() || after.peek() == ' ' || after.peek() == ':') && year >= 1970) {
            st.year = year;
            t = after;
        }
    }
    c = t;
    return true;
}

/// `yyyy-m-d[T ]hh:mm:ss[.fff][Z|+hh:mm]`.
bool ParseIsoStamp(Cursor& c, Stamp& st) {
    Cursor t = c;
    if (!t.Number(4, 4, st.year) || !t.Eat('-') || !t.Number(1, 2, st.month) || !t.Eat('-') ||
        !t.Number(1, 2, st.day) || st.month < 1 || st.month > 12 || st.day < 1 || st.day > 31) {
        return false;
    }
    if (!t.Eat('T') && !t.Eat('t') && !t.Eat(' ')) {
        return false;
    }
    if (!ParseClock(t, st)) {
        return false;
    }
    ParseIsoZone(t, st);
    c = t;
    return true;
}

/// `yyyy Mmm dd hh:mm:ss` (NX-OS).
bool ParseNxosStamp(Cursor& c, Stamp& st) {
    Cursor t = c;
    if (!t.Number(4, 4, st.year) || t.peek() != ' ') {
        return false;
    }
    t.SkipSpaces();
    st.month = MonthFromName(t.s.substr(t.pos, 3));
    if (st.month == 0 || t.peek(3) != ' ') {
        return false;
    }
    t.pos += 3;
    t.SkipSpaces();
    if (!t.Number(1, 2, st.day) || t.SkipSpaces() == 0 || !ParseClock(t, st)) {
        return false;
    }
    c = t;
    return true;
}

/// Cisco uptime stamps when the clock was never set: `00:00:46:`, `1d02h:`, `2w3d:`. Only
/// taken when followed by `: ` so that a bare `12:00:00` is not claimed.
bool ParseUptimeStamp(Cursor& c, Stamp& st) {
    Cursor t = c;
    if (ParseClock(t, st)) {
        st.millis.reset();
    } else {
        // [Nw]Nd / NdNNh / NwNd
        std::size_t units = 0;
        int value = 0;
        while (t.Number(1, 3, value) && (t.peek() == 'w' || t.peek() == 'd' || t.peek() == 'h')) {
            ++t.pos;
            ++units;
        }
        if (units < 2) {
            return false;
        }
    }
    if (t.peek() != ':' || (t.peek(1) != ' ' && t.peek(1) != '\0')) {
        return false;
    }
    st.clockless = true;
    c = t;
    return true;
}

/// Any timestamp form at the cursor, with Cisco sync markers and a trailing zone word.
bool ParseStamp(Cursor& c, Stamp& st, bool allow_uptime) {
    Cursor t = c;
    if (t.peek() == '*' || (t.peek() == '.' && IsAlpha(t.peek(1)))) {
        st.unsynced = true;
        ++t.pos;
    }
    st.format = LogFormat::kBsd;
    if (IsAlpha(t.peek())) {
        if (!ParseBsdStamp(t, st)) {
            return false;
        }
        if (st.year >= 0) {
            st.format = LogFormat::kCisco;
        }
    } else if (IsDigit(t.peek())) {
        if (ParseIsoStamp(t, st)) {
            st.format = LogFormat::kIso;
        } else if (ParseNxosStamp(t, st)) {
            st.format = LogFormat::kNxos;
        } else if (allow_uptime && ParseUptimeStamp(t, st)) {
            st.format = LogFormat::kCisco;
        } else {
            return false;
        }
    } else {
        return false;
    }
    if (!st.clockless && !st.offset_minutes) {
        ParseZoneWord(t, st);
    }
    if (st.unsynced) {
        st.format = LogFormat::kCisco;
    }
    c = t;
    return true;
}

void StoreTime(const Stamp& st, std::int64_t default_year, LogLine& out) {
    if (st.clockless) {
        return;
    }
    const std::int64_t year = st.year >= 0 ? st.year : default_year;
    const std::optional<std::int64_t> seconds =
        UnixSeconds(year, st.month, st.day, st.hour, st.minute, st.second);
    if (!seconds) {
        return;
    }
    out.time = *seconds - static_cast<std::int64_t>(st.offset_minutes.value_or(0)) * 60;
    out.millis = st.millis;
    out.zone_assumed = !st.offset_minutes.has_value();
    out.year_inferred = st.year < 0;
    out.clock_unsynced = st.unsynced;
}

bool IsHostChar(char c) {
    return IsAlpha(c) || IsDigit(c) || c == '.' || c == '-' || c == '_' || c == ':' || c == '@' ||
           c == '/';
}

bool IsHostToken(std::string_view token) {
    if (token.empty() || token.size() > 255) {
        return false;
    }
    for (char c : token) {
        if (!IsHostChar(c)) {
            return false;
        }
    }
    return true;
}

/// `%FAC-5-MNEM` -> `FAC-5-MNEM`; Junos `RPD_BGP_NEIGHBOR_STATE_CHANGED:` likewise.
std::string_view MnemonicOf(std::string_view message) {
    while (!message.empty() && message[0] == ' ') {
        message.remove_prefix(1);
    }
    std::size_t start = 0;
    while (start < message.size() && message[start] == '%') {
        ++start;
    }
    std::size_t end = start;
    while (end < message.size() && message[end] != ':' && message[end] != ' ') {
        ++end;
    }
    const std::string_view word = message.substr(start, end - start);
    if (word.empty()) {
        return {};
    }
    if (start > 0) {
        return word;
    }
    // Without `%`: only an upper-case event id (Junos) ending in `:`.
    if (end >= message.size() || message[end] != ':' || word.size() < 4 || !IsUpper(word[0])) {
        return {};
    }
    bool has_underscore = false;
    for (char c : word) {
        if (!IsUpper(c) && !IsDigit(c) && c != '_') {
            return {};
        }
        has_underscore = has_underscore || c == '_';
    }
    return has_underscore ? word : std::string_view{};
}

/// A Cisco message id at the start of `text`: `%FAC[-SUB]-SEV-MNEMONIC` then `:` or ` :`
/// (`%ASA-6-302014:`, `%SYS-5-CONFIG_I:`, `%PKT_INFRA-LINK-3-UPDOWN :`). Strict, because
/// it alone makes a line without a time a log line (`%No inline power` is CLI output).
bool IsCiscoMessageId(std::string_view text) {
    if (text.size() < 2 || text[0] != '%') {
        return false;
    }
    std::size_t i = 1;
    bool severity = false;
    while (i < text.size() && text[i] != ':' && text[i] != ' ') {
        const char ch = text[i];
        if (ch == '-' && i + 2 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '7' &&
            text[i + 2] == '-') {
            severity = true;
        } else if (!IsUpper(ch) && !IsDigit(ch) && ch != '_' && ch != '-') {
            return false;
        }
        ++i;
    }
    if (i < text.size() && text[i] == ' ') {
        ++i;
    }
    return severity && i < text.size() && text[i] == ':';
}

/// After the timestamp: `[host] [tag[pid]:] message` or `%FAC-SEV-MNEM: message`.
void ParseAfterStamp(Cursor& c, LogLine& out) {
    c.Eat(':');
    c.SkipSpaces();
    if (c.Eat(':')) {  // IOS XR `...834 : ifmgr[214]:`
        c.SkipSpaces();
    }
    if (c.peek() != '%') {
        Cursor t = c;
        std::string_view host = t.Token();
        bool colon = false;
        if (host.size() > 1 && host.back() == ':') {
            host.remove_suffix(1);
            colon = true;
        }
        if (IsHostToken(host)) {
            // A `word[pid]:` right after the time is a tag, not a host (`sshd[1]: ...`).
            out.host = host;
            c = t;
            c.SkipSpaces();
            if (!colon && c.Eat(':')) {  // ASA `host : %ASA-...`
                c.SkipSpaces();
            }
        }
    }
    if (c.peek() != '%') {
        Cursor t = c;
        std::string_view tag = t.Token();
        if (tag.size() > 1 && tag.back() == ':') {
            tag.remove_suffix(1);
            const std::size_t bracket = tag.find('[');
            if (bracket != std::string_view::npos && tag.back() == ']') {
                tag = tag.substr(0, bracket);
            }
            if (IsHostToken(tag)) {
                out.app = tag;
                c = t;
                c.SkipSpaces();
            }
        }
    }
    out.message = c.Rest();
    out.mnemonic = MnemonicOf(out.message);
    if (out.app.empty() && !out.mnemonic.empty() && !out.message.empty() && out.message[0] == '%') {
        out.app = out.mnemonic;
    }
}

/// RFC 5424 after `<PRI>1 `.
void ParseRfc5424(Cursor& c, std::int64_t default_year, LogLine& out) {
    out.format = LogFormat::kRfc5424;
    if (c.peek() == '-' && (c.peek(1) == ' ' || c.peek(1) == '\0')) {
        ++c.pos;
    } else {
        Stamp st;
        if (ParseIsoStamp(c, st)) {
            StoreTime(st, default_year, out);
        } else {
            c.Token();
        }
    }
    const auto field = [&c]() {
        c.SkipSpaces();
        const std::string_view token = c.Token();
        return token == "-" ? std::string_view{} : token;
    };
    out.host = field();
    out.app = field();
    field();  // PROCID
    const std::string_view msgid = field();
    c.SkipSpaces();
    // STRUCTURED-DATA: `-` or `[id k="v" ...]...`; `\]` and `\"` escape inside values.
    if (c.peek() == '-') {
        ++c.pos;
    } else {
        while (c.peek() == '[') {
            bool quoted = false;
            while (!c.done()) {
                const char ch = c.s[c.pos++];
                if (ch == '\\' && quoted) {
                    ++c.pos;
                } else if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == ']' && !quoted) {
                    break;
                }
            }
        }
    }
    if (c.peek() == ' ') {
        ++c.pos;
    }
    std::string_view message = c.Rest();
    if (message.substr(0, 3) == "\xEF\xBB\xBF") {
        message.remove_prefix(3);
    }
    out.message = message;
    out.mnemonic = msgid.empty() ? MnemonicOf(message) : msgid;
}

/// Cisco `seq: ` (digits then `: `).
bool SkipSequence(Cursor& c) {
    std::size_t n = 0;
    while (IsDigit(c.peek(n))) {
        ++n;
    }
    if (n == 0 || c.peek(n) != ':' || c.peek(n + 1) != ' ') {
        return false;
    }
    c.pos += n + 2;
    c.SkipSpaces();
    return true;
}

/// `host: ` or `host node:` before a Cisco timestamp (`NetAuto: May 31 ...`, IOS XR
/// `gw1 RP/0/RSP0/CPU0:Nov  1 ...`). Returns the host on success and leaves the cursor on
/// the timestamp.
bool ParseHostBeforeStamp(Cursor& c, Stamp& st, std::string_view& host) {
    Cursor t = c;
    std::string_view token = t.Token();
    if (token.size() > 1 && token.back() == ':') {
        token.remove_suffix(1);
    }
    if (!IsHostToken(token)) {
        return false;
    }
    t.SkipSpaces();
    Cursor s = t;
    if (ParseStamp(s, st, false)) {
        host = token;
        c = s;
        return true;
    }
    // IOS XR location prefix glued to the stamp: `RP/0/RSP0/CPU0:Nov  1 11:11:24.927`.
    const std::size_t colon = t.Rest().find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 32) {
        return false;
    }
    const std::string_view node = t.Rest().substr(0, colon);
    if (node.find('/') == std::string_view::npos || !IsHostToken(node)) {
        return false;
    }
    s = t;
    s.pos += colon + 1;
    if (ParseStamp(s, st, false)) {
        host = token;
        c = s;
        return true;
    }
    return false;
}

}  // namespace

LogLine ParseLogLine(std::string_view line, std::int64_t default_year) {
    LogLine out;
    out.message = line;
    Cursor c{line};
    if (c.peek() == '<') {
        Cursor t = c;
        ++t.pos;
        int pri = 0;
        if (t.Number(1, 3, pri) && t.Eat('>') && pri <= 191) {
            out.priority = pri;
            out.format = LogFormat::kBsd;
            c = t;
            // RFC 5424: version 1 and a space.
            if (c.peek() == '1' && c.peek(1) == ' ') {
                c.pos += 2;
                ParseRfc5424(c, default_year, out);
                return out;
            }
        }
    }
    const bool had_sequence = SkipSequence(c);
    c.SkipSpaces();
    Stamp st;
    if (ParseStamp(c, st, true)) {
        out.format = had_sequence ? LogFormat::kCisco : st.format;
        StoreTime(st, default_year, out);
        ParseAfterStamp(c, out);
        return out;
    }
    if (out.priority >= 0 || had_sequence) {
        Stamp hosted;
        std::string_view host;
        if (ParseHostBeforeStamp(c, hosted, host)) {
            out.format = LogFormat::kCisco;
            StoreTime(hosted, default_year, out);
            ParseAfterStamp(c, out);
            // The host before the stamp wins over any word after it (a program name).
            out.host = host;
            return out;
        }
    }
    // `%ASA-6-302014: ...` and `HQ-ASA5585 : %ASA-4-106023: ...` with no time at all
    // (timestamps switched off, or relays that strip the header).
    if (IsCiscoMessageId(c.Rest())) {
        out.format = LogFormat::kCisco;
        out.message = c.Rest();
        out.mnemonic = MnemonicOf(out.message);
        out.app = out.mnemonic;
        return out;
    }
    {
        Cursor t = c;
        std::string_view host = t.Token();
        if (host.size() > 1 && host.back() == ':') {
            host.remove_suffix(1);
        } else {
            t.SkipSpaces();
            t.Eat(':');
        }
        t.SkipSpaces();
        if (IsHostToken(host) && IsCiscoMessageId(t.Rest())) {
            out.format = LogFormat::kCisco;
            out.host = host;
            out.message = t.Rest();
            out.mnemonic = MnemonicOf(out.message);
            out.app = out.mnemonic;
            return out;
        }
    }
    if (out.format != LogFormat::kNone) {  // PRI only
        ParseAfterStamp(c, out);
        return out;
    }
    out.message = line;
    return out;
}

bool StartsWithLogHeader(std::string_view line) {
    return ParseLogLine(line, 2000).has_header();
}

}  // namespace stormwatch::logs
