// SPDX-License-Identifier: Apache-2.0
// SNMP hardening (section 4 item 6): SNMPv3 with SHA auth and AES priv only. Communities
// travel in clear and are the A12/A18 foothold; write access and unapproved managers are
// tradecraft (detect/ttp/).

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "stormwatch/core/text.h"
#include "stormwatch/detect/hardening/checks.h"

namespace stormwatch::detect::hardening {

namespace {

bool IsWeakPriv(std::string_view priv) {
    return priv.empty() || text::IStartsWith(priv, "des") || text::IStartsWith(priv, "3des");
}

// IOS `snmp-server group G v3 noauth|auth`: a v3 group that does not require privacy lets
// its users talk without encryption even when they have priv keys.
bool IsV3GroupWithoutPriv(std::string_view line) {
    const std::vector<std::string_view> tokens = text::Tokens(line);
    if (tokens.size() < 5 || !text::IEquals(tokens[0], "snmp-server") ||
        !text::IEquals(tokens[1], "group") || !text::IEquals(tokens[3], "v3")) {
        return false;
    }
    return text::IEquals(tokens[4], "noauth") || text::IEquals(tokens[4], "auth");
}

}  // namespace

void CheckSnmpV1V2c(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                    std::vector<Finding>& out) {
    // A host line usually repeats a community already reported: one finding per line.
    std::set<std::uint32_t> reported;
    const auto report = [&](const model::SourceRef& ref) {
        if (reported.insert(ref.line).second) {
            Emit(def, context, ref, out);
        }
    };
    for (const model::SnmpCommunity& community : model.snmp.communities) {
        report(community.ref);
    }
    for (const model::SnmpUser& user : model.snmp.users) {
        if (user.version == "v1" || user.version == "v2c") {
            report(user.ref);
        }
    }
    for (const model::SnmpHost& host : model.snmp.hosts) {
        // IOS sends v1 traps when `snmp-server host` names no version.
        const bool ios_default_v1 =
            IsIos(model.dialect) && host.version.empty() && !host.community.empty();
        if (host.version == "1" || host.version == "2c" || ios_default_v1) {
            report(host.host.ref);
        }
    }
}

void CheckSnmpV3NoPriv(const model::DeviceModel& model, const Context& context,
                       const DetectorDef& def, std::vector<Finding>& out) {
    for (const model::SnmpUser& user : model.snmp.users) {
        if (user.version != "v3") {
            continue;
        }
        if (user.auth.empty() || text::IEquals(user.auth, "md5") || IsWeakPriv(user.priv)) {
            Emit(def, context, user.ref, out);
        }
    }
    for (const model::SourceRef& group : model.snmp.groups) {
        if (IsV3GroupWithoutPriv(group.text)) {
            Emit(def, context, group, out);
        }
    }
}

}  // namespace stormwatch::detect::hardening
