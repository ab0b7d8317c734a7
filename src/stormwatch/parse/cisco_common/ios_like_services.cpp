// SPDX-License-Identifier: Apache-2.0
// The management plane of the IOS-like dialects: AAA and its servers, SNMP, the services a
// device listens with, SSH settings, logging, NTP and traffic mirroring.

#include <string>

#include "stormwatch/core/text.h"
#include "stormwatch/parse/cisco_common/addresses.h"
#include "stormwatch/parse/cisco_common/ios_like.h"
#include "stormwatch/parse/cisco_common/ios_like_internal.h"

namespace stormwatch::parse::cisco {
namespace {

bool IsDigitWord(std::string_view w) {
    return w.size() == 1 && w[0] >= '0' && w[0] <= '9';
}

// --- AAA -------------------------------------------------------------------------------

// Reads `key [type] value` at or after token `from` of `t` into the server.
void ReadKey(IosLikeParse& p, std::int32_t index, const Tokens& t, std::size_t from,
             model::AaaServer& server) {
    const std::size_t k = t.Find("key", from);
    if (k >= t.size() || t[k + 1].empty()) {
        return;
    }
    server.key_type = std::string(KeyType(t[k + 2].empty() ? std::string_view{} : t[k + 1]));
    server.key_ref = p.RefOf(index);
}

void AddServer(IosLikeParse& p, std::int32_t host_index, std::string_view protocol,
               std::string_view name, std::string_view host) {
    model::AaaServer server;
    server.protocol = std::string(protocol);
    server.name = std::string(name);
    server.host = MakeHost(host, p.Node(host_index));
    p.model.aaa_servers.push_back(std::move(server));
}

std::string_view ProtocolOf(std::string_view word) {
    return text::StartsWith(word, "tacacs") ? "tacacs+" : "radius";
}

void ParseServerHost(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    // tacacs-server host X [port N] [key [7] K] ... | radius-server host X ... key [7] K
    if (t[2].empty()) {
        return;
    }
    const std::string_view host = t[2] == "ipv6" ? t[3] : t[2];
    AddServer(p, index, ProtocolOf(t[0]), {}, host);
    ReadKey(p, index, t, 3, p.model.aaa_servers.back());
    p.Use(index);
}

void ParseNamedServer(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    // tacacs server NAME / radius server NAME, with `address ipv4|ipv6 X` and `key` children.
    model::AaaServer server;
    server.protocol = std::string(ProtocolOf(t[0]));
    server.name = std::string(t[2]);
    server.host.ref = p.RefOf(index);
    p.Use(index);
    p.tree.ForEachChild(index, [&](std::int32_t child) {
        const Tokens c(p.Node(child).text);
        if (c[0] == "address" && (c[1] == "ipv4" || c[1] == "ipv6")) {
            server.host = MakeHost(c[2], p.Node(child));
            p.Use(child);
        } else if (c[0] == "key") {
            ReadKey(p, child, c, 0, server);
            p.Use(child);
        } else if (c[0] == "port" || c[0] == "timeout" || c[0] == "single-connection") {
            p.Use(child);
        }
    });
    p.model.aaa_servers.push_back(std::move(server));
}

bool HasServer(const model::DeviceModel& m, std::string_view host) {
    for (const auto& s : m.aaa_servers) {
        if (s.host.host == host) {
            return true;
        }
    }
    return false;
}

void ParseServerGroup(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    // aaa group server tacacs+|radius G
    const std::string_view protocol = ProtocolOf(t[3]);
    p.Use(index);
    p.tree.ForEachChild(index, [&](std::int32_t child) {
        const Tokens c(p.Node(child).text);
        if (c[0] == "server-private") {
            AddServer(p, child, protocol, {}, c[1]);
            ReadKey(p, child, c, 2, p.model.aaa_servers.back());
            p.Use(child);
        } else if (c[0] == "server" && c[1] == "name") {
            p.Use(child);  // a reference to a `tacacs server NAME` block
        } else if (c[0] == "server" && !c[1].empty()) {
            // `server X` refers to a host defined elsewhere (tacacs-server host X); only a
            // literal address nobody defined is a server of its own.
            if (IpAddress::Parse(c[1]) && !HasServer(p.model, c[1])) {
                AddServer(p, child, protocol, {}, c[1]);
            }
            p.Use(child);
        } else if (c[0] == "use-vrf" || c[0] == "source-interface" ||
                   (c[0] == "ip" && (c[1] == "vrf" || c[1] == "tacacs" || c[1] == "radius"))) {
            p.Use(child);
        }
    });
}

bool HasMethod(const Tokens& t) {
    return t.Has("group") || t.Has("local") || t.Has("logging") || t.Has("syslog");
}

void ParseAaa(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    auto& aaa = p.model.aaa;
    const std::string_view w = t[1];
    if (w == "new-model") {
        aaa.new_model = p.RefOf(index);
    } else if (w == "authentication") {
        aaa.authentication.push_back(p.RefOf(index));
    } else if (w == "authorization") {
        aaa.authorization.push_back(p.RefOf(index));
    } else if (w == "accounting") {
        aaa.accounting.push_back(p.RefOf(index));
        if (HasMethod(t)) {
            if (t[2] == "commands") {
                aaa.command_accounting = true;
            } else if (t[2] == "exec") {
                aaa.exec_accounting = true;
            } else if (p.flavour == Flavour::kNxos && t[2] == "default") {
                // NX-OS accounts every configuration command with this one line.
                aaa.command_accounting = true;
            }
        }
    } else if (w == "group" && t[2] == "server") {
        ParseServerGroup(p, index, t);
        return;
    } else {
        return;
    }
    p.Use(index);
}

// --- SNMP ------------------------------------------------------------------------------

model::SnmpCommunity* FindCommunity(model::DeviceModel& m, std::string_view name) {
    for (auto& c : m.snmp.communities) {
        if (c.name == name) {
            return &c;
        }
    }
    return nullptr;
}

void ParseCommunity(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    const std::string_view name = t[2];
    if (name.empty()) {
        return;
    }
    // NX-OS attaches the ACL with a line of its own: `snmp-server community C use-acl A`.
    if ((t[3] == "use-acl" || t[3] == "use-ipv4acl") && t.size() == 5) {
        if (model::SnmpCommunity* existing = FindCommunity(p.model, name)) {
            existing->acl = std::string(t[4]);
            AddAclUse(p, index, t[4], "snmp");
            return;
        }
    }
    model::SnmpCommunity community;
    community.name = std::string(name);
    community.access = "ro";
    for (std::size_t i = 3; i < t.size(); ++i) {
        const std::string lower = text::ToLower(t[i]);
        if (lower == "ro" || lower == "rw") {
            community.access = lower;
        } else if (lower == "view" || lower == "ipv6" || lower == "use-ipv6acl") {
            ++i;
        } else if (lower == "group") {
            // NX-OS: network-admin may write, network-operator only read.
            community.access = t[i + 1] == "network-admin" ? "rw" : "ro";
            ++i;
        } else if (lower == "use-acl" || lower == "use-ipv4acl") {
            community.acl = std::string(t[i + 1]);
            ++i;
        } else if (community.acl.empty()) {
            community.acl = std::string(t[i]);
        }
    }
    community.ref = p.RefOf(index);
    if (!community.acl.empty()) {
        AddAclUse(p, index, community.acl, "snmp");
    }
    p.model.snmp.communities.push_back(std::move(community));
    p.Use(index);
}

void ParseSnmpUser(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    model::SnmpUser user;
    user.name = std::string(t[2]);
    for (std::size_t i = 3; i < t.size(); ++i) {
        const std::string_view w = t[i];
        if (w == "v1" || w == "v2c" || w == "v3") {
            user.version = std::string(w);
        } else if (w == "auth" && user.auth.empty()) {
            user.auth = text::ToLower(t[i + 1]);
            ++i;
        } else if (w == "priv" && user.priv.empty()) {
            const std::string_view algo = t[i + 1];
            if (algo == "aes" && text::ParseInt(t[i + 2])) {
                user.priv = "aes " + std::string(t[i + 2]);
            } else if (algo == "aes" || algo == "des" || algo == "3des" ||
                       text::StartsWith(algo, "aes-")) {
                user.priv = std::string(algo);
            } else {
                user.priv = "des";  // NX-OS `priv KEY` without an algorithm is DES
            }
        } else if (w == "access") {
            AddAclUse(p, index, t[i + 1] == "ipv6" ? t[i + 2] : t[i + 1], "snmp");
        }
    }
    if (user.version.empty() && (p.flavour == Flavour::kNxos || !user.auth.empty())) {
        user.version = "v3";  // NX-OS users are always SNMPv3
    }
    user.ref = p.RefOf(index);
    p.model.snmp.users.push_back(std::move(user));
    p.Use(index);
}

void ParseSnmpHost(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    // snmp-server host X [vrf V] [informs|traps] [version 1|2c|3 [auth|noauth|priv]] COMM ...
    model::SnmpHost host;
    std::size_t i = 3;
    std::string_view community;
    for (; i < t.size(); ++i) {
        const std::string_view w = t[i];
        if (w == "vrf") {
            ++i;
        } else if (w == "informs" || w == "traps") {
            continue;
        } else if (w == "version") {
            host.version = std::string(t[i + 1]);
            ++i;
            if (t[i + 1] == "auth" || t[i + 1] == "noauth" || t[i + 1] == "priv") {
                ++i;
            }
        } else if (w == "use-vrf" || w == "filter-vrf" || w == "source-interface") {
            break;
        } else {
            community = w;
            break;
        }
    }
    p.Use(index);
    if (community.empty()) {
        return;  // NX-OS companion lines (`use-vrf`) of a host written elsewhere
    }
    host.host = MakeHost(t[2], p.Node(index));
    host.community = std::string(community);
    p.model.snmp.hosts.push_back(std::move(host));
}

void ParseSnmp(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    const std::string_view w = t[1];
    if (w == "community") {
        ParseCommunity(p, index, t);
    } else if (w == "user") {
        ParseSnmpUser(p, index, t);
    } else if (w == "host") {
        ParseSnmpHost(p, index, t);
    } else if (w == "group") {
        p.model.snmp.groups.push_back(p.RefOf(index));
        p.Use(index);
    }
}

// --- services and SSH -------------------------------------------------------------------

model::Service& ServiceNamed(IosLikeParse& p, std::int32_t index, std::string_view name) {
    if (model::Service* s = FindService(p.model, name)) {
        return *s;
    }
    AddService(p, index, name, true, 0);
    return p.model.services.back();
}

bool ParseIpHttp(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    const std::string_view w = t[2];
    if (w == "server" || w == "secure-server") {
        model::Service& s = ServiceNamed(p, index, w == "server" ? "http" : "https");
        s.enabled = true;
        // The port line, when it came first, is the better evidence: keep it.
        if (s.port == 0) {
            s.ref = p.RefOf(index);
        }
    } else if (w == "port" || w == "secure-port") {
        model::Service& s = ServiceNamed(p, index, w == "port" ? "http" : "https");
        s.port = text::ParseInt(t[3]).value_or(0);
        s.ref = p.RefOf(index);
    } else if (w == "access-class") {
        AddAclUse(p, index, t[3] == "ipv4" || t[3] == "ipv6" ? t[4] : t[3], "http");
    } else {
        return false;
    }
    p.Use(index);
    return true;
}

bool ParseIpSsh(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    auto& ssh = p.model.ssh;
    const std::string_view w = t[2];
    if (w == "version") {
        ssh.version = text::ParseInt(t[3]);
        ssh.version_ref = p.RefOf(index);
    } else if (w == "port") {
        // ip ssh port N rotary G: SSH on a non-standard port for the vty lines of rotary G.
        AddService(p, index, "ssh", true, text::ParseInt(t[3]).value_or(0),
                   t[4] == "rotary" ? t.Rest(4) : std::string_view{});
    } else if (w == "server" && t[3] == "algorithm") {
        for (std::size_t i = 5; i < t.size(); ++i) {
            if (IsWeakSshAlgorithm(t[i])) {
                ssh.weak_algorithms.push_back(p.RefOf(index));
                break;
            }
        }
    } else if (w == "source-interface") {
        ssh.source_interface = MakeHost(t[3], p.Node(index));
    } else if (w == "pubkey-chain") {
        // username blocks holding SSH keys: users whose secret is a key
        p.tree.ForEachChild(index, [&](std::int32_t child) {
            const Tokens c(p.Node(child).text);
            if (c[0] == "username") {
                model::LocalUser user;
                user.name = std::string(c[1]);
                user.secret_type = "key";
                user.ref = p.RefOf(child);
                p.model.users.push_back(std::move(user));
                p.UseBlock(child);
            }
        });
    } else {
        return false;
    }
    p.Use(index);
    return true;
}

bool ParseLogging(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    auto& log = p.model.logging;
    std::size_t at = 1;
    if (t[1] == "vrf") {
        at = 3;  // EOS `logging vrf V host X`
    }
    const std::string_view w = t[at];
    auto add_host = [&](std::string_view host) {
        log.hosts.push_back(MakeHost(host, p.Node(index)));
    };
    if (w == "host" || w == "server") {
        const std::string_view next = t[at + 1];
        add_host(next == "ipv6" || next == "ipv4" ? t[at + 2] : next);
    } else if (w == "trap") {
        log.trap_level = p.RefOf(index);
        log.trap_level_value = std::string(t[at + 1]);
    } else if (IpAddress::Parse(w)) {
        add_host(w);  // legacy `logging 192.0.2.1`
    } else {
        return false;
    }
    p.Use(index);
    return true;
}

bool ParseNtp(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    const std::string_view w = t[1];
    if (w == "server" || w == "peer") {
        std::size_t at = 2;
        while (t[at] == "vrf" || t[at] == "ip" || t[at] == "ipv6") {
            at += t[at] == "vrf" ? 2 : 1;
        }
        if (t[at].empty()) {
            return false;
        }
        model::NtpServer server;
        server.host = MakeHost(t[at], p.Node(index));
        p.model.ntp_servers.push_back(std::move(server));
    } else if (w == "access-group") {
        // ntp access-group [ipv4|ipv6] peer|serve|serve-only|query-only ACL
        std::size_t at = 2;
        if (t[at] == "ipv4" || t[at] == "ipv6") {
            ++at;
        }
        AddAclUse(p, index, t[at + 1], "ntp");
    } else {
        return false;
    }
    p.Use(index);
    return true;
}

// --- mirroring -------------------------------------------------------------------------

bool IsDirection(std::string_view w) {
    return w == "both" || w == "rx" || w == "tx" || w == "," || w == "-";
}

void ApplyMirrorWords(IosLikeParse& p, std::int32_t node, const Tokens& t, std::size_t i,
                      model::MirrorSession& m) {
    const std::string_view w = t[i];
    if (w == "type") {
        m.type = std::string(t[i + 1]);
    } else if (w == "source") {
        if (t[i + 1] == "remote") {
            m.type = "rspan";
            m.sources.push_back("remote vlan " + std::string(t[i + 3]));
            return;
        }
        std::size_t k = i + 1;
        if (t[k] == "interface" || t[k] == "vlan" || t[k] == "cpu") {
            const bool vlan = t[k] == "vlan";
            ++k;
            for (; k < t.size(); ++k) {
                if (!IsDirection(t[k])) {
                    m.sources.push_back((vlan ? "vlan " : "") + std::string(t[k]));
                }
            }
        } else {
            // EOS `source Ethernet1 rx`, `source Ethernet1,Ethernet2 both`
            for (; k < t.size(); ++k) {
                if (!IsDirection(t[k])) {
                    m.sources.push_back(std::string(t[k]));
                }
            }
        }
    } else if (w == "destination") {
        if (t[i + 1] == "remote") {
            m.type = "rspan";
        } else if (t[i + 1] == "tunnel") {
            m.type = "tunnel";
            // EOS: destination tunnel mode gre source S destination D [ttl ..]
            const std::size_t d = t.Find("destination", i + 2);
            if (d < t.size()) {
                m.remote_destinations.push_back(MakeHost(t[d + 1], p.Node(node)));
            }
        } else if (t[i + 1] == "ip") {
            // NX-OS erspan-source: destination ip X
            m.remote_destinations.push_back(MakeHost(t[i + 2], p.Node(node)));
        }
    } else if (w == "ip" && t[i + 1] == "address" && i == 0) {
        // IOS XE erspan `destination` sub-block: the collector
        m.remote_destinations.push_back(MakeHost(t[i + 2], p.Node(node)));
    }
}

}  // namespace

model::Service* FindService(model::DeviceModel& m, std::string_view name) {
    for (auto it = m.services.rbegin(); it != m.services.rend(); ++it) {
        if (it->name == name) {
            return &*it;
        }
    }
    return nullptr;
}

void AddService(IosLikeParse& p, std::int32_t index, std::string_view name, bool enabled, int port,
                std::string_view detail) {
    model::Service service;
    service.name = std::string(name);
    service.enabled = enabled;
    service.port = port;
    service.ref = p.RefOf(index);
    service.detail = std::string(detail);
    p.model.services.push_back(std::move(service));
    p.Use(index);
}

std::string_view KeyType(std::string_view first_word) {
    if (IsDigitWord(first_word)) {
        return first_word;
    }
    if (first_word == "encrypted") {
        return "encrypted";
    }
    return "0";
}

bool IsWeakSshAlgorithm(std::string_view name) {
    const std::string lower = text::ToLower(name);
    for (const std::string_view weak : {"3des", "des-cbc", "arcfour", "blowfish", "cast128", "-cbc",
                                        "hmac-md5", "hmac-sha1-96", "group1-sha1", "ssh-dss"}) {
        if (lower.find(weak) != std::string::npos) {
            return true;
        }
    }
    return false;
}

void ParseMonitorSession(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    const std::string_view id = t[2];
    if (id.empty()) {
        return;
    }
    model::MirrorSession* session = nullptr;
    for (auto& existing : p.model.mirrors) {
        if (existing.id == id) {
            session = &existing;
        }
    }
    if (session == nullptr) {
        model::MirrorSession created;
        created.id = std::string(id);
        created.type = "span";
        created.ref = p.RefOf(index);
        p.model.mirrors.push_back(std::move(created));
        session = &p.model.mirrors.back();
    }
    session->lines.push_back(p.RefOf(index));
    ApplyMirrorWords(p, index, t, 3, *session);
    p.Use(index);
    const auto end = static_cast<std::int32_t>(p.Node(index).end);
    for (std::int32_t child = index + 1; child < end; ++child) {
        const Tokens c(p.Node(child).text);
        session->lines.push_back(p.RefOf(child));
        ApplyMirrorWords(p, child, c, 0, *session);
        p.Use(child);
    }
}

bool ParseManagementCommand(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    const std::string_view w = t[0];
    if (w == "aaa") {
        ParseAaa(p, index, t);
    } else if ((w == "tacacs-server" || w == "radius-server") && t[1] == "host") {
        ParseServerHost(p, index, t);
    } else if ((w == "tacacs" || w == "radius") && t[1] == "server") {
        ParseNamedServer(p, index, t);
    } else if (w == "snmp-server") {
        ParseSnmp(p, index, t);
    } else if (w == "ip" && t[1] == "http") {
        return ParseIpHttp(p, index, t);
    } else if (w == "ip" && t[1] == "ssh") {
        return ParseIpSsh(p, index, t);
    } else if (w == "ip" && t[1] == "scp" && t[2] == "server") {
        AddService(p, index, "scp-server", true, 0);
    } else if (w == "ip" && t[1] == "bootp" && t[2] == "server") {
        AddService(p, index, "bootp", true, 0);
    } else if ((w == "ip" || w == "service") && t[1] == "finger") {
        AddService(p, index, "finger", true, 0);
    } else if (w == "ftp-server" && t[1] == "enable") {
        AddService(p, index, "ftp-server", true, 0);
    } else if (w == "tftp-server" && !t[1].empty()) {
        AddService(p, index, "tftp-server", true, 0, t[1]);
        if (!t[2].empty()) {
            AddAclUse(p, index, t[2], "tftp");
        }
    } else if (w == "netconf-yang" || (w == "netconf" && t[1] == "ssh")) {
        if (FindService(p.model, "netconf") == nullptr) {
            AddService(p, index, "netconf", true, 0);
        }
        p.UseBlock(index);
    } else if (w == "restconf") {
        AddService(p, index, "restconf", true, 0);
    } else if (w == "gnxi" && t[1].empty()) {
        AddService(p, index, "grpc", true, 0);
    } else if (w == "cdp" && t[1] == "run") {
        AddService(p, index, "cdp", true, 0);
    } else if (w == "lldp" && t[1] == "run") {
        AddService(p, index, "lldp", true, 0);
    } else if (w == "logging") {
        return ParseLogging(p, index, t);
    } else if (w == "login" && t[1] == "on-failure" && t.Has("log")) {
        p.model.logging.login_on_failure_log = true;
        p.Use(index);
    } else if (w == "ntp") {
        return ParseNtp(p, index, t);
    } else {
        return false;
    }
    return true;
}

}  // namespace stormwatch::parse::cisco
