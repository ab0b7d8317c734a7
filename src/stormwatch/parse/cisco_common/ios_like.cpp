// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/cisco_common/ios_like.h"

#include <algorithm>
#include <string>

#include "stormwatch/core/text.h"
#include "stormwatch/parse/cisco_common/acl.h"
#include "stormwatch/parse/cisco_common/addresses.h"
#include "stormwatch/parse/cisco_common/ios_like_internal.h"

namespace stormwatch::parse::cisco {
namespace {

bool IsSeq(std::string_view word) {
    return text::ParseInt(word).has_value();
}

// --- device identity -------------------------------------------------------------------

void ParseVersion(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    p.model.device.version = std::string(t[1]);
    p.model.device.version_ref = p.RefOf(index);
    if (p.flavour == Flavour::kIos) {
        // IOS XE renumbered to 16.x when it left the 3.x trains; classic IOS stops at 15.x.
        const std::string_view v = t[1];
        const auto dot = v.find('.');
        if (auto major = text::ParseInt(v.substr(0, dot)); major && *major >= 16) {
            p.model.device.ios_xe = true;
        }
    }
    p.Use(index);
}

// --- users and secrets -----------------------------------------------------------------

// Reads `secret|password [type] value`, `algorithm-type X secret value`, `nopassword`,
// `sshkey`/`ssh-key` from token i on; returns the secret kind or empty.
std::string SecretKind(const Tokens& t, std::size_t i) {
    for (; i < t.size(); ++i) {
        const std::string_view w = t[i];
        if (w == "nopassword") {
            return "nopassword";
        }
        if (w == "sshkey" || w == "ssh-key") {
            return "key";
        }
        if (w == "algorithm-type") {
            const std::string_view algo = t[i + 1];
            if (algo == "sha256") {
                return "8";
            }
            if (algo == "scrypt") {
                return "9";
            }
            if (algo == "md5") {
                return "5";
            }
            return std::string(algo);
        }
        if (w == "secret" || w == "password") {
            const std::string_view kind = t[i + 1];
            if (t.size() > i + 2 &&
                (IsSeq(kind) || kind == "sha512" || kind == "sha256" || kind == "md5")) {
                return text::ToLower(kind);
            }
            // A lone value was typed in clear text (the device hashes or encodes it on
            // save, but the file we audit holds it as written).
            return "0";
        }
    }
    return {};
}

void ParseUsername(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    model::LocalUser user;
    user.name = std::string(t[1]);
    if (const std::size_t i = t.Find("privilege", 2); i < t.size()) {
        user.privilege = text::ParseInt(t[i + 1]).value_or(-1);
    }
    if (const std::size_t i = t.Find("role", 2); i < t.size()) {
        user.role = std::string(t[i + 1]);
        if (user.privilege < 0 &&
            (user.role == "network-admin" || user.role == "priv-15" || user.role == "vdc-admin")) {
            user.privilege = 15;
        }
    } else if (const std::size_t g = t.Find("group", 2); g < t.size()) {
        user.role = std::string(t[g + 1]);
    }
    user.secret_type = SecretKind(t, 2);
    user.ref = p.RefOf(index);
    p.model.users.push_back(std::move(user));
    p.UseBlock(index);
}

void ParseEnable(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    // enable secret [level N] [type] value | enable password [level N] [type] value |
    // enable algorithm-type sha256 secret value
    const std::string_view kind = t[1];
    if (kind != "secret" && kind != "password" && kind != "algorithm-type") {
        return;
    }
    model::EnableSecret secret;
    if (t[2] == "level") {
        // enable secret level N [type] value
        secret.secret_type = t.size() > 5 ? text::ToLower(t[4]) : "0";
    } else {
        secret.secret_type = SecretKind(t, 1);
    }
    secret.is_password = kind == "password";
    if (p.flavour == Flavour::kEos && secret.is_password && secret.secret_type != "0" &&
        secret.secret_type != "7") {
        // EOS writes its hashed enable secret as `enable password sha512 $6$...`.
        secret.is_password = false;
    }
    secret.ref = p.RefOf(index);
    p.model.enable_secrets.push_back(std::move(secret));
    p.Use(index);
}

// --- ACLs ------------------------------------------------------------------------------

model::Acl* FindAclMutable(model::DeviceModel& m, std::string_view name) {
    for (auto it = m.acls.rbegin(); it != m.acls.rend(); ++it) {
        if (it->name == name) {
            return &*it;
        }
    }
    return nullptr;
}

void ParseNumberedAcl(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    // access-list N [dynamic X] permit|deny|remark ...
    const std::string_view name = t[1];
    if (name.empty()) {
        return;
    }
    model::Acl* acl = FindAclMutable(p.model, name);
    if (acl == nullptr) {
        model::Acl created;
        created.name = std::string(name);
        created.ref = p.RefOf(index);
        created.kind = IsStandardAclNumber(name) ? "standard" : "extended";
        p.model.acls.push_back(std::move(created));
        acl = &p.model.acls.back();
    }
    std::size_t first = 2;
    if (t[first] == "dynamic") {
        first += 2;
    }
    model::AclEntry entry;
    if (ParseAclEntry(t, first, acl->kind == "standard", entry)) {
        entry.ref = p.RefOf(index);
        acl->entries.push_back(std::move(entry));
        p.Use(index);
    }
}

// --- lines (vty, console) --------------------------------------------------------------

void ParseLine(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    model::VtyLine line;
    std::string range(t[1] == "con" ? "console" : t[1]);
    for (std::size_t i = 2; i < t.size(); ++i) {
        range += ' ';
        range += t[i];
    }
    line.range = std::move(range);
    line.ref = p.RefOf(index);
    p.Use(index);
    const bool vty = t[1] == "vty";
    p.tree.ForEachChild(index, [&](std::int32_t child) {
        const Tokens c(p.Node(child).text);
        if (c[0] == "transport" && c[1] == "input") {
            for (std::size_t i = 2; i < c.size(); ++i) {
                line.transport_input.push_back(text::ToLower(c[i]));
            }
            line.transport_input_ref = p.RefOf(child);
            p.Use(child);
        } else if (c[0] == "transport" && c[1] == "output" && c[2] == "none") {
            line.transport_output_none = true;
            p.Use(child);
        } else if ((c[0] == "access-class" || (c[0] == "ip" && c[1] == "access-class")) &&
                   c.Has("in")) {
            const std::size_t name_at = c[0] == "ip" ? 2 : 1;
            line.access_class_in = std::string(c[name_at]);
            line.access_class_ref = p.RefOf(child);
            AddAclUse(p, child, c[name_at], vty ? "vty" : "line");
        } else if (c[0] == "ipv6" && c[1] == "access-class" && c.Has("in")) {
            AddAclUse(p, child, c[2], vty ? "vty" : "line");
        } else if (c[0] == "exec-timeout") {
            const int minutes = text::ParseInt(c[1]).value_or(0);
            // NX-OS takes minutes only; IOS `exec-timeout M S`.
            const int seconds = text::ParseInt(c[2]).value_or(0);
            line.exec_timeout_seconds = minutes * 60 + seconds;
            line.exec_timeout_ref = p.RefOf(child);
            p.Use(child);
        } else if (c[0] == "rotary") {
            line.rotary = text::ParseInt(c[1]);
            line.rotary_ref = p.RefOf(child);
            p.Use(child);
        }
    });
    p.model.lines.push_back(std::move(line));
}

// --- containers, captures, crypto, transfers --------------------------------------------

void AddContainer(IosLikeParse& p, std::int32_t index, std::string_view kind,
                  std::string_view name) {
    model::Container container;
    container.kind = std::string(kind);
    container.name = std::string(name);
    container.ref = p.RefOf(index);
    p.model.containers.push_back(std::move(container));
    p.UseBlock(index);
}

bool MentionsAaaPort(std::string_view line) {
    const Tokens t(line);
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        if (t[i] == "eq" || t[i] == "port" || t[i] == "range") {
            const std::string_view port = t[i + 1];
            if (port == "49" || port == "tacacs" || port == "1812" || port == "1813" ||
                port == "1645" || port == "1646" || port == "radius" || port == "radius-acct") {
                return true;
            }
        }
    }
    return false;
}

void ParseMonitorCapture(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    // monitor capture NAME ... | monitor capture point ... NAME ... | monitor capture buffer NAME
    std::size_t name_at = 2;
    if (t[2] == "point" || t[2] == "buffer") {
        name_at = t[2] == "buffer" ? 3 : t.size() - 1;
        if (t[2] == "point") {
            // monitor capture point ip|ipv6 cef|process-switched NAME ...
            name_at = 5;
        }
    }
    const std::string_view name = t[name_at];
    model::PacketCapture* capture = nullptr;
    for (auto& existing : p.model.captures) {
        if (existing.name == name && existing.tool == "epc") {
            capture = &existing;
        }
    }
    if (capture == nullptr) {
        model::PacketCapture created;
        created.name = std::string(name);
        created.tool = "epc";
        created.ref = p.RefOf(index);
        p.model.captures.push_back(std::move(created));
        capture = &p.model.captures.back();
    }
    auto add_line = [&](std::int32_t node) {
        const std::string_view line = p.Node(node).text;
        capture->lines.push_back(p.RefOf(node));
        if (MentionsAaaPort(line)) {
            capture->targets_aaa = true;
        }
        const Tokens lt(line);
        for (std::size_t i = 0; i < lt.size(); ++i) {
            if (lt[i] == "export" || lt[i] == "location" || lt[i] == "file") {
                const std::size_t at = lt[i + 1] == "location" ? i + 2 : i + 1;
                if (lt[at].find(':') != std::string_view::npos) {
                    capture->file = std::string(lt[at]);
                }
            }
        }
        p.Use(node);
    };
    add_line(index);
    const std::int32_t end = static_cast<std::int32_t>(p.Node(index).end);
    for (std::int32_t child = index + 1; child < end; ++child) {
        add_line(child);
    }
}

void AddCryptoPeer(IosLikeParse& p, std::int32_t index, std::string_view host,
                   std::string_view kind) {
    model::CryptoPeer peer;
    peer.host = MakeHost(host, p.Node(index));
    peer.kind = std::string(kind);
    p.model.crypto_peers.push_back(std::move(peer));
    p.Use(index);
}

void ParseCrypto(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    if (t[1] == "isakmp" && t[2] == "key") {
        // crypto isakmp key [0|6] KEY address A [mask] | hostname H
        if (const std::size_t a = t.Find("address", 3); a < t.size()) {
            AddCryptoPeer(p, index, t[a + 1] == "ipv6" ? t[a + 2] : t[a + 1], "isakmp");
        } else if (const std::size_t h = t.Find("hostname", 3); h < t.size()) {
            AddCryptoPeer(p, index, t[h + 1], "isakmp");
        }
        return;
    }
    if (t[1] == "map" && t.size() >= 4) {
        p.Use(index);
        p.tree.ForEachChild(index, [&](std::int32_t child) {
            const Tokens c(p.Node(child).text);
            if (c[0] == "set" && c[1] == "peer") {
                AddCryptoPeer(p, child, c[2], "crypto-map");
            }
        });
        return;
    }
    if (t[1] == "keyring" || (t[1] == "ikev2" && t[2] == "keyring")) {
        const std::string_view kind = t[1] == "ikev2" ? "ikev2" : "isakmp";
        p.Use(index);
        const std::int32_t end = static_cast<std::int32_t>(p.Node(index).end);
        for (std::int32_t child = index + 1; child < end; ++child) {
            const Tokens c(p.Node(child).text);
            if (c[0] == "address" && (IpAddress::Parse(c[1]) || c[1] == "ipv6")) {
                AddCryptoPeer(p, child, c[1] == "ipv6" ? c[2] : c[1], kind);
            } else if (c[0] == "pre-shared-key" && c[1] == "address") {
                AddCryptoPeer(p, child, c[2], kind);
            } else if (c[0] == "peer" || c[0] == "hostname" || c[0] == "pre-shared-key") {
                p.Use(child);
            }
        }
        return;
    }
    if (t[1] == "isakmp" && t[2] == "profile") {
        p.Use(index);
        p.tree.ForEachChild(index, [&](std::int32_t child) {
            const Tokens c(p.Node(child).text);
            if (c[0] == "match" && c[1] == "identity" && c[2] == "address") {
                AddCryptoPeer(p, child, c[3], "isakmp");
            }
        });
    }
}

void AddTransfer(IosLikeParse& p, std::int32_t index, std::string_view url) {
    model::Transfer transfer;
    transfer.url = std::string(url);
    // scheme://[user[:pw]@]host[:port]/path
    std::string_view rest = url.substr(url.find("://") + 3);
    rest = rest.substr(0, rest.find('/'));
    if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
        rest = rest.substr(at + 1);
    }
    if (!rest.empty() && rest.front() == '[') {
        rest = rest.substr(1, rest.find(']') - 1);
    } else if (std::count(rest.begin(), rest.end(), ':') == 1) {
        rest = rest.substr(0, rest.find(':'));
    }
    transfer.address = IpAddress::Parse(rest);
    transfer.ref = p.RefOf(index);
    p.model.transfers.push_back(std::move(transfer));
    p.Use(index);
}

