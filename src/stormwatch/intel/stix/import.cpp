// SPDX-License-Identifier: Apache-2.0
// ImportStixBundle lives in its own translation unit: it is the only code here that needs
// IndicatorSetBuilder::Add(Indicator), so the parser and its tests link without it.

#include <string_view>
#include <utility>
#include <vector>

#include "stormwatch/intel/stix/bundle.h"

namespace stormwatch::intel::stix {

Status ImportStixBundle(PaddedText json, std::string_view source_name, IndicatorSetBuilder& builder,
                        InputStats& stats, StixImportSummary* summary) {
    const IndicatorSink sink = [&builder](std::vector<Indicator>&& indicators) {
        // Values were validated by the parser with the builder's rules, so a refusal here is
        // rare; the record is then rejected, though earlier values of it may be in the set.
        bool all = true;
        for (Indicator& indicator : indicators) {
            all = builder.Add(std::move(indicator)) && all;
        }
        return all;
    };
    return ParseStixBundle(json, source_name, sink, stats, summary);
}

}  // namespace stormwatch::intel::stix
