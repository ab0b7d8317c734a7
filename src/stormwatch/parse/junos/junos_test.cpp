// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/junos/junos.h"

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_files.h"
#include <gtest/gtest.h>

#include "stormwatch/parse/cisco_xr/cisco_xr.h"
#include "stormwatch/parse/parse_test_util.h"

namespace stormwatch::parse {
namespace {

using testing::Parsed;

Parsed Parse(const DialectInfo& dialect, std::string text) {
    return testing::ParseAs(dialect, std::move(text));
}

// One config, written both ways; every element appears in both.
constexpr const char* kCurly = R"(## Last commit: 2024-05-01 10:00:00 UTC by admin
version 21.4R3-S2;
system {
    host-name edge-1;
    root-authentication {
        encrypted-password "$6$abc$def"; ## SECRET-DATA
    }
    login {
        user ops {
            uid 2001;
            class super-user;
            authentication {
                encrypted-password "$1$xyz$uvw";
            }
        }
        user viewer {
            class read-only;
            authentication {
                ssh-ed25519 "ssh-ed25519 AAAAC3 viewer@example.com";
            }
        }
    }
    tacplus-server {
        192.0.2.10 {
            secret "$9$abcdefg";
            source-address 192.0.2.1;
        }
    }
    radius-server {
        198.51.100.20 secret "$9$hij";
    }
    authentication-order [ tacplus password ];
    accounting {
        events [ login change-log interactive-commands ];
        destination {
            tacplus;
        }
    }
    services {
        ssh {
            port 22222;
            protocol-version v2;
        }
        telnet;
        netconf {
            ssh {
                port 830;
            }
        }
        web-management {
            http {
                port 8080;
            }
        }
        extension-service {
            request-response {
                grpc {
                    clear-text {
                        port 50051;
                    }
                }
            }
        }
    }
    syslog {
        host 192.0.2.50 {
            any any;
        }
        inactive: host 203.0.113.99 {
            any any;
        }
        file messages {
            any notice;
        }
    }
    archival {
        configuration {
            archive-sites {
                "ftp://backup@203.0.113.7/configs" password "$9$x";
            }
        }
    }
    ntp {
        server 192.0.2.123;
    }
}
interfaces {
    ge-0/0/0 {
        description "uplink to core";
        unit 0 {
            family inet {
                filter {
                    input EDGE-IN;
                }
                address 192.0.2.1/24;
            }
        }
    }
    gr-0/0/0 {
        unit 0 {
            tunnel {
                source 192.0.2.1;
                destination 203.0.113.66;
            }
            family inet {
                address 10.10.12.1/30;
            }
        }
    }
    lo0 {
        unit 0 {
            family inet {
                filter {
                    input PROTECT-RE;
                }
                address 198.51.100.1/32;
            }
        }
    }
    ge-0/0/1 {
        disable;
    }
}
snmp {
    community s3cret {
        authorization read-write;
        clients {
            203.0.113.0/24;
        }
    }
    trap-group TRAPS {
        version v2;
        targets {
            192.0.2.60;
        }
    }
    v3 {
        usm {
            local-engine {
                user monitor {
                    authentication-sha {
                        authentication-key "$9$k";
                    }
                    privacy-aes128 {
                        privacy-key "$9$p";
                    }
                }
            }
        }
    }
}
forwarding-options {
    packet-capture {
        file filename tac.pcap;
        maximum-capture-size 1500;
    }
    port-mirroring {
        family inet {
            output {
                ip-address 203.0.113.200;
            }
        }
    }
}
firewall {
    family inet {
        filter PROTECT-RE {
            term MGMT {
                from {
                    source-address {
                        192.0.2.0/24;
                        203.0.113.5/32;
                    }
                    protocol tcp;
                }
                then accept;
            }
            term DENY {
                then {
                    syslog;
                    discard;
                }
            }
        }
    }
}
policy-options {
    prefix-list MGMT-NETS {
        192.0.2.0/24;
    }
}
routing-options {
    static {
        route 0.0.0.0/0 next-hop 192.0.2.254;
    }
}
routing-instances {
    CUST {
        interface ge-0/0/0.0;
        routing-options {
            static {
                route 198.51.100.0/24 next-hop gr-0/0/0.0;
            }
        }
    }
}
security {
    ike {
        gateway GW1 {
            address 198.51.100.77;
            version v2-only;
        }
    }
}
)";

constexpr const char* kSet = R"(## Last commit: 2024-05-01 10:00:00 UTC by admin
set version 21.4R3-S2
set system host-name edge-1
set system root-authentication encrypted-password "$6$abc$def"
set system login user ops uid 2001
set system login user ops class super-user
set system login user ops authentication encrypted-password "$1$xyz$uvw"
set system login user viewer class read-only
set system login user viewer authentication ssh-ed25519 "ssh-ed25519 AAAAC3 viewer@example.com"
set system tacplus-server 192.0.2.10 secret "$9$abcdefg"
set system tacplus-server 192.0.2.10 source-address 192.0.2.1
set system radius-server 198.51.100.20 secret "$9$hij"
set system authentication-order [ tacplus password ]
set system accounting events [ login change-log interactive-commands ]
set system accounting destination tacplus
set system services ssh port 22222
set system services ssh protocol-version v2
set system services telnet
set system services netconf ssh port 830
set system services web-management http port 8080
set system services extension-service request-response grpc clear-text port 50051
set system syslog host 192.0.2.50 any any
set system syslog host 203.0.113.99 any any
deactivate system syslog host 203.0.113.99
set system syslog file messages any notice
set system archival configuration archive-sites "ftp://backup@203.0.113.7/configs" password "$9$x"
set system ntp server 192.0.2.123
set interfaces ge-0/0/0 description "uplink to core"
set interfaces ge-0/0/0 unit 0 family inet filter input EDGE-IN
set interfaces ge-0/0/0 unit 0 family inet address 192.0.2.1/24
set interfaces gr-0/0/0 unit 0 tunnel source 192.0.2.1
set interfaces gr-0/0/0 unit 0 tunnel destination 203.0.113.66
set interfaces gr-0/0/0 unit 0 family inet address 10.10.12.1/30
set interfaces lo0 unit 0 family inet filter input PROTECT-RE
set interfaces lo0 unit 0 family inet address 198.51.100.1/32
set interfaces ge-0/0/1 disable
set snmp community s3cret authorization read-write
set snmp community s3cret clients 203.0.113.0/24
set snmp trap-group TRAPS version v2
set snmp trap-group TRAPS targets 192.0.2.60
set snmp v3 usm local-engine user monitor authentication-sha authentication-key "$9$k"
set snmp v3 usm local-engine user monitor privacy-aes128 privacy-key "$9$p"
set forwarding-options packet-capture file filename tac.pcap
set forwarding-options packet-capture maximum-capture-size 1500
set forwarding-options port-mirroring family inet output ip-address 203.0.113.200
set firewall family inet filter PROTECT-RE term MGMT from source-address 192.0.2.0/24
set firewall family inet filter PROTECT-RE term MGMT from source-address 203.0.113.5/32
set firewall family inet filter PROTECT-RE term MGMT from protocol tcp
set firewall family inet filter PROTECT-RE term MGMT then accept
set firewall family inet filter PROTECT-RE term DENY then syslog
set firewall family inet filter PROTECT-RE term DENY then discard
set policy-options prefix-list MGMT-NETS 192.0.2.0/24
set routing-options static route 0.0.0.0/0 next-hop 192.0.2.254
set routing-instances CUST interface ge-0/0/0.0
set routing-instances CUST routing-options static route 198.51.100.0/24 next-hop gr-0/0/0.0
set security ike gateway GW1 address 198.51.100.77
set security ike gateway GW1 version v2-only
)";