// Remote-copy URLs in lines the device runs on its own (archive, kron, EEM applets).
void ScanTransfers(IosLikeParse& p, std::int32_t index) {
    const std::int32_t end = static_cast<std::int32_t>(p.Node(index).end);
    for (std::int32_t node = index; node < end; ++node) {
        const Tokens t(p.Node(node).text);
        for (std::size_t i = 0; i < t.size(); ++i) {
            const std::string_view w = t[i];
            const auto scheme = w.find("://");
            if (scheme == std::string_view::npos || scheme == 0) {
                continue;
            }
            const std::string lower = text::ToLower(w.substr(0, scheme));
            if (lower == "tftp" || lower == "ftp" || lower == "scp" || lower == "sftp" ||
                lower == "rcp" || lower == "http" || lower == "https") {
                AddTransfer(p, node, w);
            }
        }
    }
}

void ParseArchive(IosLikeParse& p, std::int32_t index) {
    p.Use(index);
    ScanTransfers(p, index);
    p.tree.ForEachChild(index, [&](std::int32_t child) {
        const std::string_view c = p.Node(child).text;
        if (c == "log config") {
            p.Use(child);
            p.tree.ForEachChild(child, [&](std::int32_t grandchild) {
                const std::string_view g = p.Node(grandchild).text;
                if (g == "logging enable") {
                    p.model.logging.archive_log_config = true;
                    p.model.logging.archive_ref = p.RefOf(grandchild);
                    p.Use(grandchild);
                } else if (text::StartsWith(g, "notify syslog") || g == "hidekeys" ||
                           text::StartsWith(g, "logging size")) {
                    p.Use(grandchild);
                }
            });
        } else if (text::StartsWith(c, "path ") || text::StartsWith(c, "write-memory") ||
                   text::StartsWith(c, "time-period") || text::StartsWith(c, "maximum")) {
            p.Use(child);
        }
    });
}

