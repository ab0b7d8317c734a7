// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/junos/junos_model.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <optional>

#include "stormwatch/core/ip_address.h"
#include "stormwatch/core/text.h"

namespace stormwatch::parse::junos {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::size_t kArenaBlock = 64 * 1024;

constexpr auto kTopLevel = std::to_array<std::string_view>({
    "access",
    "access-profile",
    "accounting-options",
    "applications",
    "apply-groups",
    "bridge-domains",
    "chassis",
    "class-of-service",
    "dynamic-profiles",
    "event-options",
    "firewall",
    "forwarding-options",
    "groups",
    "interfaces",
    "logical-systems",
    "multi-chassis",
    "poe",
    "policy-options",
    "protocols",
    "routing-instances",
    "routing-options",
    "schedulers",
    "security",
    "services",
    "snmp",
    "switch-options",
    "system",
    "version",
    "virtual-chassis",
    "vlans",
    "ethernet-switching-options",
});

// One table lookup per byte: SplitStatement runs over every byte of every statement.
constexpr std::array<bool, 256> kWordBreak = [] {
    std::array<bool, 256> table{};
    for (const char c : std::string_view(" \t\r\n;{}[]\"")) {
        table[static_cast<unsigned char>(c)] = true;
    }
    return table;
}();

bool IsWordBreak(char c) {
    return kWordBreak[static_cast<unsigned char>(c)];
}

std::string_view At(std::span<const std::string_view> p, std::size_t i) {
    return i < p.size() ? Unquote(p[i]) : std::string_view{};
}

/// The values of a statement from `i` on: a `[ a b ]` list or the single token at `i`.
std::vector<std::string_view> Values(std::span<const std::string_view> p, std::size_t i) {
    std::vector<std::string_view> values;
    if (i >= p.size()) {
        return values;
    }
    if (p[i] != "[") {
        values.push_back(Unquote(p[i]));
        return values;
    }
    for (std::size_t j = i + 1; j < p.size() && p[j] != "]"; ++j) {
        values.push_back(Unquote(p[j]));
    }
    return values;
}

bool Contains(const std::vector<std::string_view>& values, std::string_view v) {
    return std::find(values.begin(), values.end(), v) != values.end();
}

/// `192.0.2.1/24` or `192.0.2.1`: the address with its host bits kept.
std::optional<IpAddress> AddressPart(std::string_view text) {
    const auto slash = text.find('/');
    return IpAddress::Parse(slash == std::string_view::npos ? text : text.substr(0, slash));
}

/// Cheap pre-check so that most words never reach the strict parsers.
bool MayBeAddress(std::string_view t) {
    if (t.size() < 2 || t.size() > 49) {
        return false;
    }
    const char c = t.front();
    const bool hex_start =
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':';
    return hex_start &&
           (t.find('.') != std::string_view::npos || t.find(':') != std::string_view::npos);
}

/// The host of `scheme://[user[:pw]@]host[:port]/...`, or empty.
std::string_view UrlHost(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) {
        return {};
    }
    std::string_view rest = url.substr(scheme + 3);
    rest = rest.substr(0, rest.find('/'));
    if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
        rest = rest.substr(at + 1);
    }
    if (!rest.empty() && rest.front() == '[') {
        const auto close = rest.find(']');
        return close == std::string_view::npos ? std::string_view{} : rest.substr(1, close - 1);
    }
    if (std::count(rest.begin(), rest.end(), ':') == 1) {
        rest = rest.substr(0, rest.find(':'));
    }
    return rest;
}

std::string SecretTypeOfHash(std::string_view hash) {
    if (text::StartsWith(hash, "$1$")) {
        return "md5";
    }
    if (text::StartsWith(hash, "$5$")) {
        return "sha256";
    }
    if (text::StartsWith(hash, "$6$")) {
        return "sha512";
    }
    return "encrypted";
}

bool IsWeakSshAlgorithm(std::string_view v) {
    return v.find("cbc") != std::string_view::npos || v.find("3des") != std::string_view::npos ||
           v.find("arcfour") != std::string_view::npos ||
           v.find("blowfish") != std::string_view::npos ||
           v.find("md5") != std::string_view::npos || v == "dh-group1-sha1" || v == "hmac-sha1-96";
}

}  // namespace

std::string_view Unquote(std::string_view token) {
    if (token.size() >= 2 && token.front() == '"' && token.back() == '"') {
        return token.substr(1, token.size() - 2);
    }
    return token;
}

void SplitStatement(std::string_view text, std::vector<std::string_view>& out) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++i;
        } else if (c == '#') {
            return;
        } else if (c == '[' || c == ']') {
            out.push_back(text.substr(i, 1));
            ++i;
        } else if (c == '"') {
            std::size_t j = i + 1;
            while (j < n && text[j] != '"') {
                j += text[j] == '\\' ? 2 : 1;
            }
            const std::size_t end = std::min(j + 1, n);
            out.push_back(text.substr(i, end - i));
            i = end;
        } else {
            std::size_t j = i;
            while (j < n && !IsWordBreak(text[j])) {
                ++j;
            }
            if (j == i) {  // `;`, `{` or `}` in a set line: keep it as a word
                j = i + 1;
            }
            out.push_back(text.substr(i, j - i));
            i = j;
        }
    }
}

