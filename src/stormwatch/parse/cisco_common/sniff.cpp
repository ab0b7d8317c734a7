// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/cisco_common/sniff.h"

#include <algorithm>
#include <string>

#include "stormwatch/core/text.h"
#include "stormwatch/parse/dialect.h"
#include "stormwatch/parse/sniff_markers.h"

namespace stormwatch::parse::cisco {
namespace {

// The value of the first top-level `version X` line, or empty.
std::string_view VersionValue(std::string_view head) {
    std::size_t pos = 0;
    while (pos < head.size()) {
        if (text::StartsWith(head.substr(pos), "version ")) {
            std::string_view rest = head.substr(pos + 8);
            rest = rest.substr(0, rest.find_first_of(" \r\n"));
            return rest;
        }
        pos = head.find('\n', pos);
        if (pos == std::string_view::npos) {
            break;
        }
        ++pos;
    }
    return {};
}

int Major(std::string_view version) {
    int value = 0;
    std::size_t i = 0;
    while (i < version.size() && version[i] >= '0' && version[i] <= '9' && value < 1000) {
        value = value * 10 + (version[i] - '0');
        ++i;
    }
    return i == 0 || i >= version.size() || version[i] != '.' ? -1 : value;
}

// `interface Ethernet1` (EOS) rather than `interface Ethernet1/1` (NX-OS).
void ScoreEthernetNames(std::string_view head, int& nxos, int& eos) {
    constexpr std::string_view kPrefix = "\ninterface Ethernet";
    std::size_t pos = head.find(kPrefix);
    if (pos == std::string_view::npos) {
        return;
    }
    std::string_view name = head.substr(pos + kPrefix.size());
    name = name.substr(0, name.find_first_of(" \r\n"));
    if (name.find('/') == std::string_view::npos) {
        eos += 15;
    } else if (std::count(name.begin(), name.end(), '/') == 1) {
        nxos += 15;  // Ethernet1/1; EOS modular chassis also write Ethernet3/1
        eos += 5;
    }
}

// Indentation of the first indented command: IOS and XR indent by one space, NX-OS by two,
// EOS by three. A strong hint for fixtures that carry no other marker.
int FirstIndent(std::string_view head) {
    std::size_t pos = 0;
    while ((pos = head.find("\n ", pos)) != std::string_view::npos) {
        ++pos;
        std::size_t n = 0;
        while (pos + n < head.size() && head[pos + n] == ' ') {
            ++n;
        }
        if (pos + n < head.size() && head[pos + n] != '!' && head[pos + n] != '\r' &&
            head[pos + n] != '\n') {
            return static_cast<int>(n);
        }
    }
    return 0;
}

}  // namespace

IosLikeScores ScoreIosLike(const SniffInput& input) {
    const std::string_view head = input.head;
    const HeadMarkers& m = input.markers;
    IosLikeScores s;
    if (!SniffUnsupportedVendor(m).empty()) {
        s.unsupported = true;
        return s;
    }
    // JSON and XML documents (topologies, NETCONF replies) may quote config lines, but they
    // are not configs this parser can read line by line.
    const std::string_view body = text::Trim(head.substr(0, 256));
    if (!body.empty() && (body.front() == '{' || body.front() == '[' || body.front() == '<')) {
        return s;
    }
    // IOS / IOS XE.
    const std::string_view version = m.Line("version ") ? VersionValue(head) : std::string_view{};
    const int major = Major(version);
    const bool nxos_version = version.find('(') != std::string_view::npos || m.Has("Bios:version");
    if (major >= 11 && major <= 17 && !nxos_version) {
        s.ios += 35;
    }
    if (m.Has("service timestamps")) {
        s.ios += 25;
    }
    if (m.Has("boot-start-marker")) {
        s.ios += 30;
    }
    if (m.Has("Building configuration")) {
        s.ios += 10;
    }
    if (m.Has("Current configuration :")) {
        s.ios += 10;
    }
    if (m.Line("line vty ")) {
        s.ios += 15;
    }
    if (m.Line("line con 0")) {
        s.ios += 10;
    }
    if (m.Line("ip classless") || m.Line("ip cef") || m.Line("no ip domain-lookup") ||
        m.Line("ip subnet-zero") || m.Line("no ip domain lookup")) {
        s.ios += 10;
    }
    if (m.Line("interface GigabitEthernet") || m.Line("interface FastEthernet") ||
        m.Line("interface Serial")) {
        s.ios += 10;
    }
    if (m.Line("access-list ")) {
        s.ios += 10;
    }
    // Baseline: anything that reads like an indented Cisco-style config gets audited as IOS.
    if ((m.Line("interface ") && m.Has(" ip address ")) || m.Line("hostname ") ||
        m.Line("ip access-list extended ") || m.Line("ip access-list standard ") ||
        (m.Line("!") && FirstIndent(head) == 1)) {
        s.ios += 30;
    }

    // NX-OS.
    if (m.Has("!Command: show running-config") || m.Has("!Command: show startup")) {
        s.nxos += 40;
    }
    if (m.Line("feature ")) {
        s.nxos += 45;
    }
    if (m.Line("vrf context ")) {
        s.nxos += 25;
    }
    if (nxos_version && major >= 4 && major <= 10) {
        s.nxos += 30;
    }
    if (m.Line("switchname ") || m.Line("boot nxos ") || m.Line("copp profile") ||
        m.Has("use-vrf management")) {
        s.nxos += 25;
    }
    if (m.Line("interface mgmt0")) {
        s.nxos += 25;
    }
    if (m.Line("interface Ethernet")) {
        ScoreEthernetNames(head, s.nxos, s.eos);
    }

    // EOS.
    if (m.Has("! device:") && m.Has("EOS-")) {
        s.eos += 50;
    }
    if (m.Has("! Command: show running-config") || m.Has("! Command: show startup")) {
        s.eos += 20;
    }
    if (m.Line("transceiver qsfp default-mode") || m.Line("management api http-commands") ||
        m.Line("daemon TerminAttr") || m.Line("service routing protocols model") ||
        m.Line("vrf instance ") || m.Has("eos.swi") || m.Has("EOS.swi")) {
        s.eos += 45;
    }
    if (m.Has("secret sha512 ")) {
        s.eos += 20;
    }
    if (m.Line("interface Management1") || m.Line("management ssh")) {
        s.eos += 20;
    }

    // RANCID's header names the platform outright.
    if (m.Has("!RANCID-CONTENT-TYPE: cisco-nx")) {
        s.nxos += 60;
    } else if (m.Has("!RANCID-CONTENT-TYPE: arista")) {
        s.eos += 60;
    } else if (m.Has("!RANCID-CONTENT-TYPE: cisco-xr")) {
        s.xr += 60;
    } else if (m.Has("!RANCID-CONTENT-TYPE: cisco")) {
        s.ios += 20;
    }
    // Indentation alone is no evidence: any indented text (a README, a note) has some.
    const bool configish = s.ios > 0 || s.nxos > 0 || s.eos > 0;
    switch (configish ? FirstIndent(head) : 0) {
        case 2:
            s.nxos += 35;
            break;
        case 3:
            s.eos += 35;
            break;
        default:
            break;
    }

    // IOS XR (only as a penalty for the others).
    if (m.Has("!! IOS XR") || m.Line("RP/0/") || m.Has(" ipv4 address ") || m.Has("end-policy") ||
        m.Line("interface MgmtEth")) {
        s.xr += 40;
    }

    // Each dialect's distinctive markers count against the others.
    const int ios_raw = s.ios;
    const int nxos_raw = s.nxos;
    const int eos_raw = s.eos;
    auto penalise = [](int own, int a, int b, int c) {
        const int strongest = std::max({a, b, c});
        return std::clamp(strongest >= 40 && strongest > own ? own - strongest : own, 0, 100);
    };
    s.ios = penalise(ios_raw, nxos_raw, eos_raw, s.xr);
    s.nxos = penalise(nxos_raw, ios_raw - 30, eos_raw, s.xr);
    s.eos = penalise(eos_raw, ios_raw - 30, nxos_raw, s.xr);
    return s;
}

}  // namespace stormwatch::parse::cisco