std::string Host(const model::HostRef& h) {
    return h.host + (h.address ? "(ip)" : "(name)");
}

/// Everything of a model except line numbers, as text: equal summaries mean equal models
/// for the purposes of the two Junos front ends.
std::string Summary(const model::DeviceModel& m) {
    std::ostringstream s;
    s << "host " << m.device.hostname << " | " << m.device.hostname_ref.text << "\n";
    s << "version " << m.device.version << "\n";
    for (const auto& i : m.interfaces) {
        s << "if " << i.name << " lo=" << i.is_loopback << " tun=" << i.is_tunnel
          << " shut=" << i.shutdown << " desc=" << i.description << " vrf=" << i.vrf
          << " mode=" << i.tunnel_mode;
        for (const auto& a : i.addresses) {
            s << " addr=" << a.prefix.ToString() << "/" << a.address.ToString();
        }
        if (i.tunnel_source) {
            s << " src=" << Host(*i.tunnel_source);
        }
        if (i.tunnel_destination) {
            s << " dst=" << Host(*i.tunnel_destination) << " | " << i.tunnel_destination->ref.text;
        }
        for (const auto& b : i.acls) {
            s << " acl=" << b.acl << ":" << b.direction;
        }
        s << "\n";
    }
    for (const auto& a : m.acls) {
        s << "acl " << a.name << " " << a.kind << "\n";
        for (const auto& e : a.entries) {
            s << "  " << e.action << " " << e.protocol << " sany=" << e.source_any
              << " dany=" << e.destination_any << " log=" << e.log;
            for (const auto& p : e.sources) {
                s << " " << p.ToString();
            }
            s << " | " << e.ref.text << "\n";
        }
    }
    for (const auto& u : m.acl_uses) {
        s << "use " << u.acl << " " << u.where << "\n";
    }
    for (const auto& u : m.users) {
        s << "user " << u.name << " " << u.privilege << " " << u.role << " " << u.secret_type
          << "\n";
    }
    for (const auto& a : m.aaa_servers) {
        s << "aaa " << a.protocol << " " << Host(a.host) << " key=" << a.key_type << "\n";
    }
    s << "acct " << m.aaa.accounting.size() << " cmd=" << m.aaa.command_accounting
      << " exec=" << m.aaa.exec_accounting << " authn=" << m.aaa.authentication.size() << "\n";
    for (const auto& c : m.snmp.communities) {
        s << "community " << c.name << " " << c.access << " " << c.acl << "\n";
    }
    for (const auto& u : m.snmp.users) {
        s << "snmpuser " << u.name << " " << u.version << " " << u.auth << " " << u.priv << "\n";
    }
    for (const auto& h : m.snmp.hosts) {
        s << "snmphost " << Host(h.host) << " " << h.version << " " << h.community << "\n";
    }
    for (const auto& v : m.services) {
        s << "service " << v.name << " " << v.port << " " << v.enabled << " " << v.detail << "\n";
    }
    s << "ssh v=" << m.ssh.version.value_or(-1) << " weak=" << m.ssh.weak_algorithms.size() << "\n";
    for (const auto& h : m.logging.hosts) {
        s << "log " << Host(h) << "\n";
    }
    // Evidence of a deactivation differs by form (the deactivated leaf vs the
    // `deactivate` command), so only the count is compared.
    s << "logoff " << m.logging.disabled.size() << "\n";
    for (const auto& n : m.ntp_servers) {
        s << "ntp " << Host(n.host) << "\n";
    }
    for (const auto& c : m.containers) {
        s << "container " << c.kind << " " << c.name << "\n";
    }
    for (const auto& c : m.captures) {
        s << "capture " << c.tool << " " << c.file << " " << c.lines.size() << "\n";
    }
    for (const auto& mi : m.mirrors) {
        s << "mirror " << mi.id << " " << mi.type << " " << mi.lines.size();
        for (const auto& r : mi.remote_destinations) {
            s << " " << Host(r);
        }
        s << "\n";
    }
    for (const auto& r : m.routes) {
        s << "route " << r.prefix.ToString() << " " << (r.next_hop ? r.next_hop->ToString() : "-")
          << " " << r.interface << " vrf=" << r.vrf << "\n";
    }
    for (const auto& c : m.crypto_peers) {
        s << "peer " << Host(c.host) << " " << c.kind << "\n";
    }
    for (const auto& t : m.transfers) {
        s << "transfer " << t.url << " " << (t.address ? t.address->ToString() : "-") << "\n";
    }
    for (const auto& a : m.addresses) {
        s << "mention " << a.prefix.ToString() << " | " << a.ref.text << "\n";
    }
    return s.str();
}