bool IsTopLevelKeyword(std::string_view word) {
    return std::find(kTopLevel.begin(), kTopLevel.end(), word) != kTopLevel.end();
}

std::string_view StringArena::Join(std::span<const std::string_view> parts) {
    std::size_t size = 0;
    for (const auto part : parts) {
        size += part.size() + 1;
    }
    if (size == 0) {
        return {};
    }
    --size;
    if (chunk_ == nullptr || chunk_->capacity() - chunk_->size() < size) {
        chunk_ = &storage_.emplace_back();
        chunk_->reserve(std::max(size, kArenaBlock));
    }
    const std::size_t start = chunk_->size();
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i != 0) {
            chunk_->push_back(' ');
        }
        chunk_->append(parts[i]);
    }
    return std::string_view(*chunk_).substr(start, size);
}

std::string_view ModelBuilder::SetForm(std::string_view rendered) {
    constexpr std::string_view kSet = "set ";
    if (set_form_.size() != kSet.size() + rendered.size() ||
        set_form_.substr(kSet.size()) != rendered) {
        const std::array<std::string_view, 2> parts{"set", rendered};
        set_form_ = set_forms_.Join(parts);
    }
    return set_form_;
}

model::SourceRef ModelBuilder::Ref(std::uint32_t line, std::string_view rendered) {
    return model::SourceRef{.line = line, .text = SetForm(rendered)};
}

model::HostRef ModelBuilder::Host(std::string_view text, std::uint32_t line,
                                  std::string_view rendered) {
    model::HostRef host;
    host.address = AddressPart(text);
    host.host = std::string(text);
    host.ref = Ref(line, rendered);
    return host;
}

void ModelBuilder::AddAddresses(Path path, std::uint32_t line, std::string_view rendered) {
    std::string_view text;
    for (const auto raw : path) {
        std::string_view t = Unquote(raw);
        // Addresses and URLs have a colon or a dot; most words (`unit`, names) have neither.
        const bool colon = t.find(':') != std::string_view::npos;
        if (!colon && t.find('.') == std::string_view::npos) {
            continue;
        }
        if (const auto host = colon ? UrlHost(t) : std::string_view(); !host.empty()) {
            t = host;
        }
        if (!MayBeAddress(t)) {
            continue;
        }
        if (auto prefix = IpPrefix::Parse(t)) {
            if (prefix->address().is_v4() && t.find('/') == std::string_view::npos &&
                (text::StartsWith(t, "255.") || text::StartsWith(t, "0."))) {
                continue;  // a netmask or wildcard, not an address
            }
            if (text.empty()) {
                text = SetForm(rendered);
            }
            out_.addresses.push_back({*prefix, {.line = line, .text = text}});
        }
    }
}

bool ModelBuilder::NoteInactive(Path p, std::uint32_t line, std::string_view as_written) {
    if (p.size() >= 2 && (p[0] == "groups" || p[0] == "logical-systems")) {
        p = p.subspan(2);
    }
    if (p.size() >= 2 && p[0] == "system" && p[1] == "syslog") {
        const std::array<std::string_view, 1> text{as_written};  // the caller's text is scratch
        out_.logging.disabled.push_back({line, set_forms_.Join(text)});
        return true;
    }
    return false;
}

bool ModelBuilder::Apply(Path p, std::uint32_t line, std::string_view rendered) {
    bool from_group = false;
    if (p.size() >= 2 && (p[0] == "groups" || p[0] == "logical-systems")) {
        // Group contents are applied through apply-groups; a hunt must see them either way.
        from_group = p[0] == "groups";
        p = p.subspan(2);
    }
    if (p.empty()) {
        return false;
    }
    const std::string_view top = p[0];
    if (top == "version" && p.size() >= 2) {
        if (out_.device.version.empty()) {
            out_.device.version = std::string(At(p, 1));
            out_.device.version_ref = Ref(line, rendered);
        }
        return true;
    }
    if (top == "system") {
        return System(p.subspan(1), line, rendered, from_group);
    }
    if (top == "interfaces") {
        return Interfaces(p.subspan(1), line, rendered);
    }
    if (top == "firewall") {
        return Firewall(p.subspan(1), line, rendered);
    }
    if (top == "policy-options") {
        return PolicyOptions(p.subspan(1), line, rendered);
    }
    if (top == "snmp") {
        return Snmp(p.subspan(1), line, rendered);
    }
    if (top == "forwarding-options") {
        return ForwardingOptions(p.subspan(1), line, rendered);
    }
    if (top == "routing-options") {
        return StaticRoute(p.subspan(1), line, rendered, {});
    }
    if (top == "routing-instances" && p.size() >= 4) {
        const std::string_view vrf = At(p, 1);
        if (p[2] == "routing-options") {
            return StaticRoute(p.subspan(3), line, rendered, vrf);
        }
        if (p[2] == "interface") {
            interface_vrfs_.emplace_back(std::string(At(p, 3)), std::string(vrf));
            return true;
        }
        return false;
    }
    if (top == "security") {
        return Security(p.subspan(1), line, rendered);
    }
    return false;
}

