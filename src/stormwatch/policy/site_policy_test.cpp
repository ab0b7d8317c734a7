// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/policy/site_policy.h"

#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace stormwatch::policy {
namespace {

IpAddress Ip(std::string_view s) {
    return *IpAddress::Parse(s);
}

SitePolicy MustParse(std::string_view yaml) {
    auto result = ParseSitePolicy(yaml, "site.yaml");
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.status().message());
    return result.ok() ? result.value() : SitePolicy{};
}

std::string ErrorOf(std::string_view yaml) {
    auto result = ParseSitePolicy(yaml, "site.yaml");
    EXPECT_FALSE(result.ok()) << "accepted:\n" << yaml;
    if (result.ok()) {
        return "";
    }
    EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
    return result.status().message();
}

TEST(SitePolicy, ParsesEveryKey) {
    const SitePolicy policy = MustParse(R"(
management_networks: [198.51.100.0/24, 2001:db8:100::/48]
aaa_servers: [198.51.100.10, TACACS1.example.net.]
syslog_servers:
  - 198.51.100.20
snmp_managers: [198.51.100.30]
ntp_servers: [198.51.100.40, ntp.example.net]
tunnel_peers: [203.0.113.1]
mirror_destinations: [198.51.100.50]
internal_networks: [10.0.0.0/8, 192.168.0.0/16]
local_accounts: [netops, breakglass]
allowed_ports: { ssh: [22, 830], HTTPS: [443, 8443] }
)");
    EXPECT_TRUE(policy.loaded);
    EXPECT_EQ(policy.path, "site.yaml");
    EXPECT_TRUE(policy.management_networks.present);
    EXPECT_TRUE(policy.management_networks.Contains(Ip("198.51.100.77")));
    EXPECT_TRUE(policy.management_networks.Contains(Ip("2001:db8:100:5::1")));
    EXPECT_FALSE(policy.management_networks.Contains(Ip("203.0.113.9")));
    EXPECT_TRUE(policy.aaa_servers.Contains(Ip("198.51.100.10")));
    EXPECT_FALSE(policy.aaa_servers.Contains(Ip("198.51.100.11")));
    EXPECT_TRUE(policy.aaa_servers.ContainsName("tacacs1.EXAMPLE.net"));
    EXPECT_TRUE(policy.aaa_servers.ContainsName("tacacs1.example.net."));
    EXPECT_TRUE(policy.syslog_servers.Contains(Ip("198.51.100.20")));
    EXPECT_TRUE(policy.snmp_managers.Contains(Ip("198.51.100.30")));
    EXPECT_TRUE(policy.ntp_servers.ContainsName("ntp.example.net"));
    EXPECT_TRUE(policy.tunnel_peers.Contains(Ip("203.0.113.1")));
    EXPECT_TRUE(policy.mirror_destinations.Contains(Ip("198.51.100.50")));
    EXPECT_TRUE(policy.internal_networks.Contains(Ip("10.20.30.40")));
    EXPECT_TRUE(policy.local_accounts_present);
    EXPECT_TRUE(policy.AccountApproved("netops"));
    EXPECT_FALSE(policy.AccountApproved("NetOps"));  // exact
    EXPECT_FALSE(policy.AccountApproved("cisco_tac_admin"));
    EXPECT_TRUE(policy.PortAllowed("ssh", 22));
    EXPECT_TRUE(policy.PortAllowed("ssh", 830));
    EXPECT_FALSE(policy.PortAllowed("ssh", 22222));
    EXPECT_TRUE(policy.PortAllowed("https", 8443));
    EXPECT_TRUE(policy.PortAllowed("HTTP", 80));
    EXPECT_FALSE(policy.PortAllowed("http", 8080));
}

TEST(SitePolicy, AbsentKeysStayAbsent) {
    const SitePolicy policy = MustParse("syslog_servers: []\n");
    EXPECT_TRUE(policy.loaded);
    EXPECT_TRUE(policy.syslog_servers.present);
    EXPECT_FALSE(policy.aaa_servers.present);
    EXPECT_FALSE(policy.local_accounts_present);
    const SitePolicy empty = MustParse("");
    EXPECT_TRUE(empty.loaded);
    EXPECT_FALSE(empty.management_networks.present);
    const SitePolicy comments = MustParse("# nothing approved yet\n");
    EXPECT_TRUE(comments.loaded);
}

TEST(SitePolicy, ScalarIsAOneElementList) {
    const SitePolicy policy = MustParse("aaa_servers: 192.0.2.1\nallowed_ports: {ssh: 2222}\n");
    EXPECT_TRUE(policy.aaa_servers.Contains(Ip("192.0.2.1")));
    EXPECT_TRUE(policy.PortAllowed("ssh", 2222));
}

TEST(SitePolicy, StandardPorts) {
    EXPECT_EQ(StandardPort("ssh"), 22);
    EXPECT_EQ(StandardPort("HTTP"), 80);
    EXPECT_EQ(StandardPort("https"), 443);
    EXPECT_EQ(StandardPort("telnet"), 23);
    EXPECT_EQ(StandardPort("ftp"), 21);
    EXPECT_EQ(StandardPort("sftp"), 22);
    EXPECT_EQ(StandardPort("netconf"), 830);
    EXPECT_EQ(StandardPort("rdp"), 3389);
    EXPECT_EQ(StandardPort("gopher"), 0);
    SitePolicy none;
    EXPECT_FALSE(none.PortAllowed("gopher", 0));
}

