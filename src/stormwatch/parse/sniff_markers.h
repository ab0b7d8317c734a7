// SPDX-License-Identifier: Apache-2.0
#pragma once

// The literal markers the dialect sniffers look for, found in one Hyperscan pass over an
// input's head instead of one substring search per marker: a tree of 2,000 configs asks
// ~90 questions of each 64 KiB head, and as separate searches those cost more than parsing.
//
// Sniffers name markers by their text; the text must be in one of the tables below, or the
// call does not compile (the key types' constructors are consteval).

#include <array>
#include <cstddef>
#include <string_view>

namespace stormwatch::parse {

/// Markers that count only at the start of a line (or of the head).
inline constexpr std::array kLineMarkers = {
    std::string_view{"version "},
    // IOS / IOS XE
    std::string_view{"line vty "},
    std::string_view{"line con 0"},
    std::string_view{"ip classless"},
    std::string_view{"ip cef"},
    std::string_view{"no ip domain-lookup"},
    std::string_view{"ip subnet-zero"},
    std::string_view{"no ip domain lookup"},
    std::string_view{"interface GigabitEthernet"},
    std::string_view{"interface FastEthernet"},
    std::string_view{"interface Serial"},
    std::string_view{"access-list "},
    std::string_view{"interface "},
    std::string_view{"hostname "},
    std::string_view{"ip access-list extended "},
    std::string_view{"ip access-list standard "},
    std::string_view{"!"},
    // NX-OS
    std::string_view{"feature "},
    std::string_view{"vrf context "},
    std::string_view{"switchname "},
    std::string_view{"boot nxos "},
    std::string_view{"copp profile"},
    std::string_view{"interface mgmt0"},
    std::string_view{"interface Ethernet"},
    // EOS
    std::string_view{"transceiver qsfp default-mode"},
    std::string_view{"management api http-commands"},
    std::string_view{"daemon TerminAttr"},
    std::string_view{"service routing protocols model"},
    std::string_view{"vrf instance "},
    std::string_view{"interface Management1"},
    std::string_view{"management ssh"},
    // IOS XR
    std::string_view{"RP/0/"},
    std::string_view{"interface MgmtEth"},
    // vendors recognised but not parsed
    std::string_view{"ASA Version "},
    std::string_view{"PIX Version "},
    std::string_view{"FWSM Version "},
    std::string_view{"config system global"},
    std::string_view{"#config-version="},
    std::string_view{"set deviceconfig "},
    std::string_view{"#TMSH-VERSION"},
    std::string_view{"ltm virtual "},
    std::string_view{"sys global-settings"},
    std::string_view{"ltm pool "},
    std::string_view{"set static-route "},
    std::string_view{"set interface "},
    std::string_view{"exit all"},
    std::string_view{"sysname "},
    std::string_view{" sysname "},
    std::string_view{"#"},
    std::string_view{"/ip address"},
    std::string_view{"/interface "},
    std::string_view{"frr version"},
    std::string_view{"frr defaults"},
    std::string_view{"net add "},
    std::string_view{"auto lo"},
    std::string_view{"iface lo"},
    std::string_view{"slb server "},
    std::string_view{"slb virtual-server "},
};

/// Markers that count anywhere in the head.
inline constexpr std::array kTextMarkers = {
    // IOS / IOS XE
    std::string_view{"service timestamps"},
    std::string_view{"boot-start-marker"},
    std::string_view{"Building configuration"},
    std::string_view{"Current configuration :"},
    std::string_view{" ip address "},
    std::string_view{"!RANCID-CONTENT-TYPE: cisco"},
    // NX-OS
    std::string_view{"Bios:version"},
    std::string_view{"!Command: show running-config"},
    std::string_view{"!Command: show startup"},
    std::string_view{"use-vrf management"},
    std::string_view{"!RANCID-CONTENT-TYPE: cisco-nx"},
    // EOS
    std::string_view{"! device:"},
    std::string_view{"EOS-"},
    std::string_view{"! Command: show running-config"},
    std::string_view{"! Command: show startup"},
    std::string_view{"eos.swi"},
    std::string_view{"EOS.swi"},
    std::string_view{"secret sha512 "},
    std::string_view{"!RANCID-CONTENT-TYPE: arista"},
    // IOS XR
    std::string_view{"!! IOS XR"},
    std::string_view{"!! IOS XR Configuration"},
    std::string_view{" ipv4 address "},
    std::string_view{"end-policy"},
    // Junos set form
    std::string_view{"set "},
    std::string_view{"deactivate "},
    std::string_view{"delete "},
    std::string_view{"!RANCID-CONTENT-TYPE: cisco-xr"},
    // vendors recognised but not parsed
    std::string_view{"<config version="},
    std::string_view{"<devices>"},
    std::string_view{"# Language version:"},
    std::string_view{"# TiMOS-"},
    std::string_view{"Comware"},
    std::string_view{"Release"},
    std::string_view{"by RouterOS"},
    std::string_view{"Configuration Editor; Created on release"},
    std::string_view{"\"DEVICE_METADATA\""},
};

namespace detail {

template <std::size_t N>
consteval std::size_t MarkerIndex(const std::array<std::string_view, N>& table,
                                  std::string_view text) {
    for (std::size_t i = 0; i < N; ++i) {
        if (table[i] == text) {
            return i;
        }
    }
    throw "marker missing from its table in sniff_markers.h";  // a compile error, never thrown
}

}  // namespace detail

/// A line marker, checked against kLineMarkers at compile time.
struct LineMarker {
    consteval LineMarker(const char* text) : index(detail::MarkerIndex(kLineMarkers, text)) {}
    std::size_t index;
};

/// A text marker, checked against kTextMarkers at compile time.
struct TextMarker {
    consteval TextMarker(const char* text) : index(detail::MarkerIndex(kTextMarkers, text)) {}
    std::size_t index;
};

/// Which markers occur in one head.
class HeadMarkers {
public:
    /// One pass over `head`.
    static HeadMarkers Scan(std::string_view head);

    /// A line of the head starts with `marker`.
    bool Line(LineMarker marker) const { return found_[marker.index]; }
    /// `marker` occurs anywhere in the head.
    bool Has(TextMarker marker) const { return found_[kLineMarkers.size() + marker.index]; }

private:
    /// Line markers first, then text markers: the Hyperscan pattern ids.
    std::array<bool, kLineMarkers.size() + kTextMarkers.size()> found_{};
};

}  // namespace stormwatch::parse
