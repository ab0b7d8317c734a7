// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/detect/detector.h"
#include "stormwatch/detect/hardening/hardening.h"
#include "stormwatch/detect/ttp/ttp.h"

namespace stormwatch::detect {

std::span<const DetectorDef> ConfigDetectors() {
    // Tradecraft first, hardening second: the order `stormwatch rules list` shows.
    static const std::vector<DetectorDef> kAll = [] {
        std::vector<DetectorDef> all;
        for (const DetectorDef& def : TtpDetectors()) {
            all.push_back(def);
        }
        for (const DetectorDef& def : HardeningDetectors()) {
            all.push_back(def);
        }
        return all;
    }();
    return kAll;
}

void RunConfigDetectors(const model::DeviceModel& model, const Context& context,
                        std::vector<Finding>& out) {
    for (const DetectorDef& def : ConfigDetectors()) {
        def.run(model, context, def, out);
    }
}

}  // namespace stormwatch::detect
