// SPDX-License-Identifier: Apache-2.0
#pragma once

// The one place that turns a Finding into its JSON object (docs/findings.md, key order fixed).
// NDJSON, JSON and later STIX all call it, so the shape cannot drift between formats.

#include <string>

#include "stormwatch/core/finding.h"
#include "stormwatch/core/json_writer.h"

namespace stormwatch::output {

/// Writes the finding object as the next value of `writer`: rule_id, title, category,
/// severity, attack, device, source {kind, path, line | record}, evidence, indicator (when
/// present), time (null when absent), count, first_time / last_time (when present),
/// fingerprint.
void WriteFindingJson(JsonWriter& writer, const Finding& finding);

/// Writes `{value, type, source, id?, actor?}`; id and actor are omitted when empty.
void WriteIndicatorJson(JsonWriter& writer, const IndicatorRef& indicator);

/// The finding's fingerprint, computed from (rule_id, device, evidence) when a producer left
/// it empty, so no output ever carries an empty fingerprint.
std::string FingerprintOf(const Finding& finding);

}  // namespace stormwatch::output
