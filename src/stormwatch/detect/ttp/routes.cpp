// SPDX-License-Identifier: Apache-2.0
// Routing tampering (AA25-239A A8, A11): static routes toward actor space or into tunnels
// with unapproved far ends, and SSH sourced from a loopback to slip past peer ACLs.

#include <set>

#include "stormwatch/core/text.h"
#include "stormwatch/detect/ttp/checks.h"
#include "stormwatch/detect/ttp/families.h"

namespace stormwatch::detect::ttp {

IocHits RouteIocHits(const model::DeviceModel& model, const intel::IndicatorSet& intel) {
    IocHits hits;
    for (const model::StaticRoute& route : model.routes) {
        std::set<const intel::Indicator*> seen;
        // The default route overlaps every indicator; PrefixIndicator skips /0.
        const intel::Indicator* by_prefix = PrefixIndicator(route.prefix, intel);
        if (by_prefix != nullptr && seen.insert(by_prefix).second) {
            hits.push_back({route.ref, by_prefix});
        }
        const intel::Indicator* by_next_hop =
            route.next_hop ? intel.MatchAddress(*route.next_hop) : nullptr;
        if (by_next_hop != nullptr && seen.insert(by_next_hop).second) {
            hits.push_back({route.ref, by_next_hop});
        }
    }
    return hits;
}

void RouteIoc(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
              std::vector<Finding>& out) {
    EmitHits(RouteIocHits(model, context.intel), context, def, out);
}

void RouteViaTunnel(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                    std::vector<Finding>& out) {
    for (const model::StaticRoute& route : model.routes) {
        if (route.interface.empty()) {
            continue;
        }
        const model::Interface* tunnel = model.FindInterface(route.interface);
        if (tunnel == nullptr || !tunnel->is_tunnel || !tunnel->tunnel_destination) {
            continue;
        }
        const model::HostRef& far_end = *tunnel->tunnel_destination;
        // Unlike the host rules, an indicator far end is reported here too: the route is a
        // separate change (traffic steered into the tunnel) on its own line.
        const intel::Indicator* indicator = HostIndicator(far_end, context.intel);
        const Approval approval = CheckHost(far_end, context.policy, context.policy.tunnel_peers);
        if (indicator == nullptr && approval != Approval::kUnapproved &&
            approval != Approval::kPublic) {
            continue;
        }
        Finding finding = NewFinding(def, context, route.ref);
        if (indicator != nullptr) {
            AttachIndicator(finding, *indicator);
        }
        out.push_back(std::move(finding));
    }
}

void SshLoopbackSource(const model::DeviceModel& model, const Context& context,
                       const DetectorDef& def, std::vector<Finding>& out) {
    const std::optional<model::HostRef>& source = model.ssh.source_interface;
    if (source && text::IStartsWith(text::Trim(source->host), "loopback")) {
        out.push_back(NewFinding(def, context, source->ref));
    }
}

}  // namespace stormwatch::detect::ttp
