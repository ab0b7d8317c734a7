// SPDX-License-Identifier: Apache-2.0
#include <array>

#include "stormwatch/parse/arista_eos/arista_eos.h"
#include "stormwatch/parse/cisco_ios/cisco_ios.h"
#include "stormwatch/parse/cisco_nxos/cisco_nxos.h"
#include "stormwatch/parse/dialect.h"
#include "stormwatch/parse/sniff_markers.h"

namespace stormwatch::parse {

// Defined by the IOS XR and Junos parsers (parse/cisco_xr/, parse/junos/).
extern const DialectInfo kCiscoIosXr;
extern const DialectInfo kJunos;
extern const DialectInfo kJunosSet;

namespace {

// Below this a dialect's score is a guess, and a guessed dialect gives misleading findings.
constexpr int kAcceptScore = 30;

}  // namespace

std::span<const DialectInfo> Dialects() {
    // Ties go to the earlier entry: IOS first, so ambiguous Cisco-style text is audited as
    // IOS. Copies, made on first use: the definitions live in other translation units and
    // are constant-initialised, so there is no initialisation-order hazard.
    static const std::array<DialectInfo, 6> kAll = {
        kCiscoIos, kCiscoNxos, kAristaEos, kCiscoIosXr, kJunos, kJunosSet,
    };
    return kAll;
}

std::string_view SniffUnsupportedVendor(const HeadMarkers& m) {
    if (m.Line("ASA Version ")) {
        return "cisco-asa";
    }
    if (m.Line("PIX Version ") || m.Line("FWSM Version ")) {
        return "cisco-pix";
    }
    if (m.Line("config system global") || m.Line("#config-version=")) {
        return "fortios";
    }
    if ((m.Has("<config version=") && m.Has("<devices>")) || m.Line("set deviceconfig ")) {
        return "panos";
    }
    if (m.Line("#TMSH-VERSION") || m.Line("ltm virtual ") || m.Line("sys global-settings") ||
        m.Line("ltm pool ")) {
        return "f5-bigip";
    }
    if (m.Has("# Language version:") || (m.Line("set static-route ") && m.Line("set interface "))) {
        return "checkpoint-gaia";
    }
    if (m.Has("# TiMOS-") || m.Line("exit all")) {
        return "nokia-sros";
    }
    if (m.Has("Comware")) {
        return "hpe-comware";
    }
    if ((m.Line("sysname ") || m.Line(" sysname ")) && m.Line("#")) {
        return m.Has("Release") ? "hpe-comware" : "huawei-vrp";
    }
    if (m.Has("by RouterOS") || m.Line("/ip address") || m.Line("/interface ")) {
        return "mikrotik-routeros";
    }
    if (m.Line("frr version") || m.Line("frr defaults")) {
        return "frr";
    }
    if (m.Line("net add ") || (m.Line("auto lo") && m.Line("iface lo"))) {
        return "cumulus";
    }
    if (m.Has("Configuration Editor; Created on release")) {
        return "hpe-procurve";
    }
    if (m.Has("\"DEVICE_METADATA\"")) {
        return "sonic";
    }
    if (m.Line("slb server ") || m.Line("slb virtual-server ")) {
        return "a10";
    }
    return {};
}

std::string_view SniffUnsupportedVendor(std::string_view head) {
    return SniffUnsupportedVendor(HeadMarkers::Scan(head));
}

int SniffScore(const DialectInfo& dialect, std::string_view head) {
    const HeadMarkers markers = HeadMarkers::Scan(head);
    return dialect.sniff(SniffInput{.head = head, .markers = markers});
}

SniffResult SniffDialect(std::string_view head) {
    const HeadMarkers markers = HeadMarkers::Scan(head);
    const SniffInput input{.head = head, .markers = markers};
    SniffResult best;
    for (const DialectInfo& info : Dialects()) {
        const int score = info.sniff(input);
        if (score > best.score) {
            best.score = score;
            best.dialect = &info;
        }
    }
    if (best.score < kAcceptScore) {
        best.dialect = nullptr;
        best.unsupported_vendor = SniffUnsupportedVendor(markers);
    }
    return best;
}

}  // namespace stormwatch::parse