TEST(SitePolicyErrors, UnknownKeyNamesKeyAndLine) {
    const std::string message = ErrorOf("aaa_servers: [192.0.2.1]\n\nsyslog_server: [192.0.2.2]\n");
    EXPECT_NE(message.find("site.yaml:3:"), std::string::npos) << message;
    EXPECT_NE(message.find("syslog_server"), std::string::npos) << message;
}

TEST(SitePolicyErrors, BadAddressesGiveFileAndLine) {
    EXPECT_NE(ErrorOf("aaa_servers:\n  - 192.0.2.1\n  - 999.1.1.1\n").find("site.yaml:3:"),
              std::string::npos);
    EXPECT_NE(ErrorOf("management_networks: [10.0.0.0/33]\n").find("site.yaml:1:"),
              std::string::npos);
    EXPECT_NE(ErrorOf("management_networks: [10.1]\n").find("10.1"), std::string::npos);
    EXPECT_NE(ErrorOf("tunnel_peers: [2001:db8::zz]\n").find("site.yaml:1:"), std::string::npos);
    // Networks only: a host name cannot describe where management sessions come from.
    EXPECT_NE(ErrorOf("management_networks: [jump.example.net]\n").find("host names"),
              std::string::npos);
    EXPECT_NE(ErrorOf("aaa_servers: [\"bad name!\"]\n").find("site.yaml:1:"), std::string::npos);
    EXPECT_NE(ErrorOf("aaa_servers: ['']\n").find("empty"), std::string::npos);
}

TEST(SitePolicyErrors, WrongShapes) {
    ErrorOf("- just\n- a list\n");
    ErrorOf("plain scalar\n");
    ErrorOf("aaa_servers: {a: b}\n");
    ErrorOf("aaa_servers: [[192.0.2.1]]\n");
    ErrorOf("allowed_ports: [22]\n");
    ErrorOf("allowed_ports: {ssh: [0]}\n");
    ErrorOf("allowed_ports: {ssh: [65536]}\n");
    ErrorOf("allowed_ports: {ssh: [twenty-two]}\n");
    ErrorOf("allowed_ports: {'s s h': [22]}\n");
    ErrorOf("local_accounts: ['two words']\n");
    ErrorOf("aaa_servers: [192.0.2.1]\naaa_servers: [192.0.2.2]\n");
    ErrorOf("aaa_servers: [192.0.2.1]\n---\nsyslog_servers: []\n");
    ErrorOf("aaa_servers: [192.0.2.1\n");  // unterminated flow sequence
    ErrorOf("{? [a]: b}\n");
}

TEST(SitePolicyHostile, AliasBombIsRejectedQuickly) {
    // Classic billion laughs: 9 levels of 9x expansion.
    std::string yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n";
    std::string prev = "a";
    for (char c = 'b'; c <= 'j'; ++c) {
        const std::string name(1, c);
        yaml += name + ": &" + name + " [";
        for (int i = 0; i < 9; ++i) {
            yaml += (i ? ", *" : "*") + prev;
        }
        yaml += "]\n";
        prev = name;
    }
    const std::string message = ErrorOf(yaml);
    EXPECT_NE(message.find("alias expansion"), std::string::npos) << message;
    // The same bomb hidden under a known key.
    std::string hidden = yaml;
    hidden.replace(0, 1, "aaa_servers");
    ErrorOf(hidden);
}

TEST(SitePolicyHostile, DeepNestingIsRejected) {
    ErrorOf(std::string(100, '[') + std::string(100, ']') + "\n");
    ErrorOf("aaa_servers: " + std::string(5000, '[') + std::string(5000, ']') + "\n");
    std::string block;
    for (int i = 0; i < 200; ++i) {
        block +=
            std::string(static_cast<std::size_t>(i) * 2, ' ') + "k" + std::to_string(i) + ":\n";
    }
    ErrorOf(block);
}

TEST(SitePolicyHostile, BinaryGarbageIsRejected) {
    std::string garbage;
    for (int i = 0; i < 4096; ++i) {
        garbage += static_cast<char>((i * 131 + 7) & 0xff);
    }
    ErrorOf(garbage);
    ErrorOf(std::string("aaa_servers: [192.0.2.1]\0\n", 27));
    ErrorOf("\xff\xfe\x00\x00");
    ErrorOf("aaa_servers: [\"\xc3\x28\"]\n");
}

TEST(SitePolicyFile, LoadsFromDiskAndReportsMissingFile) {
    const std::string path = ::testing::TempDir() + "stormwatch_policy_test.yaml";
    {
        std::ofstream out(path);
        out << "local_accounts: [netops]\n";
    }
    auto loaded = LoadSitePolicy(path);
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    EXPECT_EQ(loaded.value().path, path);
    EXPECT_TRUE(loaded.value().AccountApproved("netops"));
    std::remove(path.c_str());

    auto missing = LoadSitePolicy("no/such/policy.yaml");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.status().code(), StatusCode::kIoError);
    EXPECT_NE(missing.status().message().find("no/such/policy.yaml"), std::string::npos);
}

TEST(SitePolicyFile, ShippedExampleLoads) {
    auto loaded = LoadSitePolicy(std::string(STORMWATCH_SOURCE_DIR) + "/examples/stormwatch.yaml");
    ASSERT_TRUE(loaded.ok()) << loaded.status().message();
    EXPECT_TRUE(loaded.value().management_networks.present);
}

}  // namespace
}  // namespace stormwatch::policy
