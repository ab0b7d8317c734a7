// SPDX-License-Identifier: Apache-2.0
#pragma once

// Deciding from the head of an input whether it is a log (one event per line) rather than a
// device configuration or anything else. Runs before the configuration sniffer, so it must
// never claim a config: it only says yes when most lines begin with a syslog header.

#include <cstddef>
#include <string_view>

namespace stormwatch::logs {

/// How much of an input the sniffer reads.
inline constexpr std::size_t kLogSniffBytes = 16 * 1024;

struct LogSniff {
    bool is_log = false;
    std::size_t lines = 0;        ///< non-blank lines examined
    std::size_t with_header = 0;  ///< of those, lines that start with a PRI or timestamp
};

/// True when, among the first non-blank lines of `head` (at most kLogSniffBytes, 64 lines),
/// at least 3 -- or all, when there are fewer than 3 -- start with a log header and they
/// make up at least 60% of the lines. Cisco IOS and ASA `show logging` output (first line
/// `Syslog logging: ...`) is a log whatever its buffer holds; elsewhere a
/// `Log Buffer (N bytes):` line starts the count, so a status preamble does not hide the log.
LogSniff SniffLog(std::string_view head);

}  // namespace stormwatch::logs
