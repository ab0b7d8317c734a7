// SPDX-License-Identifier: Apache-2.0
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "stormwatch/core/input_stats.h"
#include "stormwatch/core/json_writer.h"
#include "stormwatch/output/report.h"
#include "stormwatch/output/report_detail.h"

namespace stormwatch::output {
namespace detail {

std::array<std::uint64_t, 5> CountBySeverity(std::span<const Finding> findings) {
    std::array<std::uint64_t, 5> counts{};
    for (const Finding& finding : findings) {
        ++counts[static_cast<std::size_t>(finding.severity)];
    }
    return counts;
}

namespace {

void WriteInputFile(JsonWriter& writer, const InputSummary& input) {
    const InputStats& stats = input.stats;
    writer.BeginObject();
    writer.Key("path").String(input.path);
    writer.Key("kind").String(input.kind);
    writer.Key("dialect").String(input.dialect);
    writer.Key("device").String(input.device);
    writer.Key("bytes").UInt(input.bytes);
    writer.Key("read").UInt(stats.read());
    writer.Key("processed").UInt(stats.processed());
    writer.Key("unrecognised").UInt(stats.unrecognised());
    writer.Key("rejected").UInt(stats.rejected());
    writer.Key("invalid_utf8_lines").UInt(stats.invalid_utf8_lines());
    writer.Key("rejections").BeginArray();
    for (const Rejection& rejection : stats.kept()) {
        writer.BeginObject();
        writer.Key("reason").String(RejectReasonName(rejection.reason));
        writer.Key("line").UInt(rejection.line);
        writer.Key("detail").String(rejection.detail);
        writer.EndObject();
    }
    writer.EndArray();
    // Only the reasons that occurred: a reader wants what went wrong, not eight zeros.
    writer.Key("rejected_by_reason").BeginObject();
    for (std::size_t i = 0; i < static_cast<std::size_t>(RejectReason::kCount); ++i) {
        const auto reason = static_cast<RejectReason>(i);
        if (stats.RejectedFor(reason) > 0) {
            writer.Key(RejectReasonName(reason)).UInt(stats.RejectedFor(reason));
        }
    }
    writer.EndObject();
    writer.EndObject();
}

}  // namespace

void WriteRunStatsMembers(JsonWriter& writer, std::span<const Finding> findings,
                          const RunSummary& run) {
    // std::map: keys come out sorted, so the output does not depend on input order.
    std::map<std::string_view, std::uint64_t> by_kind;
    std::uint64_t read = 0;
    std::uint64_t processed = 0;
    std::uint64_t rejected = 0;
    std::uint64_t unrecognised = 0;
    std::uint64_t bytes = 0;
    for (const InputSummary& input : run.inputs) {
        ++by_kind[input.kind];
        read += input.stats.read();
        processed += input.stats.processed();
        rejected += input.stats.rejected();
        unrecognised += input.stats.unrecognised();
        bytes += input.bytes;
    }

    writer.Key("inputs").BeginObject();
    writer.Key("by_kind").BeginObject();
    for (const auto& [kind, count] : by_kind) {
        writer.Key(kind).UInt(count);
    }
    writer.EndObject();
    writer.Key("files").BeginArray();
    for (const InputSummary& input : run.inputs) {
        WriteInputFile(writer, input);
    }
    writer.EndArray();
    writer.EndObject();

    writer.Key("records").BeginObject();
    writer.Key("read").UInt(read);
    writer.Key("processed").UInt(processed);
    writer.Key("rejected").UInt(rejected);
    writer.Key("unrecognised").UInt(unrecognised);
    writer.EndObject();

    std::map<std::string_view, std::uint64_t> by_category;
    for (const Finding& finding : findings) {
        ++by_category[finding.category];
    }
    const std::array<std::uint64_t, 5> by_severity = CountBySeverity(findings);
    writer.Key("findings").BeginObject();
    writer.Key("total").UInt(findings.size());
    // All five keys always, so dashboards need no "missing means zero" rule.
    writer.Key("by_severity").BeginObject();
    for (const Severity severity : kSeveritiesDescending) {
        writer.Key(SeverityName(severity)).UInt(by_severity[static_cast<std::size_t>(severity)]);
    }
    writer.EndObject();
    writer.Key("by_category").BeginObject();
    for (const auto& [category, count] : by_category) {
        writer.Key(category).UInt(count);
    }
    writer.EndObject();
    writer.EndObject();

    writer.Key("wall_seconds").Double(run.wall_seconds);
    writer.Key("bytes").UInt(bytes);
    // Whole bytes/s: JsonWriter prints doubles with %g, which turns large rates into 1.2e+08.
    std::uint64_t bytes_per_second = 0;
    if (run.wall_seconds > 0.0 && std::isfinite(run.wall_seconds)) {
        bytes_per_second =
            static_cast<std::uint64_t>(std::llround(static_cast<double>(bytes) / run.wall_seconds));
    }
    writer.Key("bytes_per_second").UInt(bytes_per_second);
}

}  // namespace detail

void RenderStats(std::span<const Finding> findings, const RunSummary& run, std::string& out) {
    JsonWriter writer(out, 2);
    writer.BeginObject();
    detail::WriteRunStatsMembers(writer, findings, run);
    writer.EndObject();
    out.push_back('\n');
}

}  // namespace stormwatch::output
