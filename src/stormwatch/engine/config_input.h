// SPDX-License-Identifier: Apache-2.0
#pragma once

// Hunting one configuration input: sniff, parse, detect. Internal to engine/.

#include <cstdint>
#include <string_view>
#include <vector>

#include "stormwatch/core/finding.h"
#include "stormwatch/detect/detector.h"
#include "stormwatch/intel/text_matcher.h"
#include "stormwatch/output/report.h"
#include "stormwatch/rules/pattern_rules.h"

namespace stormwatch::engine::detail {

/// How an input that sniffs as a log (logs::SniffLog) is hunted by HuntLogInput.
struct LogHuntOptions {
    const intel::TextMatcher* matcher = nullptr;  ///< null: a matcher over `intel` is made
    std::int64_t default_year = 1970;             ///< for timestamps that carry no year
    std::optional<std::int64_t> written;          ///< when the log was last written (HuntLogInput)
    unsigned threads = 1;                         ///< a large log is split across this many threads
};

/// Classifies `data` and, when it is a configuration of a supported dialect, parses it and
/// runs every detector and pattern rule. Fills `input` (kind, dialect, device, stats) and
/// appends findings. Rejections (binary, empty, not a config, unsupported vendor) are
/// recorded in input.stats with their reason. A log goes to HuntLogInput instead.
void HuntConfigInput(std::string_view data, const policy::SitePolicy& policy,
                     const intel::IndicatorSet& intel, const rules::PatternRuleSet* pattern_rules,
                     rules::PatternScratch* scratch, output::InputSummary& input,
                     std::vector<Finding>& out, const LogHuntOptions& logs = {});

}  // namespace stormwatch::engine::detail
