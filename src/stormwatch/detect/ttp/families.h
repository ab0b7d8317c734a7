// SPDX-License-Identifier: Apache-2.0
#pragma once

// The run functions of every TTP detector (one per rule id, grouped by family .cpp file) and
// the indicator-hit collectors the specific *-IOC rules share with the SW-CFG-ADDRESS-IOC
// catch-all. Private to detect/ttp/; ttp_registry.cpp puts them in the table.

#include <vector>

#include "stormwatch/detect/detector.h"

namespace stormwatch::detect::ttp {

/// One indicator that a specific rule reports at one config line.
struct IocHit {
    model::SourceRef ref;  // views the model, which outlives the hits
    const intel::Indicator* indicator = nullptr;
};
using IocHits = std::vector<IocHit>;

/// Appends a hit for `host` when it is an indicator.
void AddHostHit(const model::HostRef& host, const intel::IndicatorSet& intel, IocHits& hits);
/// Emits one finding of `def` per hit, indicator attached.
void EmitHits(const IocHits& hits, const Context& context, const DetectorDef& def,
              std::vector<Finding>& out);

// Collectors: exactly the hits the matching *-IOC rule reports.
IocHits AclIocHits(const model::DeviceModel& model, const intel::IndicatorSet& intel);
IocHits AaaIocHits(const model::DeviceModel& model, const intel::IndicatorSet& intel);
IocHits TunnelIocHits(const model::DeviceModel& model, const intel::IndicatorSet& intel);
IocHits MirrorIocHits(const model::DeviceModel& model, const intel::IndicatorSet& intel);
IocHits SnmpHostIocHits(const model::DeviceModel& model, const intel::IndicatorSet& intel);
IocHits LogHostIocHits(const model::DeviceModel& model, const intel::IndicatorSet& intel);
IocHits NtpIocHits(const model::DeviceModel& model, const intel::IndicatorSet& intel);
IocHits RouteIocHits(const model::DeviceModel& model, const intel::IndicatorSet& intel);
IocHits TransferIocHits(const model::DeviceModel& model, const intel::IndicatorSet& intel);

// Run functions (DetectorFn), one per rule id, by family file.
// acl.cpp
void AclIoc(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
            std::vector<Finding>& out);
void AclMgmtSource(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                   std::vector<Finding>& out);
// services.cpp
void ServiceNonstandardPort(const model::DeviceModel& model, const Context& context,
                            const DetectorDef& def, std::vector<Finding>& out);
// accounts.cpp
void UserKnownBad(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                  std::vector<Finding>& out);
void UserUnapproved(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                    std::vector<Finding>& out);
// aaa.cpp
void AaaServerIoc(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                  std::vector<Finding>& out);
void AaaServerUnapproved(const model::DeviceModel& model, const Context& context,
                         const DetectorDef& def, std::vector<Finding>& out);
void AaaDisabled(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                 std::vector<Finding>& out);
// containers.cpp
void ContainerEnabled(const model::DeviceModel& model, const Context& context,
                      const DetectorDef& def, std::vector<Finding>& out);
// tunnels.cpp
void TunnelIoc(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
               std::vector<Finding>& out);
void TunnelUnapproved(const model::DeviceModel& model, const Context& context,
                      const DetectorDef& def, std::vector<Finding>& out);
void TunnelSaltAddressing(const model::DeviceModel& model, const Context& context,
                          const DetectorDef& def, std::vector<Finding>& out);
// mirrors.cpp
void MirrorIoc(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
               std::vector<Finding>& out);
void MirrorRemote(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                  std::vector<Finding>& out);
void MirrorLocalSession(const model::DeviceModel& model, const Context& context,
                        const DetectorDef& def, std::vector<Finding>& out);
// captures.cpp
void CaptureConfigured(const model::DeviceModel& model, const Context& context,
                       const DetectorDef& def, std::vector<Finding>& out);
void CaptureAaa(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                std::vector<Finding>& out);
// snmp.cpp
void SnmpRw(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
            std::vector<Finding>& out);
void SnmpDefaultCommunity(const model::DeviceModel& model, const Context& context,
                          const DetectorDef& def, std::vector<Finding>& out);
void SnmpHostIoc(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                 std::vector<Finding>& out);
void SnmpHostUnapproved(const model::DeviceModel& model, const Context& context,
                        const DetectorDef& def, std::vector<Finding>& out);
// logging.cpp
void LogHostIoc(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                std::vector<Finding>& out);
void LogHostUnapproved(const model::DeviceModel& model, const Context& context,
                       const DetectorDef& def, std::vector<Finding>& out);
void LogDisabled(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                 std::vector<Finding>& out);
// indicators.cpp
void NtpIoc(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
            std::vector<Finding>& out);
void AddressIoc(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                std::vector<Finding>& out);
// routes.cpp
void RouteIoc(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
              std::vector<Finding>& out);
void RouteViaTunnel(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                    std::vector<Finding>& out);
void SshLoopbackSource(const model::DeviceModel& model, const Context& context,
                       const DetectorDef& def, std::vector<Finding>& out);
// exposure.cpp
void WebUiExposed(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                  std::vector<Finding>& out);
void SmartInstall(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                  std::vector<Finding>& out);
void VersionVulnerable(const model::DeviceModel& model, const Context& context,
                       const DetectorDef& def, std::vector<Finding>& out);
// exfiltration.cpp
void ExfilTftpServer(const model::DeviceModel& model, const Context& context,
                     const DetectorDef& def, std::vector<Finding>& out);
void ExfilTransfer(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                   std::vector<Finding>& out);

}  // namespace stormwatch::detect::ttp