bool ModelBuilder::System(Path s, std::uint32_t line, std::string_view rendered, bool from_group) {
    if (s.empty()) {
        return false;
    }
    const std::string_view what = s[0];
    if (what == "host-name" && s.size() >= 2) {
        if (out_.device.hostname.empty() || (hostname_from_group_ && !from_group)) {
            out_.device.hostname = std::string(At(s, 1));
            out_.device.hostname_ref = Ref(line, rendered);
            hostname_from_group_ = from_group;
        }
        return true;
    }
    if (what == "login" && s.size() >= 3 && s[1] == "user") {
        const std::size_t u = UserAt(At(s, 2), line, rendered);
        return Login(s.subspan(3), u, line, rendered);
    }
    if (what == "root-authentication") {
        const std::size_t u = UserAt("root", line, rendered);
        auto& user = out_.users[u];
        user.privilege = 15;
        user.role = "super-user";
        return Login(s.subspan(1), u, line, rendered);
    }
    if ((what == "tacplus-server" || what == "radius-server") && s.size() >= 2) {
        const std::size_t i =
            AaaServerAt(what == "tacplus-server" ? "tacacs+" : "radius", At(s, 1), line, rendered);
        if (s.size() >= 4 && s[2] == "secret") {
            auto& server = out_.aaa_servers[i];
            server.key_type = text::StartsWith(At(s, 3), "$9$") ? "encrypted" : "0";
            server.key_ref = Ref(line, rendered);
        }
        return true;
    }
    if (what == "authentication-order") {
        out_.aaa.authentication.push_back(Ref(line, rendered));
        return true;
    }
    if (what == "accounting" && s.size() >= 2) {
        out_.aaa.accounting.push_back(Ref(line, rendered));
        if (s[1] == "events") {
            const auto events = Values(s, 2);
            out_.aaa.command_accounting =
                out_.aaa.command_accounting || Contains(events, "interactive-commands");
            out_.aaa.exec_accounting = out_.aaa.exec_accounting || Contains(events, "login");
        } else if (s[1] == "destination" && s.size() >= 5 && s[3] == "server") {
            const std::size_t i =
                AaaServerAt(s[2] == "radius" ? "radius" : "tacacs+", At(s, 4), line, rendered);
            if (s.size() >= 7 && s[5] == "secret") {
                auto& server = out_.aaa_servers[i];
                server.key_type = text::StartsWith(At(s, 6), "$9$") ? "encrypted" : "0";
                server.key_ref = Ref(line, rendered);
            }
        }
        return true;
    }
    if (what == "services" && s.size() >= 2) {
        return Services(s.subspan(1), line, rendered);
    }
    if (what == "syslog" && s.size() >= 2) {
        if (s[1] == "host" && s.size() >= 3) {
            const std::string_view host = At(s, 2);
            if (syslog_hosts_.find(host) == syslog_hosts_.end()) {
                syslog_hosts_.emplace(std::string(host), out_.logging.hosts.size());
                out_.logging.hosts.push_back(Host(host, line, rendered));
            }
        }
        return true;  // files, users, archive settings: local logging as configured
    }
    if (what == "archival" && s.size() >= 4 && s[1] == "configuration") {
        if (s[2] == "archive-sites") {
            model::Transfer transfer;
            transfer.url = std::string(At(s, 3));
            transfer.address = IpAddress::Parse(UrlHost(transfer.url));
            transfer.ref = Ref(line, rendered);
            out_.transfers.push_back(std::move(transfer));
        }
        return true;
    }
    if (what == "ntp" && s.size() >= 3 && s[1] == "server") {
        const std::string_view host = At(s, 2);
        if (ntp_servers_.find(host) == ntp_servers_.end()) {
            ntp_servers_.emplace(std::string(host), out_.ntp_servers.size());
            out_.ntp_servers.push_back({Host(host, line, rendered)});
        }
        return true;
    }
    return false;
}

bool ModelBuilder::Login(Path a, std::size_t u, std::uint32_t line, std::string_view rendered) {
    auto& user = out_.users[u];
    if (a.size() >= 2 && a[0] == "class") {
        user.role = std::string(At(a, 1));
        if (user.role == "super-user" || user.role == "superuser") {
            user.privilege = 15;
        }
        return true;
    }
    if (!a.empty() && a[0] == "authentication") {
        a = a.subspan(1);
    }
    if (a.size() >= 2 && a[0] == "encrypted-password") {
        user.secret_type = SecretTypeOfHash(At(a, 1));
        user.secret_ref = Ref(line, rendered);
    } else if (!a.empty() && a[0] == "plain-text-password") {
        user.secret_type = "0";
        user.secret_ref = Ref(line, rendered);
    } else if (!a.empty() && text::StartsWith(a[0], "ssh-")) {
        if (user.secret_type.empty()) {
            user.secret_type = "key";
        }
    }
    return true;
}

