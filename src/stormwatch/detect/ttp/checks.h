// SPDX-License-Identifier: Apache-2.0
#pragma once

// Helpers shared by the TTP detector families (private to detect/ttp/). The "is this host an
// indicator" and "is this host approved" questions are answered here once, so that every
// family (AAA, SNMP, syslog, tunnels, mirrors, transfers) applies the same rules:
//  - an indicator hit is reported by the family's *-IOC rule and never again as "unapproved";
//  - with a loaded policy that lists the relevant hosts, "not approved" is exact;
//  - without one, only a public address is suspicious (a private or named host says nothing).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stormwatch/detect/detector.h"

namespace stormwatch::detect::ttp {

/// The indicator a host matches: its address (longest prefix), else its name as a domain.
const intel::Indicator* HostIndicator(const model::HostRef& host, const intel::IndicatorSet& intel);

/// The indicator overlapping `prefix`. A /0 is skipped: it is `any`, which overlaps every
/// indicator and says nothing about the actor.
const intel::Indicator* PrefixIndicator(const IpPrefix& prefix, const intel::IndicatorSet& intel);

enum class Approval {
    kApproved,    ///< inside the policy list
    kUnapproved,  ///< the policy lists these hosts and this one is not among them
    kPublic,      ///< no policy list applies and the address is routed on the Internet
    kNoVerdict,   ///< no policy list applies and nothing is suspicious about the host
};

/// Judges `host` against `approved` (when the policy is loaded and has the key). `alt_name`
/// is a second name the host is known by (IOS `tacacs server NAME`), checked as well.
Approval CheckHost(const model::HostRef& host, const policy::SitePolicy& policy,
                   const policy::ApprovedHosts& approved, std::string_view alt_name = {});

/// True when the policy is loaded and has written `approved`.
bool PolicyApplies(const policy::SitePolicy& policy, const policy::ApprovedHosts& approved);

/// True when every address of `prefix` is inside one of the approved networks.
bool PrefixApproved(const policy::ApprovedHosts& approved, const IpPrefix& prefix);

/// Emits `def` at `host.ref` with the indicator attached when the host is an indicator.
/// Returns true when it fired.
bool ReportHostIndicator(const model::HostRef& host, const Context& context, const DetectorDef& def,
                         std::vector<Finding>& out);

/// Emits `def` when `host` is not approved (severity `unapproved`) or, without a policy list,
/// public (severity `public_address`; nullopt when a public address says nothing on its own, as
/// for AAA, syslog and SNMP servers that operators run in their own public space). Indicator
/// hosts are skipped: the *-IOC rule owns them.
void ReportHostApproval(const model::HostRef& host, const policy::ApprovedHosts& approved,
                        Severity unapproved, std::optional<Severity> public_address,
                        const Context& context, const DetectorDef& def, std::vector<Finding>& out,
                        std::string_view alt_name = {});

/// The host part of `scheme://[user[:password]@]host[:port]/path`; empty when there is none.
std::string_view UrlHost(std::string_view url);

/// AA25-239A (A2) port numbering for relocated SSH: `^[1-9][0-9]{2}22$`, i.e. 22x22 / xxx22.
/// Written as arithmetic because a five-digit number ending in 22 is exactly that pattern.
bool IsSaltPortPattern(int port);

/// IOS XR's Linux sshd (`sshd_operns`) port, root-capable shell (A3).
inline constexpr int kXrLinuxSshPort = 57722;

}  // namespace stormwatch::detect::ttp
