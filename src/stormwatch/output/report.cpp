// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/output/report.h"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "stormwatch/core/text.h"
#include "stormwatch/intel/misp/sightings.h"
#include "stormwatch/intel/stix/sightings.h"

namespace stormwatch::output {
namespace {

struct FormatEntry {
    Format format;
    std::string_view name;
};

// One row per format: adding a sink is one row here and one case in Render().
constexpr std::array<FormatEntry, 6> kFormats = {{
    {Format::kTable, "table"},
    {Format::kNdjson, "ndjson"},
    {Format::kJson, "json"},
    {Format::kSarif, "sarif"},
    {Format::kStix, "stix"},
    {Format::kMisp, "misp"},
}};

}  // namespace

std::optional<Format> ParseFormat(std::string_view name) {
    for (const FormatEntry& entry : kFormats) {
        if (text::IEquals(name, entry.name)) {
            return entry.format;
        }
    }
    return std::nullopt;
}

std::string_view FormatName(Format format) {
    for (const FormatEntry& entry : kFormats) {
        if (entry.format == format) {
            return entry.name;
        }
    }
    return "unknown";
}

void Render(Format format, std::span<const Finding> findings, std::span<const RuleInfo> rules,
            const RunSummary& run, const TableOptions& table, std::string& out) {
    switch (format) {
        case Format::kTable:
            RenderTable(findings, run, table, out);
            return;
        case Format::kNdjson:
            RenderNdjson(findings, out);
            return;
        case Format::kJson:
            RenderJson(findings, run, out);
            return;
        case Format::kSarif:
            RenderSarif(findings, rules, run, out);
            return;
        case Format::kStix:
            intel::stix::RenderStixSightings(
                findings, out,
                run.started.empty() ? intel::stix::kDefaultCreated : std::string_view(run.started));
            return;
        case Format::kMisp:
            intel::RenderMispSightings(findings, out);
            return;
    }
}

}  // namespace stormwatch::output
