// SPDX-License-Identifier: Apache-2.0
// Logging hardening (section 4 item 10): config-change logging, a remote collector, a trap
// level that keeps informational messages (SYS-5-CONFIG_I is level 5 but SEC_LOGIN and the
// accounting messages the hunt rules need are level 6), and failed-login logging. Removal or
// redirection of log hosts is tradecraft (detect/ttp/, ttp.log-tampering).

#include <array>
#include <string>
#include <string_view>

#include "stormwatch/core/text.h"
#include "stormwatch/detect/hardening/checks.h"

namespace stormwatch::detect::hardening {

namespace {

// Levels below informational, as IOS/NX-OS/EOS/XR and Junos spell them.
constexpr std::array<std::string_view, 17> kLevelsBelowInformational = {
    "0",           "1",      "2",        "3",       "4",        "5",
    "emergencies", "alerts", "critical", "errors",  "warnings", "notifications",
    "emergency",   "alert",  "error",    "warning", "notice",
};

bool IsBelowInformational(std::string_view level) {
    const std::string lower = text::ToLower(text::Trim(level));
    for (const std::string_view weak : kLevelsBelowInformational) {
        if (lower == weak) {
            return true;
        }
    }
    return false;
}

}  // namespace

void CheckNoConfigLogging(const model::DeviceModel& model, const Context& context,
                          const DetectorDef& def, std::vector<Finding>& out) {
    // IOS only: IOS XR keeps a commit history and NX-OS an accounting log by design, and the
    // model does not record Junos `change-log` files, so there the check would only guess.
    if (!IsIos(model.dialect) || model.logging.archive_log_config || !IsSubstantial(model)) {
        return;
    }
    EmitAbsence(def, context, model, "archive / log config / logging enable", out);
}

void CheckNoRemoteLogging(const model::DeviceModel& model, const Context& context,
                          const DetectorDef& def, std::vector<Finding>& out) {
    if (!model.logging.hosts.empty() || !IsSubstantial(model)) {
        return;
    }
    const std::string_view missing = IsJunos(model.dialect) ? "system syslog host" : "logging host";
    EmitAbsence(def, context, model, missing, out);
}

void CheckLogTrapLevel(const model::DeviceModel& model, const Context& context,
                       const DetectorDef& def, std::vector<Finding>& out) {
    if (model.logging.trap_level.has_value() &&
        IsBelowInformational(model.logging.trap_level_value)) {
        Emit(def, context, *model.logging.trap_level, out);
    }
}

void CheckNoLoginFailureLog(const model::DeviceModel& model, const Context& context,
                            const DetectorDef& def, std::vector<Finding>& out) {
    if (!IsIos(model.dialect) || model.logging.login_on_failure_log || !IsSubstantial(model)) {
        return;
    }
    EmitAbsence(def, context, model, "login on-failure log", out);
}

}  // namespace stormwatch::detect::hardening