TEST(JunosCurlyTest, MapsEveryModelledStatement) {
    const Parsed p = Parse(kJunos, kCurly);
    const auto& m = p.model;
    EXPECT_EQ(m.dialect, model::Dialect::kJunos);
    EXPECT_EQ(m.device.hostname, "edge-1");
    EXPECT_EQ(m.device.hostname_ref.line, 4U);
    EXPECT_EQ(m.device.hostname_ref.text, "set system host-name edge-1");
    EXPECT_EQ(m.device.version, "21.4R3-S2");
    EXPECT_EQ(m.device.version_ref.line, 2U);

    const model::Interface* ge = m.FindInterface("ge-0/0/0.0");
    ASSERT_NE(ge, nullptr);
    ASSERT_EQ(ge->addresses.size(), 1U);
    EXPECT_EQ(ge->addresses[0].prefix.ToString(), "192.0.2.0/24");
    EXPECT_EQ(ge->addresses[0].address.ToString(), "192.0.2.1");
    EXPECT_EQ(ge->addresses[0].ref.text,
              "set interfaces ge-0/0/0 unit 0 family inet address 192.0.2.1/24");
    EXPECT_EQ(ge->vrf, "CUST");
    ASSERT_EQ(ge->acls.size(), 1U);
    EXPECT_EQ(ge->acls[0].acl, "EDGE-IN");
    EXPECT_EQ(ge->acls[0].direction, "in");
    ASSERT_NE(m.FindInterface("ge-0/0/0"), nullptr);
    EXPECT_EQ(m.FindInterface("ge-0/0/0")->description, "uplink to core");
    ASSERT_NE(m.FindInterface("ge-0/0/1"), nullptr);
    EXPECT_TRUE(m.FindInterface("ge-0/0/1")->shutdown);

    const model::Interface* gr = m.FindInterface("gr-0/0/0.0");
    ASSERT_NE(gr, nullptr);
    EXPECT_TRUE(gr->is_tunnel);
    EXPECT_EQ(gr->tunnel_mode, "gre");
    ASSERT_TRUE(gr->tunnel_destination.has_value());
    EXPECT_EQ(gr->tunnel_destination->address->ToString(), "203.0.113.66");
    EXPECT_EQ(gr->tunnel_destination->ref.line, 103U);
    EXPECT_EQ(gr->tunnel_destination->ref.text,
              "set interfaces gr-0/0/0 unit 0 tunnel destination 203.0.113.66");
    ASSERT_TRUE(gr->tunnel_source.has_value());
    EXPECT_EQ(gr->tunnel_source->host, "192.0.2.1");

    const model::Interface* lo = m.FindInterface("lo0.0");
    ASSERT_NE(lo, nullptr);
    EXPECT_TRUE(lo->is_loopback);
    const auto lo_filter =
        std::find_if(m.acl_uses.begin(), m.acl_uses.end(),
                     [](const model::AclUse& u) { return u.where == "loopback0-filter"; });
    ASSERT_NE(lo_filter, m.acl_uses.end());
    EXPECT_EQ(lo_filter->acl, "PROTECT-RE");

    const model::Acl* filter = m.FindAcl("PROTECT-RE");
    ASSERT_NE(filter, nullptr);
    EXPECT_EQ(filter->kind, "filter");
    ASSERT_EQ(filter->entries.size(), 2U);
    EXPECT_EQ(filter->entries[0].action, "permit");
    EXPECT_EQ(filter->entries[0].protocol, "tcp");
    EXPECT_FALSE(filter->entries[0].source_any);
    ASSERT_EQ(filter->entries[0].sources.size(), 2U);
    EXPECT_EQ(filter->entries[0].sources[1].ToString(), "203.0.113.5/32");
    EXPECT_TRUE(filter->entries[0].destination_any);
    EXPECT_EQ(filter->entries[1].action, "deny");
    EXPECT_TRUE(filter->entries[1].log);
    EXPECT_TRUE(filter->entries[1].source_any);
    ASSERT_NE(m.FindAcl("MGMT-NETS"), nullptr);
    EXPECT_EQ(m.FindAcl("MGMT-NETS")->kind, "prefix-list");

    ASSERT_EQ(m.users.size(), 3U);
    EXPECT_EQ(m.users[0].name, "root");
    EXPECT_EQ(m.users[0].privilege, 15);
    EXPECT_EQ(m.users[0].secret_type, "sha512");
    EXPECT_EQ(m.users[1].name, "ops");
    EXPECT_EQ(m.users[1].privilege, 15);
    EXPECT_EQ(m.users[1].role, "super-user");
    EXPECT_EQ(m.users[1].secret_type, "md5");
    EXPECT_EQ(m.users[1].ref.line, 10U);
    EXPECT_EQ(m.users[2].privilege, -1);
    EXPECT_EQ(m.users[2].secret_type, "key");

    ASSERT_EQ(m.aaa_servers.size(), 2U);
    EXPECT_EQ(m.aaa_servers[0].protocol, "tacacs+");
    EXPECT_EQ(m.aaa_servers[0].host.address->ToString(), "192.0.2.10");
    EXPECT_EQ(m.aaa_servers[0].key_type, "encrypted");
    EXPECT_EQ(m.aaa_servers[1].protocol, "radius");
    EXPECT_TRUE(m.aaa.command_accounting);
    EXPECT_TRUE(m.aaa.exec_accounting);
    EXPECT_EQ(m.aaa.authentication.size(), 1U);

    ASSERT_EQ(m.snmp.communities.size(), 1U);
    EXPECT_EQ(m.snmp.communities[0].access, "rw");
    EXPECT_EQ(m.snmp.communities[0].acl, "snmp-clients-s3cret");
    ASSERT_NE(m.FindAcl("snmp-clients-s3cret"), nullptr);
    EXPECT_EQ(m.FindAcl("snmp-clients-s3cret")->entries.at(0).sources.at(0).ToString(),
              "203.0.113.0/24");
    ASSERT_EQ(m.snmp.hosts.size(), 1U);
    EXPECT_EQ(m.snmp.hosts[0].version, "2c");
    EXPECT_EQ(m.snmp.hosts[0].community, "TRAPS");
    ASSERT_EQ(m.snmp.users.size(), 1U);
    EXPECT_EQ(m.snmp.users[0].auth, "sha");
    EXPECT_EQ(m.snmp.users[0].priv, "aes 128");

    auto service = [&](std::string_view name) -> const model::Service* {
        for (const auto& s : m.services) {
            if (s.name == name) {
                return &s;
            }
        }
        return nullptr;
    };
    ASSERT_NE(service("ssh"), nullptr);
    EXPECT_EQ(service("ssh")->port, 22222);
    EXPECT_EQ(service("ssh")->ref.text, "set system services ssh port 22222");
    ASSERT_NE(service("telnet"), nullptr);
    ASSERT_NE(service("netconf"), nullptr);
    EXPECT_EQ(service("netconf")->port, 830);
    ASSERT_NE(service("http"), nullptr);
    EXPECT_EQ(service("http")->port, 8080);
    ASSERT_NE(service("grpc"), nullptr);
    EXPECT_EQ(service("grpc")->port, 50051);
    EXPECT_EQ(m.ssh.version, 2);
    ASSERT_EQ(m.containers.size(), 1U);
    EXPECT_EQ(m.containers[0].kind, "extension-service");

    ASSERT_EQ(m.logging.hosts.size(), 1U);
    EXPECT_EQ(m.logging.hosts[0].host, "192.0.2.50");
    ASSERT_EQ(m.logging.disabled.size(), 1U);
    EXPECT_EQ(m.logging.disabled[0].line, 70U);
    EXPECT_EQ(m.logging.disabled[0].text, "deactivate system syslog host 203.0.113.99 any any");
    ASSERT_EQ(m.transfers.size(), 1U);
    ASSERT_TRUE(m.transfers[0].address.has_value());
    EXPECT_EQ(m.transfers[0].address->ToString(), "203.0.113.7");
    ASSERT_EQ(m.ntp_servers.size(), 1U);

    ASSERT_EQ(m.captures.size(), 1U);
    EXPECT_EQ(m.captures[0].file, "tac.pcap");
    EXPECT_EQ(m.captures[0].lines.size(), 2U);
    ASSERT_EQ(m.mirrors.size(), 1U);
    ASSERT_EQ(m.mirrors[0].remote_destinations.size(), 1U);
    EXPECT_EQ(m.mirrors[0].remote_destinations[0].host, "203.0.113.200");

    ASSERT_EQ(m.routes.size(), 2U);
    EXPECT_EQ(m.routes[0].prefix.ToString(), "0.0.0.0/0");
    EXPECT_EQ(m.routes[0].next_hop->ToString(), "192.0.2.254");
    EXPECT_EQ(m.routes[1].vrf, "CUST");
    EXPECT_EQ(m.routes[1].interface, "gr-0/0/0.0");
    ASSERT_EQ(m.crypto_peers.size(), 1U);
    EXPECT_EQ(m.crypto_peers[0].kind, "ikev2");

    // The inactive syslog host is not an address mention; the active one is.
    const auto mentions = [&](std::string_view prefix) {
        return std::count_if(
            m.addresses.begin(), m.addresses.end(),
            [&](const model::AddressMention& a) { return a.prefix.ToString() == prefix; });
    };
    EXPECT_EQ(mentions("192.0.2.50/32"), 1);
    EXPECT_EQ(mentions("203.0.113.99/32"), 0);
    EXPECT_EQ(mentions("203.0.113.7/32"), 1);  // inside the archive URL
    EXPECT_EQ(p.stats.rejected(), 0U);
}

