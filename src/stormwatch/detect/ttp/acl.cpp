// SPDX-License-Identifier: Apache-2.0
// ACL tampering (AA25-239A A1): permits for actor addresses, and management-plane ACLs that
// admit sources from outside the management networks.

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "stormwatch/detect/ttp/checks.h"
#include "stormwatch/detect/ttp/families.h"

namespace stormwatch::detect::ttp {

namespace {

// Where an ACL guards the management plane: a permit here opens it. The Junos loopback filter
// is not among them: it guards the whole routing engine, so routing-protocol peers outside the
// management networks are normal there (its indicator permits are still SW-CFG-ACL-IOC's).
constexpr std::array<std::string_view, 5> kManagementUses = {"vty", "snmp", "http", "ssh", "ntp"};

// A1: the actor's edits were most often to lists 20, then 10 and 50 (S3, S18).
constexpr std::array<std::string_view, 3> kActorFavouriteAcls = {"10", "20", "50"};

bool IsManagementUse(std::string_view where) {
    return std::find(kManagementUses.begin(), kManagementUses.end(), where) !=
           kManagementUses.end();
}

bool IsActorFavourite(std::string_view acl) {
    return std::find(kActorFavouriteAcls.begin(), kActorFavouriteAcls.end(), acl) !=
           kActorFavouriteAcls.end();
}

// Where each prefix is written, sorted by (prefix, line), so each hit finds its line in log
// time: a walk over every address of the config per hit was quadratic (80,000 permits for
// indicator hosts took 5.5 s).
class PrefixLines {
public:
    explicit PrefixLines(const std::vector<model::AddressMention>& mentions) {
        sorted_.reserve(mentions.size());
        for (const model::AddressMention& mention : mentions) {
            sorted_.push_back(&mention);
        }
        // Stable: of two mentions on one line, the first written wins.
        std::stable_sort(sorted_.begin(), sorted_.end(),
                         [](const model::AddressMention* a, const model::AddressMention* b) {
                             return Less(a->prefix, a->ref.line, b->prefix, b->ref.line);
                         });
    }

    /// The line that wrote `prefix` in the entry starting at `entry`: the entry's own line for
    /// one-line ACLs, else the first later line that names it (a `source-address` line inside
    /// a Junos term), else the entry's.
    [[nodiscard]] model::SourceRef Find(const model::SourceRef& entry,
                                        const IpPrefix& prefix) const {
        const auto first =
            std::lower_bound(sorted_.begin(), sorted_.end(), entry.line,
                             [&prefix](const model::AddressMention* m, std::uint32_t line) {
                                 return Less(m->prefix, m->ref.line, prefix, line);
                             });
        if (first == sorted_.end() || (*first)->prefix != prefix ||
            (*first)->ref.line == entry.line) {
            return entry;
        }
        return (*first)->ref;
    }

private:
    static bool Less(const IpPrefix& a, std::uint32_t a_line, const IpPrefix& b,
                     std::uint32_t b_line) {
        if (a.address() != b.address()) {
            return a.address() < b.address();
        }
        if (a.length() != b.length()) {
            return a.length() < b.length();
        }
        return a_line < b_line;
    }

    std::vector<const model::AddressMention*> sorted_;
};

}  // namespace

IocHits AclIocHits(const model::DeviceModel& model, const intel::IndicatorSet& intel) {
    IocHits hits;
    std::optional<PrefixLines> lines;
    for (const model::Acl& acl : model.acls) {
        for (const model::AclEntry& entry : acl.entries) {
            if (entry.action != "permit") {
                continue;
            }
            // One hit per distinct indicator on the line: `permit ip host A host B` with both
            // A and B listed is two findings, the same indicator twice is one.
            std::set<const intel::Indicator*> seen;
            auto check = [&](const IpPrefix& prefix) {
                const intel::Indicator* indicator = PrefixIndicator(prefix, intel);
                if (indicator != nullptr && seen.insert(indicator).second) {
                    if (!lines) {
                        lines.emplace(model.addresses);  // most configs have no hit
                    }
                    hits.push_back({lines->Find(entry.ref, prefix), indicator});
                }
            };
            std::for_each(entry.sources.begin(), entry.sources.end(), check);
            std::for_each(entry.destinations.begin(), entry.destinations.end(), check);
        }
    }
    return hits;
}

void AclIoc(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
            std::vector<Finding>& out) {
    EmitHits(AclIocHits(model, context.intel), context, def, out);
}

void AclMgmtSource(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                   std::vector<Finding>& out) {
    const policy::ApprovedHosts& management = context.policy.management_networks;
    const bool with_policy = PolicyApplies(context.policy, management);
    // An ACL applied to vty and SNMP at once is judged once.
    std::set<std::string, std::less<>> judged;
    for (const model::AclUse& use : model.acl_uses) {
        if (!IsManagementUse(use.where) || !judged.insert(use.acl).second) {
            continue;
        }
        const model::Acl* acl = model.FindAcl(use.acl);
        if (acl == nullptr) {
            continue;
        }
        Severity severity = Severity::kMedium;
        if (with_policy || IsActorFavourite(acl->name)) {
            severity = Severity::kHigh;
        }
        for (const model::AclEntry& entry : acl->entries) {
            if (entry.action != "permit") {
                continue;
            }
            bool fires = entry.source_any;
            for (const IpPrefix& source : entry.sources) {
                if (fires) {
                    break;
                }
                // Indicator sources are SW-CFG-ACL-IOC's (critical); not repeated here.
                if (PrefixIndicator(source, context.intel) != nullptr) {
                    continue;
                }
                // A /0 (Junos `0.0.0.0/0`) is `any` written as a prefix. Without a policy only
                // `any` is suspicious: which addresses an operator manages from is site knowledge.
                fires =
                    source.length() == 0 || (with_policy && !PrefixApproved(management, source));
            }
            if (fires) {
                Finding finding = NewFinding(def, context, entry.ref);
                finding.severity = severity;
                out.push_back(std::move(finding));
            }
        }
    }
}

}  // namespace stormwatch::detect::ttp