// --- routes ----------------------------------------------------------------------------

bool LooksLikeInterfaceName(std::string_view word) {
    return !word.empty() &&
           ((word.front() >= 'A' && word.front() <= 'Z') || text::IStartsWith(word, "loopback") ||
            text::IStartsWith(word, "ethernet") || text::IStartsWith(word, "mgmt") ||
            text::IStartsWith(word, "vlan") || text::IStartsWith(word, "tunnel") ||
            text::IStartsWith(word, "port-channel"));
}

// --- the dispatcher --------------------------------------------------------------------

bool HandleNo(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    const std::string_view w = t[1];
    auto& m = p.model;
    if (w == "aaa" && t[2] == "new-model") {
        m.aaa.no_new_model = p.RefOf(index);
    } else if (w == "vstack") {
        m.smart_install_disabled = p.RefOf(index);
    } else if (w == "cdp" && t[2] == "run") {
        AddService(p, index, "cdp", false, 0);
    } else if (w == "lldp" && t[2] == "run") {
        AddService(p, index, "lldp", false, 0);
    } else if (w == "ip" && t[2] == "http" && (t[3] == "server" || t[3] == "secure-server")) {
        const std::string_view name = t[3] == "server" ? "http" : "https";
        if (model::Service* s = FindService(m, name); s != nullptr) {
            s->enabled = false;
            s->ref = p.RefOf(index);
        } else {
            AddService(p, index, name, false, 0);
        }
    } else if (w == "ip" && t[2] == "bootp" && t[3] == "server") {
        AddService(p, index, "bootp", false, 0);
    } else if ((w == "ip" || w == "service") && t[2] == "finger") {
        AddService(p, index, "finger", false, 0);
    } else if (w == "logging") {
        const std::string_view what = t[2];
        if (what.empty() || what == "on" || what == "host" || what == "server" || what == "trap" ||
            what == "logfile" || IpAddress::Parse(what)) {
            m.logging.disabled.push_back(p.RefOf(index));
        } else {
            return false;
        }
    } else {
        return false;
    }
    p.Use(index);
    return true;
}

