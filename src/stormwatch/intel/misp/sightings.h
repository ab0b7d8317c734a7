// SPDX-License-Identifier: Apache-2.0
#pragma once

// MISP sightings for the findings that involved an indicator: the JSON a MISP instance
// accepts at `POST /sightings/add`, so a hunt can tell the feed which attributes were seen
// in the operator's network (README.md: fields and why).

#include <span>
#include <string>

#include "stormwatch/core/finding.h"

namespace stormwatch::intel {

/// Appends a JSON array to `out`: one sighting object per finding that has an indicator, in
/// the canonical finding order (FindingLess), one object per line. Findings without an
/// indicator are left out. The output depends only on the findings (no clock is read).
void RenderMispSightings(std::span<const Finding> findings, std::string& out);

}  // namespace stormwatch::intel
