// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/detect/ttp/checks.h"

#include <gtest/gtest.h>

#include "stormwatch/detect/ttp/ttp_test_util.h"

namespace stormwatch::detect::ttp {
namespace {

using testing::Approved;
using testing::Env;
using testing::Host;

TEST(TtpChecksTest, SaltPortPatternMatchesFiveDigitPortsEndingIn22) {
    EXPECT_TRUE(IsSaltPortPattern(22222));
    EXPECT_TRUE(IsSaltPortPattern(10022));
    EXPECT_TRUE(IsSaltPortPattern(99922));
    EXPECT_TRUE(IsSaltPortPattern(12322));
    EXPECT_FALSE(IsSaltPortPattern(22));
    EXPECT_FALSE(IsSaltPortPattern(2222));  // four digits
    EXPECT_FALSE(IsSaltPortPattern(9922));  // leading digit must be 1-9 of a five-digit port
    EXPECT_FALSE(IsSaltPortPattern(22223));
    EXPECT_FALSE(IsSaltPortPattern(57722 + 1));
    EXPECT_FALSE(IsSaltPortPattern(122222));
}

TEST(TtpChecksTest, UrlHostStripsSchemeCredentialsPortAndPath) {
    EXPECT_EQ(UrlHost("tftp://192.0.2.5/r1-confg"), "192.0.2.5");
    EXPECT_EQ(UrlHost("ftp://user:p@ss@backup.example.net:2121/dir/file"), "backup.example.net");
    EXPECT_EQ(UrlHost("scp://[2001:db8::5]:22/x"), "2001:db8::5");
    EXPECT_EQ(UrlHost("http://host"), "host");
    EXPECT_EQ(UrlHost("flash:tac.pcap"), "");
    EXPECT_EQ(UrlHost("scp://[2001:db8::5/x"), "");
}

TEST(TtpChecksTest, CheckHostIsExactWithPolicyAndLooksOnlyAtPublicWithout) {
    Env env;
    const model::HostRef internet = Host("8.8.8.8", 1, "x");
    const model::HostRef internal = Host("10.1.1.1", 1, "x");
    const model::HostRef named = Host("tac1.corp.example", 1, "x");

    EXPECT_EQ(CheckHost(internet, env.policy, env.policy.aaa_servers), Approval::kPublic);
    EXPECT_EQ(CheckHost(internal, env.policy, env.policy.aaa_servers), Approval::kNoVerdict);
    EXPECT_EQ(CheckHost(named, env.policy, env.policy.aaa_servers), Approval::kNoVerdict);

    env.policy.loaded = true;
    // Loaded but without the key: still the no-policy behaviour.
    EXPECT_EQ(CheckHost(internet, env.policy, env.policy.aaa_servers), Approval::kPublic);

    env.policy.aaa_servers = Approved({"10.1.1.0/24"}, {"tac1.corp.example", "ise"});
    EXPECT_EQ(CheckHost(internal, env.policy, env.policy.aaa_servers), Approval::kApproved);
    EXPECT_EQ(CheckHost(named, env.policy, env.policy.aaa_servers), Approval::kApproved);
    EXPECT_EQ(CheckHost(internet, env.policy, env.policy.aaa_servers), Approval::kUnapproved);
    EXPECT_EQ(CheckHost(Host("10.1.2.1", 1, "x"), env.policy, env.policy.aaa_servers),
              Approval::kUnapproved);
    // The IOS server name counts as a second name.
    EXPECT_EQ(CheckHost(Host("10.9.9.9", 1, "x"), env.policy, env.policy.aaa_servers, "ISE"),
              Approval::kApproved);
}

TEST(TtpChecksTest, HostIndicatorMatchesAddressesAndDomainsButNotBareNames) {
    Env env;
    EXPECT_NE(HostIndicator(Host(testing::kIocAddress, 1, "x"), *env.intel), nullptr);
    EXPECT_NE(HostIndicator(Host("203.0.113.9", 1, "x"), *env.intel), nullptr);
    EXPECT_NE(HostIndicator(Host("c2.MaterialPlies.com", 1, "x"), *env.intel), nullptr);
    EXPECT_EQ(HostIndicator(Host("192.0.2.1", 1, "x"), *env.intel), nullptr);
    EXPECT_EQ(HostIndicator(Host("Loopback0", 1, "x"), *env.intel), nullptr);
}

TEST(TtpChecksTest, PrefixIndicatorIgnoresTheDefaultRoute) {
    Env env;
    EXPECT_EQ(PrefixIndicator(testing::Prefix("0.0.0.0/0"), *env.intel), nullptr);
    EXPECT_NE(PrefixIndicator(testing::Prefix("203.0.0.0/16"), *env.intel), nullptr);
    EXPECT_NE(PrefixIndicator(testing::Prefix("45.61.133.77/32"), *env.intel), nullptr);
    EXPECT_NE(PrefixIndicator(testing::Prefix("45.61.133.76/31"), *env.intel), nullptr);
    EXPECT_EQ(PrefixIndicator(testing::Prefix("45.61.133.80/29"), *env.intel), nullptr);
}

// Config lines have no time, so a windowed indicator cannot lower their severity; the
// finding still shows the window (findings.md `indicator`).
TEST(AttachIndicator, CarriesTheValidityWindowWhenTheFeedGivesOne) {
    intel::Indicator windowed;
    windowed.value = "45.61.133.77";
    windowed.source = "AA25-239A";
    windowed.valid_from = 1627776000;   // 2021-08-01T00:00:00Z
    windowed.valid_until = 1751241600;  // 2025-06-30T00:00:00Z
    Finding finding;
    AttachIndicator(finding, windowed);
    ASSERT_TRUE(finding.indicator.has_value());
    EXPECT_EQ(finding.indicator->value, "45.61.133.77");
    EXPECT_EQ(finding.indicator->type, "ipv4");
    EXPECT_EQ(finding.indicator->valid_from, "2021-08-01T00:00:00Z");
    EXPECT_EQ(finding.indicator->valid_until, "2025-06-30T00:00:00Z");
    intel::Indicator open = windowed;
    open.valid_from.reset();
    open.valid_until.reset();
    AttachIndicator(finding, open);
    EXPECT_FALSE(finding.indicator->valid_from.has_value());
    EXPECT_FALSE(finding.indicator->valid_until.has_value());
}

}  // namespace
}  // namespace stormwatch::detect::ttp
