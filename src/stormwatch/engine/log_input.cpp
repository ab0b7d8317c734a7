// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/engine/log_input.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <climits>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include <hs/hs.h>

#include "stormwatch/core/input_stats.h"
#include "stormwatch/core/text.h"
#include "stormwatch/core/time.h"
#include "stormwatch/detect/detector.h"
#include "stormwatch/engine/hunt.h"
#include "stormwatch/logs/log_sniff.h"
#include "stormwatch/logs/syslog_line.h"
#include "stormwatch/patterns/database.h"

namespace stormwatch::engine::detail {

namespace {

constexpr std::string_view kLogIocId = "SW-LOG-IOC";
// Lines are scanned for indicators this many bytes at a time (rounded up to a whole line).
constexpr std::size_t kLogScanChunkBytes = std::size_t{1} << 20;
// A log is split across workers in pieces of at least this many bytes.
constexpr std::size_t kLogPieceBytes = std::size_t{16} << 20;

/// Where a slice of `text` meant to end at `end` (> 0) ends on a whole line: just past the
/// newline of the line holding byte `end - 1`, or the end of `text`.
std::size_t LineBoundaryAfter(std::string_view text, std::size_t end) {
    if (end >= text.size()) {
        return text.size();
    }
    const std::size_t newline = text.find('\n', end - 1);
    return newline == std::string_view::npos ? text.size() : newline + 1;
}

/// TextHits in text order (TextMatcher::Scan appends them so).
bool HitBefore(const intel::TextHit& a, const intel::TextHit& b) {
    return a.offset < b.offset;
}
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

bool IsAccountChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.' || c == '$' || c == '@';
}

/// Account names sit in fixed places of login and command lines, not in free text that a
/// token extractor could tell from any other word: IOS `[user: NAME]`, Junos and IOS SSH
/// `User 'NAME'`, PAM `for user NAME`, OpenSSH `password for [invalid user ]NAME from` and
/// `publickey for NAME from`.
constexpr std::array<std::string_view, 8> kAccountKeys = {
    "[user: ",       "User '",        "user '",         "for user ",
    "invalid user ", "password for ", "publickey for ", "user=",
};

const hs_database_t* AccountKeyDatabase() {
    static const patterns::Database database = [] {
        std::vector<patterns::Expression> literals;
        for (const std::string_view key : kAccountKeys) {
            literals.push_back({.text = std::string(key)});
        }
        return std::move(patterns::Compile(patterns::Syntax::kLiteral, literals).database);
    }();
    return database.get();
}

struct AccountScan {
    std::string_view text;
    const intel::IndicatorSet& set;
    std::vector<intel::TextHit>& hits;

