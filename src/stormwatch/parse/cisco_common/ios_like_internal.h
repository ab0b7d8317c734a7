// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to cisco_common: the split of the shared parser across files.

#include <cstdint>

#include "stormwatch/parse/cisco_common/ios_like.h"

namespace stormwatch::parse::cisco {

/// AAA, SNMP, management services, SSH, logging and NTP commands (ios_like_services.cpp).
/// Returns true when it handled the node.
bool ParseManagementCommand(IosLikeParse& parse, std::int32_t index, const Tokens& tokens);

}  // namespace stormwatch::parse::cisco