bool ModelBuilder::Services(Path s, std::uint32_t line, std::string_view rendered) {
    const std::string_view svc = s[0];
    auto port_after = [&](std::size_t from) -> int {
        for (std::size_t i = from; i + 1 < s.size(); ++i) {
            if (s[i] == "port") {
                return text::ParseInt(At(s, i + 1)).value_or(0);
            }
        }
        return 0;
    };
    if (svc == "ssh") {
        auto& service = ServiceAt("ssh", line, rendered);
        if (const int port = port_after(1); port != 0) {
            service.port = port;
        }
        if (s.size() >= 3 && s[1] == "protocol-version") {
            const auto versions = Values(s, 2);
            const bool v1 = Contains(versions, "v1");
            out_.ssh.version = v1 ? 1 : 2;
            out_.ssh.version_ref = Ref(line, rendered);
            if (v1) {
                out_.ssh.weak_algorithms.push_back(Ref(line, rendered));
            }
        } else if (s.size() >= 3 &&
                   (s[1] == "ciphers" || s[1] == "macs" || s[1] == "key-exchange")) {
            const auto algorithms = Values(s, 2);
            if (std::any_of(algorithms.begin(), algorithms.end(), IsWeakSshAlgorithm)) {
                out_.ssh.weak_algorithms.push_back(Ref(line, rendered));
            }
        }
        return true;
    }
    struct Simple {
        std::string_view keyword;
        std::string_view name;
    };
    static constexpr std::array<Simple, 6> kSimple{{{"telnet", "telnet"},
                                                    {"ftp", "ftp-server"},
                                                    {"finger", "finger"},
                                                    {"tftp-server", "tftp-server"},
                                                    {"xnm-clear-text", "xnm-clear-text"},
                                                    {"xnm-ssl", "xnm-ssl"}}};
    for (const auto& simple : kSimple) {
        if (svc == simple.keyword) {
            auto& service = ServiceAt(simple.name, line, rendered);
            if (const int port = port_after(1); port != 0) {
                service.port = port;
            }
            return true;
        }
    }
    if (svc == "netconf") {
        auto& service = ServiceAt("netconf", line, rendered);
        if (const int port = port_after(1); port != 0) {
            service.port = port;
        }
        return true;
    }
    if ((svc == "web-management" || svc == "rest") && s.size() >= 2) {
        const bool https = s[1] == "https";
        if (!https && s[1] != "http") {
            return svc == "web-management";  // session limits, management-url, ...
        }
        std::string name = svc == "rest" ? "restconf" : (https ? "https" : "http");
        auto& service = ServiceAt(name, line, rendered);
        if (svc == "rest") {
            service.detail = https ? "rest https" : "rest http";
        }
        if (const int port = port_after(2); port != 0) {
            service.port = port;
        }
        return true;
    }
    if (svc == "extension-service") {
        if (out_.containers.empty() ||
            std::none_of(out_.containers.begin(), out_.containers.end(),
                         [](const model::Container& c) { return c.kind == "extension-service"; })) {
            out_.containers.push_back(
                {"extension-service", "extension-service", Ref(line, rendered)});
        }
        if (s.size() >= 3 && s[1] == "request-response" && s[2] == "grpc") {
            auto& service = ServiceAt("grpc", line, rendered);
            if (const int port = port_after(3); port != 0) {
                service.port = port;
            }
        }
        return true;
    }
    return false;
}

