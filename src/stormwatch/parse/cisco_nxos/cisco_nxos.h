// SPDX-License-Identifier: Apache-2.0
#pragma once

// Cisco NX-OS running/startup configurations.

#include "stormwatch/parse/dialect.h"

namespace stormwatch::parse {

extern const DialectInfo kCiscoNxos;

}  // namespace stormwatch::parse
