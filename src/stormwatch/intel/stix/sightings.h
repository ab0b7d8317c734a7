// SPDX-License-Identifier: Apache-2.0
#pragma once

// STIX 2.1 sightings output: findings that involved an indicator become a bundle a TIP or SIEM
// can ingest. Per finding: a `sighting` of the indicator (the feed's own `indicator--` id when
// the indicator came from STIX, else a minted `indicator` with a pattern built from the value),
// an `observed-data` with the matched value as an SCO and the evidence (rule, path, line, the
// config or log line) in the custom property `x_stormwatch_evidence`, and the device as an
// `identity` (identity_class `system`) in where_sighted_refs. The reporter is the identity
// "Stormwatch". Every id is a UUIDv5 (ids.h), so the same findings render the same bytes.
// Findings without an indicator, or with an indicator type this file cannot express as a STIX
// pattern, are left out (they have nothing to be a sighting of).

#include <span>
#include <string>
#include <string_view>

#include "stormwatch/core/finding.h"

namespace stormwatch::intel::stix {

/// `created` / `modified` of every object when the caller gives none: renderers have no clock.
inline constexpr std::string_view kDefaultCreated = "1970-01-01T00:00:00Z";

/// Renders `findings` (in the given order) as one STIX 2.1 bundle, indented, ending in '\n'.
/// `created` (RFC 3339, e.g. the run's start time) is the created/modified time of every
/// object and the observation time of findings without a time (configs).
void RenderStixSightings(std::span<const Finding> findings, std::string& out,
                         std::string_view created = kDefaultCreated);

/// The STIX pattern for an indicator value of a findings.md indicator type (`ipv4`, `cidr`,
/// `sha256`, ...); empty when the type has no STIX equivalent.
std::string StixPatternFor(std::string_view type, std::string_view value);

/// The id Stormwatch gives a STIX indicator it mints for `value` (also scripts/csv-to-stix.py).
std::string IndicatorIdFor(std::string_view value);

}  // namespace stormwatch::intel::stix
