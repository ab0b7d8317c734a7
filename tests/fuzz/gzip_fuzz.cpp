// SPDX-License-Identifier: Apache-2.0
// gzip inputs (rotated logs) are untrusted: any bytes must inflate or fail with a Status
// that says it is gzip's, and never past the size limit.

#include "stormwatch/io/gzip.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    constexpr std::size_t kLimit = std::size_t{1} << 20;
    std::string text;
    const stormwatch::Status status = stormwatch::io::Gunzip(bytes, kLimit, text);
    if (status.ok() && text.size() > kLimit) {
        stormwatch::fuzz::Fail("text past the limit");
    }
    if (!status.ok() && status.message().rfind("gzip: ", 0) != 0) {
        stormwatch::fuzz::Fail("error without its gzip: prefix");
    }
    return 0;
}
