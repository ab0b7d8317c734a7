// SPDX-License-Identifier: Apache-2.0
#pragma once

// Loading indicator files of every supported format into one IndicatorSetBuilder: the format
// is sniffed from the content (STIX 2.x bundle, MISP event JSON, CSV with a header, plain
// list), never taken from the file name. A folder is read as a MISP feed.

#include <string>
#include <string_view>

#include "stormwatch/core/input_stats.h"
#include "stormwatch/core/padded_text.h"
#include "stormwatch/core/status.h"
#include "stormwatch/intel/indicator_set.h"

namespace stormwatch::engine {

enum class IntelFormat : unsigned char { kText, kStix, kMisp, kMispFeed };

/// `csv-or-list`, `stix`, `misp`, `misp-feed`.
std::string_view IntelFormatName(IntelFormat format);

struct IntelLoadOptions {
    /// Also load MISP attributes marked `to_ids: false`: MISP's context, not meant for
    /// detection, so by default they are counted as processed and not loaded.
    bool misp_context = false;
};

/// The format of an indicator document from its content: its first bytes, and for JSON its
/// top-level keys (read in place when `text` is padded).
IntelFormat SniffIntelFormat(PaddedText text);

/// Loads `text` (named `name` in messages and as the default source) into `builder`.
Result<IntelFormat> LoadIntelText(std::string_view text, std::string_view name,
                                  intel::IndicatorSetBuilder& builder, InputStats& stats,
                                  const IntelLoadOptions& options = {});

/// Loads a file or, for a folder, a MISP feed. Errors name the path.
Result<IntelFormat> LoadIntelPath(const std::string& path, intel::IndicatorSetBuilder& builder,
                                  InputStats& stats, const IntelLoadOptions& options = {});

/// Loads every built-in pack (rules/intel/, compiled into the binary).
Status LoadBuiltinIntel(intel::IndicatorSetBuilder& builder, InputStats& stats);

}  // namespace stormwatch::engine