TEST(JunosCurlyTest, TreeHoldsFullPathsInFileOrder) {
    const Parsed p = Parse(kJunos, kCurly);
    const auto& nodes = p.tree.nodes;
    const auto found = std::find_if(nodes.begin(), nodes.end(), [](const ConfigLine& n) {
        return n.text == "system syslog host 192.0.2.50 any any";
    });
    ASSERT_NE(found, nodes.end());
    EXPECT_EQ(found->line, 67U);
    ASSERT_GE(found->parent, 0);
    EXPECT_EQ(nodes[static_cast<std::size_t>(found->parent)].text, "system syslog host 192.0.2.50");
    // Inactive statements are not in the tree.
    EXPECT_TRUE(std::none_of(nodes.begin(), nodes.end(), [](const ConfigLine& n) {
        return n.text.find("203.0.113.99") != std::string_view::npos;
    }));
    // Descendants are contiguous and parents precede children.
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        ASSERT_GT(nodes[i].end, i);
        if (nodes[i].parent >= 0) {
            const auto& parent = nodes[static_cast<std::size_t>(nodes[i].parent)];
            EXPECT_LT(static_cast<std::size_t>(nodes[i].parent), i);
            EXPECT_GE(parent.end, nodes[i].end);
        }
    }
}

TEST(JunosSetTest, SameModelAsCurlyForm) {
    const Parsed curly = Parse(kJunos, kCurly);
    const Parsed set = Parse(kJunosSet, kSet);
    EXPECT_EQ(set.model.dialect, model::Dialect::kJunosSet);
    EXPECT_EQ(set.stats.rejected(), 0U);
    EXPECT_EQ(Summary(curly.model), Summary(set.model));
    EXPECT_EQ(set.model.device.hostname_ref.line, 3U);
    EXPECT_EQ(set.model.logging.disabled.at(0).text, "deactivate system syslog host 203.0.113.99");
}

