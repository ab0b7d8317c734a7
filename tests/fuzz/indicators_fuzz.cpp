// SPDX-License-Identifier: Apache-2.0
// The indicator loader reads analyst-supplied CSVs and plain lists (--intel FILE): any bytes
// must load or be rejected line by line, and the built set must answer queries.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_support.h"

#include "stormwatch/intel/indicator_set.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    stormwatch::intel::IndicatorSetBuilder builder;
    stormwatch::InputStats stats;
    const stormwatch::Status status = builder.LoadText(text, "fuzz.csv", stats);
    if (status.ok()) {
        stormwatch::fuzz::CheckAccounting(stats);
    }
    const auto set = builder.Build();
    // Every loaded address indicator must match itself: the lookup tables agree with the list.
    for (const auto& indicator : set->indicators()) {
        if (indicator.type == stormwatch::intel::IndicatorType::kIpv4 ||
            indicator.type == stormwatch::intel::IndicatorType::kIpv6) {
            const auto address = stormwatch::IpAddress::Parse(indicator.value);
            if (address && set->MatchAddress(*address) == nullptr) {
                stormwatch::fuzz::Fail("loaded address indicator does not match itself");
            }
        }
        if (indicator.type == stormwatch::intel::IndicatorType::kDomain &&
            set->MatchDomain(indicator.value) == nullptr) {
            stormwatch::fuzz::Fail("loaded domain indicator does not match itself");
        }
    }
    return 0;
}
