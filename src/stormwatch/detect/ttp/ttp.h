// SPDX-License-Identifier: Apache-2.0
#pragma once

// Tradecraft (TTP) detectors over model::DeviceModel: the AA25-239A / Salt Typhoon artifacts
// that a configuration shows (ACLs admitting actor space, services on 22x22 ports, GRE tunnels
// to unapproved peers, captures of TACACS+, mirrors to remote collectors, ...). Hardening gaps
// live in detect/hardening/. The table is in ttp_registry.cpp, in `stormwatch rules list` order.

#include <span>

#include "stormwatch/detect/detector.h"

namespace stormwatch::detect {

/// Every tradecraft detector, in registry order. The span points at static storage.
std::span<const DetectorDef> TtpDetectors();

}  // namespace stormwatch::detect