TEST(JunosSetTest, DeleteAndDeactivateKeepPathsOutOfTheModel) {
    const std::string text =
        "set system syslog host 192.0.2.1 any any\n"
        "set system syslog host 192.0.2.2 any any\n"
        "set system tacplus-server 192.0.2.9 secret \"$9$a\"\n"
        "delete system syslog host 192.0.2.1\n"
        "deactivate system tacplus-server\n"
        "set system syslog host 192.0.2.1 any any\n"
        "set system ntp server 192.0.2.3\n"
        "deactivate system ntp\n"
        "activate system ntp\n";
    const Parsed p = Parse(kJunosSet, text);
    ASSERT_EQ(p.model.logging.hosts.size(), 2U);
    EXPECT_EQ(p.model.logging.hosts[0].host, "192.0.2.2");
    EXPECT_EQ(p.model.logging.hosts[1].ref.line, 6U);  // set again after the delete
    EXPECT_TRUE(p.model.aaa_servers.empty());
    EXPECT_EQ(p.model.ntp_servers.size(), 1U);
    ASSERT_EQ(p.model.logging.disabled.size(), 1U);
    EXPECT_EQ(p.model.logging.disabled[0].line, 4U);
    EXPECT_EQ(p.stats.read(), 9U);
    EXPECT_EQ(p.stats.rejected(), 0U);
}

