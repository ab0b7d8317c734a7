// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/core/finding.h"

#include <string>
#include <utility>
#include <vector>

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

TEST(FindingTest, TwoIndicatorsOnOneLineNeverTie) {
    Finding address;
    address.path = "edge.log";
    address.line = 20;
    address.rule_id = "SW-LOG-IOC";
    address.evidence = "user=cisco_tac_admin from 45.61.154.130";
    FillFingerprint(address);
    Finding account = address;
    address.indicator = IndicatorRef{.value = "45.61.154.130", .type = "ipv4"};
    account.indicator = IndicatorRef{.value = "cisco_tac_admin", .type = "account"};
    ASSERT_EQ(address.fingerprint, account.fingerprint);
    EXPECT_TRUE(FindingLess(account, address));
    EXPECT_FALSE(FindingLess(address, account));
    Finding none = address;
    none.indicator.reset();
    EXPECT_TRUE(FindingLess(none, account));
}

Finding At(std::string path, std::uint64_t line, std::string rule_id = "SW-X") {
    Finding finding;
    finding.path = std::move(path);
    finding.line = line;
    finding.rule_id = std::move(rule_id);
    return finding;
}

std::vector<std::pair<std::string, std::uint64_t>> Keys(const std::vector<Finding>& findings) {
    std::vector<std::pair<std::string, std::uint64_t>> keys;
    for (const Finding& finding : findings) {
        keys.emplace_back(finding.path + "/" + finding.rule_id, finding.line);
    }
    return keys;
}

TEST(FindingTest, MergeInterleavesOverlappingRunsInCanonicalOrder) {
    std::vector<std::vector<Finding>> runs(4);
    runs[0] = {At("a.cfg", 1), At("a.cfg", 7), At("c.cfg", 2)};
    runs[1] = {};
    runs[2] = {At("a.cfg", 3), At("a.cfg", 7, "SW-A"), At("b.cfg", 1), At("c.cfg", 1)};
    runs[3] = {At("a.cfg", 2)};
    const std::vector<Finding> merged = MergeSortedFindings(runs);
    const std::vector<std::pair<std::string, std::uint64_t>> expected = {
        {"a.cfg/SW-X", 1}, {"a.cfg/SW-X", 2}, {"a.cfg/SW-X", 3}, {"a.cfg/SW-A", 7},
        {"a.cfg/SW-X", 7}, {"b.cfg/SW-X", 1}, {"c.cfg/SW-X", 1}, {"c.cfg/SW-X", 2}};
    EXPECT_EQ(Keys(merged), expected);
}

TEST(FindingTest, MergeKeepsDisjointRunsAndDuplicates) {
    std::vector<std::vector<Finding>> runs(3);
    runs[0] = {At("b.cfg", 4), At("b.cfg", 4)};
    runs[1] = {At("a.cfg", 1), At("a.cfg", 9)};
    runs[2] = {At("b.cfg", 4), At("c.cfg", 1)};
    const std::vector<Finding> merged = MergeSortedFindings(runs);
    const std::vector<std::pair<std::string, std::uint64_t>> expected = {
        {"a.cfg/SW-X", 1}, {"a.cfg/SW-X", 9}, {"b.cfg/SW-X", 4},
        {"b.cfg/SW-X", 4}, {"b.cfg/SW-X", 4}, {"c.cfg/SW-X", 1}};
    EXPECT_EQ(Keys(merged), expected);
    EXPECT_TRUE(MergeSortedFindings({}).empty());
}

TEST(FindingTest, MergeOfOneNonEmptyRunIsThatRun) {
    std::vector<std::vector<Finding>> runs(3);
    runs[1] = {At("a.cfg", 1), At("a.cfg", 9)};
    const Finding* storage = runs[1].data();
    const std::vector<Finding> merged = MergeSortedFindings(runs);
    EXPECT_EQ(merged.data(), storage);  // handed over, not moved finding by finding
    const std::vector<std::pair<std::string, std::uint64_t>> expected = {{"a.cfg/SW-X", 1},
                                                                         {"a.cfg/SW-X", 9}};
    EXPECT_EQ(Keys(merged), expected);
    std::vector<std::vector<Finding>> empty_runs(2);
    EXPECT_TRUE(MergeSortedFindings(empty_runs).empty());
}

}  // namespace
}  // namespace stormwatch
