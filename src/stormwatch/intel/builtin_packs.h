// SPDX-License-Identifier: Apache-2.0
#pragma once

// Built-in intel packs: the CSV files of rules/intel/, compiled into the binary
// (cmake/EmbedFiles.cmake) so a plain `stormwatch hunt` knows the campaign's indicators.

#include <string_view>
#include <vector>

#include "stormwatch/core/input_stats.h"
#include "stormwatch/core/status.h"
#include "stormwatch/intel/indicator_set.h"

namespace stormwatch::intel {

struct BuiltinPack {
    std::string_view name;     ///< file name, e.g. `salt-typhoon-indicators.csv`
    std::string_view content;  ///< the file's bytes, static storage
};

/// Every built-in pack, in file-name order.
std::vector<BuiltinPack> BuiltinIntelPacks();

/// Loads every built-in pack into `builder`; rejected rows are counted in `stats`
/// (there should be none: a unit test checks the shipped packs load clean).
Status LoadBuiltinPacks(IndicatorSetBuilder& builder, InputStats& stats);

}  // namespace stormwatch::intel
