// SPDX-License-Identifier: Apache-2.0
#pragma once

// Helpers shared by the fuzz targets: a failed invariant must abort, so libFuzzer records the
// input as a crash (an assert() would vanish in RelWithDebInfo builds with NDEBUG).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "stormwatch/core/input_stats.h"
#include "stormwatch/core/padded_text.h"

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

/// A copy of the input followed by zeros, as a file's buffer gives it to the JSON readers
/// (PaddedText): they parse it in place, where the bare input makes them copy it.
class PaddedCopy {
public:
    explicit PaddedCopy(std::string_view data) : buffer_(data), size_(data.size()) {
        buffer_.append(kPadding, '\0');
    }
    [[nodiscard]] PaddedText text() const {
        return {std::string_view(buffer_.data(), size_), kPadding};
    }

private:
    static constexpr std::size_t kPadding = 64;
    std::string buffer_;
    std::size_t size_;
};

}  // namespace stormwatch::fuzz
