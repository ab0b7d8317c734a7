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

TEST(StixIdsTest, Rfc3339) {
    EXPECT_EQ(ParseRfc3339("1970-01-01T00:00:00Z"), 0);
    EXPECT_EQ(ParseRfc3339("2021-08-01T00:00:00Z"), 1627776000);
    EXPECT_EQ(ParseRfc3339("2025-06-30T23:59:59.999Z"), 1751327999);
    EXPECT_EQ(ParseRfc3339("2014-05-08T09:00:00.000000Z"), 1399539600);
    EXPECT_EQ(ParseRfc3339("2021-08-01T02:00:00+02:00"), 1627776000);
    EXPECT_EQ(ParseRfc3339("2024-02-29T00:00:00Z"), 1709164800);
    for (const char* bad :
         {"", "2021-08-01", "2021-08-01T00:00:00", "2021-13-01T00:00:00Z", "2023-02-29T00:00:00Z",
          "2021-08-01T24:00:00Z", "2021-08-01T00:00:00Zjunk", "2021-08-01T00:00:00.Z"}) {
        EXPECT_FALSE(ParseRfc3339(bad)) << bad;
    }
    EXPECT_EQ(FormatRfc3339(1751327999), "2025-06-30T23:59:59Z");
    EXPECT_EQ(FormatRfc3339(0), "1970-01-01T00:00:00Z");
}

}  // namespace
}  // namespace stormwatch::intel::stix