bool ModelBuilder::Interfaces(Path p, std::uint32_t line, std::string_view rendered) {
    if (p.empty()) {
        return false;
    }
    const std::string_view physical = At(p, 0);
    if (physical == "interface-range" || text::StartsWith(physical, "<") ||
        physical == "traceoptions") {
        return false;
    }
    std::size_t idx = kNone;
    Path rest;
    if (p.size() >= 3 && p[1] == "unit") {
        key_.assign(physical).append(".").append(At(p, 2));
        const std::string name = key_;
        idx = InterfaceAt(name, line, rendered);
        rest = p.subspan(3);
    } else {
        idx = InterfaceAt(physical, line, rendered);
        rest = p.subspan(1);
    }
    auto& itf = out_.interfaces[idx];
    if (rest.empty()) {
        return true;
    }
    const std::string_view what = rest[0];
    if (what == "disable") {
        itf.shutdown = true;
    } else if (what == "description" && rest.size() >= 2) {
        itf.description = std::string(At(rest, 1));
    } else if (what == "family" && rest.size() >= 4 && rest[2] == "address") {
        const std::string_view text = At(rest, 3);
        const auto prefix = IpPrefix::Parse(text);
        const auto address = AddressPart(text);
        if (prefix && address) {
            model::InterfaceAddress addr;
            addr.prefix = *prefix;
            addr.address = *address;
            addr.ref = Ref(line, rendered);
            itf.addresses.push_back(std::move(addr));
        }
    } else if (what == "family" && rest.size() >= 5 && rest[2] == "filter") {
        const std::string_view dir = rest[3];
        const bool in = dir == "input" || dir == "input-list";
        if (!in && dir != "output" && dir != "output-list") {
            return true;
        }
        for (const auto acl : Values(rest, 4)) {
            itf.acls.push_back({std::string(acl), in ? "in" : "out", Ref(line, rendered)});
            if (in && text::StartsWith(itf.name, "lo0")) {
                AddAclUse(acl, "loopback0-filter", line, rendered);
            }
        }
    } else if (what == "tunnel" && rest.size() >= 3) {
        // gr-/ip-: `tunnel source A`; fti: `tunnel encapsulation gre source address A`.
        Path t = rest.subspan(1);
        if (t[0] == "encapsulation" && t.size() >= 2) {
            itf.tunnel_mode = std::string(At(t, 1));
            itf.tunnel_mode_ref = Ref(line, rendered);
            t = t.subspan(2);
        }
        if (t.size() >= 2) {
            const std::string_view end = t[0];
            const std::string_view host = t.size() >= 3 && t[1] == "address" ? At(t, 2) : At(t, 1);
            if (end == "source") {
                itf.tunnel_source = Host(host, line, rendered);
            } else if (end == "destination") {
                itf.tunnel_destination = Host(host, line, rendered);
            }
        }
        itf.is_tunnel = true;
    }
    return true;
}

bool ModelBuilder::Firewall(Path p, std::uint32_t line, std::string_view rendered) {
    std::string_view family = "inet";
    if (p.size() >= 2 && p[0] == "family") {
        family = p[1];
        p = p.subspan(2);
    }
    if (p.size() < 2 || p[0] != "filter") {
        return false;
    }
    const std::string_view name = At(p, 1);
    key_.assign(family).append(" ").append(name);
    const std::string acl_key = key_;
    const std::size_t a = AclAt(acl_key, name, "filter", line, rendered);
    Path rest = p.subspan(2);
    if (rest.size() < 2 || rest[0] != "term") {
        return true;
    }
    key_.assign(acl_key).append(" ").append(At(rest, 1));
    auto found = entries_.find(key_);
    std::size_t state = 0;
    if (found == entries_.end()) {
        auto& acl = out_.acls[a];
        model::AclEntry entry;
        entry.ref = Ref(line, rendered);
        acl.entries.push_back(std::move(entry));
        state = entry_states_.size();
        entry_states_.push_back({a, acl.entries.size() - 1, false, false});
        entries_.emplace(key_, state);
    } else {
        state = found->second;
    }
    auto& st = entry_states_[state];
    auto& entry = out_.acls[st.acl].entries[st.entry];
    rest = rest.subspan(2);
    if (rest.size() >= 2 && rest[0] == "from") {
        const std::string_view cond = rest[1];
        const bool except = rest.size() >= 4 && rest[3] == "except";
        const auto prefix = rest.size() >= 3 ? IpPrefix::Parse(At(rest, 2)) : std::nullopt;
        if (cond == "source-address" || cond == "address") {
            st.source_seen = true;
            if (prefix && !except) {
                entry.sources.push_back(*prefix);
            }
        }
        if (cond == "destination-address" || cond == "address") {
            st.destination_seen = true;
            if (prefix && !except) {
                entry.destinations.push_back(*prefix);
            }
        }
        // Prefix lists are named, not resolved here: the term is then neither "any" nor listed.
        if (cond == "source-prefix-list" || cond == "prefix-list") {
            st.source_seen = true;
        }
        if (cond == "destination-prefix-list" || cond == "prefix-list") {
            st.destination_seen = true;
        }
        if (cond == "protocol" && rest.size() >= 3) {
            entry.protocol = std::string(At(rest, 2));
        }
    } else if (rest.size() >= 2 && rest[0] == "then") {
        const std::string_view action = rest[1];
        if (action == "accept") {
            entry.action = "permit";
        } else if (action == "discard" || action == "reject") {
            entry.action = "deny";
        } else if (action == "syslog" || action == "log") {
            entry.log = true;
        }
    }
    return true;
}

bool ModelBuilder::PolicyOptions(Path p, std::uint32_t line, std::string_view rendered) {
    if (p.size() < 2 || p[0] != "prefix-list") {
        return false;
    }
    const std::string_view name = At(p, 1);
    key_.assign("prefix-list ").append(name);
    const std::string acl_key = key_;
    const std::size_t a = AclAt(acl_key, name, "prefix-list", line, rendered);
    if (p.size() >= 3) {
        if (const auto prefix = IpPrefix::Parse(At(p, 2))) {
            model::AclEntry entry;
            entry.ref = Ref(line, rendered);
            entry.action = "permit";
            entry.sources.push_back(*prefix);
            out_.acls[a].entries.push_back(std::move(entry));
        }
    }
    return true;
}

