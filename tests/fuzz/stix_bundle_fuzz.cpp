// SPDX-License-Identifier: Apache-2.0
// STIX bundles are untrusted JSON: any bytes must import or fail with one Status, and the
// accounting identity read == processed + rejected must hold either way.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "tests/fuzz/fuzz_support.h"

#include "stormwatch/intel/stix/bundle.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    stormwatch::InputStats stats;
    std::size_t values = 0;
    const stormwatch::intel::stix::IndicatorSink sink =
        [&values](std::vector<stormwatch::intel::Indicator>&& indicators) {
            values += indicators.size();
            return true;
        };
    const stormwatch::Status status =
        stormwatch::intel::stix::ParseStixBundle(json, "fuzz.json", sink, stats);
    stormwatch::fuzz::CheckAccounting(stats);
    if (!status.ok() && !stats.input_rejected()) {
        stormwatch::fuzz::Fail("error status without a whole-input rejection");
    }
    if (values > 0 && stats.processed() == 0) {
        stormwatch::fuzz::Fail("indicators from no processed record");
    }
    return 0;
}
