// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal to detect/hardening: the detector functions that hardening_registry.cpp lists,
// one group per family file, and the helpers they share. Nothing outside this folder
// includes it.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "stormwatch/detect/detector.h"

namespace stormwatch::detect::hardening {

// Absence checks (no remote logging, no `aaa new-model`, ...) only run on a model with at
// least this many modelled elements and a hostname or an interface: a pasted snippet of a
// few lines is not a device, and reporting everything it lacks would drown its findings.
inline constexpr std::size_t kMinElementsForAbsence = 5;

/// True for classic IOS and IOS XE (the parser does not split them).
bool IsIos(model::Dialect dialect);
/// True for both Junos forms (curly and `set`).
bool IsJunos(model::Dialect dialect);

/// True when absence checks may run on `model` (see kMinElementsForAbsence).
bool IsSubstantial(const model::DeviceModel& model);

/// Appends a finding of `def` at `ref` and returns it, for per-finding severity tweaks.
Finding& Emit(const DetectorDef& def, const Context& context, const model::SourceRef& ref,
              std::vector<Finding>& out);

/// Appends an absence finding: anchored at the hostname line (line 0 when there is none),
/// with evidence `missing: <what>` so the finding says what was not found.
Finding& EmitAbsence(const DetectorDef& def, const Context& context,
                     const model::DeviceModel& model, std::string_view missing,
                     std::vector<Finding>& out);

/// A line that carries remote sessions: IOS/NX-OS `line vty`, IOS XR `line default` and
/// `line template` (XR has no `line vty`; vty-pools bind to those). Console and aux are not.
bool IsRemoteLine(const model::VtyLine& line);
/// A remote line configured with `transport input none` accepts no session at all.
bool AcceptsNoSessions(const model::VtyLine& line);

/// Leading major number of a version string (`12.4(24)T` -> 12); nullopt when unparsable.
std::optional<int> MajorVersion(std::string_view version);

// credentials.cpp
void CheckWeakSecret(const model::DeviceModel& model, const Context& context,
                     const DetectorDef& def, std::vector<Finding>& out);

// aaa.cpp
void CheckAaaKey(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                 std::vector<Finding>& out);
void CheckNoAesPasswordEncryption(const model::DeviceModel& model, const Context& context,
                                  const DetectorDef& def, std::vector<Finding>& out);
void CheckNoCommandAccounting(const model::DeviceModel& model, const Context& context,
                              const DetectorDef& def, std::vector<Finding>& out);
void CheckNoAaa(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                std::vector<Finding>& out);

// snmp.cpp
void CheckSnmpV1V2c(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                    std::vector<Finding>& out);
void CheckSnmpV3NoPriv(const model::DeviceModel& model, const Context& context,
                       const DetectorDef& def, std::vector<Finding>& out);

// management.cpp
void CheckHttpServer(const model::DeviceModel& model, const Context& context,
                     const DetectorDef& def, std::vector<Finding>& out);
void CheckTelnet(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                 std::vector<Finding>& out);
void CheckVtyNoAcl(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                   std::vector<Finding>& out);
void CheckVtyTransportOutput(const model::DeviceModel& model, const Context& context,
                             const DetectorDef& def, std::vector<Finding>& out);
void CheckExecTimeout(const model::DeviceModel& model, const Context& context,
                      const DetectorDef& def, std::vector<Finding>& out);
void CheckSshV1(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                std::vector<Finding>& out);
void CheckWeakCrypto(const model::DeviceModel& model, const Context& context,
                     const DetectorDef& def, std::vector<Finding>& out);

// logging.cpp
void CheckNoConfigLogging(const model::DeviceModel& model, const Context& context,
                          const DetectorDef& def, std::vector<Finding>& out);
void CheckNoRemoteLogging(const model::DeviceModel& model, const Context& context,
                          const DetectorDef& def, std::vector<Finding>& out);
void CheckLogTrapLevel(const model::DeviceModel& model, const Context& context,
                       const DetectorDef& def, std::vector<Finding>& out);
void CheckNoLoginFailureLog(const model::DeviceModel& model, const Context& context,
                            const DetectorDef& def, std::vector<Finding>& out);

// acl.cpp
void CheckAclNoDenyLog(const model::DeviceModel& model, const Context& context,
                       const DetectorDef& def, std::vector<Finding>& out);

// services.cpp
void CheckUnusedService(const model::DeviceModel& model, const Context& context,
                        const DetectorDef& def, std::vector<Finding>& out);

}  // namespace stormwatch::detect::hardening
