// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/core/finding.h"

#include <gtest/gtest.h>

namespace stormwatch {
namespace {

TEST(FindingTest, SeverityNamesRoundTrip) {
    EXPECT_EQ(SeverityName(Severity::kCritical), "critical");
    EXPECT_EQ(ParseSeverity("HIGH"), Severity::kHigh);
    EXPECT_FALSE(ParseSeverity("severe").has_value());
}

TEST(FindingTest, FingerprintIgnoresWhitespaceButNotContent) {
    const std::string a = ComputeFingerprint("SW-X", "pe1", "access-list 20 permit 192.0.2.77");
    EXPECT_EQ(a.size(), 32u);
    EXPECT_EQ(a, ComputeFingerprint("SW-X", "pe1", "  access-list  20 permit\t192.0.2.77 "));
    EXPECT_NE(a, ComputeFingerprint("SW-X", "pe2", "access-list 20 permit 192.0.2.77"));
    EXPECT_NE(a, ComputeFingerprint("SW-Y", "pe1", "access-list 20 permit 192.0.2.77"));
    EXPECT_NE(ComputeFingerprint("ab", "c", ""), ComputeFingerprint("a", "bc", ""));
}

TEST(FindingTest, CanonicalOrderIsPathThenLine) {
    Finding a;
    a.path = "a.cfg";
    a.line = 10;
    Finding b = a;
    b.line = 9;
    Finding c = a;
    c.path = "b.cfg";
    c.line = 1;
    EXPECT_TRUE(FindingLess(b, a));
    EXPECT_TRUE(FindingLess(a, c));
    EXPECT_FALSE(FindingLess(a, a));
}

}  // namespace
}  // namespace stormwatch
