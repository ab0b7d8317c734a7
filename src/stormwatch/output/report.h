// SPDX-License-Identifier: Apache-2.0
#pragma once

// Output sinks: render findings (docs/findings.md) and the run summary as NDJSON (the canonical
// form), JSON, SARIF 2.1.0, a terminal table, or the `--stats` JSON. Renderers append to a
// std::string the caller owns and never print; the front end decides where the bytes go.
//
// Usage (CLI):
//
//     std::string out;
//     output::Render(format, findings, catalogue, run, table_options, out);
//     std::fwrite(out.data(), 1, out.size(), stdout);
//
// Order: every renderer except the table keeps the order it is given; the engine sorts with
// FindingLess first, so output is canonical. The table groups by device, then severity.
// All renderers are pure functions of their arguments: no clock, no environment, no locale.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "stormwatch/core/finding.h"
#include "stormwatch/core/input_stats.h"
#include "stormwatch/core/rule_info.h"

namespace stormwatch::output {

/// kStix and kMisp are sightings for the sharing community: only findings that involved an
/// indicator appear in them.
enum class Format : std::uint8_t { kTable, kNdjson, kJson, kSarif, kStix, kMisp };

/// Parses `table`, `ndjson`, `json`, `sarif`, `stix` or `misp` (case-insensitive); nullopt
/// otherwise.
std::optional<Format> ParseFormat(std::string_view name);
std::string_view FormatName(Format format);

/// One input of the run, as the engine saw it.
struct InputSummary {
    std::string path;     ///< as the user gave it
    std::string kind;     ///< `config`, `log`, `flow`, `pcap`, `intel`, or `rejected`
    std::string dialect;  ///< e.g. `cisco_ios`, `junos`; empty when not applicable
    std::string device;   ///< hostname read from the input; empty when none
    std::uint64_t bytes = 0;
    InputStats stats;
};

/// What the run did, beside its findings. Only RenderJson, RenderTable and RenderStats read it.
struct RunSummary {
    std::vector<InputSummary> inputs;
    double wall_seconds = 0.0;
    std::string tool_version;               ///< empty: omitted from SARIF
    std::string started;                    ///< RFC 3339 start of the run (STIX `created`)
    std::vector<std::string> rule_sources;  ///< `built-in`, then rule file paths
};

/// How the terminal table looks. The CLI sets `color` when stdout is a TTY and NO_COLOR is
/// unset, and `width` from the terminal; width <= 0 means "do not truncate" (e.g. a pipe).
struct TableOptions {
    bool color = false;
    int width = 100;
};

/// One finding object per line (`--format ndjson`), each line ending in '\n'. This is the
/// canonical form the golden tests diff.
void RenderNdjson(std::span<const Finding> findings, std::string& out);
/// Appends one NDJSON line: for engines that stream findings as they are produced.
void AppendNdjsonLine(const Finding& finding, std::string& out);

/// `{"findings": [...], "summary": {...}}`, indented; the summary holds the tool version, the
/// rule sources and the same members as RenderStats.
void RenderJson(std::span<const Finding> findings, const RunSummary& run, std::string& out);

/// SARIF 2.1.0 for GitHub code scanning. `rules` is the rule catalogue; `tool.driver.rules`
/// lists the catalogue entries that some finding references (sorted by id), plus a minimal
/// entry built from the finding for an id the catalogue lacks, so every `ruleIndex` is valid.
void RenderSarif(std::span<const Finding> findings, std::span<const RuleInfo> rules,
                 const RunSummary& run, std::string& out);

/// The human view: findings grouped by device, then by severity (critical first), with a
/// header per device and a final summary line. ANSI colour only when options.color. Text that
/// came from inputs is sanitised, so a hostile config cannot send escape sequences to the
/// terminal.
void RenderTable(std::span<const Finding> findings, const RunSummary& run,
                 const TableOptions& options, std::string& out);

/// The `--stats FILE` JSON: inputs by kind and per file (with kept rejections), record
/// totals, findings by severity and category, wall time and throughput.
void RenderStats(std::span<const Finding> findings, const RunSummary& run, std::string& out);

/// Dispatches on `format`; `rules` is read only for SARIF, `table` only for the table.
void Render(Format format, std::span<const Finding> findings, std::span<const RuleInfo> rules,
            const RunSummary& run, const TableOptions& table, std::string& out);

}  // namespace stormwatch::output
