// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/model/device_model.h"

namespace stormwatch::model {

const Interface* DeviceModel::FindInterface(std::string_view name) const {
    for (const Interface& iface : interfaces) {
        if (iface.name == name) {
            return &iface;
        }
    }
    return nullptr;
}

const Acl* DeviceModel::FindAcl(std::string_view name) const {
    for (const Acl& acl : acls) {
        if (acl.name == name) {
            return &acl;
        }
    }
    return nullptr;
}

std::string_view DialectName(Dialect dialect) {
    switch (dialect) {
        case Dialect::kCiscoIos:
            return "cisco-ios";
        case Dialect::kCiscoIosXr:
            return "cisco-iosxr";
        case Dialect::kCiscoNxos:
            return "cisco-nxos";
        case Dialect::kAristaEos:
            return "arista-eos";
        case Dialect::kJunos:
            return "junos";
        case Dialect::kJunosSet:
            return "junos-set";
        case Dialect::kUnknown:
            break;
    }
    return "unknown";
}

}  // namespace stormwatch::model
