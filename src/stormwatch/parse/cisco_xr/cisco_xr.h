// SPDX-License-Identifier: Apache-2.0
#pragma once

// Cisco IOS XR configuration dialect (`show running-config` of classic XR and eXR):
// indentation-structured like IOS, with `ipv4 address`, four-part interface names, blocks
// for users, AAA groups, `router static`, `line template`, `control-plane` and
// `monitor-session`. The registry (parse/dialects.cpp) lists kCiscoIosXr.

#include "stormwatch/parse/dialect.h"

namespace stormwatch::parse {

extern const DialectInfo kCiscoIosXr;

}  // namespace stormwatch::parse
