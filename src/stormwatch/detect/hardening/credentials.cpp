// SPDX-License-Identifier: Apache-2.0
// SW-CFG-HARD-WEAK-SECRET (section 4 item 2, artifact A18): secrets an attacker who reads
// the config can reverse (type 0 / 7) or crack fast (type 4 / 5 / MD5 crypt).

#include <optional>
#include <string_view>

#include "stormwatch/detect/hardening/checks.h"

namespace stormwatch::detect::hardening {

namespace {

// Severity of a stored secret kind (model::LocalUser::secret_type vocabulary), or nullopt
// when it is compliant or unknown. Type 8/9, sha256/sha512 crypt and key-only logins pass.
// Type 6 on a username is AES under the device master key: reversible only with that key,
// which section 4 item 3 accepts for AAA keys, so it passes here too.
std::optional<Severity> SecretSeverity(std::string_view type) {
    if (type == "0" || type == "nopassword") {
        // Clear text reads straight off a config backup; no password at all is worse.
        return Severity::kHigh;
    }
    if (type == "4" || type == "5" || type == "7" || type == "md5") {
        return Severity::kMedium;
    }
    return std::nullopt;
}

}  // namespace

void CheckWeakSecret(const model::DeviceModel& model, const Context& context,
                     const DetectorDef& def, std::vector<Finding>& out) {
    for (const model::LocalUser& user : model.users) {
        if (const auto severity = SecretSeverity(user.secret_type)) {
            Emit(def, context, user.secret_ref.value_or(user.ref), out).severity = *severity;
        }
    }
    for (const model::EnableSecret& enable : model.enable_secrets) {
        if (enable.is_password) {
            // `enable password` is at best type 7 whatever its number says.
            Emit(def, context, enable.ref, out).severity = Severity::kHigh;
        } else if (const auto severity = SecretSeverity(enable.secret_type)) {
            Emit(def, context, enable.ref, out).severity = *severity;
        }
    }
}

}  // namespace stormwatch::detect::hardening
