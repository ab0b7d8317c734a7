// SPDX-License-Identifier: Apache-2.0
#pragma once

// Test helpers for the TTP detectors: hand-built models, a small indicator set, and
// findings rendered as one readable line each so that failures print what fired.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "stormwatch/detect/detector.h"

namespace stormwatch::detect::ttp::testing {

// Indicators in the test set (two real AA25-239A addresses, one test range, one domain, one
// account).
inline constexpr std::string_view kIocAddress = "45.61.133.77";
inline constexpr std::string_view kIocAddress2 = "167.88.173.252";
inline constexpr std::string_view kIocRange = "203.0.113.0/24";
inline constexpr std::string_view kIocDomain = "materialplies.com";
inline constexpr std::string_view kIocAccount = "backdoor_admin";

/// Policy + intel + a Context over them. The policy starts not loaded.
struct Env {
    Env();
    policy::SitePolicy policy;
    std::shared_ptr<const intel::IndicatorSet> intel;
    [[nodiscard]] Context context() const;
};

/// A policy list with the given networks (and names), marked present.
policy::ApprovedHosts Approved(std::vector<std::string_view> networks,
                               std::vector<std::string> names = {});

model::SourceRef Ref(std::uint32_t line, std::string text);
model::HostRef Host(std::string_view host, std::uint32_t line, std::string text);
IpPrefix Prefix(std::string_view text);
IpAddress Address(std::string_view text);
/// A config's mention of `prefix` on `line` (whose text, like Ref's, is kept alive).
model::AddressMention Mention(std::string_view prefix, std::uint32_t line, std::string text);

/// Runs the one detector with `rule_id` and renders each finding as
/// `RULE severity line evidence [indicator]`.
std::vector<std::string> RunRule(std::string_view rule_id, const model::DeviceModel& model,
                                 const Env& env);
/// The same over every TTP detector.
std::vector<std::string> RunAll(const model::DeviceModel& model, const Env& env);
/// The raw findings of one detector.
std::vector<Finding> RunRaw(std::string_view rule_id, const model::DeviceModel& model,
                            const Env& env);

}  // namespace stormwatch::detect::ttp::testing
