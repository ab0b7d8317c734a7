// SPDX-License-Identifier: Apache-2.0
// Exploit surface for the CVEs the campaign used (threat-reference section 1): the IOS XE
// web UI (CVE-2023-20198 / CVE-2023-20273), Smart Install (CVE-2018-0171), and IOS XE
// releases without the web UI fix.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "stormwatch/core/text.h"
#include "stormwatch/detect/ttp/families.h"

namespace stormwatch::detect::ttp {

namespace {

/// An IOS XE version as configs and `show version` write it: `17.9`, `17.09.03`, `17.9.4a`,
/// `16.12.10a`. `patch` is absent when only the train (major.minor) is known.
struct XeVersion {
    int major = 0;
    int minor = 0;
    std::optional<int> patch;
    std::string suffix;  ///< rebuild letter(s), lower case: `a` in 17.9.4a
};

std::optional<XeVersion> ParseXeVersion(std::string_view text_version) {
    std::string_view rest = text::Trim(text_version);
    // Trailing train qualifiers after a space or parenthesis are not part of the number.
    rest = rest.substr(0, rest.find_first_of(" (,"));
    XeVersion version;
    std::array<std::string_view, 3> parts;
    std::size_t count = 0;
    while (!rest.empty() && count < parts.size()) {
        const std::size_t dot = rest.find('.');
        parts[count++] = rest.substr(0, dot);
        rest = dot == std::string_view::npos ? std::string_view{} : rest.substr(dot + 1);
    }
    if (count < 2) {
        return std::nullopt;
    }
    const std::optional<int> major = text::ParseInt(parts[0]);
    const std::optional<int> minor = text::ParseInt(parts[1]);
    if (!major || !minor) {
        return std::nullopt;
    }
    version.major = *major;
    version.minor = *minor;
    if (count == 3) {
        std::string_view patch = parts[2];
        std::size_t digits = 0;
        while (digits < patch.size() && patch[digits] >= '0' && patch[digits] <= '9') {
            ++digits;
        }
        version.patch = text::ParseInt(patch.substr(0, digits));
        if (!version.patch) {
            return std::nullopt;
        }
        version.suffix = text::ToLower(patch.substr(digits));
    }
    return version;
}

struct FixedRelease {
    int major;
    int minor;
    int patch;
    std::string_view suffix;
    std::string_view text;
};

// Fixed releases for CVE-2023-20198 / CVE-2023-20273 (threat-reference section 1, Cisco
// advisory cisco-sa-iosxe-webui-privesc-j22SaA4z). Other 16.x/17.x trains below 17.10 got no
// fix: the upgrade path is a fixed train.
constexpr std::array<FixedRelease, 4> kFixedReleases = {{
    {17, 9, 4, "a", "17.9.4a"},
    {17, 6, 6, "a", "17.6.6a"},
    {17, 3, 8, "a", "17.3.8a"},
    {16, 12, 10, "a", "16.12.10a"},
}};

const FixedRelease* FixFor(const XeVersion& version) {
    for (const FixedRelease& fix : kFixedReleases) {
        if (fix.major == version.major && fix.minor == version.minor) {
            return &fix;
        }
    }
    return nullptr;
}

bool BelowFix(const XeVersion& version, const FixedRelease& fix) {
    if (*version.patch != fix.patch) {
        return *version.patch < fix.patch;
    }
    return version.suffix < fix.suffix;
}

}  // namespace

void WebUiExposed(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                  std::vector<Finding>& out) {
    if (!model.device.ios_xe) {
        return;
    }
    bool guarded = false;
    for (const model::AclUse& use : model.acl_uses) {
        guarded = guarded || use.where == "http";
    }
    for (const model::Service& service : model.services) {
        if (!service.enabled || (service.name != "http" && service.name != "https")) {
            continue;
        }
        Finding finding = NewFinding(def, context, service.ref);
        if (!guarded) {
            finding.severity = Severity::kCritical;
        }
        out.push_back(std::move(finding));
    }
}

void SmartInstall(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                  std::vector<Finding>& out) {
    if (model.smart_install_enabled) {
        out.push_back(NewFinding(def, context, *model.smart_install_enabled));
        return;
    }
    // The Smart Install client listens on TCP/4786 by default on IOS / IOS XE switches; only
    // `no vstack` turns it off (Cisco cisco-sa-20180409-smi, threat-reference A14). The
    // finding has no line of its own: it is about a line that is missing.
    if (model.dialect == model::Dialect::kCiscoIos && model.device.is_switch &&
        !model.smart_install_disabled) {
        const model::SourceRef missing{0,
                                       "no 'no vstack' line: Smart Install client on by default"};
        out.push_back(NewFinding(def, context, missing));
    }
}

void VersionVulnerable(const model::DeviceModel& model, const Context& context,
                       const DetectorDef& def, std::vector<Finding>& out) {
    if (!model.device.ios_xe) {
        return;
    }
    const std::optional<XeVersion> version = ParseXeVersion(model.device.version);
    if (!version) {
        return;
    }
    // 17.10 and later shipped with the fix; later majors likewise.
    if (version->major > 17 || (version->major == 17 && version->minor >= 10)) {
        return;
    }
    Finding finding = NewFinding(def, context, model.device.version_ref);
    const FixedRelease* fix = FixFor(*version);
    if (fix == nullptr) {
        finding.title = "IOS XE " + std::to_string(version->major) + "." +
                        std::to_string(version->minor) +
                        ": no fixed release in this train for CVE-2023-20198/CVE-2023-20273";
        finding.severity = Severity::kCritical;
    } else if (!version->patch) {
        finding.title = "IOS XE " + std::to_string(version->major) + "." +
                        std::to_string(version->minor) + ": verify the release is at least " +
                        std::string(fix->text) + " (CVE-2023-20198/CVE-2023-20273)";
        finding.severity = Severity::kMedium;
    } else if (BelowFix(*version, *fix)) {
        finding.title = "IOS XE release below " + std::string(fix->text) +
                        ", vulnerable to CVE-2023-20198/CVE-2023-20273";
        finding.severity = Severity::kCritical;
    } else {
        return;
    }
    out.push_back(std::move(finding));
}

}  // namespace stormwatch::detect::ttp
