// SPDX-License-Identifier: Apache-2.0
#pragma once

// SitePolicy: what the operator approves (stormwatch.yaml, docs/policy.md). With a policy,
// "not approved" checks are exact; without one (loaded() == false) detectors fall back to
// what is suspicious anywhere. Immutable once loaded; shared by every detector thread.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "stormwatch/core/ip_address.h"
#include "stormwatch/core/status.h"

namespace stormwatch::policy {

/// A list of approved networks plus approved host names (for configs that name hosts).
struct ApprovedHosts {
    std::vector<IpPrefix> networks;
    std::vector<std::string> names;  ///< lower case
    bool present = false;            ///< the key was written in the policy file

    [[nodiscard]] bool Contains(const IpAddress& address) const;
    [[nodiscard]] bool ContainsName(std::string_view name) const;
};

struct SitePolicy {
    bool loaded = false;
    std::string path;                   ///< where it was read from, for messages
    ApprovedHosts management_networks;  ///< where management sessions may come from
    ApprovedHosts aaa_servers;
    ApprovedHosts syslog_servers;
    ApprovedHosts snmp_managers;
    ApprovedHosts ntp_servers;
    ApprovedHosts tunnel_peers;
    ApprovedHosts mirror_destinations;
    ApprovedHosts internal_networks;          ///< the operator's own address space (optional)
    std::vector<std::string> local_accounts;  ///< approved local user names (exact)
    bool local_accounts_present = false;
    /// Allowed listening ports per service (`ssh`, `http`, `https`, ...). A service missing
    /// here is allowed its standard port only.
    std::map<std::string, std::vector<int>, std::less<>> allowed_ports;

    [[nodiscard]] bool AccountApproved(std::string_view name) const;
    /// True when `port` is the standard port of `service` or listed in allowed_ports.
    [[nodiscard]] bool PortAllowed(std::string_view service, int port) const;
};

/// Standard port of a management service (`ssh` 22, `http` 80, `https` 443, `telnet` 23,
/// `ftp` 21, `sftp` 22, `netconf` 830, `rdp` 3389); 0 when unknown.
int StandardPort(std::string_view service);

/// Parses a policy file. Errors name the file, line and key: `site.yaml:12: ...`.
Result<SitePolicy> LoadSitePolicy(const std::string& path);
/// Parses policy text (for tests); `name` is used in messages.
Result<SitePolicy> ParseSitePolicy(std::string_view yaml_text, const std::string& name);

}  // namespace stormwatch::policy