TEST(JunosSetTest, RejectsLinesThatAreNotStatements) {
    const std::string text =
        "# header comment\n"
        "{master:0}\n"
        "set system host-name r1\n"
        "this is garbage\n"
        "set\n"
        "\n"
        "set protocols ospf area 0.0.0.0 interface ge-0/0/0.0\n";
    const Parsed p = Parse(kJunosSet, text);
    EXPECT_EQ(p.model.device.hostname, "r1");
    EXPECT_EQ(p.stats.read(), 7U);
    EXPECT_EQ(p.stats.rejected(), 2U);
    EXPECT_EQ(p.stats.RejectedFor(RejectReason::kUnknownSyntax), 2U);
    ASSERT_EQ(p.stats.kept().size(), 2U);
    EXPECT_EQ(p.stats.kept()[0].line, 4U);
    EXPECT_EQ(p.stats.kept()[1].line, 5U);
    EXPECT_EQ(p.stats.unrecognised(), 1U);  // the OSPF line: valid, not modelled
}

TEST(JunosCurlyTest, StrayCloseBraceIsRejectedWithItsLine) {
    const std::string text =
        "system {\n    host-name r1;\n}\n}\ninterfaces {\n    lo0 { disable; }\n}\n";
    const Parsed p = Parse(kJunos, text);
    EXPECT_EQ(p.model.device.hostname, "r1");
    ASSERT_NE(p.model.FindInterface("lo0"), nullptr);
    EXPECT_TRUE(p.model.FindInterface("lo0")->shutdown);
    EXPECT_EQ(p.stats.read(), 7U);
    ASSERT_EQ(p.stats.kept().size(), 1U);
    EXPECT_EQ(p.stats.kept()[0].reason, RejectReason::kUnknownSyntax);
    EXPECT_EQ(p.stats.kept()[0].line, 4U);
}

TEST(JunosCurlyTest, UnclosedBlockIsOneRejectionAtItsOpeningLine) {
    const std::string text =
        "system {\n    host-name r1;\n}\ninterfaces {\n    ge-0/0/0 {\n        disable;\n";
    const Parsed p = Parse(kJunos, text);
    EXPECT_EQ(p.model.device.hostname, "r1");
    ASSERT_NE(p.model.FindInterface("ge-0/0/0"), nullptr);  // what was read still counts
    EXPECT_EQ(p.stats.rejected(), 1U);
    ASSERT_EQ(p.stats.kept().size(), 1U);
    EXPECT_EQ(p.stats.kept()[0].reason, RejectReason::kUnbalancedBlock);
    EXPECT_EQ(p.stats.kept()[0].line, 4U);
    EXPECT_NE(p.stats.kept()[0].detail.find("interfaces"), std::string::npos);
}

TEST(JunosCurlyTest, CommentsQuotesListsAndCompactBlocks) {
    const std::string text =
        "/* annotation spanning\n"
        "   two lines */ system { host-name \"core 1\"; }\n"
        "system {\n"
        "    # a comment line\n"
        "    accounting {\n"
        "        events [ login\n"
        "                 interactive-commands ];\n"
        "    }\n"
        "    login {\n"
        "        message \"line one\n"
        "line two\";\n"
        "    }\n"
        "}\n";
    const Parsed p = Parse(kJunos, text);
    EXPECT_EQ(p.model.device.hostname, "core 1");
    EXPECT_EQ(p.model.device.hostname_ref.line, 2U);
    EXPECT_EQ(p.model.device.hostname_ref.text, "set system host-name \"core 1\"");
    EXPECT_TRUE(p.model.aaa.command_accounting);
    ASSERT_EQ(p.model.aaa.accounting.size(), 1U);
    EXPECT_EQ(p.model.aaa.accounting[0].line, 6U);
    EXPECT_EQ(p.stats.read(), 13U);
    EXPECT_EQ(p.stats.rejected(), 0U);
    // Lines 9-11 (login message) hold a statement the model does not use.
    EXPECT_EQ(p.stats.unrecognised(), 2U);
}

