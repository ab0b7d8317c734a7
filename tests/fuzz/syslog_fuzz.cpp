// SPDX-License-Identifier: Apache-2.0
// The log path: the line parser on every line, the sniffer on the head, and HuntLogInput over
// the whole input with a few indicators (so the finding code runs). Invariants: views stay
// inside the line, times are renderable, every line is accounted for, findings point at a
// line that exists.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "tests/fuzz/fuzz_support.h"

#include "stormwatch/core/finding.h"
#include "stormwatch/core/text.h"
#include "stormwatch/core/time.h"
#include "stormwatch/engine/log_input.h"
#include "stormwatch/intel/indicator_set.h"
#include "stormwatch/intel/text_matcher.h"
#include "stormwatch/logs/log_sniff.h"
#include "stormwatch/logs/syslog_line.h"
#include "stormwatch/output/report.h"

namespace {

const stormwatch::intel::TextMatcher& Matcher() {
    static const stormwatch::intel::TextMatcher matcher = [] {
        stormwatch::intel::IndicatorSetBuilder builder;
        builder.Add("45.61.133.77", "ipv4", "fuzz", "high", "");
        builder.Add("evil.example", "domain", "fuzz", "high", "");
        builder.Add("cisco_tac_admin", "account", "fuzz", "high", "");
        return stormwatch::intel::TextMatcher(builder.Build());
    }();
    return matcher;
}

bool Inside(std::string_view part, std::string_view whole) {
    return part.empty() || (part.data() >= whole.data() &&
                            part.data() + part.size() <= whole.data() + whole.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace logs = stormwatch::logs;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::uint64_t lines = 0;
    stormwatch::text::ForEachLine(text, [&](std::string_view line, std::size_t) {
        ++lines;
        const logs::LogLine parsed = logs::ParseLogLine(line, 2025);
        if (!Inside(parsed.host, line) || !Inside(parsed.app, line) ||
            !Inside(parsed.mnemonic, line) || !Inside(parsed.message, line)) {
            stormwatch::fuzz::Fail("LogLine view outside the line");
        }
        if (parsed.time && stormwatch::FormatRfc3339(*parsed.time).size() < 20) {
            stormwatch::fuzz::Fail("time not renderable");
        }
    });
    (void)logs::SniffLog(text);

    stormwatch::output::InputSummary input;
    input.path = "fuzz.log";
    std::vector<stormwatch::Finding> findings;
    // Written on 2025-03-01: yearless stamps after it are read as 2024's.
    stormwatch::engine::detail::HuntLogInput(text, Matcher(), 2025, 1740787200, 1, input, findings);
    stormwatch::fuzz::CheckAccounting(input.stats);
    if (input.stats.read() != lines) {
        stormwatch::fuzz::Fail("one record per line");
    }
    for (const stormwatch::Finding& finding : findings) {
        if (finding.line == 0 || finding.line > lines || !finding.indicator) {
            stormwatch::fuzz::Fail("finding without a line or an indicator");
        }
        if (!stormwatch::text::IsValidUtf8(finding.evidence)) {
            stormwatch::fuzz::Fail("evidence is not valid UTF-8");
        }
    }
    return 0;
}
