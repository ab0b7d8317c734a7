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

class HeadMarkers;

/// What a sniffer sees: the head of an input (its first 64 KiB) and the markers found in it.
struct SniffInput {
    std::string_view head;
    const HeadMarkers& markers;
};

struct DialectInfo {
    model::Dialect dialect;
    std::string_view name;     ///< stable id, as DialectName()
    std::string_view summary;  ///< one line for `stormwatch formats`
    /// Confidence 0..100 that the input is this dialect.
    int (*sniff)(const SniffInput& input);
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

/// `dialect`'s confidence that `head` is its dialect (one marker scan, then its sniffer).
int SniffScore(const DialectInfo& dialect, std::string_view head);

/// Vendors whose configs are recognised but not parsed (ASA, PAN-OS, FortiOS, ...): returns
/// the vendor's name when the head looks like one of them, else an empty view.
std::string_view SniffUnsupportedVendor(const HeadMarkers& markers);
std::string_view SniffUnsupportedVendor(std::string_view head);

struct SniffResult {
    const DialectInfo* dialect = nullptr;  ///< null when nothing scored high enough
    int score = 0;
    /// With no dialect: the unsupported vendor the head looks like, if any.
    std::string_view unsupported_vendor;
};

/// Picks the best-scoring dialect for `head`; null below the acceptance threshold (30).
SniffResult SniffDialect(std::string_view head);

}  // namespace stormwatch::parse
