// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/engine/log_input.h"

#include <string>

#include "stormwatch/core/input_stats.h"
#include "stormwatch/core/text.h"
#include "stormwatch/core/time.h"
#include "stormwatch/detect/detector.h"
#include "stormwatch/engine/hunt.h"
#include "stormwatch/logs/log_sniff.h"
#include "stormwatch/logs/syslog_line.h"

namespace stormwatch::engine::detail {

namespace {

constexpr std::string_view kLogIocId = "SW-LOG-IOC";
constexpr std::string_view kLogIocTitle = "Log line mentions an indicator from threat intel";
constexpr std::string_view kLogIocOutsideTitle =
    "Log line mentions an indicator outside its validity window";
constexpr std::string_view kLogIocCategory = "ioc.match";
// The advisory pack rates its indicators `medium` confidence; what the line says about the
// indicator (an accepted login or a denied probe) is for later log rules to weigh, so the
// match itself is high, as SW-CFG-ADDRESS-IOC is for configs.
constexpr Severity kLogIocSeverity = Severity::kHigh;
constexpr std::string_view kLogIocAttack = "T1071";
constexpr std::string_view kLogIocDescription =
    "An address, domain, URL, hash or e-mail address in a log line (message or header fields), "
    "or an account name in a login or command line, equals a loaded indicator; tokens are whole, "
    "so 10.0.0.50 never matches 10.0.0.5. One "
    "finding per line and indicator, with the line's time and host. An event outside the "
    "indicator's validity window still matches, one severity step lower, with the window in "
    "the finding's indicator (valid_from, valid_until).";

Severity OneStepLower(Severity severity) {
    return severity == Severity::kInfo ? Severity::kInfo
                                       : static_cast<Severity>(static_cast<int>(severity) - 1);
}

Finding NewLogFinding(const intel::Indicator& indicator, const logs::LogLine& parsed,
                      std::string_view line, std::uint64_t line_number,
                      const output::InputSummary& input, const std::string& file_device) {
    Finding finding;
    finding.rule_id = kLogIocId;
    finding.title = kLogIocTitle;
    finding.category = kLogIocCategory;
    finding.severity = kLogIocSeverity;
    finding.attack = {std::string(kLogIocAttack)};
    finding.device = parsed.host.empty() ? file_device : text::SanitiseForOutput(parsed.host);
    finding.source_kind = SourceKind::kLog;
    finding.path = input.path;
    finding.line = line_number;
    finding.evidence = text::SanitiseForOutput(line);
    detect::AttachIndicator(finding, indicator);
    if (parsed.time) {
        finding.time = FormatRfc3339(*parsed.time, parsed.millis);
        if (!intel::IsValidAt(indicator, *parsed.time)) {
            finding.severity = OneStepLower(finding.severity);
            finding.title = kLogIocOutsideTitle;
        }
    }
    return finding;
}

bool HasAccountIndicators(const intel::IndicatorSet& set) {
    for (const intel::Indicator& indicator : set.indicators()) {
        if (indicator.type == intel::IndicatorType::kAccount) {
            return true;
        }
    }
    return false;
}

bool IsAccountChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.' || c == '$' || c == '@';
}

/// Account names sit in fixed places of login and command lines, not in free text that a
/// token extractor could tell from any other word: IOS `[user: NAME]`, Junos and IOS SSH
/// `User 'NAME'`, PAM `for user NAME`, OpenSSH `password for [invalid user ]NAME from` and
/// `publickey for NAME from`. Hits are appended to `hits` like TextMatcher's.
void ScanAccounts(std::string_view line, const intel::IndicatorSet& set,
                  std::vector<intel::TextHit>& hits) {
    static constexpr std::string_view kBefore[] = {
        "[user: ",       "User '",        "user '",         "for user ",
        "invalid user ", "password for ", "publickey for ", "user=",
    };
    for (const std::string_view key : kBefore) {
        for (std::size_t at = line.find(key); at != std::string_view::npos;
             at = line.find(key, at + 1)) {
            const std::size_t start = at + key.size();
            std::size_t end = start;
            while (end < line.size() && IsAccountChar(line[end])) {
                ++end;
            }
            if (end == start) {
                continue;
            }
            const std::string_view name = line.substr(start, end - start);
            if (const intel::Indicator* indicator =
                    set.MatchValue(intel::IndicatorType::kAccount, name)) {
                hits.push_back(intel::TextHit{start, end - start, indicator});
            }
        }
    }
}

}  // namespace

std::vector<RuleInfo> LogRuleCatalogue() {
    return {RuleInfo{
        .id = std::string(kLogIocId),
        .title = std::string(kLogIocTitle),
        .category = std::string(kLogIocCategory),
        .severity = kLogIocSeverity,
        .attack = {std::string(kLogIocAttack)},
        .description = std::string(kLogIocDescription),
        .kind = "detector",
        .origin = "built-in",
    }};
}

bool LooksLikeLog(std::string_view head) {
    return logs::SniffLog(head).is_log;
}

void HuntLogInput(std::string_view data, const intel::TextMatcher& matcher,
                  std::int64_t default_year, output::InputSummary& input,
                  std::vector<Finding>& out) {
    input.kind = "log";
    input.bytes = data.size();
    const std::string file_device = DeviceName("", input.path);
    std::int64_t year = default_year;
    std::vector<intel::TextHit> hits;
    const bool accounts = HasAccountIndicators(matcher.indicators());
    InputStats& stats = input.stats;
    text::ForEachLine(data, [&](std::string_view line, std::size_t line_number) {
        stats.CountRead();
        if (line.size() > kMaxLineBytes) {
            stats.Reject(RejectReason::kOversizedLine, line_number, "line longer than 64 KiB");
            return;
        }
        stats.CountProcessed();
        if (line.empty()) {
            return;
        }
        const logs::LogLine parsed = logs::ParseLogLine(line, year);
        if (parsed.time && !parsed.year_inferred) {
            year = YearOf(*parsed.time);
        }
        if (input.device.empty() && !parsed.host.empty()) {
            input.device = text::SanitiseForOutput(parsed.host);
        }
        hits.clear();
        matcher.Scan(line, hits);
        if (accounts) {
            ScanAccounts(line, matcher.indicators(), hits);
        }
        if (hits.empty()) {
            return;
        }
        if (!text::IsValidUtf8(line)) {
            stats.CountInvalidUtf8Line();
        }
        for (std::size_t i = 0; i < hits.size(); ++i) {
            const intel::Indicator* indicator = hits[i].indicator;
            if (indicator == nullptr) {
                continue;
            }
            // One finding per line and indicator, however often the line repeats it.
            bool seen = false;
            for (std::size_t j = 0; j < i && !seen; ++j) {
                seen = hits[j].indicator == indicator;
            }
            if (!seen) {
                out.push_back(
                    NewLogFinding(*indicator, parsed, line, line_number, input, file_device));
            }
        }
    });
}

}  // namespace stormwatch::engine::detail
