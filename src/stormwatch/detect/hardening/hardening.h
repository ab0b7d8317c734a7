// SPDX-License-Identifier: Apache-2.0
#pragma once

// The hardening-baseline detectors (threat-reference section 4 items a configuration can
// show): weak secrets and AAA keys, SNMPv1/v2c, Telnet, VTY lock-down, logging, accounting,
// unused services. Each reports a `hardening.*` finding; the tradecraft detectors live in
// detect/ttp/. The folder README maps each section 4 item to its rule ids.

#include <span>

#include "stormwatch/detect/detector.h"

namespace stormwatch::detect {

/// Every hardening detector, in registry order. The span refers to static storage.
std::span<const DetectorDef> HardeningDetectors();

}  // namespace stormwatch::detect
