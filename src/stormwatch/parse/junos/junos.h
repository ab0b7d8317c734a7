// SPDX-License-Identifier: Apache-2.0
#pragma once

// Juniper Junos configuration dialects: the curly-brace form (`show configuration`) and the
// `set` form (`show configuration | display set`). Both feed one model extractor
// (junos_model.h). The registry (parse/dialects.cpp) lists these two entries.

#include <string_view>

#include "stormwatch/core/input_stats.h"
#include "stormwatch/model/device_model.h"
#include "stormwatch/parse/config_tree.h"
#include "stormwatch/parse/dialect.h"
#include "stormwatch/parse/junos/junos_model.h"

namespace stormwatch::parse {

extern const DialectInfo kJunos;
extern const DialectInfo kJunosSet;

namespace junos {

/// Builds the statement tree of a curly-brace config: one node per statement or block head,
/// each node's text the full path in `set` form without `set ` (kept in tree.owned_text),
/// its line
/// the line of the statement's first word; inactive statements are left out. Counts every
/// line as read and rejects stray `}`
/// (kUnknownSyntax), blocks left open at the end (kUnbalancedBlock, at the opening line) and
/// oversized lines. When `builder` is given, active leaf statements are applied to it and
/// nodes that fed the model are marked used; every line not rejected is then counted as
/// processed (unrecognised when it held statements none of which was used).
void ParseCurly(std::string_view text, ConfigTree& tree, ModelBuilder* builder, InputStats& stats);

}  // namespace junos
}  // namespace stormwatch::parse
