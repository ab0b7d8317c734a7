// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/stix/ids.h"

#include <string>

#include <gtest/gtest.h>

namespace stormwatch::intel::stix {
namespace {

TEST(StixIdsTest, Uuid5MatchesPython) {
    // python3: uuid.uuid5(uuid.NAMESPACE_URL, 'https://stormwatch.invalid/stix')
    EXPECT_EQ(Uuid5("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "https://stormwatch.invalid/stix"),
              kStormwatchNamespace);
    // STIX 2.1 deterministic SCO id: uuid5(SCO namespace, canonical contributing properties).
    EXPECT_EQ(Uuid5(kStixScoNamespace, R"({"value":"198.51.100.7"})"),
              "12592121-be4c-5a93-a813-5a5af16e50db");
    EXPECT_EQ(Uuid5("not-a-uuid", "x"), "");
}

TEST(StixIdsTest, Sha1KnownAnswers) {
    auto hex = [](const std::string& bytes) {
        std::string out;
        for (const char c : bytes) {
            static constexpr char kDigits[] = "0123456789abcdef";
            out.push_back(kDigits[static_cast<unsigned char>(c) >> 4]);
            out.push_back(kDigits[static_cast<unsigned char>(c) & 0xf]);
        }
        return out;
    };
    EXPECT_EQ(hex(Sha1("")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    EXPECT_EQ(hex(Sha1("abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
    EXPECT_EQ(hex(Sha1(std::string(1000, 'a'))), "291e9a6c66994949b57ba5e650361e98fc36b1ba");
}

}  // namespace
}  // namespace stormwatch::intel::stix
