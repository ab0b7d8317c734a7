// SPDX-License-Identifier: Apache-2.0
// Management services moved to non-standard ports (AA25-239A A2, A3): SSH on 22x22 / xxx22,
// the IOS XR Linux sshd on 57722, HTTP(S)/FTP/RDP relocated to blend in.

#include <array>
#include <string>
#include <string_view>

#include "stormwatch/detect/ttp/checks.h"
#include "stormwatch/detect/ttp/families.h"

namespace stormwatch::detect::ttp {

namespace {

struct ServicePort {
    std::string_view model_name;   ///< model::Service::name
    std::string_view policy_name;  ///< key in policy `allowed_ports` / StandardPort()
    int standard_port;
};

// The policy file names services without the `-server` suffix (`ftp`, `sftp`); SCP rides SSH.
constexpr std::array<ServicePort, 9> kWatchedServices = {{
    {"ssh", "ssh", 22},
    {"http", "http", 80},
    {"https", "https", 443},
    {"telnet", "telnet", 23},
    {"ftp-server", "ftp", 21},
    {"sftp-server", "sftp", 22},
    {"scp-server", "scp", 22},
    {"netconf", "netconf", 830},
    {"rdp", "rdp", 3389},
}};

const ServicePort* FindWatched(std::string_view name) {
    for (const ServicePort& service : kWatchedServices) {
        if (service.model_name == name) {
            return &service;
        }
    }
    return nullptr;
}

}  // namespace

void ServiceNonstandardPort(const model::DeviceModel& model, const Context& context,
                            const DetectorDef& def, std::vector<Finding>& out) {
    for (const model::Service& service : model.services) {
        const ServicePort* watched = FindWatched(service.name);
        if (watched == nullptr || !service.enabled || service.port <= 0 ||
            service.port == watched->standard_port) {
            continue;
        }
        // A port the operator wrote into allowed_ports is approved, even a pattern port: the
        // policy is the operator's exact statement (an XR automation host on 57722 is legit).
        if (context.policy.PortAllowed(watched->policy_name, service.port) ||
            context.policy.PortAllowed(watched->model_name, service.port)) {
            continue;
        }
        Finding finding = NewFinding(def, context, service.ref);
        if (IsSaltPortPattern(service.port) || service.port == kXrLinuxSshPort) {
            finding.severity = Severity::kCritical;
        }
        out.push_back(std::move(finding));
    }
}

}  // namespace stormwatch::detect::ttp
