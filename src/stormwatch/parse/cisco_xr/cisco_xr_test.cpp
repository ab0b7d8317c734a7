// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/cisco_xr/cisco_xr.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "support/test_files.h"
#include <gtest/gtest.h>

#include "stormwatch/parse/parse_test_util.h"

namespace stormwatch::parse {
namespace {

using testing::Parsed;

Parsed Parse(std::string text) {
    return testing::ParseAs(kCiscoIosXr, std::move(text));
}

constexpr const char* kConfig = R"(Building configuration...
!! IOS XR Configuration 7.3.2
!! Last configuration change at Tue Mar  5 10:00:00 2024 by admin
!
hostname pe1-fra
telnet vrf default ipv4 server max-servers 10
username admin
 group root-lr
 group cisco-support
 secret 10 $6$salt$hash
!
username backup
 group operator
 password 7 0822455D0A16
!
tacacs-server host 192.0.2.10 port 49
 key 7 01100F175804
!
aaa group server tacacs+ TAC
 server 192.0.2.11
 server-private 203.0.113.45 port 49
  key 7 094F471A1A0A
 !
!
aaa accounting commands default start-stop group TAC
aaa authentication login default group TAC local
interface Loopback0
 ipv4 address 198.51.100.1 255.255.255.255
!
interface GigabitEthernet0/0/0/0
 description core uplink
 ipv4 address 192.0.2.1 255.255.255.0
 ipv4 access-group EDGE ingress
 monitor-session SPAN1 ethernet direction rx-only
!
interface GigabitEthernet0/0/0/1
 shutdown
!
interface tunnel-ip10
 ipv4 address 10.10.12.1 255.255.255.252
 tunnel mode gre ipv4
 tunnel source Loopback0
 tunnel destination 203.0.113.66
!
ipv4 access-list 20
 10 permit ipv4 host 203.0.113.9 any
 20 deny ipv4 any any log
!
router static
 address-family ipv4 unicast
  0.0.0.0/0 192.0.2.254
 !
 vrf CUST
  address-family ipv4 unicast
   198.51.100.0/24 tunnel-ip10
  !
 !
!
snmp-server community s3cret RW 20
snmp-server host 192.0.2.60 traps version 2c s3cret
snmp-server user mon MONGRP v3 auth sha encrypted 1234 priv aes 128 encrypted 5678
snmp-server group MONGRP v3 priv
ssh server v2
ssh server port 22222
ssh server vrf default
ssh server netconf vrf default
tftp vrf default ipv4 server homedir disk0:
logging 192.0.2.50 vrf default severity info
logging trap informational
ntp
 server 192.0.2.123
!
line default
 access-class ingress 20
 transport input ssh telnet
 exec-timeout 10 0
!
control-plane
 management-plane
  inband
   interface all
    allow SSH peer
     address ipv4 192.0.2.0/24
     address ipv4 203.0.113.8
    !
   !
  !
 !
!
monitor-session SPAN1 ethernet
 destination next-hop ipv4 203.0.113.200
!
grpc
 port 57400
!
netconf-yang agent
 ssh
!
appmgr
 application swan
  activate type docker source swan docker-run-opts "--net=host"
 !
!
banner motd ~
logging 198.51.100.250
~
end
)";

TEST(CiscoXrTest, MapsEveryModelledCommand) {
    const Parsed p = Parse(kConfig);
    const auto& m = p.model;
    EXPECT_EQ(m.dialect, model::Dialect::kCiscoIosXr);
    EXPECT_EQ(m.device.hostname, "pe1-fra");
    EXPECT_EQ(m.device.hostname_ref.line, 5U);
    EXPECT_EQ(m.device.version, "7.3.2");
    EXPECT_EQ(m.device.version_ref.line, 2U);

    ASSERT_EQ(m.users.size(), 2U);
    EXPECT_EQ(m.users[0].name, "admin");
    EXPECT_EQ(m.users[0].privilege, 15);
    EXPECT_EQ(m.users[0].role, "root-lr");
    EXPECT_EQ(m.users[0].secret_type, "10");
    EXPECT_EQ(m.users[0].ref.line, 7U);
    EXPECT_EQ(m.users[1].privilege, -1);
    EXPECT_EQ(m.users[1].secret_type, "7");

    ASSERT_EQ(m.aaa_servers.size(), 3U);
    EXPECT_EQ(m.aaa_servers[0].host.address->ToString(), "192.0.2.10");
    EXPECT_EQ(m.aaa_servers[0].key_type, "7");
    EXPECT_EQ(m.aaa_servers[0].key_ref->line, 17U);
    EXPECT_EQ(m.aaa_servers[1].host.host, "192.0.2.11");
    EXPECT_EQ(m.aaa_servers[2].host.host, "203.0.113.45");
    EXPECT_EQ(m.aaa_servers[2].host.ref.line, 21U);
    EXPECT_EQ(m.aaa_servers[2].key_type, "7");
    EXPECT_TRUE(m.aaa.command_accounting);
    EXPECT_EQ(m.aaa.authentication.size(), 1U);

    const model::Interface* lo = m.FindInterface("Loopback0");
    ASSERT_NE(lo, nullptr);
    EXPECT_TRUE(lo->is_loopback);
    ASSERT_EQ(lo->addresses.size(), 1U);
    EXPECT_EQ(lo->addresses[0].prefix.ToString(), "198.51.100.1/32");
    const model::Interface* ge = m.FindInterface("GigabitEthernet0/0/0/0");
    ASSERT_NE(ge, nullptr);
    EXPECT_EQ(ge->description, "core uplink");
    EXPECT_EQ(ge->addresses.at(0).prefix.ToString(), "192.0.2.0/24");
    EXPECT_EQ(ge->addresses.at(0).address.ToString(), "192.0.2.1");
    ASSERT_EQ(ge->acls.size(), 1U);
    EXPECT_EQ(ge->acls[0].acl, "EDGE");
    EXPECT_EQ(ge->acls[0].direction, "in");
    EXPECT_TRUE(m.FindInterface("GigabitEthernet0/0/0/1")->shutdown);
    const model::Interface* tun = m.FindInterface("tunnel-ip10");
    ASSERT_NE(tun, nullptr);
    EXPECT_TRUE(tun->is_tunnel);
    EXPECT_EQ(tun->tunnel_mode, "gre ipv4");
    EXPECT_EQ(tun->tunnel_source->host, "Loopback0");
    EXPECT_FALSE(tun->tunnel_source->address.has_value());
    EXPECT_EQ(tun->tunnel_destination->address->ToString(), "203.0.113.66");
    EXPECT_EQ(tun->tunnel_destination->ref.line, 43U);
    EXPECT_EQ(tun->tunnel_destination->ref.text, "tunnel destination 203.0.113.66");

    const model::Acl* acl = m.FindAcl("20");
    ASSERT_NE(acl, nullptr);
    ASSERT_EQ(acl->entries.size(), 2U);
    EXPECT_EQ(acl->entries[0].action, "permit");
    EXPECT_EQ(acl->entries[0].protocol, "ipv4");
    EXPECT_EQ(acl->entries[0].sources.at(0).ToString(), "203.0.113.9/32");
    EXPECT_TRUE(acl->entries[0].destination_any);
    EXPECT_EQ(acl->entries[0].ref.line, 46U);
    EXPECT_TRUE(acl->entries[1].log);

    ASSERT_EQ(m.routes.size(), 2U);
    EXPECT_EQ(m.routes[0].next_hop->ToString(), "192.0.2.254");
    EXPECT_EQ(m.routes[1].vrf, "CUST");
    EXPECT_EQ(m.routes[1].interface, "tunnel-ip10");

    ASSERT_EQ(m.snmp.communities.size(), 1U);
    EXPECT_EQ(m.snmp.communities[0].access, "rw");
    EXPECT_EQ(m.snmp.communities[0].acl, "20");
    ASSERT_EQ(m.snmp.hosts.size(), 1U);
    EXPECT_EQ(m.snmp.hosts[0].version, "2c");
    EXPECT_EQ(m.snmp.hosts[0].community, "s3cret");
    ASSERT_EQ(m.snmp.users.size(), 1U);
    EXPECT_EQ(m.snmp.users[0].auth, "sha");
    EXPECT_EQ(m.snmp.users[0].priv, "aes 128");
    EXPECT_EQ(m.snmp.groups.size(), 1U);

    auto service = [&](std::string_view name) -> const model::Service* {
        for (const auto& s : m.services) {
            if (s.name == name) {
                return &s;
            }
        }
        return nullptr;
    };
    ASSERT_NE(service("telnet"), nullptr);
    ASSERT_NE(service("ssh"), nullptr);
    EXPECT_EQ(service("ssh")->port, 22222);
    EXPECT_EQ(m.ssh.version, 2);
    ASSERT_NE(service("netconf"), nullptr);
    ASSERT_NE(service("tftp-server"), nullptr);
    EXPECT_EQ(service("tftp-server")->detail, "disk0:");
    ASSERT_NE(service("grpc"), nullptr);
    EXPECT_EQ(service("grpc")->port, 57400);

    ASSERT_EQ(m.logging.hosts.size(), 1U);  // the banner's `logging` line is text
    EXPECT_EQ(m.logging.hosts[0].host, "192.0.2.50");
    EXPECT_EQ(m.logging.trap_level_value, "informational");
    ASSERT_EQ(m.ntp_servers.size(), 1U);
    EXPECT_EQ(m.ntp_servers[0].host.ref.line, 71U);

    ASSERT_EQ(m.lines.size(), 1U);
    EXPECT_EQ(m.lines[0].range, "default");
    EXPECT_EQ(m.lines[0].access_class_in, "20");
    EXPECT_EQ(m.lines[0].transport_input, (std::vector<std::string>{"ssh", "telnet"}));
    EXPECT_EQ(m.lines[0].exec_timeout_seconds, 600);

    const model::Acl* mgmt = m.FindAcl("management-plane:ssh");
    ASSERT_NE(mgmt, nullptr);
    ASSERT_EQ(mgmt->entries.size(), 2U);
    EXPECT_EQ(mgmt->entries[1].sources.at(0).ToString(), "203.0.113.8/32");
    EXPECT_TRUE(std::any_of(m.acl_uses.begin(), m.acl_uses.end(), [](const model::AclUse& u) {
        return u.acl == "management-plane:ssh" && u.where == "ssh";
    }));
    EXPECT_TRUE(std::any_of(m.acl_uses.begin(), m.acl_uses.end(), [](const model::AclUse& u) {
        return u.acl == "20" && u.where == "vty";
    }));

    ASSERT_EQ(m.mirrors.size(), 1U);
    EXPECT_EQ(m.mirrors[0].id, "SPAN1");
    EXPECT_EQ(m.mirrors[0].sources, (std::vector<std::string>{"GigabitEthernet0/0/0/0"}));
    ASSERT_EQ(m.mirrors[0].remote_destinations.size(), 1U);
    EXPECT_EQ(m.mirrors[0].remote_destinations[0].host, "203.0.113.200");

    ASSERT_EQ(m.containers.size(), 1U);
    EXPECT_EQ(m.containers[0].kind, "docker");
    EXPECT_EQ(m.containers[0].name, "swan");

    const auto mentions = [&](std::string_view prefix) {
        return std::count_if(
            m.addresses.begin(), m.addresses.end(),
            [&](const model::AddressMention& a) { return a.prefix.ToString() == prefix; });
    };
    EXPECT_EQ(mentions("203.0.113.66/32"), 1);
    EXPECT_EQ(mentions("198.51.100.250/32"), 1);  // in the banner, still an address
    EXPECT_EQ(mentions("255.255.255.0/32"), 0);
    EXPECT_EQ(p.stats.rejected(), 0U);
}

TEST(CiscoXrTest, SshdOpernsMentionIsTheLinuxSshDaemon) {
    const Parsed p =
        Parse("hostname r1\nevent manager environment _cron_entry \"service sshd_operns start\"\n");
    ASSERT_EQ(p.model.services.size(), 1U);
    EXPECT_EQ(p.model.services[0].port, 57722);
    EXPECT_EQ(p.model.services[0].ref.line, 2U);
}

TEST(CiscoXrTest, UnmodelledLinesAreUnrecognisedNotRejected) {
    const Parsed p =
        Parse("hostname r1\nrouter bgp 65000\n bgp router-id 192.0.2.1\n!\n\nfoo bar\n");
    EXPECT_EQ(p.stats.read(), 6U);
    EXPECT_EQ(p.stats.rejected(), 0U);
    EXPECT_EQ(p.stats.unrecognised(), 3U);
}

TEST(CiscoXrTest, BrokenInputKeepsTheAccounting) {
    std::string text = "hostname r1\r\ninterface GigabitEthernet0/0/0/0\r\n description ";
    text.append(100 * 1024, 'z');
    text += "\r\n ipv4 address 192.0.2.1 255.255.255.0\r\n";
    const Parsed p = Parse(text);
    EXPECT_EQ(p.stats.RejectedFor(RejectReason::kOversizedLine), 1U);
    EXPECT_EQ(p.model.device.hostname, "r1");
    ASSERT_NE(p.model.FindInterface("GigabitEthernet0/0/0/0"), nullptr);
    EXPECT_EQ(p.model.FindInterface("GigabitEthernet0/0/0/0")->addresses.size(), 1U);
    for (const std::string garbage :
         {"", "\n\n\n", "}}}", "username", "interface", "ipv4 access-list",
          "router static\n address-family ipv4 unicast\n  not/a/route x\n"}) {
        Parse(garbage);
    }
}

TEST(CiscoXrTest, Sniff) {
    EXPECT_GE(SniffScore(kCiscoIosXr, kConfig), 90);
    const std::string headerless =
        "hostname r1\ninterface GigabitEthernet0/0/0/0\n ipv4 address 192.0.2.1 255.255.255.0\n!\n";
    EXPECT_GE(SniffScore(kCiscoIosXr, headerless), 30);
    const std::string ios =
        "hostname r1\ninterface GigabitEthernet0/1\n ip address 192.0.2.1 255.255.255.0\n!\n";
    EXPECT_LT(SniffScore(kCiscoIosXr, ios), 30);
    EXPECT_LT(SniffScore(kCiscoIosXr, "system {\n    host-name r1;\n}\n"), 30);
}

using stormwatch::test_support::ReadFile;

TEST(CiscoXrCorpusTest, RealConfigsSniffAndParse) {
    const auto configs = stormwatch::test_support::SharedCorpusDir() / "configs";
    if (!std::filesystem::is_directory(configs)) {
        GTEST_SKIP() << "corpus not present";
    }
    std::vector<std::filesystem::path> devices;
    for (const char* name :
         {"sample_01.iosxr", "sample_02.iosxr", "sample_03.iosxr", "sample_04.iosxr",
          "sample_05.iosxr", "sample_06.iosxr", "sample_07.iosxr"}) {
        devices.push_back(configs / "ciscoconfparse/tests/fixtures/configs" / name);
    }
    devices.push_back(configs /
                      "napalm/test/iosxr/mocked_data/test_get_config/normal/"
                      "_CLI__Configuration_show_running_config__Configuration___CLI_.txt");
    std::size_t parsed = 0;
    for (const auto& path : devices) {
        if (!std::filesystem::is_regular_file(path)) {
            continue;
        }
        const std::string text = ReadFile(path);
        EXPECT_GE(SniffScore(kCiscoIosXr, text.substr(0, 64 * 1024)), 30) << path;
        const Parsed p = Parse(text);
        EXPECT_GT(p.stats.read(), 0U) << path;
        ++parsed;
    }
    EXPECT_GE(parsed, 5U);

    const auto fixtures =
        configs / "batfish/projects/batfish/src/test/resources/org/batfish/grammar/cisco_xr";
    std::size_t fixtures_parsed = 0;
    std::error_code ec;
    if (std::filesystem::is_directory(fixtures, ec)) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(fixtures, ec)) {
            if (entry.is_regular_file()) {
                Parse(ReadFile(entry.path()));  // accounting checked inside
                ++fixtures_parsed;
            }
        }
    }
    EXPECT_GT(fixtures_parsed, 50U);
}

TEST(CiscoXrCorpusTest, OtherVendorsDoNotSniffAsXr) {
    const auto dir = stormwatch::test_support::SharedCorpusDir() /
                     "configs/ciscoconfparse/tests/fixtures/configs";
    if (!std::filesystem::is_directory(dir)) {
        GTEST_SKIP() << "corpus not present";
    }
    std::size_t checked = 0;
    for (const char* name : {"sample_01.ios", "sample_02.ios", "sample_03.ios", "sample_04.ios",
                             "sample_05.ios", "sample_01.nxos", "sample_01.asa", "sample_01.f5",
                             "sample_01.junos", "sample_03.junos", "HP_Procurve.conf"}) {
        const auto path = dir / name;
        if (!std::filesystem::is_regular_file(path)) {
            continue;
        }
        const std::string text = ReadFile(path);
        EXPECT_LT(SniffScore(kCiscoIosXr, text.substr(0, 64 * 1024)), 30) << name;
        ++checked;
    }
    EXPECT_GE(checked, 8U);
}

}  // namespace
}  // namespace stormwatch::parse
