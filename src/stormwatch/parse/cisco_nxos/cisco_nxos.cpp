// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/cisco_nxos/cisco_nxos.h"

#include <string>

#include "stormwatch/core/text.h"
#include "stormwatch/parse/cisco_common/ios_like.h"
#include "stormwatch/parse/cisco_common/sniff.h"

namespace stormwatch::parse {
namespace {

using cisco::IosLikeParse;
using cisco::Tokens;

int Sniff(const SniffInput& input) {
    return cisco::ScoreIosLike(input).nxos;
}

// `feature X` names that start a listening service, and the Service name they map to.
std::string_view FeatureService(std::string_view feature) {
    if (feature == "telnet" || feature == "ssh" || feature == "netconf" || feature == "restconf" ||
        feature == "grpc" || feature == "scp-server" || feature == "sftp-server") {
        return feature;
    }
    if (feature == "nxapi") {
        return "https";  // NX-API listens on HTTPS (and HTTP when `nxapi http` is set)
    }
    return {};
}

bool Hook(IosLikeParse& p, std::int32_t index, const Tokens& t) {
    const bool negated = t[0] == "no";
    const std::size_t at = negated ? 1 : 0;
    if (t[at] == "feature") {
        const std::string_view feature = t[at + 1];
        if (feature == "bash-shell" || feature == "guestshell") {
            if (!negated) {
                model::Container container;
                container.kind = std::string(feature);
                container.name = std::string(feature);
                container.ref = p.RefOf(index);
                p.model.containers.push_back(std::move(container));
            }
            p.Use(index);
        } else if (const std::string_view service = FeatureService(feature); !service.empty()) {
            cisco::AddService(p, index, service, !negated, 0,
                              feature == "nxapi" ? "nxapi" : std::string_view{});
        }
        return true;
    }
    if (negated) {
        return false;
    }
    if (t[0] == "vrf" && t[1] == "context") {
        p.Use(index);
        p.tree.ForEachChild(index, [&](std::int32_t child) {
            const Tokens c(p.Node(child).text);
            if ((c[0] == "ip" || c[0] == "ipv6") && c[1] == "route") {
                cisco::ParseStaticRoute(p, child, c, 2, t[2]);
            }
        });
        return true;
    }
    if (t[0] == "nxapi" && (t[1] == "http" || t[1] == "https") && t[2] == "port") {
        cisco::AddService(p, index, t[1], true, text::ParseInt(t[3]).value_or(0), "nxapi");
        return true;
    }
    if (t[0] == "system" && t[1] == "default" && t[2] == "switchport") {
        p.model.device.is_switch = true;
        p.Use(index);
        return true;
    }
    if (t[0] == "ssh" && t[1] == "port") {
        cisco::AddService(p, index, "ssh", true, text::ParseInt(t[2]).value_or(0));
        return true;
    }
    return false;
}

void Parse(std::string_view text, ConfigTree& tree, model::DeviceModel& out, InputStats& stats) {
    out.dialect = model::Dialect::kCiscoNxos;
    cisco::ParseIosLike(text, cisco::Flavour::kNxos, &Hook, tree, out, stats);
}

}  // namespace

const DialectInfo kCiscoNxos{
    .dialect = model::Dialect::kCiscoNxos,
    .name = "cisco-nxos",
    .summary = "Cisco NX-OS running or startup configuration",
    .sniff = &Sniff,
    .parse = &Parse,
};

}  // namespace stormwatch::parse
