// SPDX-License-Identifier: Apache-2.0
#include <array>

#include "stormwatch/parse/arista_eos/arista_eos.h"
#include "stormwatch/parse/cisco_ios/cisco_ios.h"
#include "stormwatch/parse/cisco_nxos/cisco_nxos.h"
#include "stormwatch/parse/dialect.h"

namespace stormwatch::parse {

// Defined by the IOS XR and Junos parsers (parse/cisco_xr/, parse/junos/).
extern const DialectInfo kCiscoIosXr;
extern const DialectInfo kJunos;
extern const DialectInfo kJunosSet;

namespace {

// Below this a dialect's score is a guess, and a guessed dialect gives misleading findings.
constexpr int kAcceptScore = 30;

bool Has(std::string_view head, std::string_view s) {
    return head.find(s) != std::string_view::npos;
}

bool HasLineStart(std::string_view head, std::string_view prefix) {
    if (head.substr(0, prefix.size()) == prefix) {
        return true;
    }
    std::size_t pos = 0;
    while ((pos = head.find(prefix, pos + 1)) != std::string_view::npos) {
        if (head[pos - 1] == '\n') {
            return true;
        }
    }
    return false;
}

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

std::string_view SniffUnsupportedVendor(std::string_view head) {
    if (HasLineStart(head, "ASA Version ")) {
        return "cisco-asa";
    }
    if (HasLineStart(head, "PIX Version ") || HasLineStart(head, "FWSM Version ")) {
        return "cisco-pix";
    }
    if (HasLineStart(head, "config system global") || HasLineStart(head, "#config-version=")) {
        return "fortios";
    }
    if ((Has(head, "<config version=") && Has(head, "<devices>")) ||
        HasLineStart(head, "set deviceconfig ")) {
        return "panos";
    }
    if (HasLineStart(head, "#TMSH-VERSION") || HasLineStart(head, "ltm virtual ") ||
        HasLineStart(head, "sys global-settings") || HasLineStart(head, "ltm pool ")) {
        return "f5-bigip";
    }
    if (Has(head, "# Language version:") ||
        (HasLineStart(head, "set static-route ") && HasLineStart(head, "set interface "))) {
        return "checkpoint-gaia";
    }
    if (Has(head, "# TiMOS-") || HasLineStart(head, "exit all")) {
        return "nokia-sros";
    }
    if (Has(head, "Comware")) {
        return "hpe-comware";
    }
    if ((HasLineStart(head, "sysname ") || HasLineStart(head, " sysname ")) &&
        HasLineStart(head, "#")) {
        return Has(head, "Release") ? "hpe-comware" : "huawei-vrp";
    }
    if (Has(head, "by RouterOS") || HasLineStart(head, "/ip address") ||
        HasLineStart(head, "/interface ")) {
        return "mikrotik-routeros";
    }
    if (HasLineStart(head, "frr version") || HasLineStart(head, "frr defaults")) {
        return "frr";
    }
    if (HasLineStart(head, "net add ") ||
        (HasLineStart(head, "auto lo") && HasLineStart(head, "iface lo"))) {
        return "cumulus";
    }
    if (Has(head, "Configuration Editor; Created on release")) {
        return "hpe-procurve";
    }
    if (Has(head, "\"DEVICE_METADATA\"")) {
        return "sonic";
    }
    if (HasLineStart(head, "slb server ") || HasLineStart(head, "slb virtual-server ")) {
        return "a10";
    }
    return {};
}

SniffResult SniffDialect(std::string_view head) {
    SniffResult best;
    for (const DialectInfo& info : Dialects()) {
        const int score = info.sniff(head);
        if (score > best.score) {
            best.score = score;
            best.dialect = &info;
        }
    }
    if (best.score < kAcceptScore) {
        best.dialect = nullptr;
    }
    return best;
}

}  // namespace stormwatch::parse