TEST(JunosCurlyTest, CrlfInputGivesTheSameModel) {
    std::string crlf;
    for (const char c : std::string(kCurly)) {
        if (c == '\n') {
            crlf += '\r';
        }
        crlf += c;
    }
    const Parsed lf = Parse(kJunos, kCurly);
    const Parsed cr = Parse(kJunos, crlf);
    EXPECT_EQ(Summary(lf.model), Summary(cr.model));
    EXPECT_EQ(lf.stats.read(), cr.stats.read());
}

TEST(JunosCurlyTest, OversizedLineIsRejectedAndTheRestParsed) {
    std::string text = "system {\n    host-name r1;\n    login {\n        message \"";
    text.append(100 * 1024, 'x');
    text += "\";\n    }\n    ntp { server 192.0.2.1; }\n}\n";
    const Parsed p = Parse(kJunos, text);
    EXPECT_EQ(p.stats.RejectedFor(RejectReason::kOversizedLine), 1U);
    EXPECT_EQ(p.stats.kept().at(0).line, 4U);
    EXPECT_EQ(p.model.device.hostname, "r1");
    EXPECT_EQ(p.model.ntp_servers.size(), 1U);

    std::string set = "set system host-name r1\nset system login message \"";
    set.append(100 * 1024, 'y');
    set += "\"\nset system ntp server 192.0.2.1\n";
    const Parsed q = Parse(kJunosSet, set);
    EXPECT_EQ(q.stats.RejectedFor(RejectReason::kOversizedLine), 1U);
    EXPECT_EQ(q.model.ntp_servers.size(), 1U);
}

TEST(JunosCurlyTest, RunawayStatementIsRejectedOnceAndTheRestParsed) {
    // An IOS config fed to the Junos parser is one endless statement; each of its addresses
    // used to copy the whole statement (minutes for half a megabyte).
    std::string text = "system {\n    host-name r1;\n}\n";
    for (int i = 0; i < 3000; ++i) {
        text += "access-list 20 permit 192.0.2." + std::to_string(i % 250) + "\n";
    }
    text += ";\nsystem { ntp { server 192.0.2.1; } }\n";
    const Parsed p = Parse(kJunos, text);
    EXPECT_EQ(p.stats.RejectedFor(RejectReason::kUnknownSyntax), 1U);
    EXPECT_EQ(p.stats.kept().at(0).line, 4U);
    EXPECT_EQ(p.stats.read(), p.stats.processed() + p.stats.rejected());
    EXPECT_EQ(p.model.device.hostname, "r1");
    EXPECT_EQ(p.model.ntp_servers.size(), 1U);
    EXPECT_LT(p.model.addresses.size(), 10U);
}

TEST(JunosCurlyTest, GarbageNeverBreaksTheAccounting) {
    const std::string inputs[] = {"",
                                  "}}}}",
                                  "{{{{",
                                  "\"unterminated",
                                  "/* never closed",
                                  "a b c",
                                  "[ ] ; ; {",
                                  "inactive: }",
                                  std::string("x\0y;\n", 5),
                                  "system { host-name ; }",
                                  "interfaces { unit { family inet { address; } } }"};
    for (const auto& text : inputs) {
        const Parsed curly = Parse(kJunos, text);
        const Parsed set = Parse(kJunosSet, text);
        EXPECT_EQ(curly.stats.read(), set.stats.read()) << text;
    }
}

TEST(JunosSniffTest, TellsTheFormsApart) {
    EXPECT_GE(SniffScore(kJunos, kCurly), 80);
    EXPECT_LT(SniffScore(kJunosSet, kCurly), 30);
    EXPECT_GE(SniffScore(kJunosSet, kSet), 80);
    EXPECT_LT(SniffScore(kJunos, kSet), 30);
    const std::string ios =
        "hostname r1\n!\ninterface GigabitEthernet0/1\n ip address 192.0.2.1 "
        "255.255.255.0\n!\nend\n";
    EXPECT_LT(SniffScore(kJunos, ios), 30);
    EXPECT_LT(SniffScore(kJunosSet, ios), 30);
    // PAN-OS writes set lines too, with other top-level words.
    const std::string panos =
        "set deviceconfig system hostname fw1\nset network interface ethernet ethernet1/1\n";
    EXPECT_LT(SniffScore(kJunosSet, panos), 30);
    // F5 and other brace formats without semicolons.
    const std::string f5 =
        "ltm pool /Common/p {\n    members {\n        /Common/a:80 { }\n    }\n}\n";
    EXPECT_LT(SniffScore(kJunos, f5), 30);
}

// ---- corpus ----------------------------------------------------------------------------

using stormwatch::test_support::FilesUnder;
using stormwatch::test_support::ReadFile;

