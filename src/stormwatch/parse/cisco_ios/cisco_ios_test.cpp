// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/cisco_ios/cisco_ios.h"

#include <string>

#include <gtest/gtest.h>

#include "stormwatch/parse/parse_test_util.h"

namespace stormwatch::parse {
namespace {

using testing::Parsed;

Parsed Parse(std::string_view text) {
    return testing::ParseAs(kCiscoIos, std::string(text));
}

// Line numbers below are 1-based positions in this text.
constexpr std::string_view kConfig = R"(Building configuration...

Current configuration : 4242 bytes
!
version 17.9
service timestamps debug datetime msec
service password-encryption
!
hostname edge1
!
boot-start-marker
boot-end-marker
!
aaa new-model
aaa authentication login default group tacacs+ local
aaa authorization exec default group tacacs+ local
aaa accounting exec default start-stop group tacacs+
aaa accounting commands 15 default start-stop group tacacs+
!
username admin privilege 15 secret 9 $9$abcdefgh$ijklmnop
username cisco_tac_admin privilege 15 password 7 0822455D0A16
username ops algorithm-type sha256 secret S3cret!
enable secret 5 $1$abcd$efghijklmnop
password encryption aes
!
interface Loopback0
 ip address 192.0.2.1 255.255.255.255
!
interface GigabitEthernet0/0/0
 description WAN to ISP
 ip address 198.51.100.2 255.255.255.252
 ip address 198.51.100.9 255.255.255.248 secondary
 ipv6 address 2001:db8:1::2/64
 ip access-group 120 in
 no shutdown
!
interface GigabitEthernet0/0/1
 vrf forwarding MGMT
 ip address 192.0.2.65 255.255.255.192
 shutdown
!
interface Tunnel10
 ip address 10.10.12.1 255.255.255.0
 tunnel source Loopback0
 tunnel destination 203.0.113.77
!
interface Tunnel11
 tunnel source 192.0.2.1
 tunnel destination 203.0.113.78
 tunnel mode gre multipoint
!
ip http server
ip http port 18022
ip http secure-server
ip http access-class 20
ip ssh version 2
ip ssh port 22022 rotary 1
ip ssh source-interface Loopback0
ip ssh server algorithm encryption aes256-ctr 3des-cbc
ip scp server enable
!
ip route 0.0.0.0 0.0.0.0 198.51.100.1
ip route vrf MGMT 192.0.2.128 255.255.255.128 GigabitEthernet0/0/1 192.0.2.66
ipv6 route 2001:db8:ff::/48 Tunnel10
!
ip access-list standard MGMT
 10 permit 192.0.2.0 0.0.0.255
 20 permit host 203.0.113.9
 30 deny   any log
ip access-list extended WEB
 permit tcp any host 192.0.2.1 eq 443
 deny ip 198.51.100.0 0.0.0.255 any log
!
access-list 20 remark mgmt hosts
access-list 20 permit 203.0.113.10
access-list 20 permit 192.0.2.0 0.0.0.255
access-list 120 permit tcp host 203.0.113.5 any eq 22
!
logging trap informational
logging host 192.0.2.50
logging 192.0.2.51
no logging console
login on-failure log
!
snmp-server community public RO 20
snmp-server community private RW
snmp-server group V3G v3 priv
snmp-server user monitor V3G v3 auth sha AuthPass1 priv aes 128 PrivPass1
snmp-server host 192.0.2.60 version 2c public
!
tacacs-server host 203.0.113.49 key 7 0822455D0A16
tacacs server TAC1
 address ipv4 192.0.2.49
 key 6 FFFabcdef
radius server RAD1
 address ipv4 192.0.2.18 auth-port 1812 acct-port 1813
 key 7 1234ABCD
aaa group server tacacs+ TACG
 server name TAC1
 server-private 198.51.100.49 key 0 cleartext
!
ntp server 192.0.2.123
ntp access-group peer 20
!
iox
app-hosting appid guestshell
 app-vnic management guest-interface 0
!
monitor capture TAC interface GigabitEthernet0/0/0 both
monitor capture TAC match ipv4 protocol tcp any any eq 49
monitor capture TAC file location flash:tac.pcap
monitor session 1 source interface GigabitEthernet0/0/1 both
monitor session 1 destination interface GigabitEthernet0/0/2
monitor session 2 type erspan-source
 source interface GigabitEthernet0/0/0
 destination
  erspan-id 7
  ip address 203.0.113.200
  origin ip address 192.0.2.1
!
crypto isakmp key 0 Secret123 address 203.0.113.90
crypto map VPN 10 ipsec-isakmp
 set peer 203.0.113.91
crypto ikev2 keyring KR
 peer SITE
  address 203.0.113.92
  pre-shared-key local x
!
archive
 path tftp://203.0.113.66/backup-$h
 log config
  logging enable
  hidekeys
kron policy-list SAVE
 cli copy running-config tftp://203.0.113.67/r.cfg
tftp-server nvram:startup-config 20
no vstack
no cdp run
netconf-yang
!
line con 0
 exec-timeout 5 0
line vty 0 4
 access-class 20 in
 exec-timeout 10 30
 rotary 1
 transport input ssh telnet
 transport output none
!
end
)";

int LineOf(std::string_view needle) {
    const auto pos = kConfig.find(needle);
    EXPECT_NE(pos, std::string_view::npos) << needle;
    int line = 1;
    for (std::size_t i = 0; i < pos; ++i) {
        line += kConfig[i] == '\n' ? 1 : 0;
    }
    return line;
}

TEST(CiscoIosTest, SniffsItsOwnConfigs) {
    EXPECT_GE(SniffScore(kCiscoIos, kConfig), 80);
    EXPECT_GE(SniffScore(kCiscoIos, "interface Vlan1\n ip address 192.0.2.1 255.255.255.0\n"), 30);
    EXPECT_EQ(SniffScore(kCiscoIos, ": Saved\nASA Version 9.8(2)\nhostname fw\n"), 0);
    EXPECT_LT(SniffScore(kCiscoIos, "system {\n    host-name r1;\n}\n"), 30);
}

TEST(CiscoIosTest, DeviceIdentityAndAccounting) {
    const Parsed p = Parse(kConfig);
    EXPECT_EQ(p.model.dialect, model::Dialect::kCiscoIos);
    EXPECT_EQ(p.model.device.hostname, "edge1");
    EXPECT_EQ(p.model.device.hostname_ref.line, 9U);
    EXPECT_EQ(p.model.device.version, "17.9");
    EXPECT_TRUE(p.model.device.ios_xe);
    EXPECT_EQ(p.stats.read(), p.stats.processed() + p.stats.rejected());
    EXPECT_EQ(p.stats.rejected(), 0U);
    ASSERT_TRUE(p.model.service_password_encryption.has_value());
    ASSERT_TRUE(p.model.password_encryption_aes.has_value());
    ASSERT_TRUE(p.model.smart_install_disabled.has_value());
    EXPECT_EQ(p.model.smart_install_disabled->text, "no vstack");
    EXPECT_FALSE(p.model.smart_install_enabled.has_value());
    EXPECT_FALSE(p.model.device.is_switch);
    // Every line the tree kept is processed; some (boot markers, app-vnic) are unrecognised.
    EXPECT_GT(p.stats.unrecognised(), 0U);
    EXPECT_LT(p.stats.unrecognised(), 20U);
}

TEST(CiscoIosTest, ClassicIosIsNotXe) {
    const Parsed p = Parse("version 15.2\nhostname r\n");
    EXPECT_FALSE(p.model.device.ios_xe);
    EXPECT_EQ(p.model.device.version_ref.line, 1U);
}

TEST(CiscoIosTest, Interfaces) {
    const Parsed p = Parse(kConfig);
    ASSERT_EQ(p.model.interfaces.size(), 5U);
    const model::Interface* lo = p.model.FindInterface("Loopback0");
    ASSERT_NE(lo, nullptr);
    EXPECT_TRUE(lo->is_loopback);
    ASSERT_EQ(lo->addresses.size(), 1U);
    EXPECT_EQ(lo->addresses[0].prefix.ToString(), "192.0.2.1/32");

    const model::Interface* wan = p.model.FindInterface("GigabitEthernet0/0/0");
    ASSERT_NE(wan, nullptr);
    EXPECT_EQ(wan->description, "WAN to ISP");
    EXPECT_FALSE(wan->shutdown);
    ASSERT_EQ(wan->addresses.size(), 3U);
    EXPECT_EQ(wan->addresses[0].address.ToString(), "198.51.100.2");
    EXPECT_EQ(wan->addresses[0].prefix.length(), 30);
    EXPECT_FALSE(wan->addresses[0].secondary);
    EXPECT_TRUE(wan->addresses[1].secondary);
    EXPECT_EQ(wan->addresses[1].ref.line,
              static_cast<std::uint32_t>(LineOf("ip address 198.51.100.9")));
    EXPECT_EQ(wan->addresses[2].address.ToString(), "2001:db8:1::2");
    ASSERT_EQ(wan->acls.size(), 1U);
    EXPECT_EQ(wan->acls[0].acl, "120");
    EXPECT_EQ(wan->acls[0].direction, "in");

    const model::Interface* mgmt = p.model.FindInterface("GigabitEthernet0/0/1");
    ASSERT_NE(mgmt, nullptr);
    EXPECT_EQ(mgmt->vrf, "MGMT");
    EXPECT_TRUE(mgmt->shutdown);

    const model::Interface* t10 = p.model.FindInterface("Tunnel10");
    ASSERT_NE(t10, nullptr);
    EXPECT_TRUE(t10->is_tunnel);
    ASSERT_TRUE(t10->tunnel_source.has_value());
    EXPECT_FALSE(t10->tunnel_source->address.has_value());
    EXPECT_EQ(t10->tunnel_source->host, "Loopback0");
    ASSERT_TRUE(t10->tunnel_destination.has_value());
    EXPECT_EQ(t10->tunnel_destination->address->ToString(), "203.0.113.77");
    EXPECT_EQ(t10->tunnel_destination->ref.text, "tunnel destination 203.0.113.77");
    EXPECT_EQ(t10->tunnel_mode, "gre ip");
    const model::Interface* t11 = p.model.FindInterface("Tunnel11");
    ASSERT_NE(t11, nullptr);
    EXPECT_EQ(t11->tunnel_mode, "gre multipoint");
    EXPECT_EQ(t11->tunnel_mode_ref.line,
              static_cast<std::uint32_t>(LineOf("tunnel mode gre multipoint")));
    EXPECT_EQ(t11->tunnel_source->address->ToString(), "192.0.2.1");
}

TEST(CiscoIosTest, UsersAndSecrets) {
    const Parsed p = Parse(kConfig);
    ASSERT_EQ(p.model.users.size(), 3U);
    EXPECT_EQ(p.model.users[0].name, "admin");
    EXPECT_EQ(p.model.users[0].privilege, 15);
    EXPECT_EQ(p.model.users[0].secret_type, "9");
    EXPECT_EQ(p.model.users[0].ref.line, 20U);
    EXPECT_EQ(p.model.users[1].name, "cisco_tac_admin");
    EXPECT_EQ(p.model.users[1].secret_type, "7");
    EXPECT_EQ(p.model.users[2].secret_type, "8");
    EXPECT_EQ(p.model.users[2].privilege, -1);
    ASSERT_EQ(p.model.enable_secrets.size(), 1U);
    EXPECT_EQ(p.model.enable_secrets[0].secret_type, "5");
    EXPECT_FALSE(p.model.enable_secrets[0].is_password);

    const Parsed q = Parse(
        "enable password 7 0822455D0A16\nenable password cleartext\n"
        "username u nopassword\nusername k\n");
    ASSERT_EQ(q.model.enable_secrets.size(), 2U);
    EXPECT_TRUE(q.model.enable_secrets[0].is_password);
    EXPECT_EQ(q.model.enable_secrets[0].secret_type, "7");
    EXPECT_EQ(q.model.enable_secrets[1].secret_type, "0");
    ASSERT_EQ(q.model.users.size(), 2U);
    EXPECT_EQ(q.model.users[0].secret_type, "nopassword");
    EXPECT_EQ(q.model.users[1].secret_type, "");
}

TEST(CiscoIosTest, Aaa) {
    const Parsed p = Parse(kConfig);
    const auto& aaa = p.model.aaa;
    ASSERT_TRUE(aaa.new_model.has_value());
    EXPECT_EQ(aaa.new_model->line, 14U);
    EXPECT_EQ(aaa.authentication.size(), 1U);
    EXPECT_EQ(aaa.authorization.size(), 1U);
    EXPECT_EQ(aaa.accounting.size(), 2U);
    EXPECT_TRUE(aaa.command_accounting);
    EXPECT_TRUE(aaa.exec_accounting);

    const auto& servers = p.model.aaa_servers;
    ASSERT_EQ(servers.size(), 4U);
    EXPECT_EQ(servers[0].protocol, "tacacs+");
    EXPECT_EQ(servers[0].host.address->ToString(), "203.0.113.49");
    EXPECT_EQ(servers[0].key_type, "7");
    EXPECT_EQ(servers[1].name, "TAC1");
    EXPECT_EQ(servers[1].host.host, "192.0.2.49");
    EXPECT_EQ(servers[1].host.ref.text, "address ipv4 192.0.2.49");
    EXPECT_EQ(servers[1].key_type, "6");
    ASSERT_TRUE(servers[1].key_ref.has_value());
    EXPECT_EQ(servers[1].key_ref->text, "key 6 FFFabcdef");
    EXPECT_EQ(servers[2].protocol, "radius");
    EXPECT_EQ(servers[2].host.address->ToString(), "192.0.2.18");
    EXPECT_EQ(servers[3].host.address->ToString(), "198.51.100.49");
    EXPECT_EQ(servers[3].key_type, "0");

    const Parsed q = Parse("no aaa new-model\naaa accounting commands 15 default none\n");
    EXPECT_TRUE(q.model.aaa.no_new_model.has_value());
    EXPECT_FALSE(q.model.aaa.command_accounting);
}

TEST(CiscoIosTest, AclsAndUses) {
    const Parsed p = Parse(kConfig);
    const model::Acl* mgmt = p.model.FindAcl("MGMT");
    ASSERT_NE(mgmt, nullptr);
    EXPECT_EQ(mgmt->kind, "standard");
    ASSERT_EQ(mgmt->entries.size(), 3U);
    EXPECT_EQ(mgmt->entries[0].action, "permit");
    ASSERT_EQ(mgmt->entries[0].sources.size(), 1U);
    EXPECT_EQ(mgmt->entries[0].sources[0].ToString(), "192.0.2.0/24");
    EXPECT_EQ(mgmt->entries[1].sources[0].ToString(), "203.0.113.9/32");
    EXPECT_TRUE(mgmt->entries[2].source_any);
    EXPECT_TRUE(mgmt->entries[2].log);
    EXPECT_EQ(mgmt->entries[2].action, "deny");

    const model::Acl* web = p.model.FindAcl("WEB");
    ASSERT_NE(web, nullptr);
    EXPECT_EQ(web->kind, "extended");
    ASSERT_EQ(web->entries.size(), 2U);
    EXPECT_EQ(web->entries[0].protocol, "tcp");
    EXPECT_TRUE(web->entries[0].source_any);
    EXPECT_EQ(web->entries[0].destinations[0].ToString(), "192.0.2.1/32");
    EXPECT_EQ(web->entries[1].sources[0].ToString(), "198.51.100.0/24");
    EXPECT_TRUE(web->entries[1].destination_any);

    const model::Acl* a20 = p.model.FindAcl("20");
    ASSERT_NE(a20, nullptr);
    EXPECT_EQ(a20->kind, "standard");
    ASSERT_EQ(a20->entries.size(), 3U);
    EXPECT_EQ(a20->entries[0].action, "remark");
    EXPECT_EQ(a20->entries[1].sources[0].ToString(), "203.0.113.10/32");
    EXPECT_EQ(a20->entries[1].ref.line,
              static_cast<std::uint32_t>(LineOf("access-list 20 permit 203.0.113.10")));
    const model::Acl* a120 = p.model.FindAcl("120");
    ASSERT_NE(a120, nullptr);
    EXPECT_EQ(a120->kind, "extended");
    EXPECT_EQ(a120->entries[0].sources[0].ToString(), "203.0.113.5/32");

    std::vector<std::string> uses;
    for (const auto& use : p.model.acl_uses) {
        uses.push_back(use.where + ":" + use.acl);
    }
    EXPECT_EQ(uses,
              (std::vector<std::string>{"http:20", "snmp:20", "ntp:20", "tftp:20", "vty:20"}));
}

TEST(CiscoIosTest, ServicesAndSsh) {
    const Parsed p = Parse(kConfig);
    std::vector<std::string> names;
    for (const auto& s : p.model.services) {
        names.push_back(s.name + (s.enabled ? "+" : "-") + std::to_string(s.port));
    }
    EXPECT_EQ(names, (std::vector<std::string>{"http+18022", "https+0", "ssh+22022", "scp-server+0",
                                               "tftp-server+0", "cdp-0", "netconf+0"}));
    EXPECT_EQ(p.model.services[0].ref.text, "ip http port 18022");
    EXPECT_EQ(p.model.services[2].detail, "rotary 1");
    EXPECT_EQ(p.model.services[4].detail, "nvram:startup-config");
    EXPECT_EQ(p.model.ssh.version, 2);
    ASSERT_EQ(p.model.ssh.weak_algorithms.size(), 1U);
    EXPECT_EQ(p.model.ssh.weak_algorithms[0].line,
              static_cast<std::uint32_t>(LineOf("ip ssh server algorithm")));
    ASSERT_TRUE(p.model.ssh.source_interface.has_value());
    EXPECT_EQ(p.model.ssh.source_interface->host, "Loopback0");

    const Parsed q = Parse("ip http server\nno ip http server\n");
    ASSERT_EQ(q.model.services.size(), 1U);
    EXPECT_FALSE(q.model.services[0].enabled);
    EXPECT_EQ(q.model.services[0].ref.line, 2U);
}

TEST(CiscoIosTest, Lines) {
    const Parsed p = Parse(kConfig);
    ASSERT_EQ(p.model.lines.size(), 2U);
    EXPECT_EQ(p.model.lines[0].range, "console 0");
    EXPECT_EQ(p.model.lines[0].exec_timeout_seconds, 300);
    const auto& vty = p.model.lines[1];
    EXPECT_EQ(vty.range, "vty 0 4");
    EXPECT_EQ(vty.access_class_in, "20");
    EXPECT_EQ(vty.exec_timeout_seconds, 630);
    EXPECT_EQ(vty.rotary, 1);
    EXPECT_EQ(vty.transport_input, (std::vector<std::string>{"ssh", "telnet"}));
    EXPECT_TRUE(vty.transport_output_none);
    ASSERT_TRUE(vty.transport_input_ref.has_value());
    EXPECT_EQ(vty.transport_input_ref->line,
              static_cast<std::uint32_t>(LineOf("transport input ssh telnet")));
}

TEST(CiscoIosTest, LoggingSnmpNtp) {
    const Parsed p = Parse(kConfig);
    const auto& log = p.model.logging;
    ASSERT_EQ(log.hosts.size(), 2U);
    EXPECT_EQ(log.hosts[0].address->ToString(), "192.0.2.50");
    EXPECT_EQ(log.hosts[1].address->ToString(), "192.0.2.51");
    EXPECT_EQ(log.trap_level_value, "informational");
    EXPECT_TRUE(log.archive_log_config);
    ASSERT_TRUE(log.archive_ref.has_value());
    EXPECT_EQ(log.archive_ref->text, "logging enable");
    EXPECT_TRUE(log.login_on_failure_log);
    EXPECT_TRUE(log.disabled.empty());  // `no logging console` is hardening, not tampering

    const auto& snmp = p.model.snmp;
    ASSERT_EQ(snmp.communities.size(), 2U);
    EXPECT_EQ(snmp.communities[0].name, "public");
    EXPECT_EQ(snmp.communities[0].access, "ro");
    EXPECT_EQ(snmp.communities[0].acl, "20");
    EXPECT_EQ(snmp.communities[1].access, "rw");
    EXPECT_EQ(snmp.communities[1].acl, "");
    ASSERT_EQ(snmp.users.size(), 1U);
    EXPECT_EQ(snmp.users[0].version, "v3");
    EXPECT_EQ(snmp.users[0].auth, "sha");
    EXPECT_EQ(snmp.users[0].priv, "aes 128");
    ASSERT_EQ(snmp.hosts.size(), 1U);
    EXPECT_EQ(snmp.hosts[0].version, "2c");
    EXPECT_EQ(snmp.hosts[0].community, "public");
    EXPECT_EQ(snmp.groups.size(), 1U);

    ASSERT_EQ(p.model.ntp_servers.size(), 1U);
    EXPECT_EQ(p.model.ntp_servers[0].host.address->ToString(), "192.0.2.123");

    const Parsed q = Parse("no logging on\nno logging host 192.0.2.50\n");
    EXPECT_EQ(q.model.logging.disabled.size(), 2U);
}

TEST(CiscoIosTest, ContainersCapturesMirrors) {
    const Parsed p = Parse(kConfig);
    ASSERT_EQ(p.model.containers.size(), 2U);
    EXPECT_EQ(p.model.containers[0].kind, "iox");
    EXPECT_EQ(p.model.containers[1].kind, "app-hosting");
    EXPECT_EQ(p.model.containers[1].name, "guestshell");

    ASSERT_EQ(p.model.captures.size(), 1U);
    const auto& cap = p.model.captures[0];
    EXPECT_EQ(cap.name, "TAC");
    EXPECT_EQ(cap.tool, "epc");
    EXPECT_TRUE(cap.targets_aaa);
    EXPECT_EQ(cap.file, "flash:tac.pcap");
    EXPECT_EQ(cap.lines.size(), 3U);

    ASSERT_EQ(p.model.mirrors.size(), 2U);
    EXPECT_EQ(p.model.mirrors[0].id, "1");
    EXPECT_EQ(p.model.mirrors[0].type, "span");
    EXPECT_EQ(p.model.mirrors[0].sources, (std::vector<std::string>{"GigabitEthernet0/0/1"}));
    const auto& erspan = p.model.mirrors[1];
    EXPECT_EQ(erspan.type, "erspan-source");
    ASSERT_EQ(erspan.remote_destinations.size(), 1U);
    EXPECT_EQ(erspan.remote_destinations[0].address->ToString(), "203.0.113.200");
    EXPECT_EQ(erspan.remote_destinations[0].ref.line,
              static_cast<std::uint32_t>(LineOf("ip address 203.0.113.200")));
    EXPECT_EQ(erspan.lines.size(), 6U);
}

TEST(CiscoIosTest, RoutesCryptoTransfers) {
    const Parsed p = Parse(kConfig);
    ASSERT_EQ(p.model.routes.size(), 3U);
    EXPECT_EQ(p.model.routes[0].prefix.ToString(), "0.0.0.0/0");
    EXPECT_EQ(p.model.routes[0].next_hop->ToString(), "198.51.100.1");
    EXPECT_EQ(p.model.routes[1].vrf, "MGMT");
    EXPECT_EQ(p.model.routes[1].interface, "GigabitEthernet0/0/1");
    EXPECT_EQ(p.model.routes[1].next_hop->ToString(), "192.0.2.66");
    EXPECT_EQ(p.model.routes[2].prefix.ToString(), "2001:db8:ff::/48");
    EXPECT_EQ(p.model.routes[2].interface, "Tunnel10");

    ASSERT_EQ(p.model.crypto_peers.size(), 3U);
    EXPECT_EQ(p.model.crypto_peers[0].kind, "isakmp");
    EXPECT_EQ(p.model.crypto_peers[0].host.address->ToString(), "203.0.113.90");
    EXPECT_EQ(p.model.crypto_peers[1].kind, "crypto-map");
    EXPECT_EQ(p.model.crypto_peers[2].kind, "ikev2");
    EXPECT_EQ(p.model.crypto_peers[2].host.host, "203.0.113.92");

    ASSERT_EQ(p.model.transfers.size(), 2U);
    EXPECT_EQ(p.model.transfers[0].url, "tftp://203.0.113.66/backup-$h");
    EXPECT_EQ(p.model.transfers[0].address->ToString(), "203.0.113.66");
    EXPECT_EQ(p.model.transfers[1].address->ToString(), "203.0.113.67");
}

TEST(CiscoIosTest, EveryAddressIsMentioned) {
    const Parsed p = Parse(kConfig);
    auto mentioned = [&](std::string_view prefix, std::string_view line_text) {
        for (const auto& m : p.model.addresses) {
            if (m.prefix.ToString() == prefix && m.ref.text == line_text) {
                return true;
            }
        }
        return false;
    };
    EXPECT_TRUE(mentioned("198.51.100.2/32", "ip address 198.51.100.2 255.255.255.252"));
    EXPECT_TRUE(mentioned("192.0.2.0/24", "10 permit 192.0.2.0 0.0.0.255"));
    EXPECT_TRUE(mentioned("0.0.0.0/0", "ip route 0.0.0.0 0.0.0.0 198.51.100.1"));
    EXPECT_TRUE(mentioned("198.51.100.1/32", "ip route 0.0.0.0 0.0.0.0 198.51.100.1"));
    EXPECT_TRUE(mentioned("203.0.113.66/32", "path tftp://203.0.113.66/backup-$h"));
    EXPECT_TRUE(mentioned("2001:db8:1::2/128", "ipv6 address 2001:db8:1::2/64"));
    EXPECT_TRUE(mentioned("2001:db8:ff::/48", "ipv6 route 2001:db8:ff::/48 Tunnel10"));
    for (const auto& m : p.model.addresses) {
        // Masks never stand on their own.
        EXPECT_NE(m.prefix.ToString().rfind("255.", 0), 0U) << m.ref.text;
        EXPECT_NE(m.prefix.ToString(), "0.0.0.255/32") << m.ref.text;
        EXPECT_GT(m.ref.line, 0U);
    }
    // No false addresses from times, versions or MACs.
    const Parsed q =
        Parse("clock 12:30:00\nversion 17.9.4a\nmac-address 0011.2233.4455\nx 1.2.3.4.5\n");
    EXPECT_TRUE(q.model.addresses.empty());
}

TEST(CiscoIosTest, SwitchAndSmartInstall) {
    const Parsed p = Parse("vstack\ninterface GigabitEthernet1/0/1\n switchport mode access\n");
    EXPECT_TRUE(p.model.device.is_switch);
    ASSERT_TRUE(p.model.smart_install_enabled.has_value());
    EXPECT_EQ(p.model.smart_install_enabled->line, 1U);
}

TEST(CiscoIosTest, BrokenInputs) {
    std::string garbage;
    for (int i = 0; i < 20000; ++i) {
        garbage.push_back(static_cast<char>((i * 7919 + 13) % 256));
    }
    const Parsed g = Parse(garbage);
    EXPECT_EQ(g.stats.read(), g.stats.processed() + g.stats.rejected());

    std::string big = "hostname r1\n" + std::string(100 * 1024, 'x') + "\nend\n";
    const Parsed b = Parse(big);
    EXPECT_EQ(b.stats.RejectedFor(RejectReason::kOversizedLine), 1U);
    EXPECT_EQ(b.model.device.hostname, "r1");

    const Parsed crlf =
        Parse("hostname r2\r\ninterface Tunnel1\r\n\ttunnel destination 203.0.113.1\r\n");
    EXPECT_EQ(crlf.model.device.hostname, "r2");
    ASSERT_EQ(crlf.model.interfaces.size(), 1U);
    EXPECT_EQ(crlf.model.interfaces[0].tunnel_destination->host, "203.0.113.1");

    // Truncated blocks and commands missing their arguments.
    const Parsed t = Parse(
        "interface\nip access-list extended\n permit\naccess-list\nusername\n"
        "snmp-server community\ntacacs-server host\nmonitor session\n"
        "ip route\nip route 192.0.2.0\nlogging host\nline\ncrypto map X 10\n"
        " set peer\nmonitor capture\nntp server\nenable secret\n");
    EXPECT_EQ(t.stats.read(), t.stats.processed() + t.stats.rejected());
}

}  // namespace
}  // namespace stormwatch::parse
