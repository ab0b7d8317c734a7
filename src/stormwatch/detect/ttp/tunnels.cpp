// SPDX-License-Identifier: Apache-2.0
// Tunnels for covert access and collection (AA25-239A A8; RedMike and the Canadian telecom
// case both added GRE tunnels after CVE-2023-20198): far ends that are indicators or not
// approved, mGRE hubs, IPsec peers, and the 10.10.12.0/24 tunnel addressing.

#include "stormwatch/core/text.h"
#include "stormwatch/detect/ttp/checks.h"
#include "stormwatch/detect/ttp/families.h"

namespace stormwatch::detect::ttp {

namespace {

// `tunnel destination dynamic` (DMVPN spokes) names no far end to judge.
bool HasFarEnd(const model::Interface& interface) {
    return interface.is_tunnel && interface.tunnel_destination &&
           !text::IEquals(text::Trim(interface.tunnel_destination->host), "dynamic");
}

bool IsMultipoint(const model::Interface& interface) {
    return interface.tunnel_mode.find("multipoint") != std::string::npos;
}

// Splunk cisco_ios_xe_tunnel_interface_configuration, from "Salt Typhoon notes".
const IpPrefix& SaltTunnelNetwork() {
    static const IpPrefix kNetwork(IpAddress::V4(0x0A0A0C00U), 24);  // 10.10.12.0/24
    return kNetwork;
}

}  // namespace

IocHits TunnelIocHits(const model::DeviceModel& model, const intel::IndicatorSet& intel) {
    IocHits hits;
    for (const model::Interface& interface : model.interfaces) {
        if (HasFarEnd(interface)) {
            AddHostHit(*interface.tunnel_destination, intel, hits);
        }
    }
    for (const model::CryptoPeer& peer : model.crypto_peers) {
        AddHostHit(peer.host, intel, hits);
    }
    return hits;
}

void TunnelIoc(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
               std::vector<Finding>& out) {
    EmitHits(TunnelIocHits(model, context.intel), context, def, out);
}

void TunnelUnapproved(const model::DeviceModel& model, const Context& context,
                      const DetectorDef& def, std::vector<Finding>& out) {
    const policy::ApprovedHosts& peers = context.policy.tunnel_peers;
    for (const model::Interface& interface : model.interfaces) {
        if (!interface.is_tunnel) {
            continue;
        }
        if (HasFarEnd(interface)) {
            ReportHostApproval(*interface.tunnel_destination, peers, Severity::kHigh,
                               Severity::kMedium, context, def, out);
        }
        // An mGRE hub accepts any peer that registers, so there is no far end to judge; with
        // a tunnel_peers list the operator has reviewed the design, without one it is a
        // review item.
        if (IsMultipoint(interface) && !PolicyApplies(context.policy, peers)) {
            const model::SourceRef& ref =
                interface.tunnel_mode_ref.line != 0 ? interface.tunnel_mode_ref : interface.ref;
            Finding finding = NewFinding(def, context, ref);
            finding.severity = Severity::kMedium;
            out.push_back(std::move(finding));
        }
    }
    for (const model::CryptoPeer& peer : model.crypto_peers) {
        ReportHostApproval(peer.host, peers, Severity::kHigh, Severity::kMedium, context, def, out);
    }
}

void TunnelSaltAddressing(const model::DeviceModel& model, const Context& context,
                          const DetectorDef& def, std::vector<Finding>& out) {
    for (const model::Interface& interface : model.interfaces) {
        if (!interface.is_tunnel) {
            continue;
        }
        for (const model::InterfaceAddress& address : interface.addresses) {
            if (SaltTunnelNetwork().Contains(address.address)) {
                out.push_back(NewFinding(def, context, address.ref));
            }
        }
    }
}

}  // namespace stormwatch::detect::ttp
