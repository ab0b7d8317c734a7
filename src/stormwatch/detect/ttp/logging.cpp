// SPDX-License-Identifier: Apache-2.0
// Log tampering (AA25-239A A15): syslog redirected to indicator or unapproved hosts, and
// logging switched off in the configuration.

#include "stormwatch/detect/ttp/checks.h"
#include "stormwatch/detect/ttp/families.h"

namespace stormwatch::detect::ttp {

IocHits LogHostIocHits(const model::DeviceModel& model, const intel::IndicatorSet& intel) {
    IocHits hits;
    for (const model::HostRef& host : model.logging.hosts) {
        AddHostHit(host, intel, hits);
    }
    return hits;
}

void LogHostIoc(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                std::vector<Finding>& out) {
    EmitHits(LogHostIocHits(model, context.intel), context, def, out);
}

void LogHostUnapproved(const model::DeviceModel& model, const Context& context,
                       const DetectorDef& def, std::vector<Finding>& out) {
    for (const model::HostRef& host : model.logging.hosts) {
        ReportHostApproval(host, context.policy.syslog_servers, Severity::kMedium, std::nullopt,
                           context, def, out);
    }
}

void LogDisabled(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                 std::vector<Finding>& out) {
    for (const model::SourceRef& ref : model.logging.disabled) {
        out.push_back(NewFinding(def, context, ref));
    }
}

}  // namespace stormwatch::detect::ttp