void HandleTopLevel(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    const std::string_view w = t[0];
    auto& m = p.model;
    if (w == "no") {
        HandleNo(p, index, t);
    } else if (w == "hostname" || w == "switchname") {
        m.device.hostname = std::string(t[1]);
        m.device.hostname_ref = p.RefOf(index);
        p.Use(index);
    } else if (w == "version" && !t[1].empty()) {
        ParseVersion(p, index, t);
    } else if (w == "interface") {
        ParseInterface(p, index, t);
    } else if (w == "access-list") {
        ParseNumberedAcl(p, index, t);
    } else if ((w == "ip" || w == "ipv6") && t[1] == "access-list") {
        // ip access-list standard|extended NAME | ip access-list NAME | ipv6 access-list NAME
        // (IOS XE also prints `ip access-list role-based`, `logging`, `resequence`.)
        if (t[2] == "standard" || t[2] == "extended") {
            ParseNamedAcl(p, index, t[3], t[2]);
        } else if (t[2] == "resequence" || t[2] == "logging" || t[2] == "role-based" ||
                   t[2] == "log-update" || t[2].empty()) {
            return;
        } else {
            ParseNamedAcl(p, index, t[2], w == "ipv6" ? "ipv6" : "extended");
        }
    } else if ((w == "ip" || w == "ipv6") && t[1] == "route") {
        std::size_t first = 2;
        std::string_view vrf;
        if (t[2] == "vrf") {
            vrf = t[3];
            first = 4;
        }
        ParseStaticRoute(p, index, t, first, vrf);
    } else if (w == "username") {
        ParseUsername(p, index, t);
    } else if (w == "enable") {
        ParseEnable(p, index, t);
    } else if (w == "line") {
        ParseLine(p, index, t);
    } else if (w == "monitor" && t[1] == "session") {
        ParseMonitorSession(p, index, t);
    } else if (w == "monitor" && t[1] == "capture") {
        ParseMonitorCapture(p, index, t);
    } else if (w == "crypto") {
        ParseCrypto(p, index, t);
    } else if (w == "archive") {
        ParseArchive(p, index);
    } else if (w == "kron" || (w == "event" && t[1] == "manager")) {
        p.Use(index);
        ScanTransfers(p, index);
    } else if (w == "iox") {
        AddContainer(p, index, "iox", "iox");
    } else if (w == "app-hosting" && t[1] == "appid") {
        AddContainer(p, index, "app-hosting", t[2]);
    } else if (w == "virtual-service") {
        AddContainer(p, index, "virtual-service", t[1]);
    } else if (w == "guestshell") {
        AddContainer(p, index, "guestshell", "guestshell");
    } else if (w == "vstack") {
        m.smart_install_enabled = p.RefOf(index);
        p.Use(index);
    } else if (w == "password" && t[1] == "encryption" && t[2] == "aes") {
        m.password_encryption_aes = p.RefOf(index);
        p.Use(index);
    } else if (w == "service" && t[1] == "password-encryption") {
        m.service_password_encryption = p.RefOf(index);
        p.Use(index);
    } else if (w == "spanning-tree" || w == "vlan" || w == "vtp") {
        m.device.is_switch = true;
        p.UseBlock(index);
    } else if (w == "end" || w == "Building" || w == "Current") {
        p.Use(index);
    } else {
        ParseManagementCommand(p, index, t);
    }
}

}  // namespace