    /// The account name starting at `start` (right after a key), when it is an indicator.
    void NameAt(std::size_t start) {
        std::size_t end = start;
        while (end < text.size() && IsAccountChar(text[end])) {
            ++end;
        }
        if (end == start) {
            return;
        }
        if (const intel::Indicator* indicator =
                set.MatchValue(intel::IndicatorType::kAccount, text.substr(start, end - start))) {
            hits.push_back(intel::TextHit{start, end - start, indicator});
        }
    }
};

/// Appends a TextHit for every account indicator named after one of kAccountKeys in `text`
/// (several lines), in offset order: one Hyperscan pass over all keys. Without Hyperscan
/// (no scratch), each key is searched on its own, with the same hits.
void ScanAccounts(std::string_view text, const intel::IndicatorSet& set,
                  std::vector<intel::TextHit>& hits) {
    const std::size_t first = hits.size();
    AccountScan scan{text, set, hits};
    const hs_database_t* database = AccountKeyDatabase();
    thread_local patterns::Scratch local;
    hs_scratch_t* scratch = database != nullptr ? local.For(database) : nullptr;
    const auto on_match = [](unsigned /*id*/, unsigned long long /*from*/, unsigned long long to,
                             unsigned /*flags*/, void* context) -> int {
        static_cast<AccountScan*>(context)->NameAt(static_cast<std::size_t>(to));
        return 0;
    };
    if (scratch == nullptr || text.size() > UINT_MAX ||
        hs_scan(database, text.data(), static_cast<unsigned>(text.size()), 0, scratch, on_match,
                &scan) != HS_SUCCESS) {
        hits.resize(first);
        for (const std::string_view key : kAccountKeys) {
            for (std::size_t at = text.find(key); at != std::string_view::npos;
                 at = text.find(key, at + 1)) {
                scan.NameAt(at + key.size());
            }
        }
    }
    // Hyperscan reports by end offset, and the fallback key by key; the hunt wants text order.
    std::stable_sort(hits.begin() + static_cast<std::ptrdiff_t>(first), hits.end(), HitBefore);
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

namespace {

/// What hunting one piece of a log input found; line numbers count from the piece's start.
struct LogPiece {
    std::vector<Finding> findings;
    InputStats stats;
    std::string device;  ///< the first host the piece names
    std::uint64_t lines = 0;
    std::optional<std::int64_t> last_year;  ///< of the piece's last line that carried a year
    bool start_year_used = false;           ///< some finding's time took its year from `start_year`
};

LogPiece HuntLogPiece(std::string_view piece, const intel::TextMatcher& matcher,
                      std::int64_t start_year, std::optional<std::int64_t> written, bool accounts,
                      const output::InputSummary& input, const std::string& file_device) {
    LogPiece result;
    std::int64_t year = start_year;
    std::vector<intel::TextHit> hits;
    InputStats& stats = result.stats;
    // Indicators are found a chunk of whole lines at a time (no token crosses a newline):
    // one scan per chunk keeps the matcher's lookups batched, and the hits stay few.
    for (std::size_t chunk_begin = 0; chunk_begin < piece.size();) {
        const std::size_t chunk_end = LineBoundaryAfter(piece, chunk_begin + kLogScanChunkBytes);
        const std::string_view chunk = piece.substr(chunk_begin, chunk_end - chunk_begin);
        hits.clear();
        matcher.Scan(chunk, hits);
        const std::size_t token_hits = hits.size();
        if (accounts) {
            ScanAccounts(chunk, matcher.indicators(), hits);
            std::inplace_merge(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(token_hits),
                               hits.end(), HitBefore);
        }
        std::size_t next_hit = 0;
        const std::uint64_t lines_before = result.lines;
        text::ForEachLine(chunk, [&](std::string_view line, std::size_t n) {
            const std::uint64_t line_number = lines_before + n;
            result.lines = line_number;
            const auto line_end =
                static_cast<std::size_t>(line.data() - chunk.data()) + line.size();
            std::size_t line_hits = next_hit;
            while (line_hits < hits.size() && hits[line_hits].offset < line_end) {
                ++line_hits;
            }
            const std::span<const intel::TextHit> on_line(hits.data() + next_hit,
                                                          line_hits - next_hit);
            next_hit = line_hits;
            stats.CountRead();
            // NULs left by a crash or by copytruncate run up to the next line's text: the line
            // is what follows them.
            line.remove_prefix(std::min(line.find_first_not_of('\0'), line.size()));
            if (line.size() > kMaxLineBytes) {
                stats.Reject(RejectReason::kOversizedLine, line_number, "line longer than 64 KiB");
                return;
            }
            stats.CountProcessed();
            if (line.empty()) {
                return;
            }
            logs::LogLine parsed = logs::ParseLogLine(line, year);
            // A stamp without a year that would fall after the log was last written is from
            // the year before: a log that spans New Year, last December's buffer read in January.
            constexpr std::int64_t kDay = 24 * 60 * 60;
            if (parsed.year_inferred && parsed.time && written && *parsed.time > *written + kDay) {
                parsed = logs::ParseLogLine(line, year - 1);
            }
            if (parsed.time && !parsed.year_inferred) {
                year = YearOf(*parsed.time);
                result.last_year = year;
            }
            if (result.device.empty() && !parsed.host.empty()) {
                result.device = text::SanitiseForOutput(parsed.host);
            }
            if (on_line.empty()) {
                return;
            }
            if (!text::IsValidUtf8(line)) {
                stats.CountInvalidUtf8Line();
            }
            for (std::size_t i = 0; i < on_line.size(); ++i) {
                const intel::Indicator* indicator = on_line[i].indicator;
                if (indicator == nullptr) {
                    continue;
                }
                // One finding per line and indicator, however often the line repeats it.
                bool seen = false;
                for (std::size_t j = 0; j < i && !seen; ++j) {
                    seen = on_line[j].indicator == indicator;
                }
                if (!seen) {
                    result.findings.push_back(
                        NewLogFinding(*indicator, parsed, line, line_number, input, file_device));
                    result.start_year_used =
                        result.start_year_used || (parsed.time && !result.last_year.has_value());
                }
            }
        });
        chunk_begin = chunk_end;
    }
    return result;
}

/// Cuts `data` into pieces of whole lines for `threads` workers: a few pieces per worker so
/// that uneven lines still balance, none under kLogPieceBytes; one piece for one worker.
std::vector<std::string_view> SplitIntoPieces(std::string_view data, unsigned threads) {
    const std::size_t size = std::max(kLogPieceBytes, data.size() / (std::size_t{threads} * 4));
    if (threads <= 1 || data.size() < 2 * size) {
        return {data};
    }
    std::vector<std::string_view> pieces;
    for (std::size_t begin = 0; begin < data.size();) {
        const std::size_t end = LineBoundaryAfter(data, begin + size);
        pieces.push_back(data.substr(begin, end - begin));
        begin = end;
    }
    return pieces;
}

/// Runs fn(0) .. fn(count - 1) on up to `threads` threads (the caller's among them).
void ForEachIndex(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& fn) {
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next++; i < count; i = next++) {
            fn(i);
        }
    };
    std::vector<std::jthread> helpers;
    for (std::size_t t = 1; t < std::min<std::size_t>(threads, count); ++t) {
        try {
            helpers.emplace_back(work);
        } catch (const std::system_error&) {
            break;  // no more threads to be had: the ones started (and this one) do all
        }
    }
    work();
}

}  // namespace

