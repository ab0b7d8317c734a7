// SPDX-License-Identifier: Apache-2.0
// SNMP abuse (AA25-239A A12): write communities, default communities, and trap/inform hosts
// that are indicators or not approved.

#include "stormwatch/core/text.h"
#include "stormwatch/detect/ttp/checks.h"
#include "stormwatch/detect/ttp/families.h"

namespace stormwatch::detect::ttp {

void SnmpRw(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
            std::vector<Finding>& out) {
    for (const model::SnmpCommunity& community : model.snmp.communities) {
        if (text::IEquals(community.access, "rw")) {
            out.push_back(NewFinding(def, context, community.ref));
        }
    }
}

void SnmpDefaultCommunity(const model::DeviceModel& model, const Context& context,
                          const DetectorDef& def, std::vector<Finding>& out) {
    for (const model::SnmpCommunity& community : model.snmp.communities) {
        if (text::IEquals(community.name, "public") || text::IEquals(community.name, "private")) {
            out.push_back(NewFinding(def, context, community.ref));
        }
    }
}

IocHits SnmpHostIocHits(const model::DeviceModel& model, const intel::IndicatorSet& intel) {
    IocHits hits;
    for (const model::SnmpHost& host : model.snmp.hosts) {
        AddHostHit(host.host, intel, hits);
    }
    return hits;
}

void SnmpHostIoc(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                 std::vector<Finding>& out) {
    EmitHits(SnmpHostIocHits(model, context.intel), context, def, out);
}

void SnmpHostUnapproved(const model::DeviceModel& model, const Context& context,
                        const DetectorDef& def, std::vector<Finding>& out) {
    for (const model::SnmpHost& host : model.snmp.hosts) {
        ReportHostApproval(host.host, context.policy.snmp_managers, Severity::kMedium, std::nullopt,
                           context, def, out);
    }
}

}  // namespace stormwatch::detect::ttp