bool ModelBuilder::Snmp(Path p, std::uint32_t line, std::string_view rendered) {
    if (p.size() < 2) {
        return false;
    }
    if (p[0] == "community") {
        const std::string_view name = At(p, 1);
        auto found = communities_.find(name);
        std::size_t c = 0;
        if (found == communities_.end()) {
            c = out_.snmp.communities.size();
            communities_.emplace(std::string(name), c);
            out_.snmp.communities.push_back({std::string(name), "ro", {}, Ref(line, rendered)});
        } else {
            c = found->second;
        }
        if (p.size() >= 4 && p[2] == "authorization") {
            out_.snmp.communities[c].access = p[3] == "read-write" ? "rw" : "ro";
        } else if (p.size() >= 4 && p[2] == "client-list-name") {
            out_.snmp.communities[c].acl = std::string(At(p, 3));
            AddAclUse(At(p, 3), "snmp", line, rendered);
        } else if (p.size() >= 4 && p[2] == "clients") {
            // Inline clients become a synthetic prefix list so detectors see one shape.
            std::string acl_name = "snmp-clients-" + std::string(name);
            const std::size_t a =
                AclAt("snmp-clients " + std::string(name), acl_name, "prefix-list", line, rendered);
            if (const auto prefix = IpPrefix::Parse(At(p, 3))) {
                model::AclEntry entry;
                entry.ref = Ref(line, rendered);
                entry.action = p.size() >= 5 && p[4] == "restrict" ? "deny" : "permit";
                entry.sources.push_back(*prefix);
                out_.acls[a].entries.push_back(std::move(entry));
            }
            out_.snmp.communities[c].acl = acl_name;
            AddAclUse(acl_name, "snmp", line, rendered);
        }
        return true;
    }
    if (p[0] == "client-list" && p.size() >= 2) {
        const std::string_view name = At(p, 1);
        const std::size_t a =
            AclAt("prefix-list " + std::string(name), name, "prefix-list", line, rendered);
        if (p.size() >= 3) {
            if (const auto prefix = IpPrefix::Parse(At(p, 2))) {
                model::AclEntry entry;
                entry.ref = Ref(line, rendered);
                entry.action = p.size() >= 4 && p[3] == "restrict" ? "deny" : "permit";
                entry.sources.push_back(*prefix);
                out_.acls[a].entries.push_back(std::move(entry));
            }
        }
        return true;
    }
    if (p[0] == "trap-group") {
        const std::string_view group = At(p, 1);
        if (p.size() >= 4 && p[2] == "targets") {
            trap_hosts_.emplace_back(out_.snmp.hosts.size(), std::string(group));
            out_.snmp.hosts.push_back({Host(At(p, 3), line, rendered), {}, std::string(group)});
        } else if (p.size() >= 4 && p[2] == "version") {
            const std::string_view v = p[3];
            trap_group_versions_[std::string(group)] = v == "v1" ? "1" : (v == "v2" ? "2c" : "");
        }
        return true;
    }
    if (p[0] == "v3" && p.size() >= 2) {
        if (p[1] == "usm") {
            // usm local-engine user U ... | usm remote-engine E user U ...
            std::size_t u = 2;
            while (u < p.size() && p[u] != "user") {
                ++u;
            }
            if (u + 1 >= p.size()) {
                return true;
            }
            const std::string_view name = At(p, u + 1);
            auto found = snmp_users_.find(name);
            std::size_t i = 0;
            if (found == snmp_users_.end()) {
                i = out_.snmp.users.size();
                snmp_users_.emplace(std::string(name), i);
                out_.snmp.users.push_back({std::string(name), "v3", {}, {}, Ref(line, rendered)});
            } else {
                i = found->second;
            }
            if (u + 2 < p.size()) {
                const std::string_view kind = p[u + 2];
                auto& user = out_.snmp.users[i];
                if (text::StartsWith(kind, "authentication-") && kind != "authentication-none") {
                    user.auth = std::string(kind.substr(std::strlen("authentication-")));
                } else if (text::StartsWith(kind, "privacy-") && kind != "privacy-none") {
                    const std::string_view priv = kind.substr(std::strlen("privacy-"));
                    user.priv = text::StartsWith(priv, "aes") && priv.size() > 3
                                    ? "aes " + std::string(priv.substr(3))
                                    : std::string(priv);
                }
            }
            return true;
        }
        if (p[1] == "target-address" && p.size() >= 5 && p[3] == "address") {
            out_.snmp.hosts.push_back({Host(At(p, 4), line, rendered), "3", std::string(At(p, 2))});
            return true;
        }
        if (p[1] == "vacm" && p.size() >= 3 && p[2] == "access") {
            for (std::size_t i = 3; i + 1 < p.size(); ++i) {
                if (p[i] == "security-level") {
                    out_.snmp.groups.push_back(Ref(line, rendered));
                    break;
                }
            }
            return true;
        }
        return false;
    }
    return false;
}

