// SPDX-License-Identifier: Apache-2.0
// Traffic mirroring (AA25-239A A9): SPAN/RSPAN/ERSPAN sessions, above all those that ship
// copies of traffic to a remote collector.

#include "stormwatch/detect/ttp/checks.h"
#include "stormwatch/detect/ttp/families.h"

namespace stormwatch::detect::ttp {

IocHits MirrorIocHits(const model::DeviceModel& model, const intel::IndicatorSet& intel) {
    IocHits hits;
    for (const model::MirrorSession& session : model.mirrors) {
        for (const model::HostRef& destination : session.remote_destinations) {
            AddHostHit(destination, intel, hits);
        }
    }
    return hits;
}

void MirrorIoc(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
               std::vector<Finding>& out) {
    EmitHits(MirrorIocHits(model, context.intel), context, def, out);
}

void MirrorRemote(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                  std::vector<Finding>& out) {
    for (const model::MirrorSession& session : model.mirrors) {
        for (const model::HostRef& destination : session.remote_destinations) {
            ReportHostApproval(destination, context.policy.mirror_destinations, Severity::kHigh,
                               Severity::kHigh, context, def, out);
        }
    }
}

void MirrorLocalSession(const model::DeviceModel& model, const Context& context,
                        const DetectorDef& def, std::vector<Finding>& out) {
    for (const model::MirrorSession& session : model.mirrors) {
        if (session.remote_destinations.empty()) {
            out.push_back(NewFinding(def, context, session.ref));
        }
    }
}

}  // namespace stormwatch::detect::ttp
