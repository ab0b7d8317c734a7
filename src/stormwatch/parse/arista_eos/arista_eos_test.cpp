// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/arista_eos/arista_eos.h"

#include <string>

#include <gtest/gtest.h>

#include "stormwatch/parse/cisco_ios/cisco_ios.h"
#include "stormwatch/parse/cisco_nxos/cisco_nxos.h"
#include "stormwatch/parse/parse_test_util.h"

namespace stormwatch::parse {
namespace {

using testing::Parsed;

Parsed Parse(std::string_view text) {
    return testing::ParseAs(kAristaEos, std::string(text));
}

constexpr std::string_view kConfig = R"(! Command: show running-config
! device: spine1 (DCS-7280SR-48C6, EOS-4.28.3M)
!
! boot system flash:/EOS.swi
!
transceiver qsfp default-mode 4x10G
!
daemon TerminAttr
   exec /usr/bin/TerminAttr -cvaddr=203.0.113.30:9910
   no shutdown
!
hostname spine1
!
spanning-tree mode mstp
!
aaa root secret sha512 $6$root$hash
aaa accounting commands all default start-stop group tacacs+
!
username admin privilege 15 role network-admin secret sha512 $6$abc$def
username ops sshkey ssh-rsa AAAAB3Nza ops@host
enable password sha512 $6$en$able
!
tacacs-server host 192.0.2.49 vrf MGMT key 7 070C285F4D06
!
interface Ethernet1
   description to-leaf1
   no switchport
   ip address 198.51.100.1/31
!
interface Management1
   vrf MGMT
   ip address 192.0.2.20/24
!
interface Tunnel5
   tunnel mode gre
   tunnel source 198.51.100.1
   tunnel destination 203.0.113.55
!
ip access-list MGMT-ACL
   counters per-entry
   10 permit ip 192.0.2.0/24 any
   20 permit tcp host 203.0.113.8 any eq ssh
!
ip access-list standard SNMP-RO
   10 permit 192.0.2.0/24
!
ip route vrf MGMT 0.0.0.0/0 192.0.2.1
!
logging vrf MGMT host 192.0.2.50
ntp server vrf MGMT 192.0.2.123
snmp-server community s3cret ro SNMP-RO
!
monitor session TAP source Ethernet1 rx
monitor session TAP destination tunnel mode gre source 198.51.100.1 destination 203.0.113.201
!
management api http-commands
   protocol https port 18443
   no shutdown
   !
   vrf MGMT
      no shutdown
      ip access-group MGMT-ACL
!
management ssh
   ip access-group MGMT-ACL in
   cipher aes256-ctr 3des-cbc
!
management telnet
   shutdown
!
system control-plane
   ip access-group CP-ACL in
!
end
)";

TEST(AristaEosTest, Sniffs) {
    EXPECT_GE(SniffScore(kAristaEos, kConfig), 80);
    EXPECT_GT(SniffScore(kAristaEos, kConfig), SniffScore(kCiscoIos, kConfig));
    EXPECT_GT(SniffScore(kAristaEos, kConfig), SniffScore(kCiscoNxos, kConfig));
}

TEST(AristaEosTest, Model) {
    const Parsed p = Parse(kConfig);
    const auto& m = p.model;
    EXPECT_EQ(m.dialect, model::Dialect::kAristaEos);
    EXPECT_EQ(m.device.hostname, "spine1");
    EXPECT_EQ(m.device.version, "4.28.3M");
    EXPECT_EQ(m.device.version_ref.line, 2U);
    EXPECT_TRUE(m.device.is_switch);
    EXPECT_EQ(p.stats.read(), p.stats.processed() + p.stats.rejected());

    ASSERT_EQ(m.containers.size(), 1U);
    EXPECT_EQ(m.containers[0].kind, "daemon");
    EXPECT_EQ(m.containers[0].name, "TerminAttr");
    EXPECT_EQ(m.containers[0].ref.line, 8U);

    ASSERT_EQ(m.users.size(), 3U);
    EXPECT_EQ(m.users[0].name, "root");
    EXPECT_EQ(m.users[0].secret_type, "sha512");
    EXPECT_EQ(m.users[1].name, "admin");
    EXPECT_EQ(m.users[1].privilege, 15);
    EXPECT_EQ(m.users[1].role, "network-admin");
    EXPECT_EQ(m.users[1].secret_type, "sha512");
    EXPECT_EQ(m.users[2].secret_type, "key");
    ASSERT_EQ(m.enable_secrets.size(), 1U);
    EXPECT_EQ(m.enable_secrets[0].secret_type, "sha512");
    EXPECT_FALSE(m.enable_secrets[0].is_password);
    EXPECT_TRUE(m.aaa.command_accounting);

    ASSERT_EQ(m.aaa_servers.size(), 1U);
    EXPECT_EQ(m.aaa_servers[0].host.address->ToString(), "192.0.2.49");
    EXPECT_EQ(m.aaa_servers[0].key_type, "7");

    const model::Interface* eth = m.FindInterface("Ethernet1");
    ASSERT_NE(eth, nullptr);
    EXPECT_EQ(eth->addresses[0].prefix.ToString(), "198.51.100.0/31");
    EXPECT_EQ(m.FindInterface("Management1")->vrf, "MGMT");
    const model::Interface* tun = m.FindInterface("Tunnel5");
    ASSERT_NE(tun, nullptr);
    EXPECT_TRUE(tun->is_tunnel);
    EXPECT_EQ(tun->tunnel_mode, "gre");
    EXPECT_EQ(tun->tunnel_destination->address->ToString(), "203.0.113.55");

    const model::Acl* acl = m.FindAcl("MGMT-ACL");
    ASSERT_NE(acl, nullptr);
    EXPECT_EQ(acl->kind, "extended");
    ASSERT_EQ(acl->entries.size(), 2U);
    EXPECT_EQ(acl->entries[1].sources[0].ToString(), "203.0.113.8/32");
    const model::Acl* std_acl = m.FindAcl("SNMP-RO");
    ASSERT_NE(std_acl, nullptr);
    EXPECT_EQ(std_acl->kind, "standard");
    EXPECT_EQ(std_acl->entries[0].sources[0].ToString(), "192.0.2.0/24");

    ASSERT_EQ(m.routes.size(), 1U);
    EXPECT_EQ(m.routes[0].vrf, "MGMT");
    ASSERT_EQ(m.logging.hosts.size(), 1U);
    EXPECT_EQ(m.logging.hosts[0].host, "192.0.2.50");
    ASSERT_EQ(m.ntp_servers.size(), 1U);
    EXPECT_EQ(m.ntp_servers[0].host.host, "192.0.2.123");
    ASSERT_EQ(m.snmp.communities.size(), 1U);
    EXPECT_EQ(m.snmp.communities[0].acl, "SNMP-RO");

    ASSERT_EQ(m.mirrors.size(), 1U);
    EXPECT_EQ(m.mirrors[0].type, "tunnel");
    EXPECT_EQ(m.mirrors[0].sources, (std::vector<std::string>{"Ethernet1"}));
    ASSERT_EQ(m.mirrors[0].remote_destinations.size(), 1U);
    EXPECT_EQ(m.mirrors[0].remote_destinations[0].address->ToString(), "203.0.113.201");

    std::vector<std::string> services;
    for (const auto& s : m.services) {
        services.push_back(s.name + (s.enabled ? "+" : "-") + std::to_string(s.port));
    }
    EXPECT_EQ(services, (std::vector<std::string>{"https+18443", "ssh+0", "telnet-0"}));
    ASSERT_EQ(m.ssh.weak_algorithms.size(), 1U);

    std::vector<std::string> uses;
    for (const auto& use : m.acl_uses) {
        uses.push_back(use.where + ":" + use.acl);
    }
    EXPECT_EQ(uses, (std::vector<std::string>{"snmp:SNMP-RO", "http:MGMT-ACL", "ssh:MGMT-ACL",
                                              "control-plane:CP-ACL"}));
    bool found_cv = false;
    for (const auto& a : m.addresses) {
        found_cv = found_cv || (a.prefix.ToString() == "203.0.113.30/32" && a.ref.line == 9U);
    }
    EXPECT_TRUE(found_cv);
}

}  // namespace
}  // namespace stormwatch::parse
