// SPDX-License-Identifier: Apache-2.0
#pragma once

// Built-in intel packs: the packs of rules/intel/ (a STIX 2.1 bundle generated from the CSV by
// scripts/csv-to-stix.py), compiled into the binary (cmake/EmbedFiles.cmake) so a plain
// `stormwatch hunt` knows the campaign's indicators. engine/intel_loader.h loads them, since
// reading them needs the importers of every format.

#include <string_view>
#include <vector>

namespace stormwatch::intel {

struct BuiltinPack {
    std::string_view name;     ///< file name, e.g. `salt-typhoon-indicators.csv`
    std::string_view content;  ///< the file's bytes, static storage
};

/// Every built-in pack, in file-name order.
std::vector<BuiltinPack> BuiltinIntelPacks();

}  // namespace stormwatch::intel
