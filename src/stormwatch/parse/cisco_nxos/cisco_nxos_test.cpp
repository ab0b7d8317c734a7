// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/cisco_nxos/cisco_nxos.h"

#include <string>

#include <gtest/gtest.h>

#include "stormwatch/parse/cisco_ios/cisco_ios.h"
#include "stormwatch/parse/parse_test_util.h"

namespace stormwatch::parse {
namespace {

using testing::Parsed;

Parsed Parse(std::string_view text) {
    return testing::ParseAs(kCiscoNxos, std::string(text));
}

constexpr std::string_view kConfig = R"(!Command: show running-config
!Time: Mon Jan  6 10:00:00 2025

version 9.3(8) Bios:version 05.45
hostname leaf1
feature telnet
feature nxapi
feature bash-shell
feature tacacs+
no feature ssh

username admin password 5 $5$abc$def  role network-admin
username ro password 5 $5$ghi$jkl  role network-operator
nxapi https port 18443
ip access-list MGMT
  statistics per-entry
  10 permit ip 192.0.2.0/24 any
  20 permit tcp 203.0.113.7/32 any eq 22
  30 deny ip any any log
tacacs-server host 203.0.113.49 key 7 "fewhg123"
aaa group server tacacs+ TAC
    server 203.0.113.49
    server 198.51.100.49
    use-vrf management
aaa authentication login default group TAC
aaa accounting default group TAC
snmp-server user admin network-admin auth md5 0x1234 priv 0x5678 localizedkey
snmp-server community public group network-operator
snmp-server community private group network-admin
snmp-server community public use-acl MGMT
snmp-server host 192.0.2.60 traps version 2c public
snmp-server host 192.0.2.60 use-vrf management
ntp server 192.0.2.123 use-vrf management
logging server 192.0.2.50 5 use-vrf management
vrf context management
  ip route 0.0.0.0/0 192.0.2.254
ip route 198.51.100.0/24 Ethernet1/1 192.0.2.9
interface mgmt0
  vrf member management
  ip address 192.0.2.10/24
interface loopback0
  ip address 192.0.2.201/32
interface Ethernet1/1
  description core
  switchport
  ip access-group MGMT in
  shutdown
monitor session 3 type erspan-source
  erspan-id 3
  vrf default
  destination ip 203.0.113.200
  source interface Ethernet1/1 both
  no shut
line vty
  access-class MGMT in
  exec-timeout 15
)";

TEST(CiscoNxosTest, Sniffs) {
    EXPECT_GE(SniffScore(kCiscoNxos, kConfig), 80);
    EXPECT_GT(SniffScore(kCiscoNxos, kConfig), SniffScore(kCiscoIos, kConfig));
    EXPECT_LT(SniffScore(kCiscoNxos, "version 15.2\nservice timestamps log\nboot-start-marker\n"),
              30);
}

TEST(CiscoNxosTest, Model) {
    const Parsed p = Parse(kConfig);
    const auto& m = p.model;
    EXPECT_EQ(m.dialect, model::Dialect::kCiscoNxos);
    EXPECT_EQ(m.device.hostname, "leaf1");
    EXPECT_EQ(m.device.version, "9.3(8)");
    EXPECT_FALSE(m.device.ios_xe);
    EXPECT_TRUE(m.device.is_switch);
    EXPECT_EQ(p.stats.read(), p.stats.processed() + p.stats.rejected());

    std::vector<std::string> services;
    for (const auto& s : m.services) {
        services.push_back(s.name + (s.enabled ? "+" : "-") + std::to_string(s.port));
    }
    EXPECT_EQ(services, (std::vector<std::string>{"telnet+0", "https+0", "ssh-0", "https+18443"}));
    ASSERT_EQ(m.containers.size(), 1U);
    EXPECT_EQ(m.containers[0].kind, "bash-shell");
    EXPECT_EQ(m.containers[0].ref.line, 8U);

    ASSERT_EQ(m.users.size(), 2U);
    EXPECT_EQ(m.users[0].secret_type, "5");
    EXPECT_EQ(m.users[0].role, "network-admin");
    EXPECT_EQ(m.users[0].privilege, 15);
    EXPECT_EQ(m.users[1].privilege, -1);

    const model::Acl* acl = m.FindAcl("MGMT");
    ASSERT_NE(acl, nullptr);
    ASSERT_EQ(acl->entries.size(), 3U);
    EXPECT_EQ(acl->entries[0].sources[0].ToString(), "192.0.2.0/24");
    EXPECT_TRUE(acl->entries[0].destination_any);
    EXPECT_EQ(acl->entries[1].protocol, "tcp");
    EXPECT_EQ(acl->entries[1].sources[0].ToString(), "203.0.113.7/32");
    EXPECT_TRUE(acl->entries[2].log);

    ASSERT_EQ(m.aaa_servers.size(), 2U);
    EXPECT_EQ(m.aaa_servers[0].key_type, "7");
    EXPECT_EQ(m.aaa_servers[1].host.address->ToString(), "198.51.100.49");
    EXPECT_TRUE(m.aaa.command_accounting);

    ASSERT_EQ(m.snmp.users.size(), 1U);
    EXPECT_EQ(m.snmp.users[0].version, "v3");
    EXPECT_EQ(m.snmp.users[0].auth, "md5");
    ASSERT_EQ(m.snmp.communities.size(), 2U);
    EXPECT_EQ(m.snmp.communities[0].access, "ro");
    EXPECT_EQ(m.snmp.communities[0].acl, "MGMT");
    EXPECT_EQ(m.snmp.communities[1].access, "rw");
    ASSERT_EQ(m.snmp.hosts.size(), 1U);
    EXPECT_EQ(m.snmp.hosts[0].community, "public");

    ASSERT_EQ(m.ntp_servers.size(), 1U);
    ASSERT_EQ(m.logging.hosts.size(), 1U);
    EXPECT_EQ(m.logging.hosts[0].address->ToString(), "192.0.2.50");

    ASSERT_EQ(m.routes.size(), 2U);
    EXPECT_EQ(m.routes[0].vrf, "management");
    EXPECT_EQ(m.routes[0].prefix.ToString(), "0.0.0.0/0");
    EXPECT_EQ(m.routes[1].interface, "Ethernet1/1");
    EXPECT_EQ(m.routes[1].next_hop->ToString(), "192.0.2.9");

    const model::Interface* mgmt = m.FindInterface("mgmt0");
    ASSERT_NE(mgmt, nullptr);
    EXPECT_EQ(mgmt->vrf, "management");
    ASSERT_EQ(mgmt->addresses.size(), 1U);
    EXPECT_EQ(mgmt->addresses[0].address.ToString(), "192.0.2.10");
    EXPECT_EQ(mgmt->addresses[0].prefix.ToString(), "192.0.2.0/24");
    EXPECT_TRUE(m.FindInterface("loopback0")->is_loopback);
    const model::Interface* eth = m.FindInterface("Ethernet1/1");
    ASSERT_NE(eth, nullptr);
    EXPECT_TRUE(eth->shutdown);
    EXPECT_EQ(eth->acls.size(), 1U);

    ASSERT_EQ(m.mirrors.size(), 1U);
    EXPECT_EQ(m.mirrors[0].type, "erspan-source");
    ASSERT_EQ(m.mirrors[0].remote_destinations.size(), 1U);
    EXPECT_EQ(m.mirrors[0].remote_destinations[0].address->ToString(), "203.0.113.200");
    EXPECT_EQ(m.mirrors[0].sources, (std::vector<std::string>{"Ethernet1/1"}));

    ASSERT_EQ(m.lines.size(), 1U);
    EXPECT_EQ(m.lines[0].range, "vty");
    EXPECT_EQ(m.lines[0].exec_timeout_seconds, 900);
    EXPECT_EQ(m.lines[0].access_class_in, "MGMT");

    std::vector<std::string> uses;
    for (const auto& use : m.acl_uses) {
        uses.push_back(use.where + ":" + use.acl);
    }
    EXPECT_EQ(uses, (std::vector<std::string>{"snmp:MGMT", "vty:MGMT"}));
}

}  // namespace
}  // namespace stormwatch::parse
