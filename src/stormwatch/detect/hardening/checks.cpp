// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/detect/hardening/checks.h"

#include <string>

#include "stormwatch/core/text.h"

namespace stormwatch::detect::hardening {

bool IsIos(model::Dialect dialect) {
    return dialect == model::Dialect::kCiscoIos;
}

bool IsJunos(model::Dialect dialect) {
    return dialect == model::Dialect::kJunos || dialect == model::Dialect::kJunosSet;
}

bool IsSubstantial(const model::DeviceModel& model) {
    if (model.dialect == model::Dialect::kUnknown) {
        return false;
    }
    const bool named = !model.device.hostname.empty();
    if (!named && model.interfaces.empty()) {
        return false;
    }
    const std::size_t elements =
        (named ? 1U : 0U) + model.interfaces.size() + model.lines.size() + model.users.size() +
        model.enable_secrets.size() + model.aaa_servers.size() + model.acls.size() +
        model.services.size() + model.snmp.communities.size() + model.snmp.users.size() +
        model.logging.hosts.size() + model.ntp_servers.size() + model.routes.size();
    return elements >= kMinElementsForAbsence;
}

Finding& Emit(const DetectorDef& def, const Context& context, const model::SourceRef& ref,
              std::vector<Finding>& out) {
    out.push_back(NewFinding(def, context, ref));
    return out.back();
}

Finding& EmitAbsence(const DetectorDef& def, const Context& context,
                     const model::DeviceModel& model, std::string_view missing,
                     std::vector<Finding>& out) {
    Finding& finding =
        Emit(def, context, model::SourceRef{.line = model.device.hostname_ref.line}, out);
    finding.evidence = text::SanitiseForOutput("missing: " + std::string(missing));
    return finding;
}

bool IsRemoteLine(const model::VtyLine& line) {
    return text::IStartsWith(line.range, "vty") || text::IStartsWith(line.range, "default") ||
           text::IStartsWith(line.range, "template");
}

bool AcceptsNoSessions(const model::VtyLine& line) {
    return line.transport_input.size() == 1 && line.transport_input.front() == "none";
}

std::optional<int> MajorVersion(std::string_view version) {
    std::size_t digits = 0;
    while (digits < version.size() && version[digits] >= '0' && version[digits] <= '9') {
        ++digits;
    }
    return text::ParseInt(version.substr(0, digits));
}

}  // namespace stormwatch::detect::hardening