bool ModelBuilder::ForwardingOptions(Path p, std::uint32_t line, std::string_view rendered) {
    if (p.empty()) {
        return false;
    }
    if (p[0] == "packet-capture") {
        if (capture_ == kNone) {
            capture_ = out_.captures.size();
            model::PacketCapture capture;
            capture.name = "packet-capture";
            capture.tool = "packet-capture";
            capture.ref = Ref(line, rendered);
            out_.captures.push_back(std::move(capture));
        }
        auto& capture = out_.captures[capture_];
        capture.lines.push_back(Ref(line, rendered));
        if (p.size() >= 4 && p[1] == "file" && p[2] == "filename") {
            capture.file = std::string(At(p, 3));
        }
        return true;
    }
    const bool port_mirroring = p[0] == "port-mirroring";
    const bool analyzer = p[0] == "analyzer" && p.size() >= 2;
    if (!port_mirroring && !analyzer) {
        return false;
    }
    std::string_view id = "port-mirroring";
    Path rest = p.subspan(1);
    if (analyzer) {
        id = At(p, 1);
        rest = p.subspan(2);
    } else if (p.size() >= 3 && p[1] == "instance") {
        id = At(p, 2);
        rest = p.subspan(3);
    }
    const std::size_t m = MirrorAt(id, analyzer ? "analyzer" : "port-mirroring", line, rendered);
    auto& mirror = out_.mirrors[m];
    mirror.lines.push_back(Ref(line, rendered));
    bool output = false;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        const std::string_view t = At(rest, i);
        if (t == "output") {
            output = true;
        } else if (t == "input" && analyzer) {
            // input ingress|egress interface IF | vlan V
            if (i + 3 < rest.size()) {
                mirror.sources.emplace_back(At(rest, i + 3));
            }
            break;
        } else if (output && AddressPart(t)) {
            mirror.remote_destinations.push_back(Host(t, line, rendered));
        }
    }
    return true;
}

bool ModelBuilder::StaticRoute(Path p, std::uint32_t line, std::string_view rendered,
                               std::string_view vrf) {
    if (p.size() >= 2 && p[0] == "rib") {
        p = p.subspan(2);
    }
    if (p.size() < 3 || p[0] != "static" || p[1] != "route") {
        return false;
    }
    const auto prefix = IpPrefix::Parse(At(p, 2));
    if (!prefix) {
        return false;
    }
    key_.assign(vrf).append(" ").append(At(p, 2));
    auto found = routes_.find(key_);
    std::size_t r = 0;
    if (found == routes_.end()) {
        r = out_.routes.size();
        routes_.emplace(key_, r);
        model::StaticRoute route;
        route.prefix = *prefix;
        route.vrf = std::string(vrf);
        route.ref = Ref(line, rendered);
        out_.routes.push_back(std::move(route));
    } else {
        r = found->second;
    }
    if (p.size() >= 5 && (p[3] == "next-hop" || p[3] == "qualified-next-hop")) {
        for (const auto hop : Values(p, 4)) {
            if (out_.routes[r].next_hop || !out_.routes[r].interface.empty()) {
                // A second next hop: one route element per next hop, as IOS writes them.
                model::StaticRoute copy = out_.routes[r];
                copy.next_hop.reset();
                copy.interface.clear();
                copy.ref = Ref(line, rendered);
                out_.routes.push_back(std::move(copy));
                r = out_.routes.size() - 1;
            }
            if (auto address = IpAddress::Parse(hop)) {
                out_.routes[r].next_hop = address;
            } else {
                out_.routes[r].interface = std::string(hop);
            }
        }
    }
    return true;
}

bool ModelBuilder::Security(Path p, std::uint32_t line, std::string_view rendered) {
    if (p.size() < 4 || p[0] != "ike" || p[1] != "gateway") {
        return false;
    }
    const std::string gateway(At(p, 2));
    if (p[3] == "address") {
        for (const auto address : Values(p, 4)) {
            ike_peers_.emplace_back(out_.crypto_peers.size(), gateway);
            out_.crypto_peers.push_back({Host(address, line, rendered), "isakmp"});
        }
    } else if (p[3] == "dynamic" && p.size() >= 6 && p[4] == "hostname") {
        ike_peers_.emplace_back(out_.crypto_peers.size(), gateway);
        out_.crypto_peers.push_back({Host(At(p, 5), line, rendered), "isakmp"});
    } else if (p[3] == "version" && p.size() >= 5) {
        ike_gateway_v2_[gateway] = p[4] == "v2-only";
    }
    return true;
}