void IosLikeParse::UseBlock(std::int32_t index) {
    const auto end = tree.nodes[static_cast<std::size_t>(index)].end;
    for (auto i = static_cast<std::uint32_t>(index); i < end; ++i) {
        tree.nodes[i].used = true;
    }
}

model::SourceRef IosLikeParse::RefOf(std::int32_t index) const {
    return Ref(Node(index));
}

void AddAclUse(IosLikeParse& p, std::int32_t index, std::string_view acl, std::string_view where) {
    if (acl.empty()) {
        return;
    }
    model::AclUse use;
    use.acl = std::string(acl);
    use.where = std::string(where);
    use.ref = p.RefOf(index);
    p.model.acl_uses.push_back(std::move(use));
    p.Use(index);
}

void ParseInterface(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    model::Interface iface;
    iface.name = std::string(t[1]);
    if (t.size() > 2 && t[2] != "point-to-point" && t[2] != "multipoint") {
        // `interface GigabitEthernet 0/1` (spaces allowed by some trains)
        iface.name += std::string(t[2]);
    }
    iface.ref = p.RefOf(index);
    iface.is_loopback = text::IStartsWith(iface.name, "loopback");
    iface.is_tunnel =
        text::IStartsWith(iface.name, "tunnel") && !text::IStartsWith(iface.name, "tunnel-te");
    p.Use(index);
    p.tree.ForEachChild(index, [&](std::int32_t child) {
        const Tokens c(p.Node(child).text);
        const std::string_view w = c[0];
        bool used = true;
        if (w == "description") {
            iface.description = std::string(c.Rest(1));
        } else if (w == "shutdown") {
            iface.shutdown = true;
        } else if (w == "no" && c[1] == "shutdown") {
            iface.shutdown = false;
        } else if (w == "ip" && c[1] == "address" && c[2] != "dhcp" && !c[2].empty()) {
            model::InterfaceAddress address;
            std::optional<IpPrefix> prefix;
            std::optional<IpAddress> host;
            if (c[2].find('/') != std::string_view::npos) {
                const std::string_view a = c[2].substr(0, c[2].find('/'));
                host = IpAddress::Parse(a);
                prefix = IpPrefix::Parse(c[2]);
            } else {
                host = ParseV4(c[2]);
                if (auto mask = ParseV4(c[3]); host && mask) {
                    prefix = IpPrefix::FromMask(*host, *mask, false);
                }
            }
            if (host && prefix) {
                address.address = *host;
                address.prefix = *prefix;
                address.secondary = c.Has("secondary", 3);
                address.ref = p.RefOf(child);
                iface.addresses.push_back(std::move(address));
            } else {
                used = false;
            }
        } else if (w == "ipv6" && c[1] == "address" && c[2].find('/') != std::string_view::npos) {
            const std::string_view a = c[2].substr(0, c[2].find('/'));
            auto host = IpAddress::Parse(a);
            auto prefix = IpPrefix::Parse(c[2]);
            if (host && prefix) {
                model::InterfaceAddress address;
                address.address = *host;
                address.prefix = *prefix;
                address.ref = p.RefOf(child);
                iface.addresses.push_back(std::move(address));
            } else {
                used = false;
            }
        } else if ((w == "vrf" && (c[1] == "forwarding" || c[1] == "member")) ||
                   (w == "ip" && c[1] == "vrf" && c[2] == "forwarding")) {
            iface.vrf = std::string(w == "ip" ? c[3] : c[2]);
        } else if (w == "vrf" && !c[1].empty()) {
            iface.vrf = std::string(c[1]);  // EOS `vrf NAME`
        } else if (w == "tunnel" && c[1] == "source") {
            iface.tunnel_source = MakeHost(c[2], p.Node(child));
        } else if (w == "tunnel" && c[1] == "destination") {
            iface.tunnel_destination = MakeHost(c[2], p.Node(child));
        } else if (w == "tunnel" && c[1] == "mode") {
            iface.tunnel_mode = text::ToLower(c.Rest(2));
            iface.tunnel_mode_ref = p.RefOf(child);
        } else if ((w == "ip" || w == "ipv6") &&
                   (c[1] == "access-group" || c[1] == "traffic-filter" ||
                    (c[1] == "port" && c[2] == "access-group"))) {
            const std::size_t at = c[1] == "port" ? 3 : 2;
            model::Interface::AclBinding binding;
            binding.acl = std::string(c[at]);
            binding.direction = std::string(c[at + 1]);
            binding.ref = p.RefOf(child);
            iface.acls.push_back(std::move(binding));
        } else if (w == "switchport") {
            p.model.device.is_switch = true;
        } else {
            used = false;
        }
        if (used) {
            p.Use(child);
        }
    });
    if (iface.is_tunnel && iface.tunnel_mode.empty()) {
        // Not written means the default, GRE over IPv4 (IOS, NX-OS, EOS alike).
        iface.tunnel_mode = "gre ip";
        iface.tunnel_mode_ref = iface.ref;
    }
    p.model.interfaces.push_back(std::move(iface));
}

