// SPDX-License-Identifier: Apache-2.0
#pragma once

// Helpers shared by the fuzz targets: a failed invariant must abort, so libFuzzer records the
// input as a crash (an assert() would vanish in RelWithDebInfo builds with NDEBUG).

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "stormwatch/core/input_stats.h"

namespace stormwatch::fuzz {

[[noreturn]] inline void Fail(const char* what) {
    std::fprintf(stderr, "stormwatch fuzz invariant violated: %s\n", what);
    std::abort();
}

/// Every record is read once and then processed or rejected (docs/rejections.md).
inline void CheckAccounting(const InputStats& stats) {
    if (stats.read() != stats.processed() + stats.rejected()) {
        std::fprintf(stderr, "read=%llu processed=%llu rejected=%llu\n",
                     static_cast<unsigned long long>(stats.read()),
                     static_cast<unsigned long long>(stats.processed()),
                     static_cast<unsigned long long>(stats.rejected()));
        Fail("read == processed + rejected");
    }
    if (stats.unrecognised() > stats.processed()) {
        Fail("unrecognised <= processed");
    }
}

}  // namespace stormwatch::fuzz
