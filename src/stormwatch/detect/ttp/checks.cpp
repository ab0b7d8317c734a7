// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/detect/ttp/checks.h"

#include "stormwatch/core/text.h"

namespace stormwatch::detect::ttp {

const intel::Indicator* HostIndicator(const model::HostRef& host,
                                      const intel::IndicatorSet& intel) {
    if (host.address) {
        return intel.MatchAddress(*host.address);
    }
    const std::string_view name = text::Trim(host.host);
    // Bare words are interface or object names (`Loopback0`, `TAC1`), never domains.
    if (name.find('.') == std::string_view::npos) {
        return nullptr;
    }
    return intel.MatchDomain(text::ToLower(name));
}

const intel::Indicator* PrefixIndicator(const IpPrefix& prefix, const intel::IndicatorSet& intel) {
    if (prefix.length() == 0) {
        return nullptr;
    }
    if (prefix.is_host()) {
        return intel.MatchAddress(prefix.address());
    }
    return intel.MatchPrefix(prefix);
}

bool PolicyApplies(const policy::SitePolicy& policy, const policy::ApprovedHosts& approved) {
    return policy.loaded && approved.present;
}

bool PrefixApproved(const policy::ApprovedHosts& approved, const IpPrefix& prefix) {
    for (const IpPrefix& network : approved.networks) {
        if (network.Contains(prefix)) {
            return true;
        }
    }
    return false;
}

Approval CheckHost(const model::HostRef& host, const policy::SitePolicy& policy,
                   const policy::ApprovedHosts& approved, std::string_view alt_name) {
    if (PolicyApplies(policy, approved)) {
        if (host.address && approved.Contains(*host.address)) {
            return Approval::kApproved;
        }
        const std::string_view name = text::Trim(host.host);
        if (!name.empty() && approved.ContainsName(text::ToLower(name))) {
            return Approval::kApproved;
        }
        if (!alt_name.empty() && approved.ContainsName(text::ToLower(alt_name))) {
            return Approval::kApproved;
        }
        return Approval::kUnapproved;
    }
    if (host.address && host.address->IsPublic()) {
        return Approval::kPublic;
    }
    return Approval::kNoVerdict;
}

bool ReportHostIndicator(const model::HostRef& host, const Context& context, const DetectorDef& def,
                         std::vector<Finding>& out) {
    const intel::Indicator* indicator = HostIndicator(host, context.intel);
    if (indicator == nullptr) {
        return false;
    }
    Finding finding = NewFinding(def, context, host.ref);
    AttachIndicator(finding, *indicator);
    out.push_back(std::move(finding));
    return true;
}

void ReportHostApproval(const model::HostRef& host, const policy::ApprovedHosts& approved,
                        Severity unapproved, std::optional<Severity> public_address,
                        const Context& context, const DetectorDef& def, std::vector<Finding>& out,
                        std::string_view alt_name) {
    if (HostIndicator(host, context.intel) != nullptr) {
        return;
    }
    const Approval approval = CheckHost(host, context.policy, approved, alt_name);
    if (approval != Approval::kUnapproved && (approval != Approval::kPublic || !public_address)) {
        return;
    }
    Finding finding = NewFinding(def, context, host.ref);
    finding.severity = approval == Approval::kUnapproved ? unapproved : *public_address;
    out.push_back(std::move(finding));
}

std::string_view UrlHost(std::string_view url) {
    const std::size_t scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) {
        return {};
    }
    std::string_view rest = url.substr(scheme_end + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    // Credentials may contain ':' but never '@' unescaped; the last '@' ends them.
    const std::size_t at = rest.rfind('@');
    if (at != std::string_view::npos) {
        rest.remove_prefix(at + 1);
    }
    if (!rest.empty() && rest.front() == '[') {
        const std::size_t close = rest.find(']');
        return close == std::string_view::npos ? std::string_view{} : rest.substr(1, close - 1);
    }
    return rest.substr(0, rest.find(':'));
}

bool IsSaltPortPattern(int port) {
    return port >= 10000 && port <= 99999 && port % 100 == 22;
}

}  // namespace stormwatch::detect::ttp
