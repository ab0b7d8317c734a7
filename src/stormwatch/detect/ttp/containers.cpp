// SPDX-License-Identifier: Apache-2.0
// Guest Shell / IOx / app-hosting / NX-OS bash / XR docker (AA25-239A A7): a Linux userland
// next to the network OS, where the actor ran JumbledPath-style tooling and added accounts.

#include "stormwatch/detect/ttp/families.h"

namespace stormwatch::detect::ttp {

void ContainerEnabled(const model::DeviceModel& model, const Context& context,
                      const DetectorDef& def, std::vector<Finding>& out) {
    for (const model::Container& container : model.containers) {
        out.push_back(NewFinding(def, context, container.ref));
    }
}

}  // namespace stormwatch::detect::ttp
