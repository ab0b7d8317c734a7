// SPDX-License-Identifier: Apache-2.0
// Exfiltration of configs and captures (AA25-239A A17): TFTP server exposure of device files,
// and configured transfers (archive paths, kron copies) to indicator or outside hosts.

#include <optional>
#include <string_view>

#include "stormwatch/core/text.h"
#include "stormwatch/detect/ttp/checks.h"
#include "stormwatch/detect/ttp/families.h"

namespace stormwatch::detect::ttp {

namespace {

struct TransferTarget {
    model::HostRef host;
    const intel::Indicator* indicator = nullptr;
};

TransferTarget ResolveTarget(const model::Transfer& transfer, const intel::IndicatorSet& intel) {
    TransferTarget target;
    target.host.ref = transfer.ref;
    target.host.host = std::string(UrlHost(transfer.url));
    target.host.address = transfer.address;
    if (!target.host.address && !target.host.host.empty()) {
        target.host.address = IpAddress::Parse(target.host.host);
    }
    target.indicator = HostIndicator(target.host, intel);
    if (target.indicator == nullptr) {
        target.indicator = intel.MatchValue(intel::IndicatorType::kUrl, transfer.url);
    }
    return target;
}

/// There is no backup-server list in the policy: a destination inside the operator's own or
/// management networks is taken as approved.
Approval CheckTransferHost(const model::HostRef& host, const policy::SitePolicy& policy) {
    const bool internal = PolicyApplies(policy, policy.internal_networks);
    const bool management = PolicyApplies(policy, policy.management_networks);
    if (!internal && !management) {
        return CheckHost(host, policy, policy.internal_networks);
    }
    const Approval in_internal =
        internal ? CheckHost(host, policy, policy.internal_networks) : Approval::kUnapproved;
    const Approval in_management =
        management ? CheckHost(host, policy, policy.management_networks) : Approval::kUnapproved;
    return in_internal == Approval::kApproved || in_management == Approval::kApproved
               ? Approval::kApproved
               : Approval::kUnapproved;
}

}  // namespace

void ExfilTftpServer(const model::DeviceModel& model, const Context& context,
                     const DetectorDef& def, std::vector<Finding>& out) {
    for (const model::Service& service : model.services) {
        if (service.name != "tftp-server" || !service.enabled) {
            continue;
        }
        // A single image or note served over TFTP is an unused service (hardening), not the
        // exposure of configs or captures that A17 describes.
        if (TftpServesDeviceData(service.detail)) {
            out.push_back(NewFinding(def, context, service.ref));
        }
    }
}

IocHits TransferIocHits(const model::DeviceModel& model, const intel::IndicatorSet& intel) {
    IocHits hits;
    for (const model::Transfer& transfer : model.transfers) {
        const TransferTarget target = ResolveTarget(transfer, intel);
        if (target.indicator != nullptr) {
            hits.push_back({transfer.ref, target.indicator});
        }
    }
    return hits;
}

void ExfilTransfer(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                   std::vector<Finding>& out) {
    for (const model::Transfer& transfer : model.transfers) {
        const TransferTarget target = ResolveTarget(transfer, context.intel);
        if (target.indicator != nullptr) {
            Finding finding = NewFinding(def, context, transfer.ref);
            finding.severity = Severity::kCritical;
            AttachIndicator(finding, *target.indicator);
            out.push_back(std::move(finding));
            continue;
        }
        if (target.host.host.empty() && !target.host.address) {
            continue;  // no host to judge (a URL the parser could not split)
        }
        const Approval approval = CheckTransferHost(target.host, context.policy);
        if (approval == Approval::kUnapproved || approval == Approval::kPublic) {
            out.push_back(NewFinding(def, context, transfer.ref));
        }
    }
}

}  // namespace stormwatch::detect::ttp
