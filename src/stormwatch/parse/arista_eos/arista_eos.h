// SPDX-License-Identifier: Apache-2.0
#pragma once

// Arista EOS running/startup configurations.

#include "stormwatch/parse/dialect.h"

namespace stormwatch::parse {

extern const DialectInfo kAristaEos;

}  // namespace stormwatch::parse