std::size_t ModelBuilder::InterfaceAt(std::string_view name, std::uint32_t line,
                                      std::string_view rendered) {
    if (auto found = interfaces_.find(name); found != interfaces_.end()) {
        return found->second;
    }
    const std::size_t i = out_.interfaces.size();
    interfaces_.emplace(std::string(name), i);
    model::Interface itf;
    itf.name = std::string(name);
    itf.ref = Ref(line, rendered);
    itf.is_loopback = text::StartsWith(name, "lo0");
    if (text::StartsWith(name, "gr-")) {
        itf.tunnel_mode = "gre";
    } else if (text::StartsWith(name, "ip-")) {
        itf.tunnel_mode = "ipip";
    } else if (text::StartsWith(name, "st0")) {
        itf.tunnel_mode = "ipsec";
    }
    itf.is_tunnel = !itf.tunnel_mode.empty() || text::StartsWith(name, "fti");
    if (!itf.tunnel_mode.empty()) {
        itf.tunnel_mode_ref = itf.ref;
    }
    out_.interfaces.push_back(std::move(itf));
    return i;
}

std::size_t ModelBuilder::AclAt(std::string_view key, std::string_view name, std::string_view kind,
                                std::uint32_t line, std::string_view rendered) {
    if (auto found = acls_.find(key); found != acls_.end()) {
        return found->second;
    }
    const std::size_t i = out_.acls.size();
    acls_.emplace(std::string(key), i);
    out_.acls.push_back({std::string(name), Ref(line, rendered), std::string(kind), {}});
    return i;
}

std::size_t ModelBuilder::UserAt(std::string_view name, std::uint32_t line,
                                 std::string_view rendered) {
    if (auto found = users_.find(name); found != users_.end()) {
        return found->second;
    }
    const std::size_t i = out_.users.size();
    users_.emplace(std::string(name), i);
    model::LocalUser user;
    user.name = std::string(name);
    user.ref = Ref(line, rendered);
    out_.users.push_back(std::move(user));
    return i;
}

std::size_t ModelBuilder::AaaServerAt(std::string_view protocol, std::string_view host,
                                      std::uint32_t line, std::string_view rendered) {
    key_.assign(protocol).append(" ").append(host);
    if (auto found = aaa_servers_.find(key_); found != aaa_servers_.end()) {
        return found->second;
    }
    const std::size_t i = out_.aaa_servers.size();
    aaa_servers_.emplace(key_, i);
    model::AaaServer server;
    server.protocol = std::string(protocol);
    server.host = Host(host, line, rendered);
    out_.aaa_servers.push_back(std::move(server));
    return i;
}

model::Service& ModelBuilder::ServiceAt(std::string_view name, std::uint32_t line,
                                        std::string_view rendered) {
    if (auto found = services_.find(name); found != services_.end()) {
        return out_.services[found->second];
    }
    services_.emplace(std::string(name), out_.services.size());
    model::Service service;
    service.name = std::string(name);
    service.ref = Ref(line, rendered);
    out_.services.push_back(std::move(service));
    return out_.services.back();
}

std::size_t ModelBuilder::MirrorAt(std::string_view id, std::string_view type, std::uint32_t line,
                                   std::string_view rendered) {
    key_.assign(type).append(" ").append(id);
    if (auto found = mirrors_.find(key_); found != mirrors_.end()) {
        return found->second;
    }
    const std::size_t i = out_.mirrors.size();
    mirrors_.emplace(key_, i);
    model::MirrorSession mirror;
    mirror.id = std::string(id);
    mirror.type = std::string(type);
    mirror.ref = Ref(line, rendered);
    out_.mirrors.push_back(std::move(mirror));
    return i;
}

void ModelBuilder::AddAclUse(std::string_view acl, std::string_view where, std::uint32_t line,
                             std::string_view rendered) {
    key_.assign(where).append(" ").append(acl);
    if (acl_uses_.find(key_) != acl_uses_.end()) {
        return;
    }
    acl_uses_.emplace(key_, out_.acl_uses.size());
    out_.acl_uses.push_back({std::string(acl), std::string(where), Ref(line, rendered)});
}

void ModelBuilder::Finish() {
    for (const auto& [name, vrf] : interface_vrfs_) {
        if (auto found = interfaces_.find(name); found != interfaces_.end()) {
            out_.interfaces[found->second].vrf = vrf;
        }
    }
    for (const auto& st : entry_states_) {
        auto& entry = out_.acls[st.acl].entries[st.entry];
        entry.source_any = !st.source_seen;
        entry.destination_any = !st.destination_seen;
        if (entry.action.empty()) {
            entry.action = "permit";  // a term without a terminating action accepts
        }
    }
    for (const auto& [host, group] : trap_hosts_) {
        if (auto found = trap_group_versions_.find(group); found != trap_group_versions_.end()) {
            out_.snmp.hosts[host].version = found->second;
        }
    }
    for (const auto& [peer, gateway] : ike_peers_) {
        if (auto found = ike_gateway_v2_.find(gateway);
            found != ike_gateway_v2_.end() && found->second) {
            out_.crypto_peers[peer].kind = "ikev2";
        }
    }
}

}  // namespace stormwatch::parse::junos