void ParseNamedAcl(IosLikeParse& p, std::int32_t index, std::string_view name,
                   std::string_view kind) {
    if (name.empty()) {
        return;
    }
    model::Acl acl;
    acl.name = std::string(name);
    acl.ref = p.RefOf(index);
    acl.kind = std::string(kind);
    p.Use(index);
    const bool standard = kind == "standard";
    acl.entries.reserve(p.tree.nodes[static_cast<std::size_t>(index)].end -
                        static_cast<std::size_t>(index) - 1);
    p.tree.ForEachChild(index, [&](std::int32_t child) {
        const Tokens c(p.Node(child).text);
        std::size_t first = 0;
        if (c[0] == "sequence" && IsSeq(c[1])) {
            first = 2;
        } else if (IsSeq(c[0])) {
            first = 1;
        }
        model::AclEntry entry;
        if (ParseAclEntry(c, first, standard, entry)) {
            entry.ref = p.RefOf(child);
            acl.entries.push_back(std::move(entry));
            p.Use(child);
        } else if (c[0] == "statistics" || c[0] == "counters") {
            p.Use(child);
        }
    });
    p.model.acls.push_back(std::move(acl));
}

void ParseStaticRoute(IosLikeParse& p, std::int32_t index, const Tokens& t, std::size_t first,
                      std::string_view vrf) {
    // ip route P M [iface] [nh] [dist] ... | ip route P/len [iface] [nh] ... (NX-OS, EOS)
    model::StaticRoute route;
    std::size_t i = first;
    std::optional<IpPrefix> prefix;
    if (t[i].find('/') != std::string_view::npos) {
        prefix = IpPrefix::Parse(t[i]);
        ++i;
    } else if (auto address = ParseV4(t[i])) {
        if (auto mask = ParseV4(t[i + 1])) {
            prefix = IpPrefix::FromMask(*address, *mask, false);
        }
        i += 2;
    }
    if (!prefix) {
        return;
    }
    route.prefix = *prefix;
    for (; i < t.size(); ++i) {
        if (auto hop = IpAddress::Parse(t[i]); hop && !route.next_hop) {
            route.next_hop = hop;
        } else if (t[i].find('/') != std::string_view::npos && !route.next_hop &&
                   IpAddress::Parse(t[i].substr(0, t[i].find('/')))) {
            route.next_hop = IpAddress::Parse(t[i].substr(0, t[i].find('/')));  // NX-OS nh/len
        } else if (route.interface.empty() && !route.next_hop && LooksLikeInterfaceName(t[i])) {
            route.interface = std::string(t[i]);
        } else if (t[i] == "vrf" && vrf.empty()) {
            vrf = t[i + 1];  // NX-OS: trailing `vrf V` names the next hop's VRF
            ++i;
        } else if (t[i] == "name" || t[i] == "tag" || t[i] == "track") {
            ++i;
        }
    }
    route.vrf = std::string(vrf);
    route.ref = p.RefOf(index);
    p.model.routes.push_back(std::move(route));
    p.Use(index);
}

