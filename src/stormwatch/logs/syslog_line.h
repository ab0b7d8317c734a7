// SPDX-License-Identifier: Apache-2.0
#pragma once

// One log line split into its header (time, host, program, message id) and message, for the
// syslog shapes network devices and relays write:
//
//   RFC 5424   <PRI>1 2025-01-14T03:12:44.123Z host app procid msgid [sd] msg
//   RFC 3164   <PRI>Jan 14 03:12:44 host tag[pid]: msg          (PRI optional)
//   Junos      Jan 14 03:12:44  mx1 sshd[123]: msg
//   Cisco      [<PRI>][seq: ][host: ][*|.]Jan 14 [2025 ]03:12:44[.123][ UTC]: %FAC-5-MNEM: msg
//   IOS XR     <PRI>seq: host RP/0/RSP0/CPU0:Jan 14 03:12:44.123 UTC: proc[pid]: %FAC-...: msg
//   ASA        Jan 14 2025 03:12:44[ host ]: %ASA-6-302014: msg
//   NX-OS      2025 Jan 14 03:12:44 host %FAC-5-MNEM: msg
//   ISO 8601   2025-01-14T03:12:44Z host ...   and   2025-01-14 03:12:44[.123] ...
//   uptime     00:00:46: %LINK-3-UPDOWN: ...   (Cisco without a clock: no time)
//
// Anything else is a line without a header: the whole line is the message, time absent.
// Parsing is a pure function of the line and a default year; views point into the line;
// nothing is allocated.

#include <cstdint>
#include <optional>
#include <string_view>

namespace stormwatch::logs {

enum class LogFormat : std::uint8_t {
    kNone,     ///< no recognised header: the whole line is the message
    kRfc5424,  ///< `<PRI>1 ISO-TIME HOST APP PROCID MSGID SD MSG`
    kBsd,      ///< RFC 3164 style `Mmm dd hh:mm:ss` (Junos, EOS, relays)
    kCisco,    ///< Cisco `seq:` / `*`-marked / `Mmm dd yyyy` / uptime / `%FAC-SEV-MNEM` forms
    kIso,      ///< a line starting with an ISO 8601 date-time (no RFC 5424 version)
    kNxos,     ///< `yyyy Mmm dd hh:mm:ss`
};

struct LogLine {
    LogFormat format = LogFormat::kNone;
    int priority = -1;                 ///< `<PRI>` value 0-191; -1 when absent
    std::optional<std::int64_t> time;  ///< Unix seconds, UTC; absent when the line has none
    std::optional<int> millis;         ///< sub-second part, when the timestamp had one
    /// The timestamp had no zone, or a zone abbreviation we do not know: it was read as UTC.
    bool zone_assumed = false;
    /// The timestamp had no year (RFC 3164, most Cisco forms): `default_year` was used.
    bool year_inferred = false;
    /// Cisco `*` (clock never set / not NTP-synchronised) or `.` (lost sync) marker.
    bool clock_unsynced = false;
    std::string_view host;      ///< empty when the line names none
    std::string_view app;       ///< RFC 5424 APP-NAME, RFC 3164 TAG without `[pid]`
    std::string_view mnemonic;  ///< `SYS-5-CONFIG_I`, `ASA-6-302014`, Junos `RPD_..`, MSGID
    std::string_view message;   ///< the free text after the header (the whole line if none)

    /// A PRI or a timestamp was recognised at the start of the line.
    [[nodiscard]] bool has_header() const { return format != LogFormat::kNone; }
};

/// Splits `line` (without its newline). Never fails: an unrecognised line has
/// format kNone and message == line.
///
/// Year rule: timestamps without a year take `default_year`. The parser never reads the
/// clock; the engine chooses the year (the year of the last line in the same input that
/// carried one, else the file's modification year) -- see logs/README.md.
/// Zone rule: `Z`, `UTC`, `GMT`, numeric offsets and a short table of unambiguous
/// abbreviations (EST, CET, JST, ...) are applied; no zone, or an unknown or ambiguous one
/// (CST, IST), is read as UTC and sets zone_assumed.
LogLine ParseLogLine(std::string_view line, std::int64_t default_year);

/// True when `line` starts with something only a log header starts with: a `<PRI>`, or a
/// timestamp in one of the forms above (optionally after a Cisco sequence number). The
/// sniffer's test; cheaper than ParseLogLine.
bool StartsWithLogHeader(std::string_view line);

}  // namespace stormwatch::logs
