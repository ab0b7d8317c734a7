// SPDX-License-Identifier: Apache-2.0
// Management-plane hardening: web server (section 4 items 4, 17), Telnet (8, 17), VTY
// lock-down (8, 16), SSH version (8, 17) and weak management crypto (21).

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "stormwatch/core/text.h"
#include "stormwatch/detect/hardening/checks.h"

namespace stormwatch::detect::hardening {

namespace {

// Telnet fell out of the IOS vty default (`transport input all`) with 15.0; older images
// that name no `transport input` still accept it.
constexpr int kFirstIosWithoutTelnetDefault = 15;
// Section 4 item 8 wants an idle timeout; 15 minutes is the longest the baseline accepts.
constexpr int kMaxExecTimeoutSeconds = 15 * 60;

bool Contains(const std::vector<std::string>& values, std::string_view value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

bool AllowsTelnet(const model::VtyLine& line) {
    return Contains(line.transport_input, "telnet") || Contains(line.transport_input, "all");
}

bool AllowsSsh(const model::VtyLine& line) {
    return Contains(line.transport_input, "ssh") || Contains(line.transport_input, "all");
}

bool HasAclUse(const model::DeviceModel& model, std::string_view where) {
    return std::any_of(model.acl_uses.begin(), model.acl_uses.end(),
                       [&](const model::AclUse& use) { return use.where == where; });
}

bool IsOldIosWithTelnetDefault(const model::DeviceModel& model) {
    if (!IsIos(model.dialect) || model.device.ios_xe) {
        return false;
    }
    const std::optional<int> major = MajorVersion(model.device.version);
    return major.has_value() && *major < kFirstIosWithoutTelnetDefault;
}

// Junos guards the routing engine with an input filter on lo0 (any unit).
bool HasLoopbackInputFilter(const model::DeviceModel& model) {
    if (HasAclUse(model, "loopback0-filter")) {
        return true;
    }
    return std::any_of(
        model.interfaces.begin(), model.interfaces.end(), [](const model::Interface& interface) {
            if (!text::StartsWith(interface.name, "lo0")) {
                return false;
            }
            return std::any_of(interface.acls.begin(), interface.acls.end(),
                               [](const model::Interface::AclBinding& binding) {
                                   return binding.direction == "in" || binding.direction == "input";
                               });
        });
}

}  // namespace

void CheckHttpServer(const model::DeviceModel& model, const Context& context,
                     const DetectorDef& def, std::vector<Finding>& out) {
    // `ip http access-class` guards both the http and the https server.
    if (HasAclUse(model, "http") || HasAclUse(model, "https")) {
        return;
    }
    for (const std::string_view name : {std::string_view("http"), std::string_view("https")}) {
        const model::Service* first = nullptr;
        bool disabled = false;
        for (const model::Service& service : model.services) {
            if (service.name != name) {
                continue;
            }
            disabled = disabled || !service.enabled;
            // Prefer the line that turns the server on over `ip http port` and the like.
            if (service.enabled && (first == nullptr || (first->port != 0 && service.port == 0))) {
                first = &service;
            }
        }
        // An explicit `no ip http server` anywhere wins: running configs hold one or the other.
        if (first != nullptr && !disabled) {
            Emit(def, context, first->ref, out);
        }
    }
}

void CheckTelnet(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                 std::vector<Finding>& out) {
    // A parser may also record a vty `transport input telnet` as a telnet service: one
    // finding per line.
    std::set<std::uint32_t> reported;
    for (const model::VtyLine& line : model.lines) {
        if (AllowsTelnet(line)) {
            const model::SourceRef& ref = line.transport_input_ref.value_or(line.ref);
            if (reported.insert(ref.line).second) {
                Emit(def, context, ref, out);
            }
        } else if (line.transport_input.empty() && IsRemoteLine(line) &&
                   IsOldIosWithTelnetDefault(model)) {
            if (reported.insert(line.ref.line).second) {
                Emit(def, context, line.ref, out).severity = Severity::kLow;
            }
        }
    }
    for (const model::Service& service : model.services) {
        if (service.name == "telnet" && service.enabled &&
            reported.insert(service.ref.line).second) {
            Emit(def, context, service.ref, out);
        }
    }
}

void CheckVtyNoAcl(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                   std::vector<Finding>& out) {
    if (IsJunos(model.dialect)) {
        if (IsSubstantial(model) && !HasLoopbackInputFilter(model)) {
            EmitAbsence(def, context, model, "input firewall filter on lo0", out);
        }
        return;
    }
    // IOS XR can restrict peers for the whole management plane instead of per line.
    if (model.dialect == model::Dialect::kCiscoIosXr &&
        (HasAclUse(model, "management-plane") || HasAclUse(model, "vty"))) {
        return;
    }
    for (const model::VtyLine& line : model.lines) {
        if (IsRemoteLine(line) && !AcceptsNoSessions(line) && line.access_class_in.empty()) {
            Emit(def, context, line.ref, out);
        }
    }
}

void CheckVtyTransportOutput(const model::DeviceModel& model, const Context& context,
                             const DetectorDef& def, std::vector<Finding>& out) {
    // Only IOS and IOS XR can say `transport output none`; elsewhere there is no compliant form.
    if (!IsIos(model.dialect) && model.dialect != model::Dialect::kCiscoIosXr) {
        return;
    }
    for (const model::VtyLine& line : model.lines) {
        if (IsRemoteLine(line) && !AcceptsNoSessions(line) && !line.transport_output_none) {
            Emit(def, context, line.ref, out);
        }
    }
}

void CheckExecTimeout(const model::DeviceModel& model, const Context& context,
                      const DetectorDef& def, std::vector<Finding>& out) {
    for (const model::VtyLine& line : model.lines) {
        // Not written: the platform default (10 minutes) applies.
        if (!line.exec_timeout_seconds.has_value()) {
            continue;
        }
        if (IsRemoteLine(line) && AcceptsNoSessions(line)) {
            continue;
        }
        const int seconds = *line.exec_timeout_seconds;
        if (seconds == 0 || seconds > kMaxExecTimeoutSeconds) {
            Emit(def, context, line.exec_timeout_ref.value_or(line.ref), out);
        }
    }
}

void CheckSshV1(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                std::vector<Finding>& out) {
    if (model.ssh.version.has_value()) {
        if (*model.ssh.version == 1) {
            Emit(def, context, model.ssh.version_ref, out);
        }
        return;
    }
    // IOS without `ip ssh version 2` runs SSH 1.99, which still accepts v1 clients; report it
    // only where SSH is actually reachable, so that a device without SSH is not told to pin it.
    if (!IsIos(model.dialect)) {
        return;
    }
    const bool ssh_in_use =
        std::any_of(
            model.lines.begin(), model.lines.end(),
            [](const model::VtyLine& line) { return IsRemoteLine(line) && AllowsSsh(line); }) ||
        std::any_of(
            model.services.begin(), model.services.end(),
            [](const model::Service& service) { return service.name == "ssh" && service.enabled; });
    if (ssh_in_use) {
        EmitAbsence(def, context, model, "ip ssh version 2", out).severity = Severity::kLow;
    }
}

void CheckWeakCrypto(const model::DeviceModel& model, const Context& context,
                     const DetectorDef& def, std::vector<Finding>& out) {
    for (const model::SourceRef& ref : model.ssh.weak_algorithms) {
        Emit(def, context, ref, out);
    }
}

}  // namespace stormwatch::detect::hardening