// Upper bounds of the big element counts, known before parsing: reserving them saves the
// copies of vector doubling, whose transient buffers add a fifth to the peak memory of a
// 300,000-line config. Reserved pages that stay unused are never touched, so cost no memory.
void ReserveModel(std::string_view text, const ConfigTree& tree, model::DeviceModel& out) {
    std::size_t interfaces = 0;
    std::size_t routes = 0;
    tree.ForEachChild(-1, [&](std::int32_t index) {
        const std::string_view line = tree.nodes[static_cast<std::size_t>(index)].text;
        interfaces += text::StartsWith(line, "interface ") ? 1 : 0;
        routes += text::StartsWith(line, "ip route ") || text::StartsWith(line, "ipv6 route ");
    });
    out.interfaces.reserve(out.interfaces.size() + interfaces);
    out.routes.reserve(out.routes.size() + routes);
    // An address has three dots (IPv4) or at least two colons (IPv6).
    // Fixed 32-byte blocks with byte counters, a loop the compiler vectorises (std::count,
    // per byte, it did not).
    std::size_t dots = 0;
    std::size_t colons = 0;
    std::size_t at = 0;
    for (; at + 32 <= text.size(); at += 32) {
        std::uint8_t block_dots = 0;
        std::uint8_t block_colons = 0;
        for (std::size_t i = 0; i < 32; ++i) {
            block_dots += static_cast<std::uint8_t>(text[at + i] == '.');
            block_colons += static_cast<std::uint8_t>(text[at + i] == ':');
        }
        dots += block_dots;
        colons += block_colons;
    }
    for (; at < text.size(); ++at) {
        dots += text[at] == '.' ? 1 : 0;
        colons += text[at] == ':' ? 1 : 0;
    }
    out.addresses.reserve(out.addresses.size() + dots / 3 + colons / 2);
}

void ParseIosLike(std::string_view text, Flavour flavour, TopLevelHook hook, ConfigTree& tree,
                  model::DeviceModel& out, InputStats& stats) {
    tree = BuildIndentTree(text, stats);
    IosLikeParse p{flavour, tree, out};
    ReserveModel(text, p.tree, out);
    for (const ConfigLine& node : p.tree.nodes) {
        ExtractAddresses(node.text, node.line, AmbiguousMasks::kWildcardsInAclLines, out.addresses);
    }
    p.tree.ForEachChild(-1, [&](std::int32_t index) {
        const Tokens t(p.Node(index).text);
        if (hook != nullptr && hook(p, index, t)) {
            return;
        }
        HandleTopLevel(p, index, t);
    });
    FinishAccounting(p.tree, stats);
}

}  // namespace stormwatch::parse::cisco
