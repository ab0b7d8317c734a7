// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/logs/log_sniff.h"

#include "stormwatch/core/text.h"
#include "stormwatch/logs/syslog_line.h"

namespace stormwatch::logs {

namespace {

constexpr std::size_t kSniffLines = 64;
constexpr std::size_t kMinHeaderLines = 3;

/// Cisco IOS and ASA `show logging` begins with its settings (maybe after a prompt line).
bool IsShowLogging(std::string_view head) {
    std::size_t lines = 0;
    bool found = false;
    text::ForEachLine(head.substr(0, 512), [&](std::string_view line, std::size_t) {
        line = text::Trim(line);
        if (found || lines >= 2 || line.empty()) {
            return;
        }
        ++lines;
        found = text::StartsWith(line, "Syslog logging: ");
    });
    return found;
}

}  // namespace

LogSniff SniffLog(std::string_view head) {
    head = head.substr(0, kLogSniffBytes);
    if (IsShowLogging(head)) {
        LogSniff result;
        result.is_log = true;
        return result;
    }
    // `show logging` prints its settings first; the events follow the buffer line.
    if (const std::size_t buffer = head.find("Log Buffer ("); buffer != std::string_view::npos) {
        const std::size_t eol = head.find('\n', buffer);
        if (eol != std::string_view::npos) {
            head.remove_prefix(eol + 1);
        }
    }
    // The last line may be cut by the head limit; only whole lines count unless the input
    // ends inside the head.
    if (head.size() == kLogSniffBytes) {
        const std::size_t last_nl = head.rfind('\n');
        if (last_nl != std::string_view::npos) {
            head = head.substr(0, last_nl + 1);
        }
    }
    LogSniff result;
    text::ForEachLine(head, [&](std::string_view line, std::size_t) {
        if (result.lines >= kSniffLines || text::Trim(line).empty()) {
            return;
        }
        ++result.lines;
        if (StartsWithLogHeader(line)) {
            ++result.with_header;
        }
    });
    const std::size_t needed = result.lines < kMinHeaderLines ? result.lines : kMinHeaderLines;
    result.is_log = result.lines > 0 && result.with_header >= needed &&
                    result.with_header * 10 >= result.lines * 6;
    return result;
}

}  // namespace stormwatch::logs
