// SPDX-License-Identifier: Apache-2.0
// SW-CFG-HARD-ACL-NO-DENY-LOG (section 4 item 7): every ACL that is in use ends with an
// explicit, logged deny of everything, so that hits on the implicit deny become visible.
// Which addresses an ACL permits is tradecraft (detect/ttp/, ttp.acl-tampering).

#include <set>
#include <string>
#include <string_view>

#include "stormwatch/detect/hardening/checks.h"

namespace stormwatch::detect::hardening {

namespace {

bool MatchesAnyProtocol(std::string_view protocol) {
    // Standard ACLs and Junos terms without a protocol match every protocol.
    return protocol.empty() || protocol == "ip" || protocol == "ipv6" || protocol == "any";
}

bool IsLoggedDenyAny(const model::Acl& acl) {
    const model::AclEntry* last = nullptr;
    for (const model::AclEntry& entry : acl.entries) {
        if (entry.action != "remark") {
            last = &entry;
        }
    }
    if (last == nullptr || last->action != "deny" || !last->log || !last->source_any ||
        !MatchesAnyProtocol(last->protocol)) {
        return false;
    }
    // A standard ACL has no destination: `deny any log` is the whole statement.
    return last->destination_any || acl.kind == "standard";
}

}  // namespace

void CheckAclNoDenyLog(const model::DeviceModel& model, const Context& context,
                       const DetectorDef& def, std::vector<Finding>& out) {
    std::set<std::string, std::less<>> used;
    for (const model::AclUse& use : model.acl_uses) {
        used.insert(use.acl);
    }
    for (const model::Interface& interface : model.interfaces) {
        for (const model::Interface::AclBinding& binding : interface.acls) {
            used.insert(binding.acl);
        }
    }
    // Configuration order, not name order, so findings follow the file.
    for (const model::Acl& acl : model.acls) {
        // A prefix-list filters routes, not packets: there is nothing to log.
        if (acl.kind == "prefix-list" || used.find(acl.name) == used.end()) {
            continue;
        }
        if (!IsLoggedDenyAny(acl)) {
            Emit(def, context, acl.ref, out);
        }
    }
}

}  // namespace stormwatch::detect::hardening
