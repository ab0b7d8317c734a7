// SPDX-License-Identifier: Apache-2.0
// STIX bundles are untrusted JSON: any bytes must import or fail with one Status, and the
// accounting identity read == processed + rejected must hold either way.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "tests/fuzz/fuzz_support.h"

#include "stormwatch/intel/stix/bundle.h"

namespace {

struct Parsed {
    stormwatch::Status status;
    stormwatch::InputStats stats;
    std::size_t values = 0;
};

Parsed Parse(stormwatch::PaddedText json) {
    Parsed parsed;
    const stormwatch::intel::stix::IndicatorSink sink =
        [&parsed](std::vector<stormwatch::intel::Indicator>&& indicators) {
            parsed.values += indicators.size();
            return true;
        };
    parsed.status = stormwatch::intel::stix::ParseStixBundle(json, "fuzz.json", sink, parsed.stats);
    stormwatch::fuzz::CheckAccounting(parsed.stats);
    if (!parsed.status.ok() && !parsed.stats.input_rejected()) {
        stormwatch::fuzz::Fail("error status without a whole-input rejection");
    }
    if (parsed.values > 0 && parsed.stats.processed() == 0) {
        stormwatch::fuzz::Fail("indicators from no processed record");
    }
    return parsed;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    // The bare input is copied into a padded buffer; a padded one is read in place.
    const Parsed copied = Parse(json);
    const Parsed in_place = Parse(stormwatch::fuzz::PaddedCopy(json).text());
    if (copied.status.ok() != in_place.status.ok() || copied.values != in_place.values ||
        copied.stats.read() != in_place.stats.read() ||
        copied.stats.rejected() != in_place.stats.rejected()) {
        stormwatch::fuzz::Fail("a bundle parses differently in place and from a copy");
    }
    return 0;
}
