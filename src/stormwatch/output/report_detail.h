// SPDX-License-Identifier: Apache-2.0
#pragma once

// Helpers shared by the renderers of this folder, exposed for their unit tests. Not for use
// outside src/stormwatch/output/.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "stormwatch/core/finding.h"
#include "stormwatch/core/json_writer.h"
#include "stormwatch/output/report.h"

namespace stormwatch::output::detail {

/// Most severe first: the order of every per-severity listing.
inline constexpr std::array<Severity, 5> kSeveritiesDescending = {
    Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInfo};

/// Number of findings per severity, indexed by the Severity value.
std::array<std::uint64_t, 5> CountBySeverity(std::span<const Finding> findings);

/// Writes the members shared by `--stats` and the `summary` of `--format json` (inputs,
/// records, findings, wall_seconds, bytes, bytes_per_second) into the open object.
void WriteRunStatsMembers(JsonWriter& writer, std::span<const Finding> findings,
                          const RunSummary& run);

/// A SARIF artifactLocation.uri for a path as the user gave it: backslashes become '/', a
/// leading "./" goes, absolute paths become file:// URIs, and every byte outside RFC 3986
/// unreserved characters and '/' is percent-encoded.
std::string PathToUri(std::string_view path);

/// SARIF rule `name`: the title in CamelCase ("ACL permits an address" -> "ACLPermitsAnAddress"),
/// or the id's words when the title has no ASCII letters or digits.
std::string RuleName(std::string_view title, std::string_view id);

}  // namespace stormwatch::output::detail
