// SPDX-License-Identifier: Apache-2.0
// The terminal table. Layout, for width 100:
//
//   pe1-fra: 2 findings (1 critical, 1 medium)
//     SEVERITY  RULE            LINE                     EVIDENCE
//     critical  SW-CFG-ACL-IOC  configs/pe1-fra.cfg:212  access-list 20 permit 192.0.2.77
//
// Column widths are computed once over all findings so columns line up across devices. When
// the evidence column would be narrower than kMinEvidenceWidth, evidence moves to its own
// indented line below the row instead of being cut to nothing.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "stormwatch/core/finding.h"
#include "stormwatch/core/text.h"
#include "stormwatch/output/report.h"
#include "stormwatch/output/report_detail.h"

namespace stormwatch::output {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kEllipsis = "...";
constexpr std::size_t kIndent = 2;
constexpr std::size_t kGap = 2;
constexpr std::size_t kSeverityWidth = 8;  // "SEVERITY", "critical"
constexpr std::size_t kMinEvidenceWidth = 24;
constexpr std::size_t kEvidenceLineIndent = 6;

std::string_view SeverityColor(Severity severity) {
    switch (severity) {
        case Severity::kCritical:
            return "\x1b[1;31m";
        case Severity::kHigh:
            return "\x1b[31m";
        case Severity::kMedium:
            return "\x1b[33m";
        case Severity::kLow:
            return "\x1b[36m";
        case Severity::kInfo:
            break;
    }
    return kDim;
}

// Text from inputs is hostile: besides C0 controls (ESC starts a terminal escape sequence),
// C1 controls (U+0080-U+009F; U+009B is a one-byte CSI on some terminals) and bidi overrides
// (U+202A-U+202E, U+2066-U+2069, which reorder what the reader sees) are replaced too.
std::string Clean(std::string_view raw) {
    const std::string sanitised = text::SanitiseForOutput(raw);
    std::string out;
    out.reserve(sanitised.size());
    const std::string_view s = sanitised;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '\t') {
            out.push_back(' ');
            continue;
        }
        if (c == 0xC2 && i + 1 < s.size()) {
            const auto next = static_cast<unsigned char>(s[i + 1]);
            if (next >= 0x80 && next <= 0x9F) {
                out += "\xEF\xBF\xBD";
                ++i;
                continue;
            }
        }
        if (c == 0xE2 && i + 2 < s.size()) {
            const auto b1 = static_cast<unsigned char>(s[i + 1]);
            const auto b2 = static_cast<unsigned char>(s[i + 2]);
            if ((b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) ||
                (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9)) {
                out += "\xEF\xBF\xBD";
                i += 2;
                continue;
            }
        }
        out.push_back(static_cast<char>(c));
    }
    return out;
}

bool IsContinuation(char ch) {
    return (static_cast<unsigned char>(ch) & 0xC0) == 0x80;
}

// Display width as code points: exact for the ASCII that configs are made of; East Asian wide
// characters count one column short, which only costs alignment, never correctness.
std::size_t Width(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char ch) { return !IsContinuation(ch); }));
}

// Byte offset just past the first `n` code points of valid UTF-8 `s`.
std::size_t PrefixBytes(std::string_view s, std::size_t n) {
    std::size_t i = 0;
    for (std::size_t seen = 0; i < s.size() && seen < n; ++seen) {
        ++i;
        while (i < s.size() && IsContinuation(s[i])) {
            ++i;
        }
    }
    return i;
}

std::string TruncateEnd(std::string_view s, std::size_t width) {
    if (Width(s) <= width) {
        return std::string(s);
    }
    if (width <= kEllipsis.size()) {
        return std::string(s.substr(0, PrefixBytes(s, width)));
    }
    std::string out(s.substr(0, PrefixBytes(s, width - kEllipsis.size())));
    out += kEllipsis;
    return out;
}

