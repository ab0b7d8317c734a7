// SPDX-License-Identifier: Apache-2.0
#pragma once

// Hunting one log input (one event per line) for indicators. Internal to engine/; the
// dispatch from HuntConfigInput calls it when logs::SniffLog says the input is a log.

#include <cstdint>
#include <string_view>
#include <vector>

#include "stormwatch/core/finding.h"
#include "stormwatch/core/rule_info.h"
#include "stormwatch/intel/text_matcher.h"
#include "stormwatch/output/report.h"

namespace stormwatch::engine::detail {

/// The log rules this build runs (for `rules list`): SW-LOG-IOC.
std::vector<RuleInfo> LogRuleCatalogue();

/// True when the head of an input reads as a log rather than a configuration.
bool LooksLikeLog(std::string_view head);

/// Hunts every line of `data` for indicators (logs::ParseLogLine for time and host,
/// TextMatcher::Scan over the whole line, in chunks of whole lines). Every line is a record: lines
/// over kMaxLineBytes are rejected (oversized_line), every other line -- blank, headerless or with
/// a timestamp that does not parse -- is processed, so read == processed + rejected. One SW-LOG-IOC
/// finding per line and distinct indicator: device is the line's host (else the file's stem),
/// time the line's (RFC 3339 UTC; absent when the line has none), severity high, one step
/// lower when the time is outside the indicator's validity window.
/// `default_year` is the year for timestamps without one, until a line carrying a year is
/// seen; `written`, when known, is when the log was last written (its file's modification
/// time): a stamp without a year that would fall more than a day after it is from the year
/// before (logs/README.md, "Time rules"). Fills input.kind (`log`), bytes, device (the first
/// host named) and stats.
/// A log of 32 MiB or more is cut into pieces of whole lines (16 MiB or more each) hunted on
/// up to `threads` threads; findings and accounting are the same as one pass would give.
void HuntLogInput(std::string_view data, const intel::TextMatcher& matcher,
                  std::int64_t default_year, std::optional<std::int64_t> written, unsigned threads,
                  output::InputSummary& input, std::vector<Finding>& out);

}  // namespace stormwatch::engine::detail
