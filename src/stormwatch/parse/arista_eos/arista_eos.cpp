// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/arista_eos/arista_eos.h"

#include <string>

#include "stormwatch/core/text.h"
#include "stormwatch/parse/cisco_common/addresses.h"
#include "stormwatch/parse/cisco_common/ios_like.h"
#include "stormwatch/parse/cisco_common/sniff.h"

namespace stormwatch::parse {
namespace {

using cisco::IosLikeParse;
using cisco::Tokens;

int Sniff(const SniffInput& input) {
    return cisco::ScoreIosLike(input).eos;
}

// True when the block holds `no shutdown` at any depth (EOS management services default to
// shut down, so only an explicit `no shutdown` turns them on).
bool BlockEnabled(IosLikeParse& p, std::int32_t index) {
    const auto end = static_cast<std::int32_t>(p.Node(index).end);
    for (std::int32_t i = index + 1; i < end; ++i) {
        if (p.Node(i).text == "no shutdown") {
            return true;
        }
    }
    return false;
}

// `management api http-commands`, `management api gnmi|netconf|restconf`.
void ParseManagementApi(IosLikeParse& p, std::int32_t index, std::string_view api) {
    p.UseBlock(index);
    const bool enabled = BlockEnabled(p, index) || api != "http-commands";
    if (api == "http-commands") {
        cisco::AddService(p, index, "https", enabled, 0, "eapi");
    } else if (api == "gnmi") {
        cisco::AddService(p, index, "grpc", enabled, 0, "gnmi");
    } else if (api == "netconf" || api == "restconf") {
        cisco::AddService(p, index, api, enabled, 0);
    } else {
        return;
    }
    model::Service& service = p.model.services.back();
    const auto end = static_cast<std::int32_t>(p.Node(index).end);
    for (std::int32_t i = index + 1; i < end; ++i) {
        const Tokens c(p.Node(i).text);
        if (c[0] == "protocol" && c[1] == "http" && api == "http-commands") {
            cisco::AddService(p, i, "http", enabled, text::ParseInt(c[3]).value_or(0), "eapi");
        } else if (c[0] == "protocol" && c[1] == "https" && c[2] == "port") {
            service.port = text::ParseInt(c[3]).value_or(0);
        } else if (c[0] == "port") {
            service.port = text::ParseInt(c[1]).value_or(0);
        } else if (c[0] == "ip" && c[1] == "access-group") {
            cisco::AddAclUse(p, i, c[2], "http");
        }
    }
}

void ParseManagementSsh(IosLikeParse& p, std::int32_t index) {
    p.UseBlock(index);
    bool shutdown = false;
    int port = 0;
    const auto end = static_cast<std::int32_t>(p.Node(index).end);
    for (std::int32_t i = index + 1; i < end; ++i) {
        const Tokens c(p.Node(i).text);
        if (c[0] == "shutdown" && p.Node(i).parent == index) {
            shutdown = true;
        } else if (c[0] == "ip" && c[1] == "access-group") {
            cisco::AddAclUse(p, i, c[2], "ssh");
        } else if (c[0] == "server-port") {
            port = text::ParseInt(c[1]).value_or(0);
        } else if (c[0] == "cipher" || c[0] == "mac" || c[0] == "key-exchange") {
            for (std::size_t k = 1; k < c.size(); ++k) {
                if (cisco::IsWeakSshAlgorithm(c[k])) {
                    p.model.ssh.weak_algorithms.push_back(p.RefOf(i));
                    break;
                }
            }
        }
    }
    cisco::AddService(p, index, "ssh", !shutdown, port);
}

bool Hook(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    if (t[0] == "daemon" && !t[1].empty()) {
        p.UseBlock(index);
        bool has_exec = false;
        p.tree.ForEachChild(index, [&](std::int32_t child) {
            has_exec = has_exec || text::StartsWith(p.Node(child).text, "exec ");
        });
        if (has_exec) {
            model::Container container;
            container.kind = "daemon";
            container.name = std::string(t[1]);
            container.ref = p.RefOf(index);
            p.model.containers.push_back(std::move(container));
        }
        return true;
    }
    if (t[0] == "management") {
        if (t[1] == "api") {
            ParseManagementApi(p, index, t[2]);
        } else if (t[1] == "ssh") {
            ParseManagementSsh(p, index);
        } else if (t[1] == "telnet") {
            p.UseBlock(index);
            cisco::AddService(p, index, "telnet", BlockEnabled(p, index), 0);
        } else {
            return false;
        }
        return true;
    }
    if (t[0] == "system" && t[1] == "control-plane") {
        p.Use(index);
        p.tree.ForEachChild(index, [&](std::int32_t child) {
            const Tokens c(p.Node(child).text);
            if ((c[0] == "ip" || c[0] == "ipv6") && c[1] == "access-group") {
                cisco::AddAclUse(p, child, c[2], "control-plane");
            }
        });
        return true;
    }
    if (t[0] == "aaa" && t[1] == "root" && (t[2] == "secret" || t[2] == "nopassword")) {
        model::LocalUser root;
        root.name = "root";
        root.privilege = 15;
        root.secret_type = t[2] == "nopassword" ? "nopassword"
                           : t.size() > 4       ? text::ToLower(t[3])
                                                : "0";
        root.ref = p.RefOf(index);
        p.model.users.push_back(std::move(root));
        p.Use(index);
        return true;
    }
    return false;
}

// EOS writes its version only in the header comment: `! device: sw1 (DCS-7050TX-64, EOS-4.28.3M)`.
void ReadDeviceComment(std::string_view text, model::DeviceModel& out) {
    std::uint32_t line_number = 0;
    std::size_t pos = 0;
    while (pos < text.size() && line_number < 20) {
        ++line_number;
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        const std::string_view line = stormwatch::text::Trim(text.substr(pos, end - pos));
        if (stormwatch::text::StartsWith(line, "! device:")) {
            const auto at = line.find("EOS-");
            if (at != std::string_view::npos) {
                std::string_view version = line.substr(at + 4);
                version = version.substr(0, version.find_first_of(" ,)"));
                out.device.version = std::string(version);
                out.device.version_ref.line = line_number;
                out.device.version_ref.text = line;
            }
            return;
        }
        pos = end + 1;
    }
}

void Parse(std::string_view text, ConfigTree& tree, model::DeviceModel& out, InputStats& stats) {
    out.dialect = model::Dialect::kAristaEos;
    ReadDeviceComment(text, out);
    cisco::ParseIosLike(text, cisco::Flavour::kEos, &Hook, tree, out, stats);
}

}  // namespace

const DialectInfo kAristaEos{
    .dialect = model::Dialect::kAristaEos,
    .name = "arista-eos",
    .summary = "Arista EOS running or startup configuration",
    .sniff = &Sniff,
    .parse = &Parse,
};

}  // namespace stormwatch::parse