// Keeps the end of a location: the file name and line matter more than the directories.
std::string TruncateStart(std::string_view s, std::size_t width) {
    const std::size_t total = Width(s);
    if (total <= width) {
        return std::string(s);
    }
    if (width <= kEllipsis.size()) {
        return std::string(s.substr(PrefixBytes(s, total - width)));
    }
    std::string_view tail = s.substr(PrefixBytes(s, total - (width - kEllipsis.size())));
    // Start the tail at a directory boundary when one is in it: ".../pe1-fra.cfg:212".
    if (const std::size_t slash = tail.find('/');
        slash != std::string_view::npos && slash + 1 < tail.size()) {
        tail.remove_prefix(slash);
    }
    std::string out(kEllipsis);
    out += tail;
    return out;
}

void AppendPadded(std::string& out, std::string_view s, std::size_t width) {
    out += s;
    const std::size_t w = Width(s);
    if (w < width) {
        out.append(width - w, ' ');
    }
}

std::string Location(const Finding& finding) {
    std::string location = Clean(finding.path);
    if (finding.line > 0) {
        location += fmt::format(":{}", finding.line);
    } else if (finding.record > 0) {
        // '#' rather than ':' so a flow record number is not read as a line.
        location += fmt::format("#{}", finding.record);
    }
    return location;
}

std::string SeverityList(const std::array<std::uint64_t, 5>& counts, bool all) {
    std::string out;
    for (const Severity severity : detail::kSeveritiesDescending) {
        const std::uint64_t n = counts[static_cast<std::size_t>(severity)];
        if (n == 0 && !all) {
            continue;
        }
        if (!out.empty()) {
            out += ", ";
        }
        out += fmt::format("{} {}", n, SeverityName(severity));
    }
    return out;
}

std::string_view Plural(std::uint64_t n, std::string_view one, std::string_view many) {
    return n == 1 ? one : many;
}

struct Row {
    const Finding* finding;
    std::string device;
    std::string rule;
    std::string location;
    std::string evidence;
};

struct Layout {
    std::size_t rule_width = 0;
    std::size_t location_width = 0;
    std::size_t evidence_width = 0;  // 0: no limit
    bool evidence_below = false;
};

Layout ComputeLayout(const std::vector<Row>& rows, int width) {
    Layout layout;
    layout.rule_width = std::string_view("RULE").size();
    layout.location_width = std::string_view("LINE").size();
    for (const Row& row : rows) {
        layout.rule_width = std::max(layout.rule_width, Width(row.rule));
        layout.location_width = std::max(layout.location_width, Width(row.location));
    }
    if (width <= 0) {
        return layout;
    }
    const auto w = static_cast<std::size_t>(width);
    const std::size_t natural_rule = layout.rule_width;
    const std::size_t natural_location = layout.location_width;
    // Caps keep a long rule id or a deep path from eating the evidence: 20 and 25 columns at
    // width 100, 16 and 20 at width 80. The device header already names the device, so the
    // file name can lose its directories first.
    layout.rule_width = std::min(natural_rule, std::max<std::size_t>(12, w / 5));
    layout.location_width = std::min(natural_location, std::max<std::size_t>(16, w / 4));
    const std::size_t fixed =
        kIndent + kSeverityWidth + kGap + layout.rule_width + kGap + layout.location_width + kGap;
    if (fixed + kMinEvidenceWidth <= w) {
        layout.evidence_width = w - fixed;
        return layout;
    }
    // Too narrow for evidence beside the row: evidence goes below, and the rule and location
    // share the whole row instead.
    layout.evidence_below = true;
    const std::size_t row = w > kIndent + kSeverityWidth + 2 * kGap + 2 * 8
                                ? w - (kIndent + kSeverityWidth + 2 * kGap)
                                : 2 * 8;
    layout.rule_width = std::min(natural_rule, std::max<std::size_t>(8, row / 2));
    layout.location_width = std::min(natural_location, row - layout.rule_width);
    layout.evidence_width = w > kEvidenceLineIndent + kEllipsis.size() + 1 ? w - kEvidenceLineIndent
                                                                           : kEllipsis.size() + 1;
    return layout;
}

void AppendStyled(std::string& out, std::string_view s, std::string_view style, bool color) {
    if (color) {
        out += style;
        out += s;
        out += kReset;
    } else {
        out += s;
    }
}

