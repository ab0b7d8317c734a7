// SPDX-License-Identifier: Apache-2.0
// AAA hardening: shared keys (section 4 item 3), `aaa new-model` (item 12) and command
// accounting (item 11). Which servers are approved is tradecraft (detect/ttp/,
// SW-CFG-AAA-SERVER-UNAPPROVED), and so is an explicit `no aaa new-model` (SW-CFG-AAA-DISABLED).

#include <cstdint>
#include <set>

#include "stormwatch/detect/hardening/checks.h"

namespace stormwatch::detect::hardening {

namespace {

bool HasKey(const model::AaaServer& server) {
    return server.key_ref.has_value();
}

}  // namespace

void CheckAaaKey(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                 std::vector<Finding>& out) {
    // One key line may serve several servers (a shared global key): report it once.
    std::set<std::uint32_t> reported;
    for (const model::AaaServer& server : model.aaa_servers) {
        if (!HasKey(server) || server.key_type == "6") {
            continue;
        }
        Severity severity = Severity::kMedium;
        if (server.key_type == "encrypted") {
            // Junos $9$ is obfuscation with a public algorithm, yet not plain on screen.
            severity = Severity::kLow;
        } else if (server.key_type != "7" && server.key_type != "0" && !server.key_type.empty()) {
            // Unknown kinds (a future type 8 key, a vendor hash) are not reported as weak.
            continue;
        }
        if (!reported.insert(server.key_ref->line).second) {
            continue;
        }
        Emit(def, context, *server.key_ref, out).severity = severity;
    }
}

void CheckNoAesPasswordEncryption(const model::DeviceModel& model, const Context& context,
                                  const DetectorDef& def, std::vector<Finding>& out) {
    if (!IsIos(model.dialect) || model.password_encryption_aes.has_value()) {
        return;
    }
    // Keys already shown as type 6 prove the feature is on even if the parser missed the line.
    bool weak_key = false;
    for (const model::AaaServer& server : model.aaa_servers) {
        weak_key = weak_key || (HasKey(server) && server.key_type != "6");
    }
    if (weak_key) {
        EmitAbsence(def, context, model, "password encryption aes", out);
    }
}

void CheckNoCommandAccounting(const model::DeviceModel& model, const Context& context,
                              const DetectorDef& def, std::vector<Finding>& out) {
    if (model.aaa.command_accounting || !IsSubstantial(model)) {
        return;
    }
    const std::string_view missing = IsJunos(model.dialect)
                                         ? "system accounting events interactive-commands"
                                         : "aaa accounting commands";
    EmitAbsence(def, context, model, missing, out);
}

void CheckNoAaa(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                std::vector<Finding>& out) {
    if (!IsIos(model.dialect) || model.aaa.new_model.has_value() ||
        model.aaa.no_new_model.has_value() || !IsSubstantial(model)) {
        return;
    }
    EmitAbsence(def, context, model, "aaa new-model", out);
}

}  // namespace stormwatch::detect::hardening
