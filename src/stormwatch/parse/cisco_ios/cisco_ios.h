// SPDX-License-Identifier: Apache-2.0
#pragma once

// Cisco IOS and IOS XE running/startup configurations.

#include "stormwatch/parse/dialect.h"

namespace stormwatch::parse {

extern const DialectInfo kCiscoIos;

}  // namespace stormwatch::parse