void AppendColumnHeader(std::string& out, const Layout& layout, bool color) {
    std::string header(kIndent, ' ');
    AppendPadded(header, "SEVERITY", kSeverityWidth + kGap);
    AppendPadded(header, "RULE", layout.rule_width + kGap);
    if (layout.evidence_below) {
        header += "LINE";
    } else {
        AppendPadded(header, "LINE", layout.location_width + kGap);
        header += "EVIDENCE";
    }
    AppendStyled(out, header, kDim, color);
    out.push_back('\n');
}

void AppendRow(std::string& out, const Row& row, const Layout& layout, bool color) {
    const Severity severity = row.finding->severity;
    out.append(kIndent, ' ');
    const std::string_view name = SeverityName(severity);
    AppendStyled(out, name, SeverityColor(severity), color);
    out.append(kSeverityWidth + kGap - name.size(), ' ');
    const bool limited = layout.evidence_width > 0;
    AppendPadded(out, limited ? TruncateEnd(row.rule, layout.rule_width) : row.rule,
                 layout.rule_width + kGap);
    const std::string location =
        limited ? TruncateStart(row.location, layout.location_width) : row.location;
    const std::string evidence =
        limited ? TruncateEnd(row.evidence, layout.evidence_width) : row.evidence;
    if (layout.evidence_below) {
        out += location;
        out.push_back('\n');
        out.append(kEvidenceLineIndent, ' ');
        out += evidence;
    } else {
        AppendPadded(out, location, layout.location_width + kGap);
        out += evidence;
    }
    // A row never ends in spaces: an empty evidence leaves padding behind.
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    out.push_back('\n');
}

void AppendSummary(std::string& out, std::span<const Finding> findings, const RunSummary& run,
                   const TableOptions& options) {
    std::uint64_t inputs_rejected = 0;
    for (const InputSummary& input : run.inputs) {
        if (input.kind == "rejected") {
            ++inputs_rejected;
        }
    }
    const std::uint64_t inputs_read = run.inputs.size() - inputs_rejected;
    const std::string head =
        fmt::format("{} {}", findings.size(), Plural(findings.size(), "finding", "findings"));
    const std::string severities = SeverityList(detail::CountBySeverity(findings), true);
    const std::string inputs =
        fmt::format("{} {} read, {} rejected; {:.2f} s", inputs_read,
                    Plural(inputs_read, "input", "inputs"), inputs_rejected, run.wall_seconds);
    AppendStyled(out, head, kBold, options.color);
    out += ": ";
    out += severities;
    // One line when it fits, else the input counts go on a second line.
    const std::size_t one_line = head.size() + 2 + severities.size() + 2 + inputs.size();
    if (options.width <= 0 || one_line <= static_cast<std::size_t>(options.width)) {
        out += "; ";
    } else {
        out.push_back('\n');
    }
    out += inputs;
    out.push_back('\n');
}

}  // namespace

void RenderTable(std::span<const Finding> findings, const RunSummary& run,
                 const TableOptions& options, std::string& out) {
    std::vector<Row> rows;
    rows.reserve(findings.size());
    for (const Finding& finding : findings) {
        rows.push_back(Row{&finding, Clean(finding.device), Clean(finding.rule_id),
                           Location(finding), Clean(text::Trim(finding.evidence))});
    }
    // Stable: within a (device, severity) group the caller's canonical order survives.
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (a.device != b.device) {
            return a.device < b.device;
        }
        return a.finding->severity > b.finding->severity;
    });
    const Layout layout = ComputeLayout(rows, options.width);

    for (std::size_t begin = 0; begin < rows.size();) {
        std::size_t end = begin;
        std::array<std::uint64_t, 5> counts{};
        while (end < rows.size() && rows[end].device == rows[begin].device) {
            ++counts[static_cast<std::size_t>(rows[end].finding->severity)];
            ++end;
        }
        const std::string& device = rows[begin].device;
        AppendStyled(out, device.empty() ? "(no device)" : device, kBold, options.color);
        const std::size_t n = end - begin;
        out += fmt::format(": {} {} ({})\n", n, Plural(n, "finding", "findings"),
                           SeverityList(counts, false));
        AppendColumnHeader(out, layout, options.color);
        for (std::size_t i = begin; i < end; ++i) {
            AppendRow(out, rows[i], layout, options.color);
        }
        out.push_back('\n');
        begin = end;
    }
    AppendSummary(out, findings, run, options);
}

}  // namespace stormwatch::output
