// SPDX-License-Identifier: Apache-2.0
// Indicator matching: the shared hit plumbing, NTP servers, and the SW-CFG-ADDRESS-IOC
// catch-all over every address the parser saw, so that no line type escapes the intel.

#include <optional>
#include <set>
#include <utility>

#include "stormwatch/detect/ttp/checks.h"
#include "stormwatch/detect/ttp/families.h"

namespace stormwatch::detect::ttp {

void AddHostHit(const model::HostRef& host, const intel::IndicatorSet& intel, IocHits& hits) {
    if (const intel::Indicator* indicator = HostIndicator(host, intel)) {
        hits.push_back({host.ref, indicator});
    }
}

void EmitHits(const IocHits& hits, const Context& context, const DetectorDef& def,
              std::vector<Finding>& out) {
    for (const IocHit& hit : hits) {
        Finding finding = NewFinding(def, context, hit.ref);
        AttachIndicator(finding, *hit.indicator);
        out.push_back(std::move(finding));
    }
}

IocHits NtpIocHits(const model::DeviceModel& model, const intel::IndicatorSet& intel) {
    IocHits hits;
    for (const model::NtpServer& server : model.ntp_servers) {
        AddHostHit(server.host, intel, hits);
    }
    return hits;
}

void NtpIoc(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
            std::vector<Finding>& out) {
    EmitHits(NtpIocHits(model, context.intel), context, def, out);
}

namespace {

/// The indicator that contains all of `prefix`. A broad mention that merely overlaps an
/// indicator (`ip prefix-list ... deny 1.0.0.0/8 le 32`, an OSPF `network 1.0.0.0 ...`) says
/// nothing about the actor, unlike an ACL permit, which admits the indicator (SW-CFG-ACL-IOC).
const intel::Indicator* MentionIndicator(const IpPrefix& prefix, const intel::IndicatorSet& intel) {
    const intel::Indicator* indicator = intel.MatchAddress(prefix.address());
    if (indicator == nullptr || prefix.is_host()) {
        return indicator;
    }
    const auto covering = IpPrefix::Parse(indicator->value);
    return covering && covering->Contains(prefix) ? indicator : nullptr;
}

}  // namespace

void AddressIoc(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                std::vector<Finding>& out) {
    if (context.intel.size() == 0 || model.addresses.empty()) {
        return;
    }
    // (line, indicator) pairs already reported by a specific rule (ACL, AAA, tunnel, ...):
    // the catch-all covers what they do not, so one indicator on one line is one finding.
    // Most configs name no indicator at all, so these sets are made at the first match.
    using Key = std::pair<std::uint32_t, const intel::Indicator*>;
    std::optional<std::set<Key>> reported;
    // An ACL entry that denies an indicator is the operator blocking it: still worth seeing
    // (the intel is confirmed relevant), but not an alarm.
    std::set<std::uint32_t> deny_lines;
    const intel::IndicatorSet& intel = context.intel;
    const auto first_match = [&] {
        reported.emplace();
        const auto mark = [&reported](const IocHits& hits) {
            for (const IocHit& hit : hits) {
                reported->emplace(hit.ref.line, hit.indicator);
            }
        };
        mark(AclIocHits(model, intel));
        mark(AaaIocHits(model, intel));
        mark(TunnelIocHits(model, intel));
        mark(MirrorIocHits(model, intel));
        mark(SnmpHostIocHits(model, intel));
        mark(LogHostIocHits(model, intel));
        mark(NtpIocHits(model, intel));
        mark(RouteIocHits(model, intel));
        mark(TransferIocHits(model, intel));
        for (const model::Acl& acl : model.acls) {
            for (const model::AclEntry& entry : acl.entries) {
                if (entry.action == "deny") {
                    deny_lines.insert(entry.ref.line);
                }
            }
        }
    };

    for (const model::AddressMention& mention : model.addresses) {
        const intel::Indicator* indicator = MentionIndicator(mention.prefix, intel);
        if (indicator == nullptr) {
            continue;
        }
        if (!reported) {
            first_match();
        }
        if (!reported->emplace(mention.ref.line, indicator).second) {
            continue;
        }
        Finding finding = NewFinding(def, context, mention.ref);
        AttachIndicator(finding, *indicator);
        if (deny_lines.count(mention.ref.line) != 0) {
            finding.severity = Severity::kLow;
        }
        out.push_back(std::move(finding));
    }
}

}  // namespace stormwatch::detect::ttp