void HuntLogInput(std::string_view data, const intel::TextMatcher& matcher,
                  std::int64_t default_year, std::optional<std::int64_t> written, unsigned threads,
                  output::InputSummary& input, std::vector<Finding>& out) {
    input.kind = "log";
    input.bytes = data.size();
    const std::string file_device = DeviceName("", input.path);
    const bool accounts = matcher.indicators().HasType(intel::IndicatorType::kAccount);
    const std::vector<std::string_view> pieces = SplitIntoPieces(data, threads);
    std::vector<LogPiece> results(pieces.size());
    const auto hunt = [&](std::size_t i, std::int64_t start_year) {
        results[i] =
            HuntLogPiece(pieces[i], matcher, start_year, written, accounts, input, file_device);
    };
    // Every piece starts from `default_year`; a piece whose findings needed the year carried
    // in from earlier pieces, and got a different one, is hunted again below.
    ForEachIndex(pieces.size(), threads, [&](std::size_t i) { hunt(i, default_year); });
    // A log can hold millions of hits, ~400-byte findings each: the first piece's are taken
    // whole, the others moved once into room reserved for all.
    std::size_t total = out.size();
    for (const LogPiece& piece : results) {
        total += piece.findings.size();
    }
    std::int64_t year = default_year;
    std::uint64_t lines_before = 0;
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (results[i].start_year_used && year != default_year) {
            hunt(i, year);
        }
        LogPiece& piece = results[i];
        if (out.empty() && lines_before == 0) {
            out.swap(piece.findings);  // no line offset to add
        } else {
            out.reserve(total);
            for (Finding& finding : piece.findings) {
                finding.line += lines_before;
                out.push_back(std::move(finding));
            }
        }
        input.stats.Append(piece.stats, lines_before);
        if (input.device.empty()) {
            input.device = piece.device;
        }
        year = piece.last_year.value_or(year);
        lines_before += piece.lines;
    }
}

}  // namespace stormwatch::engine::detail