TEST(JunosCorpusTest, RealConfigsSniffAndParse) {
    const auto corpus = stormwatch::test_support::SharedCorpusDir();
    if (!std::filesystem::is_directory(corpus)) {
        GTEST_SKIP() << "corpus not present";
    }
    const auto configs = corpus / "configs";
    // Complete device configs: each must sniff as one of the Junos forms.
    const auto example = configs / "batfish/tests/parsing-tests/networks/example-juniper/configs";
    std::vector<std::filesystem::path> devices = {example / "as1border1.cfg",
                                                  example / "as1border2.cfg"};
    for (const auto& p : FilesUnder(configs / "batfish/tests/parsing-tests/networks/srx-testbed")) {
        devices.push_back(p);
    }
    for (const auto& p : FilesUnder(
             configs /
             "batfish/projects/batfish/src/test/resources/org/batfish/grammar/juniper/testrigs")) {
        if (p.parent_path().filename() == "configs") {
            devices.push_back(p);
        }
    }
    // sample_02.junos is a brace-syntax parser fixture, not a config.
    for (const char* name : {"sample_01.junos", "sample_03.junos", "sample_04.junos"}) {
        devices.push_back(configs / "ciscoconfparse/tests/fixtures/configs" / name);
    }
    std::size_t parsed = 0;
    std::size_t with_hostname = 0;
    for (const auto& path : devices) {
        if (!std::filesystem::is_regular_file(path) || path.filename() == "PROVENANCE.md") {
            continue;
        }
        const std::string text = ReadFile(path);
        const int curly = SniffScore(kJunos, text.substr(0, 64 * 1024));
        const int set = SniffScore(kJunosSet, text.substr(0, 64 * 1024));
        EXPECT_GE(std::max(curly, set), 30) << path;
        EXPECT_LT(SniffScore(kCiscoIosXr, text.substr(0, 64 * 1024)), std::max(curly, set)) << path;
        const Parsed p = Parse(curly >= set ? kJunos : kJunosSet, text);
        EXPECT_EQ(p.stats.read(), p.stats.processed() + p.stats.rejected()) << path;
        EXPECT_GT(p.stats.read(), 0U) << path;
        ++parsed;
        with_hostname += p.model.device.hostname.empty() ? 0 : 1;
    }
    EXPECT_GE(parsed, 30U);
    EXPECT_GE(with_hostname * 2, parsed);  // real configs name their device
    // The IOS routers of the same example network are not Junos.
    for (const char* name : {"as1core1.cfg", "as2dist1.cfg", "as3border1.cfg"}) {
        if (std::filesystem::is_regular_file(example / name)) {
            const std::string text = ReadFile(example / name);
            EXPECT_LT(SniffScore(kJunos, text), 30) << name;
            EXPECT_LT(SniffScore(kJunosSet, text), 30) << name;
        }
    }
}

TEST(JunosCorpusTest, BatfishFixturesParseWithoutBreakingTheAccounting) {
    const auto root =
        stormwatch::test_support::SharedCorpusDir() /
        "configs/batfish/projects/batfish/src/test/resources/org/batfish/grammar/juniper";
    if (!std::filesystem::is_directory(root)) {
        GTEST_SKIP() << "corpus not present";
    }
    std::size_t files = 0;
    for (const auto& path : FilesUnder(root)) {
        const std::string text = ReadFile(path);
        for (const DialectInfo* dialect : {&kJunos, &kJunosSet}) {
            const Parsed p = Parse(*dialect, text);
            EXPECT_EQ(p.stats.read(), p.stats.processed() + p.stats.rejected()) << path;
        }
        ++files;
    }
    EXPECT_GT(files, 100U);
}

TEST(JunosCorpusTest, CurlyFilesRenderedAsSetGiveTheSameModel) {
    const auto dir =
        stormwatch::test_support::SharedCorpusDir() /
        "configs/batfish/projects/batfish/src/test/resources/org/batfish/grammar/juniper";
    if (!std::filesystem::is_directory(dir)) {
        GTEST_SKIP() << "corpus not present";
    }
    std::size_t compared = 0;
    for (const auto& path : FilesUnder(dir)) {
        const std::string text = ReadFile(path);
        if (SniffScore(kJunos, text) < 30 ||
            SniffScore(kJunos, text) <= SniffScore(kJunosSet, text)) {
            continue;
        }
        const Parsed curly = Parse(kJunos, text);
        // The leaves of the curly tree, written as set lines, are the same configuration.
        std::string set;
        for (std::size_t i = 0; i < curly.tree.nodes.size(); ++i) {
            if (curly.tree.nodes[i].end == i + 1) {
                set.append("set ").append(curly.tree.nodes[i].text).append("\n");
            }
        }
        const Parsed flat = Parse(kJunosSet, set);
        EXPECT_EQ(Summary(curly.model), Summary(flat.model)) << path;
        ++compared;
    }
    EXPECT_GT(compared, 5U);
}

}  // namespace
}  // namespace stormwatch::parse
