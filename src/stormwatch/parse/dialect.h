// SPDX-License-Identifier: Apache-2.0
#pragma once

// The configuration dialect registry: one entry per dialect parser (parse/dialects.cpp lists
// them). Dialects are chosen from content only, never from the file name.

#include <span>
#include <string_view>

#include "stormwatch/core/input_stats.h"
#include "stormwatch/model/device_model.h"
#include "stormwatch/parse/config_tree.h"

namespace stormwatch::parse {

struct DialectInfo {
    model::Dialect dialect;
    std::string_view name;     ///< stable id, as DialectName()
    std::string_view summary;  ///< one line for `stormwatch formats`
    /// Confidence 0..100 that `head` (the first 64 KiB of an input) is this dialect.
    int (*sniff)(std::string_view head);
    /// Parses the whole text into `tree` (kept for the pattern rules, which match its node
    /// texts) and `out`. Every line is counted in `stats` (read, then processed or rejected;
    /// processed lines the model does not use are unrecognised). Never fails: a config that
    /// is partly garbage yields a partial model. `tree` views point into `text` or into
    /// tree.owned_text, so `text` must outlive `tree`.
    void (*parse)(std::string_view text, ConfigTree& tree, model::DeviceModel& out,
                  InputStats& stats);
};

/// Every dialect this build parses.
std::span<const DialectInfo> Dialects();

/// Vendors whose configs are recognised but not parsed (ASA, PAN-OS, FortiOS, ...): returns
/// the vendor's name when `head` looks like one of them, else an empty view.
std::string_view SniffUnsupportedVendor(std::string_view head);

struct SniffResult {
    const DialectInfo* dialect = nullptr;  ///< null when nothing scored high enough
    int score = 0;
};

/// Picks the best-scoring dialect for `head`; null below the acceptance threshold (30).
SniffResult SniffDialect(std::string_view head);

}  // namespace stormwatch::parse
