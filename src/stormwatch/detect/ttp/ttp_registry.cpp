// SPDX-License-Identifier: Apache-2.0
// The TTP detector table: one row per rule id. Adding a detector is one function in its
// family file plus one row here. Ids are stable forever (findings.md); the severity in a row
// is the default, and the run function raises or lowers it per finding where the notes say.

#include <array>

#include "stormwatch/detect/ttp/families.h"
#include "stormwatch/detect/ttp/ttp.h"

namespace stormwatch::detect {

namespace {

using S = Severity;

const std::array kTtpDetectors = std::to_array<DetectorDef>({
    // ACL tampering (A1).
    {"SW-CFG-ACL-IOC", "ACL permits an address from a threat advisory", "ttp.acl-tampering",
     S::kCritical, "T1562.004",
     "An ACL, Junos filter or prefix-list entry permits a source or destination that overlaps a "
     "loaded indicator. AA25-239A reports the actor editing access lists (most often 20, 10 and "
     "50) to admit its own addresses to the management plane.",
     ttp::AclIoc},
    {"SW-CFG-ACL-MGMT-SOURCE",
     "Management-plane ACL admits sources outside the management "
     "networks",
     "ttp.acl-tampering", S::kHigh, "T1562.004,T1133",
     "An ACL guarding vty, SNMP, HTTP, SSH, NTP or the loopback filter permits `any` or a "
     "source outside the policy's management_networks (without a policy, only `any`). High "
     "with a policy and for lists 10/20/50 (the actor's favourites), medium otherwise.",
     ttp::AclMgmtSource},
    // Services on non-standard ports (A2, A3).
    {"SW-CFG-SVC-NONSTD-PORT", "Management service listens on a non-standard port",
     "ttp.nonstandard-service-port", S::kHigh, "T1571,T1021.004",
     "SSH, HTTP(S), Telnet, FTP, SFTP, SCP, NETCONF or RDP is bound to a port that is neither "
     "its standard one nor allowed by the policy's allowed_ports. Critical for the actor's 22x22 "
     "/ xxx22 pattern (^[1-9][0-9]{2}22$) and for 57722, the IOS XR Linux sshd.",
     ttp::ServiceNonstandardPort},
    // Local accounts (A5).
    {"SW-CFG-USER-KNOWN-BAD", "Local account with a name used by the IOS XE implant campaign",
     "ttp.local-account", S::kCritical, "T1136.001,T1078",
     "A local user matches an account indicator from intel, or is one of cisco_tac_admin, "
     "cisco_support, cisco_sys_manager: the privilege-15 accounts created through "
     "CVE-2023-20198 (checked even without intel).",
     ttp::UserKnownBad},
    {"SW-CFG-USER-UNAPPROVED", "Local account not in the approved account list",
     "ttp.local-account", S::kHigh, "T1136.001",
     "The policy lists the approved local accounts and this user is not among them. High for "
     "privilege 15, medium otherwise. Runs only when the policy has local_accounts.",
     ttp::UserUnapproved},
    // AAA (A6).
    {"SW-CFG-AAA-SERVER-IOC", "TACACS+/RADIUS server is a threat-advisory address",
     "ttp.aaa-tampering", S::kCritical, "T1556,T1040",
     "A TACACS+ or RADIUS server points at a loaded indicator: logins and the credentials in "
     "them go to the actor.",
     ttp::AaaServerIoc},
    {"SW-CFG-AAA-SERVER-UNAPPROVED", "TACACS+/RADIUS server not in the approved AAA servers",
     "ttp.aaa-tampering", S::kHigh, "T1556",
     "A TACACS+ or RADIUS server (address or name) is not in the policy's aaa_servers. Needs "
     "that list: operators run AAA servers in their own public space.",
     ttp::AaaServerUnapproved},
    {"SW-CFG-AAA-DISABLED", "AAA switched off with `no aaa new-model`", "ttp.aaa-tampering",
     S::kHigh, "T1556",
     "An explicit `no aaa new-model` drops TACACS+/RADIUS authentication and command "
     "accounting, a step the actor used to work unobserved.",
     ttp::AaaDisabled},
    // Containers (A7).
    {"SW-CFG-CONTAINER", "Guest Shell, IOx or another on-box container is enabled",
     "ttp.container-abuse", S::kHigh, "T1610,T1609",
     "Guest Shell, IOx, app-hosting, virtual-service, NX-OS bash-shell, IOS XR docker, EOS "
     "daemon or Junos extension-service gives a Linux userland on the device, where the actor "
     "ran tools and added accounts.",
     ttp::ContainerEnabled},
    // Tunnels (A8).
    {"SW-CFG-TUNNEL-IOC", "Tunnel or IPsec peer is a threat-advisory address", "ttp.tunnel",
     S::kCritical, "T1572",
     "A tunnel destination or crypto (IKE/IPsec) peer matches a loaded indicator: traffic is "
     "carried to actor infrastructure.",
     ttp::TunnelIoc},
    {"SW-CFG-TUNNEL-UNAPPROVED", "Tunnel or IPsec peer not in the approved tunnel peers",
     "ttp.tunnel", S::kHigh, "T1572,T1090",
     "A tunnel destination or crypto peer is not in the policy's tunnel_peers (high); without "
     "that list, a public far end or an mGRE tunnel (medium). RedMike and the Canadian telecom "
     "case added GRE tunnels after CVE-2023-20198.",
     ttp::TunnelUnapproved},
    {"SW-CFG-TUNNEL-SALT-ADDRESSING", "Tunnel interface addressed in 10.10.12.0/24", "ttp.tunnel",
     S::kHigh, "T1572",
     "A tunnel interface has an address in 10.10.12.0/24, the tunnel addressing recorded for "
     "the actor (Splunk analytic story, \"Salt Typhoon notes\").",
     ttp::TunnelSaltAddressing},
    // Mirroring (A9).
    {"SW-CFG-MIRROR-IOC", "Traffic mirror sends copies to a threat-advisory address",
     "ttp.traffic-mirroring", S::kCritical, "T1040,T1020.001",
     "An ERSPAN or remote mirror session's destination matches a loaded indicator.",
     ttp::MirrorIoc},
    {"SW-CFG-MIRROR-REMOTE", "Traffic mirror sends copies to an unapproved remote collector",
     "ttp.traffic-mirroring", S::kHigh, "T1040,T1020.001",
     "An RSPAN/ERSPAN/remote mirror destination is not in the policy's mirror_destinations or, "
     "without that list, is a public address.",
     ttp::MirrorRemote},
    {"SW-CFG-MIRROR-SESSION", "Local traffic mirror session configured", "ttp.traffic-mirroring",
     S::kLow, "T1040",
     "A SPAN or mirror session without a remote destination: a review item against the "
     "baseline, since mirroring was part of the actor's collection.",
     ttp::MirrorLocalSession},
    // Captures (A10).
    {"SW-CFG-CAPTURE", "On-box packet capture configured", "ttp.packet-capture", S::kHigh,
     "T1040,T1074.001",
     "An EPC (`monitor capture`), ethanalyzer, tcpdump or Junos packet-capture definition. The "
     "actor captured traffic on devices and staged files such as tac.pcap and 1.pcap.",
     ttp::CaptureConfigured},
    {"SW-CFG-CAPTURE-AAA", "Packet capture of TACACS+/RADIUS traffic", "ttp.credential-capture",
     S::kCritical, "T1040,T1556",
     "An on-box capture filters on TACACS+ (tcp/49) or RADIUS: the actor captured AAA traffic "
     "to harvest credentials.",
     ttp::CaptureAaa},
    // SNMP (A12).
    {"SW-CFG-SNMP-RW", "SNMP community with write access", "ttp.snmp-abuse", S::kHigh, "T1602.001",
     "An SNMP community grants RW: anyone holding the string can change the configuration.",
     ttp::SnmpRw},
    {"SW-CFG-SNMP-DEFAULT-COMMUNITY", "SNMP community is a default string (public/private)",
     "ttp.snmp-abuse", S::kHigh, "T1602.001,T1078.001",
     "An SNMP community is `public` or `private` (any case), the first strings any scanner "
     "tries.",
     ttp::SnmpDefaultCommunity},
    {"SW-CFG-SNMP-HOST-IOC", "SNMP traps or informs go to a threat-advisory address",
     "ttp.snmp-abuse", S::kCritical, "T1602.001",
     "An `snmp-server host` (or equivalent) matches a loaded indicator.", ttp::SnmpHostIoc},
    {"SW-CFG-SNMP-HOST-UNAPPROVED", "SNMP traps or informs go to an unapproved host",
     "ttp.snmp-abuse", S::kMedium, "T1602.001",
     "An SNMP notification host is not in the policy's snmp_managers. Needs that list.",
     ttp::SnmpHostUnapproved},
    // Logging (A15).
    {"SW-CFG-LOG-HOST-IOC", "Syslog goes to a threat-advisory address", "ttp.log-tampering",
     S::kCritical, "T1070.002,T1562",
     "A logging host matches a loaded indicator: the device's logs go to the actor.",
     ttp::LogHostIoc},
    {"SW-CFG-LOG-HOST-UNAPPROVED", "Syslog goes to an unapproved host", "ttp.log-tampering",
     S::kMedium, "T1070.002,T1562",
     "A logging host is not in the policy's syslog_servers. Needs that list.",
     ttp::LogHostUnapproved},
    {"SW-CFG-LOG-DISABLED", "Logging switched off in the configuration", "ttp.log-tampering",
     S::kHigh, "T1562,T1070.002",
     "A line such as `no logging on` or a deactivated syslog stanza turns logging off; the "
     "actor cleared and impaired logs on every hop.",
     ttp::LogDisabled},
    // Indicators anywhere.
    {"SW-CFG-NTP-IOC", "NTP server is a threat-advisory address", "ioc.match", S::kCritical,
     "T1071", "An NTP server matches a loaded indicator.", ttp::NtpIoc},
    {"SW-CFG-ADDRESS-IOC", "Configuration line mentions a threat-advisory address", "ioc.match",
     S::kHigh, "T1071,T1090",
     "Any address or prefix in the configuration overlaps a loaded indicator, on a line that no "
     "more specific *-IOC rule reported. One finding per line and indicator; low when the line "
     "is an ACL entry that denies it.",
     ttp::AddressIoc},
    // Routing (A8, A11).
    {"SW-CFG-ROUTE-IOC", "Static route toward or via a threat-advisory address",
     "ttp.routing-tampering", S::kCritical, "T1090",
     "A static route's destination prefix or next hop matches a loaded indicator (the default "
     "route is ignored).",
     ttp::RouteIoc},
    {"SW-CFG-ROUTE-VIA-TUNNEL", "Static route steers traffic into an unapproved tunnel",
     "ttp.routing-tampering", S::kMedium, "T1572,T1090",
     "A static route exits through a tunnel whose far end is an indicator, not in the policy's "
     "tunnel_peers, or (without that list) public.",
     ttp::RouteViaTunnel},
    {"SW-CFG-SSH-LOOPBACK-SOURCE", "SSH client sourced from a loopback interface",
     "ttp.routing-tampering", S::kLow, "T1021.004",
     "`ip ssh source-interface Loopback<n>`: the actor sourced SSH from loopbacks to slip past "
     "ACLs on other devices. A review item.",
     ttp::SshLoopbackSource},
    // Exploit surface (section 1).
    {"SW-CFG-WEBUI-EXPOSED", "IOS XE web UI enabled (CVE-2023-20198 / CVE-2023-20273)",
     "ttp.exploit-surface", S::kHigh, "T1190",
     "The HTTP or HTTPS server is on in IOS XE: the web UI that CVE-2023-20198 and "
     "CVE-2023-20273 need. Critical when no `ip http access-class` guards it.",
     ttp::WebUiExposed},
    {"SW-CFG-SMART-INSTALL", "Smart Install enabled (CVE-2018-0171, TCP/4786)",
     "ttp.exploit-surface", S::kHigh, "T1190",
     "`vstack` is configured, or a Cisco IOS/IOS XE switch lacks `no vstack`, leaving the Smart "
     "Install client on TCP/4786 that CVE-2018-0171 exploits.",
     ttp::SmartInstall},
    {"SW-CFG-VERSION-VULNERABLE", "IOS XE release without the CVE-2023-20198 fix",
     "ttp.exploit-surface", S::kCritical, "T1190",
     "The IOS XE version is below the fixed releases 17.9.4a, 17.6.6a, 17.3.8a or 16.12.10a, or "
     "is a train that got no fix (critical); for a fixed train written as major.minor only, a "
     "medium reminder to verify the exact release.",
     ttp::VersionVulnerable},
    // Exfiltration (A17).
    {"SW-CFG-EXFIL-TFTP-SERVER", "TFTP server exposes device files", "ttp.exfiltration", S::kHigh,
     "T1048.003,T1602.002",
     "A `tftp-server` line serves a configuration, a whole file system or a capture to anyone "
     "who asks over UDP/69 (A17). A single image file is SW-CFG-HARD-UNUSED-SERVICE's.",
     ttp::ExfilTftpServer},
    {"SW-CFG-EXFIL-TRANSFER", "Configured file transfer to an outside host", "ttp.exfiltration",
     S::kMedium, "T1048.003",
     "A configured transfer (archive path, kron copy) sends files to an indicator (critical), a "
     "host outside the policy's internal and management networks, or (without them) a public "
     "address.",
     ttp::ExfilTransfer},
});

}  // namespace

std::span<const DetectorDef> TtpDetectors() {
    return kTtpDetectors;
}

}  // namespace stormwatch::detect
