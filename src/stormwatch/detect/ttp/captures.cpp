// SPDX-License-Identifier: Apache-2.0
// On-box packet capture (AA25-239A A10): EPC / ethanalyzer / tcpdump definitions, and the
// credential capture variant that filters on TACACS+ (tcp/49) or RADIUS.

#include <array>
#include <string_view>

#include "stormwatch/core/text.h"
#include "stormwatch/detect/ttp/families.h"

namespace stormwatch::detect::ttp {

namespace {

// Tokens that show a capture line selects AAA traffic: the TACACS+ and RADIUS ports
// (RFC 8907, RFC 2865/2866 and the legacy 1645/1646) or their names.
constexpr std::array<std::string_view, 7> kAaaTokens = {"49",   "1812",   "1813",  "1645",
                                                        "1646", "tacacs", "radius"};

bool MentionsAaa(std::string_view line) {
    for (std::string_view token : text::Tokens(line)) {
        for (std::string_view aaa : kAaaTokens) {
            if (text::IEquals(token, aaa)) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace

void CaptureConfigured(const model::DeviceModel& model, const Context& context,
                       const DetectorDef& def, std::vector<Finding>& out) {
    // File names seen in the campaign (tac.pcap, 1.pcap, mycap.pcap) do not raise the
    // severity: `mycap` is also Cisco's documentation example, so the name alone misleads.
    for (const model::PacketCapture& capture : model.captures) {
        out.push_back(NewFinding(def, context, capture.ref));
    }
}

void CaptureAaa(const model::DeviceModel& model, const Context& context, const DetectorDef& def,
                std::vector<Finding>& out) {
    for (const model::PacketCapture& capture : model.captures) {
        if (!capture.targets_aaa) {
            continue;
        }
        // Point at the line that selects the AAA traffic when there is one.
        const model::SourceRef* ref = &capture.ref;
        for (const model::SourceRef& line : capture.lines) {
            if (MentionsAaa(line.text)) {
                ref = &line;
                break;
            }
        }
        out.push_back(NewFinding(def, context, *ref));
    }
}

}  // namespace stormwatch::detect::ttp
