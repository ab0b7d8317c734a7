// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/cisco_xr/cisco_xr.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "stormwatch/core/text.h"
#include "stormwatch/parse/cisco_common/acl.h"
#include "stormwatch/parse/cisco_common/addresses.h"
#include "stormwatch/parse/cisco_common/tokens.h"
#include "stormwatch/parse/config_tree.h"
#include "stormwatch/parse/sniff_markers.h"

namespace stormwatch::parse {
namespace cisco_xr {
namespace {

using cisco::MakeHost;
using cisco::Ref;
using cisco::Tokens;

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

/// XR user groups that grant full administrative rights.
bool IsRootGroup(std::string_view group) {
    return group == "root-lr" || group == "netadmin" || group == "root-system" ||
           group == "sysadmin";
}

bool IsWeakSshAlgorithm(std::string_view v) {
    return v.find("cbc") != std::string_view::npos || v.find("3des") != std::string_view::npos ||
           v.find("arcfour") != std::string_view::npos || v.find("md5") != std::string_view::npos ||
           v == "diffie-hellman-group1-sha1" || v == "hmac-sha1-96";
}

/// Keywords that may follow `logging` where a host would otherwise be.
bool IsLoggingKeyword(std::string_view w) {
    static constexpr std::string_view kWords[] = {"trap",
                                                  "console",
                                                  "buffered",
                                                  "monitor",
                                                  "source-interface",
                                                  "facility",
                                                  "hostnameprefix",
                                                  "events",
                                                  "archive",
                                                  "suppress",
                                                  "history",
                                                  "localfilesize",
                                                  "file",
                                                  "format",
                                                  "ipv4",
                                                  "ipv6",
                                                  "correlator",
                                                  "container",
                                                  "tls-server",
                                                  "hostname",
                                                  "yang",
                                                  "vrf",
                                                  "severity",
                                                  "disable",
                                                  "on",
                                                  "off"};
    return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

class XrParser {
public:
    XrParser(ConfigTree& tree, model::DeviceModel& out) : tree_(tree), out_(out) {}

    void Run();

private:
    ConfigLine& Node(std::int32_t i) { return tree_.nodes[static_cast<std::size_t>(i)]; }
    bool Top(std::int32_t i);
    void Interface(std::int32_t i, const Tokens& head);
    void User(std::int32_t i, const Tokens& head);
    void AclBlock(std::int32_t i, const Tokens& head);
    void AaaGroup(std::int32_t i, const Tokens& head);
    void AaaHost(std::int32_t i, const Tokens& head, std::string_view protocol);
    void RouterStatic(std::int32_t i, std::string_view vrf);
    void Line(std::int32_t i, const Tokens& head);
    void ControlPlane(std::int32_t i);
    void MonitorSession(std::int32_t i, const Tokens& head);
    bool Snmp(std::int32_t i, const Tokens& t);
    bool Ssh(std::int32_t i, const Tokens& t);
    void KeyOf(model::AaaServer& server, const Tokens& t, std::size_t key_at,
               const ConfigLine& line);

    model::Service& ServiceAt(std::string_view name, const ConfigLine& line);
    std::size_t AclAt(std::string_view name, std::string_view kind, const ConfigLine& line);
    std::size_t MirrorAt(std::string_view id, const ConfigLine& line);

    ConfigTree& tree_;
    model::DeviceModel& out_;
    std::map<std::string, std::size_t, std::less<>> services_, acls_, mirrors_;
    std::string global_tacacs_key_;
    std::string global_radius_key_;
};

void XrParser::Run() {
    std::int32_t i = 0;
    const auto n = static_cast<std::int32_t>(tree_.nodes.size());
    while (i < n) {
        const ConfigLine& node = Node(i);
        if (node.parent == -1) {
            Node(i).used = Top(i);
        }
        ++i;
    }
    for (auto& server : out_.aaa_servers) {
        if (server.key_type.empty()) {
            const std::string& global =
                server.protocol == "radius" ? global_radius_key_ : global_tacacs_key_;
            server.key_type = global;
        }
    }
    // Every literal address on any line, banners included (an address in a banner is still
    // an address an indicator may name).
    for (const auto& node : tree_.nodes) {
        cisco::ExtractAddresses(node.text, node.line, cisco::AmbiguousMasks::kNetmasks,
                                out_.addresses);
        // The IOS XR Linux SSH daemon (tcp/57722) shows up in configs only as a mention.
        if (node.text.find("sshd_operns") != std::string_view::npos) {
            auto& service = ServiceAt("ssh", node);
            service.port = 57722;
            service.detail = "sshd_operns";
        }
    }
}

bool XrParser::Top(std::int32_t i) {
    const ConfigLine& line = Node(i);
    const Tokens t(line.text);
    const std::string_view w = t[0];
    if (w == "hostname" && t.size() >= 2) {
        out_.device.hostname = std::string(t[1]);
        out_.device.hostname_ref = Ref(line);
        return true;
    }
    if (w == "version" && t.size() >= 2) {
        out_.device.version = std::string(t[1]);
        out_.device.version_ref = Ref(line);
        return true;
    }
    if (w == "end" || text::StartsWith(line.text, "Building configuration") ||
        text::StartsWith(w, "RP/") || text::StartsWith(w, "LC/")) {
        return true;  // show-command framing
    }
    if (w == "banner") {
        for (std::uint32_t k = static_cast<std::uint32_t>(i) + 1; k < line.end; ++k) {
            tree_.nodes[k].used = true;
        }
        return true;
    }
    if (w == "interface" && t.size() >= 2) {
        Interface(i, t);
        return true;
    }
    if (w == "username" && t.size() >= 2) {
        User(i, t);
        return true;
    }
    if ((w == "ipv4" || w == "ipv6") && t[1] == "access-list" && t.size() >= 3) {
        AclBlock(i, t);
        return true;
    }
    if (w == "aaa") {
        if (t[1] == "group" && t[2] == "server" && t.size() >= 5) {
            AaaGroup(i, t);
            return true;
        }
        if (t[1] == "accounting") {
            out_.aaa.accounting.push_back(Ref(line));
            out_.aaa.command_accounting = out_.aaa.command_accounting || t[2] == "commands";
            out_.aaa.exec_accounting = out_.aaa.exec_accounting || t[2] == "exec";
            return true;
        }
        if (t[1] == "authentication") {
            out_.aaa.authentication.push_back(Ref(line));
            return true;
        }
        if (t[1] == "authorization") {
            out_.aaa.authorization.push_back(Ref(line));
            return true;
        }
        return false;
    }
    if ((w == "tacacs-server" || w == "radius-server") && t.size() >= 3) {
        const std::string_view protocol = w == "tacacs-server" ? "tacacs+" : "radius";
        if (t[1] == "host") {
            AaaHost(i, t, protocol);
            return true;
        }
        if (t[1] == "key") {
            std::string& global = w == "tacacs-server" ? global_tacacs_key_ : global_radius_key_;
            global = t.size() >= 4 ? std::string(t[2]) : "0";
            return true;
        }
        return false;
    }
    if (w == "snmp-server") {
        return Snmp(i, t);
    }
    if (w == "ssh") {
        return Ssh(i, t);
    }
    if (w == "telnet" && t.Has("server")) {
        ServiceAt("telnet", line);
        return true;
    }
    if (w == "tftp" && t.Has("server")) {
        auto& service = ServiceAt("tftp-server", line);
        if (const std::size_t home = t.Find("homedir"); home < t.size()) {
            service.detail = std::string(t[home + 1]);
        }
        if (const std::size_t acl = t.Find("access-list"); acl + 1 < t.size()) {
            out_.acl_uses.push_back({std::string(t[acl + 1]), "tftp", Ref(line)});
        }
        return true;
    }
    if (w == "http" && t[1] == "server") {
        ServiceAt(t.Has("ssl") ? "https" : "http", line);
        return true;
    }
    if (w == "grpc") {
        auto& service = ServiceAt("grpc", line);
        for (std::uint32_t k = static_cast<std::uint32_t>(i) + 1; k < line.end; ++k) {
            const Tokens c(tree_.nodes[k].text);
            if (c[0] == "port") {
                service.port = text::ParseInt(c[1]).value_or(0);
                tree_.nodes[k].used = true;
            } else if (c[0] == "no-tls") {
                service.detail = "no-tls";
                tree_.nodes[k].used = true;
            }
        }
        return true;
    }
    if (w == "netconf-yang" || (w == "netconf" && t[1] == "agent")) {
        ServiceAt("netconf", line);
        return true;
    }
    if (w == "xml" && t[1] == "agent") {
        ServiceAt("xml-agent", line);
        return true;
    }
    if (w == "appmgr") {
        // IOS XR application manager: runs Docker containers on the router.
        bool any = false;
        for (std::uint32_t k = static_cast<std::uint32_t>(i) + 1; k < line.end; ++k) {
            const Tokens c(tree_.nodes[k].text);
            if (c[0] == "application" && c.size() >= 2) {
                out_.containers.push_back({"docker", std::string(c[1]), Ref(tree_.nodes[k])});
                tree_.nodes[k].used = true;
                any = true;
            }
        }
        if (!any) {
            out_.containers.push_back({"docker", "appmgr", Ref(line)});
        }
        return true;
    }
    if (w == "line" && t.size() >= 2) {
        Line(i, t);
        return true;
    }
    if (w == "control-plane") {
        ControlPlane(i);
        return true;
    }
    if (w == "logging" && t.size() >= 2) {
        if (t[1] == "trap" && t.size() >= 3) {
            out_.logging.trap_level = Ref(line);
            out_.logging.trap_level_value = std::string(t[2]);
            return true;
        }
        if (!IsLoggingKeyword(t[1])) {
            out_.logging.hosts.push_back(MakeHost(t[1], line));
            return true;
        }
        return false;
    }
    if (w == "ntp") {
        auto server = [&](const Tokens& c, const ConfigLine& at) {
            if (c[0] != "server" && c[0] != "peer") {
                return false;
            }
            std::size_t h = 1;
            if (c[h] == "vrf") {
                h += 2;
            }
            if (c[h] == "ipv4" || c[h] == "ipv6") {
                ++h;
            }
            if (h >= c.size()) {
                return false;
            }
            out_.ntp_servers.push_back({MakeHost(c[h], at)});
            return true;
        };
        if (t.size() >= 3) {
            const Tokens rest(t.Rest(1));
            return server(rest, line);
        }
        for (std::uint32_t k = static_cast<std::uint32_t>(i) + 1; k < line.end; ++k) {
            tree_.nodes[k].used = server(Tokens(tree_.nodes[k].text), tree_.nodes[k]);
        }
        return true;
    }
    if (w == "monitor-session" && t.size() >= 2) {
        MonitorSession(i, t);
        return true;
    }
    if (w == "router" && t[1] == "static") {
        RouterStatic(i, {});
        return true;
    }
    return false;
}

void XrParser::Interface(std::int32_t i, const Tokens& head) {
    const ConfigLine& line = Node(i);
    model::Interface itf;
    itf.name = std::string(head[1] == "preconfigure" ? head[2] : head[1]);
    itf.ref = Ref(line);
    itf.is_loopback = text::IStartsWith(itf.name, "loopback");
    itf.is_tunnel = text::IStartsWith(itf.name, "tunnel-ip");
    if (itf.is_tunnel) {
        itf.tunnel_mode = "gre ipv4";  // the XR default for tunnel-ip
        itf.tunnel_mode_ref = itf.ref;
    }
    for (std::uint32_t k = static_cast<std::uint32_t>(i) + 1; k < line.end; ++k) {
        ConfigLine& child = tree_.nodes[k];
        const Tokens c(child.text);
        bool used = true;
        if (c[0] == "shutdown") {
            itf.shutdown = true;
        } else if (c[0] == "description") {
            itf.description = std::string(c.Rest(1));
        } else if (c[0] == "vrf" && c.size() >= 2) {
            itf.vrf = std::string(c[1]);
        } else if ((c[0] == "ipv4" || c[0] == "ipv6") && c[1] == "address" && c.size() >= 3) {
            std::optional<IpPrefix> prefix;
            std::optional<IpAddress> address;
            if (const auto slash = c[2].find('/'); slash != std::string_view::npos) {
                prefix = IpPrefix::Parse(c[2]);
                address = IpAddress::Parse(c[2].substr(0, slash));
            } else if (auto a = IpAddress::Parse(c[2]); a && a->is_v4()) {
                address = a;
                if (auto mask = cisco::ParseV4(c[3])) {
                    prefix = IpPrefix::FromMask(*a, *mask, false);
                }
            }
            if (prefix && address) {
                model::InterfaceAddress addr;
                addr.prefix = *prefix;
                addr.address = *address;
                addr.secondary = c.Has("secondary");
                addr.ref = Ref(child);
                itf.addresses.push_back(std::move(addr));
            } else {
                used = c[2] == "dhcp" || c[2] == "unnumbered";
            }
        } else if ((c[0] == "ipv4" || c[0] == "ipv6") && c[1] == "access-group" && c.size() >= 3) {
            itf.acls.push_back({std::string(c[2]), c[3] == "egress" ? "out" : "in", Ref(child)});
        } else if (c[0] == "tunnel" && c.size() >= 3) {
            if (c[1] == "source") {
                itf.tunnel_source = MakeHost(c[2], child);
            } else if (c[1] == "destination") {
                itf.tunnel_destination = MakeHost(c[2], child);
            } else if (c[1] == "mode") {
                itf.tunnel_mode = text::ToLower(c.Rest(2));
                itf.tunnel_mode_ref = Ref(child);
            } else {
                used = false;
            }
        } else if (c[0] == "monitor-session" && c.size() >= 2) {
            out_.mirrors[MirrorAt(c[1], child)].sources.push_back(itf.name);
            out_.mirrors[MirrorAt(c[1], child)].lines.push_back(Ref(child));
        } else {
            used = false;
        }
        child.used = used;
    }
    out_.interfaces.push_back(std::move(itf));
}

void XrParser::User(std::int32_t i, const Tokens& head) {
    const ConfigLine& line = Node(i);
    model::LocalUser user;
    user.name = std::string(head[1]);
    user.ref = Ref(line);
    // The line being applied; a secret on the `username` line itself needs no secret_ref.
    std::optional<model::SourceRef> secret_ref;
    auto apply = [&](const Tokens& c, std::size_t at) {
        const std::string_view w = c[at];
        if (w == "group" && c.size() > at + 1) {
            if (IsRootGroup(c[at + 1])) {
                user.privilege = 15;
                user.role = std::string(c[at + 1]);
            } else if (user.role.empty()) {
                user.role = std::string(c[at + 1]);
            }
            return true;
        }
        if (w == "secret" || w == "password") {
            // `secret 5|8|9|10 <hash>`, `password 7 <hex>`; without a type the text is clear.
            const std::string type = c.size() > at + 2 ? std::string(c[at + 1]) : "0";
            if (w == "password" || user.secret_type.empty()) {
                user.secret_type = type;
                user.secret_ref = secret_ref;
            }
            return true;
        }
        return false;
    };
    for (std::size_t at = 2; at < head.size(); ++at) {
        apply(head, at);
    }
    for (std::uint32_t k = static_cast<std::uint32_t>(i) + 1; k < line.end; ++k) {
        const Tokens c(tree_.nodes[k].text);
        secret_ref = Ref(tree_.nodes[k]);
        tree_.nodes[k].used = apply(c, 0);
    }
    out_.users.push_back(std::move(user));
}

void XrParser::AclBlock(std::int32_t i, const Tokens& head) {
    const ConfigLine& line = Node(i);
    const std::size_t a = AclAt(head[2], head[0] == "ipv6" ? "ipv6" : "extended", line);
    for (std::uint32_t k = static_cast<std::uint32_t>(i) + 1; k < line.end; ++k) {
        ConfigLine& child = tree_.nodes[k];
        const Tokens c(child.text);
        const std::size_t first = text::ParseInt(c[0]).has_value() ? 1 : 0;
        model::AclEntry entry;
        if (cisco::ParseAclEntry(c, first, false, entry)) {
            entry.ref = Ref(child);
            out_.acls[a].entries.push_back(std::move(entry));
            child.used = true;
        }
    }
}

void XrParser::KeyOf(model::AaaServer& server, const Tokens& t, std::size_t key_at,
                     const ConfigLine& line) {
    // key [0|6|7|encrypted|clear] <secret>
    const std::string_view type = t[key_at + 1];
    if (t.size() > key_at + 2) {
        server.key_type = type == "clear" ? "0" : std::string(type);
    } else {
        server.key_type = "0";
    }
    server.key_ref = Ref(line);
}

void XrParser::AaaHost(std::int32_t i, const Tokens& head, std::string_view protocol) {
    const ConfigLine& line = Node(i);
    model::AaaServer server;
    server.protocol = std::string(protocol);
    server.host = MakeHost(head[2], line);
    if (const std::size_t key = head.Find("key", 3); key < head.size()) {
        KeyOf(server, head, key, line);
    }
    for (std::uint32_t k = static_cast<std::uint32_t>(i) + 1; k < line.end; ++k) {
        const Tokens c(tree_.nodes[k].text);
        if (c[0] == "key") {
            KeyOf(server, c, 0, tree_.nodes[k]);
            tree_.nodes[k].used = true;
        }
    }
    out_.aaa_servers.push_back(std::move(server));
}

void XrParser::AaaGroup(std::int32_t i, const Tokens& head) {
    // aaa group server tacacs+|radius G / server A / server-private A [port N] [key 7 X]
    const ConfigLine& line = Node(i);
    const std::string_view protocol = head[3] == "radius" ? "radius" : "tacacs+";
    std::size_t current = kNone;
    for (std::uint32_t k = static_cast<std::uint32_t>(i) + 1; k < line.end; ++k) {
        ConfigLine& child = tree_.nodes[k];
        const Tokens c(child.text);
        if ((c[0] == "server" || c[0] == "server-private") && c.size() >= 2) {
            model::AaaServer server;
            server.protocol = std::string(protocol);
            server.host = MakeHost(c[1], child);
            if (const std::size_t key = c.Find("key", 2); key < c.size()) {
                KeyOf(server, c, key, child);
            }
            current = c[0] == "server-private" ? out_.aaa_servers.size() : kNone;
            out_.aaa_servers.push_back(std::move(server));
            child.used = true;
        } else if (c[0] == "key" && current != kNone &&
                   child.parent != static_cast<std::int32_t>(i)) {
            KeyOf(out_.aaa_servers[current], c, 0, child);
            child.used = true;
        }
    }
}

void XrParser::RouterStatic(std::int32_t i, std::string_view vrf) {
    const ConfigLine& line = Node(i);
    for (std::uint32_t k = static_cast<std::uint32_t>(i) + 1; k < line.end; ++k) {
        ConfigLine& child = tree_.nodes[k];
        const Tokens c(child.text);
        if (c[0] == "vrf" && child.parent == i) {
            RouterStatic(static_cast<std::int32_t>(k), c[1]);
            child.used = true;
            k = child.end - 1;
            continue;
        }
        if (c[0] == "address-family") {
            child.used = true;
            continue;
        }
        const auto prefix = IpPrefix::Parse(c[0]);
        if (!prefix || c[0].find('/') == std::string_view::npos) {
            continue;
        }
        model::StaticRoute route;
        route.prefix = *prefix;
        route.vrf = std::string(vrf);
        route.ref = Ref(child);
        for (std::size_t j = 1; j < c.size(); ++j) {
            const std::string_view w = c[j];
            if (w == "vrf") {
                ++j;  // next hop resolved in another VRF
                continue;
            }
            if (auto hop = IpAddress::Parse(w)) {
                if (!route.next_hop) {
                    route.next_hop = hop;
                }
                continue;
            }
            if (text::ParseInt(w).has_value() || w == "tag" || w == "description" || w == "bfd" ||
                w == "metric" || w == "permanent" || w == "track" || w == "tunnel-id") {
                break;
            }
            if (route.interface.empty() && !route.next_hop) {
                route.interface = std::string(w);
            }
        }
        out_.routes.push_back(std::move(route));
        child.used = true;
    }
}

void XrParser::Line(std::int32_t i, const Tokens& head) {
    const ConfigLine& line = Node(i);
    model::VtyLine vty;
    vty.range = std::string(line.text.substr(line.text.find(head[1])));
    vty.ref = Ref(line);
    for (std::uint32_t k = static_cast<std::uint32_t>(i) + 1; k < line.end; ++k) {
        ConfigLine& child = tree_.nodes[k];
        const Tokens c(child.text);
        bool used = true;
        if (c[0] == "transport" && c[1] == "input") {
            for (std::size_t j = 2; j < c.size(); ++j) {
                vty.transport_input.push_back(text::ToLower(c[j]));
            }
            vty.transport_input_ref = Ref(child);
        } else if (c[0] == "transport" && c[1] == "output" && c[2] == "none") {
            vty.transport_output_none = true;
        } else if (c[0] == "access-class" && c.size() >= 3) {
            // access-class ingress|egress NAME
            if (c[1] == "ingress") {
                vty.access_class_in = std::string(c[2]);
                vty.access_class_ref = Ref(child);
                out_.acl_uses.push_back({std::string(c[2]), "vty", Ref(child)});
            }
        } else if (c[0] == "exec-timeout" && c.size() >= 2) {
            const int minutes = text::ParseInt(c[1]).value_or(0);
            const int seconds = text::ParseInt(c[2]).value_or(0);
            vty.exec_timeout_seconds = minutes * 60 + seconds;
            vty.exec_timeout_ref = Ref(child);
        } else {
            used = false;
        }
        child.used = used;
    }
    out_.lines.push_back(std::move(vty));
}

void XrParser::ControlPlane(std::int32_t i) {
    // control-plane / management-plane / inband|out-of-band / interface X / allow P [peer]
    //   / address ipv4 A. Each protocol's allowed peers become a synthetic prefix list
    // `management-plane:<protocol>` used where `<protocol>`.
    const ConfigLine& line = Node(i);
    std::string acl_name;
    std::size_t acl = kNone;
    for (std::uint32_t k = static_cast<std::uint32_t>(i) + 1; k < line.end; ++k) {
        ConfigLine& child = tree_.nodes[k];
        const Tokens c(child.text);
        if (c[0] == "management-plane" || c[0] == "inband" || c[0] == "out-of-band" ||
            c[0] == "interface" || c[0] == "peer") {
            child.used = true;
        }
        std::size_t at = kNone;
        if (c[0] == "allow" && c.size() >= 2) {
            const std::string protocol = text::ToLower(c[1]);
            acl_name = "management-plane:" + protocol;
            acl = AclAt(acl_name, "prefix-list", child);
            if (std::none_of(out_.acl_uses.begin(), out_.acl_uses.end(),
                             [&](const model::AclUse& u) { return u.acl == acl_name; })) {
                out_.acl_uses.push_back({acl_name, protocol, Ref(child)});
            }
            child.used = true;
            at = c.Find("address");
        } else if (c[0] == "address") {
            at = 0;
        }
        if (at != kNone && at < c.size() && acl != kNone) {
            for (std::size_t j = at + 1; j < c.size(); ++j) {
                if (auto prefix = IpPrefix::Parse(c[j])) {
                    model::AclEntry entry;
                    entry.ref = Ref(child);
                    entry.action = "permit";
                    entry.sources.push_back(*prefix);
                    out_.acls[acl].entries.push_back(std::move(entry));
                    child.used = true;
                }
            }
        }
    }
}

void XrParser::MonitorSession(std::int32_t i, const Tokens& head) {
    const ConfigLine& line = Node(i);
    auto& mirror = out_.mirrors[MirrorAt(head[1], line)];
    mirror.ref = Ref(line);
    for (std::uint32_t k = static_cast<std::uint32_t>(i) + 1; k < line.end; ++k) {
        ConfigLine& child = tree_.nodes[k];
        const Tokens c(child.text);
        if (c[0] != "destination") {
            continue;
        }
        mirror.lines.push_back(Ref(child));
        // destination interface IF | pseudowire | next-hop ipv4 A | ipv4 address A | file
        for (std::size_t j = 1; j < c.size(); ++j) {
            if (auto address = IpAddress::Parse(c[j])) {
                mirror.remote_destinations.push_back(MakeHost(c[j], child));
                break;
            }
        }
        child.used = true;
    }
}

bool XrParser::Snmp(std::int32_t i, const Tokens& t) {
    const ConfigLine& line = Node(i);
    const std::string_view w = t[1];
    if (w == "community" && t.size() >= 3) {
        std::size_t at = 2;
        if (t[at] == "clear" || t[at] == "encrypted") {
            ++at;
        }
        model::SnmpCommunity community;
        community.name = std::string(t[at]);
        community.access = "ro";
        community.ref = Ref(line);
        for (std::size_t j = at + 1; j < t.size(); ++j) {
            const std::string_view v = t[j];
            if (v == "view") {
                ++j;
            } else if (text::IEquals(v, "RW")) {
                community.access = "rw";
            } else if (text::IEquals(v, "RO") || v == "SDROwner" || v == "SystemOwner") {
            } else if (text::IEquals(v, "ipv4")) {
                community.acl = std::string(t[++j]);
            } else if (text::IEquals(v, "ipv6")) {
                ++j;
            } else if (community.acl.empty()) {
                community.acl = std::string(v);
            }
        }
        if (!community.acl.empty()) {
            out_.acl_uses.push_back({community.acl, "snmp", Ref(line)});
        }
        out_.snmp.communities.push_back(std::move(community));
        return true;
    }
    if (w == "host" && t.size() >= 3) {
        model::SnmpHost host;
        host.host = MakeHost(t[2], line);
        std::size_t j = 3;
        while (j < t.size() &&
               (t[j] == "traps" || t[j] == "informs" || t[j] == "clear" || t[j] == "encrypted")) {
            ++j;
        }
        if (t[j] == "version") {
            host.version = std::string(t[j + 1]);
            j += 2;
            if (t[j] == "auth" || t[j] == "noauth" || t[j] == "priv") {
                ++j;
            }
        }
        host.community = std::string(t[j]);
        out_.snmp.hosts.push_back(std::move(host));
        return true;
    }
    if (w == "user" && t.size() >= 4) {
        // snmp-server user U G v1|v2c|v3 [auth md5|sha [clear|encrypted] X [priv des|3des|aes N
        // ...]]
        model::SnmpUser user;
        user.name = std::string(t[2]);
        user.version = std::string(t[4]);
        user.ref = Ref(line);
        if (const std::size_t auth = t.Find("auth", 5); auth < t.size()) {
            user.auth = std::string(t[auth + 1]);
        }
        if (const std::size_t priv = t.Find("priv", 5); priv < t.size()) {
            user.priv = std::string(t[priv + 1]);
            if (user.priv == "aes") {
                user.priv.append(" ").append(t[priv + 2]);
            }
        }
        out_.snmp.users.push_back(std::move(user));
        return true;
    }
    if (w == "group" && t.Has("v3")) {
        out_.snmp.groups.push_back(Ref(line));
        return true;
    }
    return false;
}

bool XrParser::Ssh(std::int32_t i, const Tokens& t) {
    const ConfigLine& line = Node(i);
    if (t[1] == "client" && t[2] == "source-interface" && t.size() >= 4) {
        out_.ssh.source_interface = MakeHost(t[3], line);
        return true;
    }
    if (t[1] != "server") {
        return false;
    }
    if (t[2] == "netconf") {
        auto& netconf = ServiceAt("netconf", line);
        if (const std::size_t port = t.Find("port", 3); port < t.size()) {
            netconf.port = text::ParseInt(t[port + 1]).value_or(0);
        }
        return true;
    }
    auto& ssh = ServiceAt("ssh", line);
    if (t[2] == "v2") {
        out_.ssh.version = 2;
        out_.ssh.version_ref = Ref(line);
    } else if (t[2] == "port" && t.size() >= 4) {
        ssh.port = text::ParseInt(t[3]).value_or(0);
        ssh.ref = Ref(line);  // the finding for a moved port points at the port line
    } else if (t[2] == "algorithms" || t[2] == "enable") {
        for (std::size_t j = 3; j < t.size(); ++j) {
            if (IsWeakSshAlgorithm(t[j])) {
                out_.ssh.weak_algorithms.push_back(Ref(line));
                break;
            }
        }
    }
    return true;
}

model::Service& XrParser::ServiceAt(std::string_view name, const ConfigLine& line) {
    if (auto found = services_.find(name); found != services_.end()) {
        return out_.services[found->second];
    }
    services_.emplace(std::string(name), out_.services.size());
    model::Service service;
    service.name = std::string(name);
    service.ref = Ref(line);
    out_.services.push_back(std::move(service));
    return out_.services.back();
}

std::size_t XrParser::AclAt(std::string_view name, std::string_view kind, const ConfigLine& line) {
    if (auto found = acls_.find(name); found != acls_.end()) {
        return found->second;
    }
    const std::size_t i = out_.acls.size();
    acls_.emplace(std::string(name), i);
    out_.acls.push_back({std::string(name), Ref(line), std::string(kind), {}});
    return i;
}

std::size_t XrParser::MirrorAt(std::string_view id, const ConfigLine& line) {
    if (auto found = mirrors_.find(id); found != mirrors_.end()) {
        return found->second;
    }
    const std::size_t i = out_.mirrors.size();
    mirrors_.emplace(std::string(id), i);
    model::MirrorSession mirror;
    mirror.id = std::string(id);
    mirror.type = "span";
    mirror.ref = Ref(line);
    out_.mirrors.push_back(std::move(mirror));
    return i;
}

/// `!! IOS XR Configuration 7.3.2` or `!! IOS XR Configuration version = 6.2.1.08I`: the
/// header is a comment, so it is not in the tree.
void ReadHeaderVersion(std::string_view text, model::DeviceModel& out) {
    constexpr std::string_view kMarker = "!! IOS XR Configuration";
    const std::string_view head = text.substr(0, 16 * 1024);
    text::ForEachLine(head, [&](std::string_view raw, std::size_t number) {
        const std::string_view line = text::Trim(raw);
        if (!out.device.version.empty() || !text::StartsWith(line, kMarker)) {
            return;
        }
        std::string_view rest = text::Trim(line.substr(kMarker.size()));
        if (const auto eq = rest.find('='); eq != std::string_view::npos) {
            rest = text::Trim(rest.substr(eq + 1));
        }
        if (text::StartsWith(rest, "version ")) {
            rest = text::Trim(rest.substr(8));
        }
        rest = rest.substr(0, rest.find(' '));
        if (!rest.empty()) {
            out.device.version = std::string(rest);
            out.device.version_ref = {static_cast<std::uint32_t>(number), line};
        }
    });
}

/// True for a four-part interface name (`GigabitEthernet0/0/0/0`, `MgmtEth0/RP0/CPU0/0`).
bool HasFourPartInterface(std::string_view line) {
    if (!text::StartsWith(line, "interface ")) {
        return false;
    }
    const std::string_view name = text::Trim(line.substr(10));
    return std::count(name.begin(), name.end(), '/') == 3;
}

int Sniff(const SniffInput& input) {
    if (input.markers.Has("!! IOS XR Configuration")) {
        return 95;
    }
    int score = 0;
    bool ipv4_address = false;
    bool four_part = false;
    bool policy_end = false;
    bool root_group = false;
    bool prompt = false;
    bool xr_acl = false;
    bool ip_address = false;
    bool brace_statements = false;
    text::ForEachLine(input.head, [&](std::string_view raw, std::size_t) {
        const std::string_view line = text::Trim(raw);
        if (line.empty()) {
            return;
        }
        ipv4_address = ipv4_address || text::StartsWith(line, "ipv4 address ");
        ip_address = ip_address || text::StartsWith(line, "ip address ");
        four_part = four_part || HasFourPartInterface(line);
        policy_end = policy_end || line == "end-policy" || line == "end-set";
        root_group = root_group || line == "group root-lr" || line == "group netadmin";
        prompt = prompt || text::StartsWith(line, "RP/0/");
        xr_acl = xr_acl || text::StartsWith(line, "ipv4 access-list ");
        brace_statements = brace_statements || line.back() == ';';
    });
    score += ipv4_address ? 25 : 0;
    score += four_part ? 30 : 0;
    score += policy_end ? 25 : 0;
    score += root_group ? 25 : 0;
    score += prompt ? 20 : 0;
    score += xr_acl ? 20 : 0;
    if (ip_address && !ipv4_address) {
        score /= 2;  // IOS or NX-OS with an XR-looking name somewhere
    }
    if (brace_statements && score < 50) {
        score /= 2;
    }
    return std::min(score, 90);
}

void Parse(std::string_view text, ConfigTree& tree, model::DeviceModel& out, InputStats& stats) {
    out.dialect = model::Dialect::kCiscoIosXr;
    tree = BuildIndentTree(text, stats);
    ReadHeaderVersion(text, out);
    XrParser parser(tree, out);
    parser.Run();
    FinishAccounting(tree, stats);
}

}  // namespace
}  // namespace cisco_xr

const DialectInfo kCiscoIosXr{
    .dialect = model::Dialect::kCiscoIosXr,
    .name = "cisco-iosxr",
    .summary = "Cisco IOS XR (show running-config)",
    .sniff = cisco_xr::Sniff,
    .parse = cisco_xr::Parse,
};

}  // namespace stormwatch::parse
