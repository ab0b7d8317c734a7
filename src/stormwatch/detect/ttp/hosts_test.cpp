// SPDX-License-Identifier: Apache-2.0
// Rules about far ends: tunnels, mirrors, SNMP and syslog hosts, routes, transfers, and the
// indicator catch-all.

#include <string>

#include <gtest/gtest.h>

#include "stormwatch/detect/ttp/ttp_test_util.h"

namespace stormwatch::detect::ttp {
namespace {

using testing::Address;
using testing::Approved;
using testing::Env;
using testing::Host;
using testing::Mention;
using testing::Prefix;
using testing::Ref;
using testing::RunRule;
using Lines = std::vector<std::string>;

model::Interface Tunnel(std::string name, std::uint32_t line, std::string_view destination) {
    model::Interface interface;
    interface.name = name;
    interface.ref = Ref(line, "interface " + name);
    interface.is_tunnel = true;
    interface.tunnel_mode = "gre ip";
    if (!destination.empty()) {
        interface.tunnel_destination =
            Host(destination, line + 1, "tunnel destination " + std::string(destination));
    }
    return interface;
}

model::DeviceModel TunnelModel() {
    model::DeviceModel model;
    model.interfaces.push_back(Tunnel("Tunnel1", 10, "45.61.133.77"));
    model.interfaces.push_back(Tunnel("Tunnel2", 20, "8.8.8.8"));
    model.interfaces.push_back(Tunnel("Tunnel3", 30, "10.20.0.1"));
    model::Interface hub = Tunnel("Tunnel4", 40, "");
    hub.tunnel_mode = "gre multipoint";
    hub.tunnel_mode_ref = Ref(42, "tunnel mode gre multipoint");
    model.interfaces.push_back(hub);
    model.interfaces.push_back(Tunnel("Tunnel5", 50, "dynamic"));
    model.crypto_peers.push_back(
        {.host = Host("167.88.173.252", 60, "crypto isakmp key k address 167.88.173.252"),
         .kind = "isakmp"});
    model.crypto_peers.push_back(
        {.host = Host("9.9.9.9", 61, "set peer 9.9.9.9"), .kind = "crypto-map"});
    return model;
}

TEST(TtpTunnelTest, IndicatorFarEndsAreCritical) {
    Env env;
    EXPECT_EQ(RunRule("SW-CFG-TUNNEL-IOC", TunnelModel(), env),
              (Lines{"SW-CFG-TUNNEL-IOC critical 11 tunnel destination 45.61.133.77 [45.61.133.77]",
                     "SW-CFG-TUNNEL-IOC critical 60 crypto isakmp key k address 167.88.173.252 "
                     "[167.88.173.252]"}));
}

TEST(TtpTunnelTest, WithoutPolicyPublicFarEndsAndMgreAreMedium) {
    Env env;
    EXPECT_EQ(RunRule("SW-CFG-TUNNEL-UNAPPROVED", TunnelModel(), env),
              (Lines{"SW-CFG-TUNNEL-UNAPPROVED medium 21 tunnel destination 8.8.8.8",
                     "SW-CFG-TUNNEL-UNAPPROVED medium 42 tunnel mode gre multipoint",
                     "SW-CFG-TUNNEL-UNAPPROVED medium 61 set peer 9.9.9.9"}));
}

TEST(TtpTunnelTest, WithPolicyOnlyUnapprovedPeersAreHigh) {
    Env env;
    env.policy.loaded = true;
    env.policy.tunnel_peers = Approved({"8.8.8.8/32", "9.9.9.0/24"});
    EXPECT_EQ(RunRule("SW-CFG-TUNNEL-UNAPPROVED", TunnelModel(), env),
              (Lines{"SW-CFG-TUNNEL-UNAPPROVED high 31 tunnel destination 10.20.0.1"}));
}

TEST(TtpTunnelTest, SaltAddressingOnlyOnTunnelsInsideTheSlash24) {
    Env env;
    model::DeviceModel model;
    auto add = [](model::Interface& interface, std::string_view address, std::uint32_t line) {
        model::InterfaceAddress entry;
        entry.address = Address(address);
        entry.prefix = IpPrefix(entry.address, 30);
        entry.ref = Ref(line, "ip address " + std::string(address) + " 255.255.255.252");
        interface.addresses.push_back(entry);
    };
    model::Interface salt = Tunnel("Tunnel0", 1, "192.0.2.1");
    add(salt, "10.10.12.5", 3);
    model::Interface near = Tunnel("Tunnel1", 10, "192.0.2.2");
    add(near, "10.10.13.1", 12);
    model::Interface physical;
    physical.name = "GigabitEthernet1";
    add(physical, "10.10.12.9", 20);
    model.interfaces = {salt, near, physical};
    EXPECT_EQ(
        RunRule("SW-CFG-TUNNEL-SALT-ADDRESSING", model, env),
        (Lines{"SW-CFG-TUNNEL-SALT-ADDRESSING high 3 ip address 10.10.12.5 255.255.255.252"}));
}

model::DeviceModel MirrorModel() {
    model::DeviceModel model;
    model::MirrorSession local;
    local.id = "1";
    local.type = "span";
    local.ref = Ref(1, "monitor session 1 source interface Gi1/0/1");
    model.mirrors.push_back(local);
    model::MirrorSession erspan;
    erspan.id = "2";
    erspan.type = "erspan-source";
    erspan.ref = Ref(5, "monitor session 2 type erspan-source");
    erspan.remote_destinations = {Host("45.61.133.77", 8, "ip address 45.61.133.77"),
                                  Host("8.8.8.8", 9, "ip address 8.8.8.8"),
                                  Host("10.9.9.9", 10, "ip address 10.9.9.9")};
    model.mirrors.push_back(erspan);
    return model;
}

TEST(TtpMirrorTest, IndicatorRemoteAndLocalSessions) {
    Env env;
    const model::DeviceModel model = MirrorModel();
    EXPECT_EQ(RunRule("SW-CFG-MIRROR-IOC", model, env),
              (Lines{"SW-CFG-MIRROR-IOC critical 8 ip address 45.61.133.77 [45.61.133.77]"}));
    EXPECT_EQ(RunRule("SW-CFG-MIRROR-REMOTE", model, env),
              (Lines{"SW-CFG-MIRROR-REMOTE high 9 ip address 8.8.8.8"}));
    EXPECT_EQ(RunRule("SW-CFG-MIRROR-SESSION", model, env),
              (Lines{"SW-CFG-MIRROR-SESSION low 1 monitor session 1 source interface Gi1/0/1"}));

    env.policy.loaded = true;
    env.policy.mirror_destinations = Approved({"8.8.8.8/32"});
    EXPECT_EQ(RunRule("SW-CFG-MIRROR-REMOTE", model, env),
              (Lines{"SW-CFG-MIRROR-REMOTE high 10 ip address 10.9.9.9"}));
}

TEST(TtpSnmpTest, CommunitiesAndHosts) {
    Env env;
    model::DeviceModel model;
    model.snmp.communities = {{.name = "monitor",
                               .access = "ro",
                               .acl = "10",
                               .ref = Ref(1, "snmp-server community monitor RO 10")},
                              {.name = "s3cret",
                               .access = "rw",
                               .acl = "",
                               .ref = Ref(2, "snmp-server community s3cret RW")},
                              {.name = "PUBLIC",
                               .access = "ro",
                               .acl = "",
                               .ref = Ref(3, "snmp-server community PUBLIC RO")},
                              {.name = "publicity",
                               .access = "ro",
                               .acl = "",
                               .ref = Ref(4, "snmp-server community publicity RO")}};
    model.snmp.hosts = {{.host = Host("203.0.113.50", 5, "snmp-server host 203.0.113.50 x"),
                         .version = "2c",
                         .community = "x"},
                        {.host = Host("1.1.1.1", 6, "snmp-server host 1.1.1.1 x"),
                         .version = "2c",
                         .community = "x"},
                        {.host = Host("10.0.0.9", 7, "snmp-server host 10.0.0.9 x"),
                         .version = "2c",
                         .community = "x"}};
    EXPECT_EQ(RunRule("SW-CFG-SNMP-RW", model, env),
              (Lines{"SW-CFG-SNMP-RW high 2 snmp-server community s3cret RW"}));
    EXPECT_EQ(RunRule("SW-CFG-SNMP-DEFAULT-COMMUNITY", model, env),
              (Lines{"SW-CFG-SNMP-DEFAULT-COMMUNITY high 3 snmp-server community PUBLIC RO"}));
    EXPECT_EQ(
        RunRule("SW-CFG-SNMP-HOST-IOC", model, env),
        (Lines{
            "SW-CFG-SNMP-HOST-IOC critical 5 snmp-server host 203.0.113.50 x [203.0.113.0/24]"}));
    EXPECT_EQ(RunRule("SW-CFG-SNMP-HOST-UNAPPROVED", model, env), Lines{});  // needs a policy
    env.policy.loaded = true;
    env.policy.snmp_managers = Approved({"1.1.1.1/32"});
    EXPECT_EQ(RunRule("SW-CFG-SNMP-HOST-UNAPPROVED", model, env),
              (Lines{"SW-CFG-SNMP-HOST-UNAPPROVED medium 7 snmp-server host 10.0.0.9 x"}));
}

TEST(TtpLoggingTest, HostsAndDisabledLogging) {
    Env env;
    model::DeviceModel model;
    model.logging.hosts = {Host("evil.materialplies.com", 1, "logging host evil.materialplies.com"),
                           Host("1.0.0.1", 2, "logging host 1.0.0.1"),
                           Host("syslog.corp.example", 3, "logging host syslog.corp.example"),
                           Host("10.0.0.5", 4, "logging host 10.0.0.5")};
    EXPECT_EQ(RunRule("SW-CFG-LOG-HOST-IOC", model, env),
              (Lines{"SW-CFG-LOG-HOST-IOC critical 1 logging host evil.materialplies.com "
                     "[materialplies.com]"}));
    EXPECT_EQ(RunRule("SW-CFG-LOG-HOST-UNAPPROVED", model, env), Lines{});  // needs a policy
    env.policy.loaded = true;
    env.policy.syslog_servers = Approved({"10.0.0.0/24"}, {"syslog.corp.example"});
    EXPECT_EQ(RunRule("SW-CFG-LOG-HOST-UNAPPROVED", model, env),
              (Lines{"SW-CFG-LOG-HOST-UNAPPROVED medium 2 logging host 1.0.0.1"}));

    EXPECT_EQ(RunRule("SW-CFG-LOG-DISABLED", model, env), Lines{});
    model.logging.disabled.push_back(Ref(8, "no logging on"));
    EXPECT_EQ(RunRule("SW-CFG-LOG-DISABLED", model, env),
              (Lines{"SW-CFG-LOG-DISABLED high 8 no logging on"}));
}

TEST(TtpRouteTest, IndicatorRoutesAndRoutesIntoUnapprovedTunnels) {
    Env env;
    model::DeviceModel model;
    model.interfaces.push_back(Tunnel("Tunnel9", 1, "8.8.8.8"));
    model.interfaces.push_back(Tunnel("Tunnel8", 5, "10.0.0.1"));
    auto route = [](std::string_view prefix, std::optional<std::string_view> next_hop,
                    std::string interface, std::uint32_t line, std::string text) {
        model::StaticRoute r;
        r.prefix = Prefix(prefix);
        if (next_hop) {
            r.next_hop = Address(*next_hop);
        }
        r.interface = std::move(interface);
        r.ref = Ref(line, std::move(text));
        return r;
    };
    model.routes = {
        route("0.0.0.0/0", "192.0.2.1", "", 10, "ip route 0.0.0.0 0.0.0.0 192.0.2.1"),
        route("45.61.0.0/16", "192.0.2.1", "", 11, "ip route 45.61.0.0 255.255.0.0 192.0.2.1"),
        route("198.51.100.0/24", "167.88.173.252", "", 12,
              "ip route 198.51.100.0 255.255.255.0 167.88.173.252"),
        route("192.0.2.128/25", std::nullopt, "Tunnel9", 13,
              "ip route 192.0.2.128 255.255.255.128 Tunnel9"),
        route("192.0.2.64/26", std::nullopt, "Tunnel8", 14,
              "ip route 192.0.2.64 255.255.255.192 Tunnel8"),
        route("192.0.2.32/27", std::nullopt, "Null0", 15,
              "ip route 192.0.2.32 255.255.255.224 Null0")};
    EXPECT_EQ(
        RunRule("SW-CFG-ROUTE-IOC", model, env),
        (Lines{
            "SW-CFG-ROUTE-IOC critical 11 ip route 45.61.0.0 255.255.0.0 192.0.2.1 [45.61.133.77]",
            "SW-CFG-ROUTE-IOC critical 12 ip route 198.51.100.0 255.255.255.0 167.88.173.252 "
            "[167.88.173.252]"}));
    EXPECT_EQ(
        RunRule("SW-CFG-ROUTE-VIA-TUNNEL", model, env),
        (Lines{"SW-CFG-ROUTE-VIA-TUNNEL medium 13 ip route 192.0.2.128 255.255.255.128 Tunnel9"}));
    env.policy.loaded = true;
    env.policy.tunnel_peers = Approved({"8.8.8.8/32"});
    EXPECT_EQ(
        RunRule("SW-CFG-ROUTE-VIA-TUNNEL", model, env),
        (Lines{"SW-CFG-ROUTE-VIA-TUNNEL medium 14 ip route 192.0.2.64 255.255.255.192 Tunnel8"}));
}

TEST(TtpIndicatorTest, NtpAndCatchAllDoNotRepeatSpecificRules) {
    Env env;
    model::DeviceModel model;
    model.ntp_servers.push_back({.host = Host("45.61.133.77", 1, "ntp server 45.61.133.77")});
    model.ntp_servers.push_back({.host = Host("192.0.2.123", 2, "ntp server 192.0.2.123")});
    model.logging.hosts.push_back(Host("167.88.173.252", 3, "logging host 167.88.173.252"));
    model::Acl acl;
    acl.name = "BLOCK";
    model::AclEntry deny;
    deny.action = "deny";
    deny.ref = Ref(4, "deny ip host 45.61.133.77 any");
    deny.sources.push_back(Prefix("45.61.133.77"));
    acl.entries.push_back(deny);
    model.acls.push_back(acl);
    model.addresses = {Mention("45.61.133.77", 1, "ntp server 45.61.133.77"),
                       Mention("192.0.2.123", 2, "ntp server 192.0.2.123"),
                       Mention("167.88.173.252", 3, "logging host 167.88.173.252"),
                       Mention("45.61.133.77", 4, "deny ip host 45.61.133.77 any"),
                       Mention("203.0.113.7", 5, "description peer 203.0.113.7 and 203.0.113.8"),
                       Mention("203.0.113.8", 5, "description peer 203.0.113.7 and 203.0.113.8"),
                       Mention("0.0.0.0/0", 6, "ip route 0.0.0.0 0.0.0.0 192.0.2.1")};
    EXPECT_EQ(RunRule("SW-CFG-NTP-IOC", model, env),
              (Lines{"SW-CFG-NTP-IOC critical 1 ntp server 45.61.133.77 [45.61.133.77]"}));
    EXPECT_EQ(RunRule("SW-CFG-ADDRESS-IOC", model, env),
              (Lines{"SW-CFG-ADDRESS-IOC low 4 deny ip host 45.61.133.77 any [45.61.133.77]",
                     "SW-CFG-ADDRESS-IOC high 5 description peer 203.0.113.7 and 203.0.113.8 "
                     "[203.0.113.0/24]"}));
    const std::vector<Finding> raw = testing::RunRaw("SW-CFG-ADDRESS-IOC", model, env);
    ASSERT_EQ(raw.size(), 2U);
    EXPECT_EQ(raw[1].category, "ioc.match");
    ASSERT_TRUE(raw[1].indicator.has_value());
    EXPECT_EQ(raw[1].indicator->type, "cidr");
}

model::Transfer Transfer(std::string url, std::uint32_t line) {
    model::Transfer transfer;
    transfer.ref = Ref(line, "path " + url);
    transfer.url = std::move(url);
    return transfer;
}

TEST(TtpExfilTest, TransfersToIndicatorsAndOutsideHosts) {
    Env env;
    model::DeviceModel model;
    model.transfers = {Transfer("tftp://45.61.133.77/r1-confg", 1),
                       Transfer("ftp://u:p@files.materialplies.com/x", 2),
                       Transfer("tftp://8.8.8.8/r1", 3), Transfer("scp://backup@10.0.0.20/r1", 4),
                       Transfer("http://backup.corp.example/r1", 5)};
    model.transfers[2].address = Address("8.8.8.8");
    EXPECT_EQ(
        RunRule("SW-CFG-EXFIL-TRANSFER", model, env),
        (Lines{"SW-CFG-EXFIL-TRANSFER critical 1 path tftp://45.61.133.77/r1-confg [45.61.133.77]",
               "SW-CFG-EXFIL-TRANSFER critical 2 path ftp://u:p@files.materialplies.com/x "
               "[materialplies.com]",
               "SW-CFG-EXFIL-TRANSFER medium 3 path tftp://8.8.8.8/r1"}));
    env.policy.loaded = true;
    env.policy.internal_networks = Approved({"8.8.8.0/24"});
    env.policy.management_networks = Approved({"10.0.0.0/24"}, {"backup.corp.example"});
    EXPECT_EQ(
        RunRule("SW-CFG-EXFIL-TRANSFER", model, env),
        (Lines{"SW-CFG-EXFIL-TRANSFER critical 1 path tftp://45.61.133.77/r1-confg [45.61.133.77]",
               "SW-CFG-EXFIL-TRANSFER critical 2 path ftp://u:p@files.materialplies.com/x "
               "[materialplies.com]"}));
    env.policy.management_networks = Approved({"10.0.1.0/24"});
    EXPECT_EQ(RunRule("SW-CFG-EXFIL-TRANSFER", model, env).size(), 4U);
}

}  // namespace
}  // namespace stormwatch::detect::ttp
