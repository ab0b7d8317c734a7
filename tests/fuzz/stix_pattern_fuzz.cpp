// SPDX-License-Identifier: Apache-2.0
// STIX patterns come from third-party feeds: any bytes must parse or be rejected with a reason,
// and an accepted pattern must map to values that the minted pattern maps back to.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_support.h"

#include "stormwatch/intel/stix/pattern.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view pattern(reinterpret_cast<const char*>(data), size);
    using stormwatch::intel::stix::MapStixPattern;
    const auto mapping = MapStixPattern(pattern);
    if (!mapping.ok() && mapping.message.empty()) {
        stormwatch::fuzz::Fail("rejected pattern without a message");
    }
    if (!mapping.ok() && !mapping.values.empty()) {
        stormwatch::fuzz::Fail("rejected pattern with values (half-applied)");
    }
    if (mapping.ok() && mapping.values.empty()) {
        stormwatch::fuzz::Fail("accepted pattern without values");
    }
    const auto syntax = stormwatch::intel::stix::CheckStixPatternSyntax(pattern);
    if (mapping.ok() && !syntax.ok()) {
        stormwatch::fuzz::Fail("mapped a pattern whose syntax check fails");
    }
    return 0;
}
