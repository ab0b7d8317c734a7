// SPDX-License-Identifier: Apache-2.0
// SW-CFG-HARD-UNUSED-SERVICE (section 4 item 17): services a router rarely needs and that
// hand out files, user names or topology. Telnet, HTTP, SSHv1 and SNMPv1/v2c have their own
// rules and are not repeated here.

#include <array>
#include <string>
#include <string_view>

#include "stormwatch/core/text.h"
#include "stormwatch/detect/hardening/checks.h"

namespace stormwatch::detect::hardening {

namespace {

struct UnusedService {
    std::string_view name;  ///< model::Service::name
    Severity severity;
};

// File servers hand out whatever they expose; the rest leak names or topology. The small
// servers and PAD only fire when a parser records them (legacy IOS).
constexpr std::array<UnusedService, 8> kUnusedServices = {{
    {"ftp-server", Severity::kMedium},
    {"tftp-server", Severity::kMedium},
    {"finger", Severity::kLow},
    {"bootp", Severity::kLow},
    {"cdp", Severity::kLow},
    {"pad", Severity::kLow},
    {"tcp-small-servers", Severity::kLow},
    {"udp-small-servers", Severity::kLow},
}};

}  // namespace

void CheckUnusedService(const model::DeviceModel& model, const Context& context,
                        const DetectorDef& def, std::vector<Finding>& out) {
    for (const model::Service& service : model.services) {
        if (!service.enabled) {
            continue;
        }
        for (const UnusedService& unused : kUnusedServices) {
            if (service.name != unused.name) {
                continue;
            }
            // SW-CFG-EXFIL-TFTP-SERVER owns TFTP servers that serve configs or file systems.
            if (service.name == "tftp-server" && TftpServesDeviceData(service.detail)) {
                break;
            }
            Emit(def, context, service.ref, out).severity = unused.severity;
            break;
        }
    }
}

}  // namespace stormwatch::detect::hardening
