// SPDX-License-Identifier: Apache-2.0
// stormwatch.yaml is operator input and may be hostile (deep nesting, aliases, huge scalars):
// the parser must return a value or an error, never crash or hang.

#include "stormwatch/policy/site_policy.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto policy = stormwatch::policy::ParseSitePolicy(text, "fuzz.yaml");
    if (policy.ok()) {
        const auto& loaded = policy.value();
        // Exercise the lookups the detectors make.
        (void)loaded.PortAllowed("ssh", 22);
        (void)loaded.AccountApproved("admin");
        (void)loaded.management_networks.Contains(*stormwatch::IpAddress::Parse("192.0.2.1"));
    } else if (policy.status().message().empty()) {
        stormwatch::fuzz::Fail("policy error without a message");
    }
    return 0;
}
