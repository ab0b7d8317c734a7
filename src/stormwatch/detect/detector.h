// SPDX-License-Identifier: Apache-2.0
#pragma once

// Config detectors: pure functions (DeviceModel, indicators, policy) -> findings. One rule id
// per DetectorDef; the registry is detect/config/detectors.cpp. Detectors never read files.

#include <span>
#include <string_view>
#include <vector>

#include "stormwatch/core/finding.h"
#include "stormwatch/core/rule_info.h"
#include "stormwatch/intel/indicator_set.h"
#include "stormwatch/model/device_model.h"
#include "stormwatch/policy/site_policy.h"

namespace stormwatch::detect {

/// What a detector may read besides the model. All references outlive the call.
struct Context {
    const policy::SitePolicy& policy;
    const intel::IndicatorSet& intel;
    std::string_view path;    ///< input path as the user gave it
    std::string_view device;  ///< hostname, or the file stem when the config names none
};

struct DetectorDef;
using DetectorFn = void (*)(const model::DeviceModel& model, const Context& context,
                            const DetectorDef& def, std::vector<Finding>& out);

struct DetectorDef {
    std::string_view id;        ///< `SW-CFG-...`, stable forever
    std::string_view title;     ///< one line a person understands without the docs
    std::string_view category;  ///< findings.md vocabulary
    Severity severity;          ///< default; a detector may raise or lower it per finding
    std::string_view attack;    ///< comma-separated ATT&CK ids, e.g. `T1562.004,T1036`
    std::string_view description;
    DetectorFn run;
};

/// A finding of `def` at `ref`, with device, path, line, evidence and attack filled in.
Finding NewFinding(const DetectorDef& def, const Context& context, const model::SourceRef& ref);
/// Adds `indicator` to `finding` as findings.md `indicator`, with its validity window when
/// the feed gave one.
void AttachIndicator(Finding& finding, const intel::Indicator& indicator);

/// True when what a `tftp-server` line serves is configurations, captures or a whole file
/// system (A17: what the actor pulled), rather than a single image file. Shared by the
/// exfiltration rule and the unused-service hardening rule, which split TFTP servers by it.
bool TftpServesDeviceData(std::string_view served);

/// Every config detector in this build, in registry order.
std::span<const DetectorDef> ConfigDetectors();

/// Runs every config detector on `model`.
void RunConfigDetectors(const model::DeviceModel& model, const Context& context,
                        std::vector<Finding>& out);

RuleInfo ToRuleInfo(const DetectorDef& def);

}  // namespace stormwatch::detect
