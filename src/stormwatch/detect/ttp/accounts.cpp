// SPDX-License-Identifier: Apache-2.0
// Local accounts (AA25-239A A5): the names the CVE-2023-20198 implant era created, account
// indicators from intel, and privileged users the site policy does not list.

#include <array>
#include <string_view>

#include "stormwatch/core/text.h"
#include "stormwatch/detect/ttp/checks.h"
#include "stormwatch/detect/ttp/families.h"

namespace stormwatch::detect::ttp {

namespace {

// Fallback for runs without intel (--no-builtin-intel): the three account names that the
// BadCandy / CVE-2023-20198 web UI implant created (threat-reference 3.6; Sigma rule
// 2ece8816, Splunk cisco_ios_suspicious_privileged_account_creation). The intel pack carries
// them too, and an intel hit is preferred because it attaches the indicator and its source.
constexpr std::array<std::string_view, 3> kImplantAccounts = {"cisco_tac_admin", "cisco_support",
                                                              "cisco_sys_manager"};

bool IsImplantAccount(std::string_view name) {
    for (std::string_view known : kImplantAccounts) {
        if (text::IEquals(name, known)) {
            return true;
        }
    }
    return false;
}

bool IsKnownBad(const model::LocalUser& user, const intel::IndicatorSet& intel) {
    return intel.MatchValue(intel::IndicatorType::kAccount, user.name) != nullptr ||
           IsImplantAccount(user.name);
}

}  // namespace

void UserKnownBad(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                  std::vector<Finding>& out) {
    for (const model::LocalUser& user : model.users) {
        if (user.name.empty()) {
            continue;
        }
        const intel::Indicator* indicator =
            context.intel.MatchValue(intel::IndicatorType::kAccount, user.name);
        if (indicator == nullptr && !IsImplantAccount(user.name)) {
            continue;
        }
        Finding finding = NewFinding(def, context, user.ref);
        if (indicator != nullptr) {
            AttachIndicator(finding, *indicator);
        }
        out.push_back(std::move(finding));
    }
}

namespace {

/// Accounts every device of the dialect has and no policy lists: Junos `root` is written by
/// `system root-authentication`, which every Junos config must carry.
bool IsBuiltInAccount(model::Dialect dialect, std::string_view name) {
    return (dialect == model::Dialect::kJunos || dialect == model::Dialect::kJunosSet) &&
           name == "root";
}

}  // namespace

void UserUnapproved(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                    std::vector<Finding>& out) {
    if (!context.policy.loaded || !context.policy.local_accounts_present) {
        return;
    }
    for (const model::LocalUser& user : model.users) {
        // Known-bad names are SW-CFG-USER-KNOWN-BAD's (critical); not repeated here.
        if (user.name.empty() || context.policy.AccountApproved(user.name) ||
            IsKnownBad(user, context.intel) || IsBuiltInAccount(model.dialect, user.name)) {
            continue;
        }
        Finding finding = NewFinding(def, context, user.ref);
        finding.severity = user.privilege >= 15 ? Severity::kHigh : Severity::kMedium;
        out.push_back(std::move(finding));
    }
}

}  // namespace stormwatch::detect::ttp
