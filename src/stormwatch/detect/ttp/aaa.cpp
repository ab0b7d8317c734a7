// SPDX-License-Identifier: Apache-2.0
// AAA redirection and weakening (AA25-239A A6): TACACS+/RADIUS servers that are indicators
// or not approved, and `no aaa new-model`.

#include "stormwatch/detect/ttp/checks.h"
#include "stormwatch/detect/ttp/families.h"

namespace stormwatch::detect::ttp {

IocHits AaaIocHits(const model::DeviceModel& model, const intel::IndicatorSet& intel) {
    IocHits hits;
    for (const model::AaaServer& server : model.aaa_servers) {
        AddHostHit(server.host, intel, hits);
    }
    return hits;
}

void AaaServerIoc(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                  std::vector<Finding>& out) {
    EmitHits(AaaIocHits(model, context.intel), context, def, out);
}

void AaaServerUnapproved(const model::DeviceModel& model, const Context& context,
                         const DetectorDef& def, std::vector<Finding>& out) {
    for (const model::AaaServer& server : model.aaa_servers) {
        ReportHostApproval(server.host, context.policy.aaa_servers, Severity::kHigh, std::nullopt,
                           context, def, out, server.name);
    }
}

void AaaDisabled(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                 std::vector<Finding>& out) {
    if (model.aaa.no_new_model) {
        out.push_back(NewFinding(def, context, *model.aaa.no_new_model));
    }
}

}  // namespace stormwatch::detect::ttp
