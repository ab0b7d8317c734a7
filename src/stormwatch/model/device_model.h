// SPDX-License-Identifier: Apache-2.0
#pragma once

// DeviceModel: the vendor-neutral picture of one device configuration. Dialect parsers
// (parse/<dialect>/) fill it; config detectors (detect/config/) read it and never look at
// vendor syntax. Every element keeps the 1-based line and the trimmed text of the line that
// defined it (SourceRef), which becomes a finding's `source.line` and `evidence`.
//
// Conventions for parsers:
//  - Addresses that are not literal IPs (hostnames) keep `host` and leave `address` empty.
//  - Lists keep configuration order. Nothing is deduplicated.
//  - A field a dialect cannot express stays at its default.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stormwatch/core/ip_address.h"

namespace stormwatch::model {

enum class Dialect : std::uint8_t {
    kUnknown,
    kCiscoIos,
    kCiscoIosXr,
    kCiscoNxos,
    kAristaEos,
    kJunos,
    kJunosSet
};

/// Where an element was written: line number (1-based) and the trimmed line text.
/// For Junos curly configs `text` is the statement rendered in `set` form (the full path),
/// because the bare line (`host 192.0.2.1;`) says little on its own.
/// `text` is a view, not a copy: of the input buffer or of parse::ConfigTree::owned_text,
/// which outlive the model while detectors run. A large config yields hundreds of thousands
/// of elements, and one string each would cost more than the parse.
struct SourceRef {
    std::uint32_t line = 0;
    std::string_view text;
};

/// A host written in the config: a literal address when it parses, else a name.
struct HostRef {
    std::optional<IpAddress> address;
    std::string host;  ///< the text as written (address or hostname)
    SourceRef ref;
};

struct DeviceInfo {
    std::string hostname;  ///< empty when the config names none
    SourceRef hostname_ref;
    std::string version;  ///< as written: `17.9`, `15.2`, `7.3.2`, `21.4R3-S2`, `4.28.3M`
    SourceRef version_ref;
    bool ios_xe = false;     ///< IOS XE rather than classic IOS (from version >= 16 or markers)
    bool is_switch = false;  ///< L2 switching present (switchport, spanning-tree, vlan ...)
};

struct InterfaceAddress {
    IpPrefix prefix;  ///< address with its mask length; host bits are kept in address()
    IpAddress address;
    bool secondary = false;
    SourceRef ref;
};

struct Interface {
    std::string
        name;  ///< as written: `Tunnel10`, `GigabitEthernet0/0/0/1`, `ge-0/0/0.0`, `gr-0/0/0`
    SourceRef ref;
    bool is_loopback = false;
    bool is_tunnel = false;  ///< IOS Tunnel<n>, XR tunnel-ip<n>, Junos gr-/ip-/st0, EOS Tunnel<n>
    bool shutdown = false;
    std::string description;
    std::vector<InterfaceAddress> addresses;
    std::string vrf;
    // Tunnel specifics (empty unless is_tunnel).
    std::optional<HostRef> tunnel_source;  ///< address, or host = interface name
    std::optional<HostRef> tunnel_destination;
    std::string
        tunnel_mode;  ///< lower case: `gre ip` (default), `gre multipoint`, `ipsec ipv4`, ...
    SourceRef tunnel_mode_ref;
    // Filters applied here: (acl name, direction "in"/"out").
    struct AclBinding {
        std::string acl;
        std::string direction;
        SourceRef ref;
    };
    std::vector<AclBinding> acls;
};

struct AclEntry {
    SourceRef ref;
    std::string
        action;  ///< `permit`, `deny`, `remark` (Junos: `accept`->permit, `discard`/`reject`->deny)
    std::string protocol;  ///< `ip`, `tcp`, ... or empty for standard ACLs
    bool source_any = false;
    std::vector<IpPrefix>
        sources;  ///< empty with source_any, or when the source is an object-group
    bool destination_any = false;
    std::vector<IpPrefix> destinations;
    bool log = false;
};

struct Acl {
    std::string name;  ///< `20`, `MGMT`, Junos filter name
    SourceRef ref;
    std::string kind;  ///< `standard`, `extended`, `ipv6`, `filter` (Junos), `prefix-list`
    std::vector<AclEntry> entries;
};

/// Where an ACL guards the management plane or the device itself.
struct AclUse {
    std::string acl;
    std::string
        where;  ///< `vty`, `snmp`, `http`, `ssh`, `ntp`, `interface`, `loopback0-filter`, ...
    SourceRef ref;
};

struct LocalUser {
    std::string name;
    int privilege = -1;  ///< -1 when not written; 15 for Junos super-user / EOS network-admin
    std::string role;    ///< Junos class, EOS/NX-OS/XR role or group, as written
    /// Lower-case secret kind: `0` (clear), `4`, `5` (MD5), `6`, `7` (reversible), `8`, `9`,
    /// `sha512`, `sha256`, `md5`, `nopassword`, `key` (SSH key only), or empty when none.
    std::string secret_type;
    SourceRef ref;
    /// The line that set the secret, when it is not `ref` (IOS XR and Junos user blocks).
    std::optional<SourceRef> secret_ref;
};

/// `enable password` / `enable secret`.
struct EnableSecret {
    std::string secret_type;   ///< as LocalUser::secret_type; `0` for `enable password <clear>`
    bool is_password = false;  ///< `enable password` (weak by design) rather than `enable secret`
    SourceRef ref;
};

struct AaaServer {
    std::string protocol;  ///< `tacacs+` or `radius`
    std::string name;      ///< IOS `tacacs server NAME`; empty for the legacy form
    HostRef host;
    std::string key_type;  ///< `0`, `6`, `7`, `encrypted`, ... ; empty when no key
    std::optional<SourceRef> key_ref;
};

struct Aaa {
    std::optional<SourceRef> new_model;     ///< `aaa new-model`
    std::optional<SourceRef> no_new_model;  ///< explicit `no aaa new-model`
    std::vector<SourceRef> authentication;  ///< `aaa authentication ...` lines
    std::vector<SourceRef> authorization;
    std::vector<SourceRef> accounting;  ///< every `aaa accounting ...` line
    bool command_accounting = false;    ///< accounting of commands (any level) is configured
    bool exec_accounting = false;
};

struct SnmpCommunity {
    std::string name;
    std::string access;  ///< `ro` or `rw` (lower case); `ro` when unspecified
    std::string acl;     ///< access list guarding it, empty when none
    SourceRef ref;
};

struct SnmpUser {
    std::string name;
    std::string version;  ///< `v1`, `v2c`, `v3`
    std::string auth;     ///< `md5`, `sha`, ... empty when none
    std::string priv;     ///< `des`, `aes`, `aes 128` ... empty when none
    SourceRef ref;
};

struct SnmpHost {
    HostRef host;
    std::string version;    ///< `1`, `2c`, `3`, or empty
    std::string community;  ///< community or user name
};

struct Snmp {
    std::vector<SnmpCommunity> communities;
    std::vector<SnmpUser> users;
    std::vector<SnmpHost> hosts;
    std::vector<SourceRef> groups;  ///< `snmp-server group ... v3 priv` lines
};

/// A management-plane service and the port it listens on.
struct Service {
    /// `ssh`, `http`, `https`, `telnet`, `ftp-server`, `tftp-server`, `scp-server`,
    /// `sftp-server`, `netconf`, `restconf`, `grpc`, `finger`, `cdp`, `lldp`, `bootp`
    std::string name;
    bool enabled = true;  ///< false for explicit `no ip http server` and the like
    int port = 0;         ///< 0 = the service's default port
    SourceRef ref;
    std::string detail;  ///< e.g. the file a `tftp-server` exposes
};

struct SshSettings {
    std::optional<int> version;  ///< `ip ssh version 2`
    SourceRef version_ref;
    std::vector<SourceRef> weak_algorithms;   ///< lines enabling weak ciphers/MACs/KEX
    std::optional<HostRef> source_interface;  ///< `ip ssh source-interface Loopback5`
};

struct VtyLine {
    std::string range;  ///< `vty 0 4`, `vty 5 15`, `console 0`, `aux 0`
    SourceRef ref;
    std::vector<std::string> transport_input;  ///< lower case; empty when not written
    std::optional<SourceRef> transport_input_ref;
    bool transport_output_none = false;
    std::string access_class_in;
    std::optional<SourceRef> access_class_ref;
    std::optional<int> exec_timeout_seconds;  ///< 0 = never
    std::optional<SourceRef> exec_timeout_ref;
    std::optional<int> rotary;  ///< `rotary N` (pairs with `ip ssh port P rotary N`)
    std::optional<SourceRef> rotary_ref;
};

struct Logging {
    std::vector<HostRef> hosts;
    std::optional<SourceRef> trap_level;  ///< `logging trap <level>`
    std::string trap_level_value;         ///< `informational`, `6`, `warnings`, ...
    std::vector<SourceRef>
        disabled;  ///< `no logging on`, `no logging host`, Junos `syslog` deactivated
    bool archive_log_config = false;  ///< IOS `archive` / `log config` / `logging enable`
    std::optional<SourceRef> archive_ref;
    bool login_on_failure_log = false;
    std::optional<SourceRef> buffer_cleared;  ///< config-visible buffer clear, rare
};

struct NtpServer {
    HostRef host;
};

/// Guest Shell, IOx, app-hosting, virtual-service, NX-OS bash-shell, XR docker/appmgr,
/// EOS `daemon` with a shell command, Junos `system services extension-service`.
struct Container {
    std::string kind;  ///< `guestshell`, `iox`, `app-hosting`, `virtual-service`, `bash-shell`,
                       ///< `docker`, `daemon`
    std::string name;
    SourceRef ref;
};

/// On-box packet capture configured in the config.
struct PacketCapture {
    std::string name;
    std::string
        tool;  ///< `epc` (monitor capture), `ethanalyzer`, `packet-capture` (Junos), `tcpdump`
    SourceRef ref;
    std::vector<SourceRef> lines;  ///< all lines of the capture definition
    bool targets_aaa = false;  ///< filters on TACACS+ (tcp/49) or RADIUS (udp/1812-1813, 1645-1646)
    std::string file;          ///< export file, e.g. `flash:tac.pcap`
};

struct MirrorSession {
    std::string id;    ///< session number or name
    std::string type;  ///< `span`, `rspan`, `erspan-source`, `erspan-destination`,
                       ///< `port-mirroring`, `analyzer`, `tunnel`
    SourceRef ref;
    std::vector<SourceRef> lines;
    std::vector<HostRef>
        remote_destinations;           ///< ERSPAN collector, GRE tunnel far end, Junos next-hop
    std::vector<std::string> sources;  ///< source interfaces / vlans, as written
};

struct StaticRoute {
    IpPrefix prefix;
    std::optional<IpAddress> next_hop;
    std::string interface;  ///< exit interface, empty when none
    std::string vrf;
    SourceRef ref;
};

/// IPsec / IKE peers: `crypto isakmp key ... address X`, `crypto map` `set peer X`, ikev2 keyring.
struct CryptoPeer {
    HostRef host;
    std::string kind;  ///< `isakmp`, `ikev2`, `crypto-map`, `ipsec`
};

/// A file transfer configured to leave the device: `archive path tftp://`, `kron` copy, ...
struct Transfer {
    std::string url;
    std::optional<IpAddress> address;
    SourceRef ref;
};

/// Every literal IPv4/IPv6 address or prefix found anywhere in the config, with its line:
/// the input of indicator matching, so that no line type escapes it.
struct AddressMention {
    IpPrefix prefix;
    SourceRef ref;
};

struct DeviceModel {
    Dialect dialect = Dialect::kUnknown;
    DeviceInfo device;
    std::vector<Interface> interfaces;
    std::vector<Acl> acls;
    std::vector<AclUse> acl_uses;
    std::vector<LocalUser> users;
    std::vector<EnableSecret> enable_secrets;
    std::vector<AaaServer> aaa_servers;
    Aaa aaa;
    Snmp snmp;
    std::vector<Service> services;
    SshSettings ssh;
    std::vector<VtyLine> lines;
    Logging logging;
    std::vector<NtpServer> ntp_servers;
    std::vector<Container> containers;
    std::vector<PacketCapture> captures;
    std::vector<MirrorSession> mirrors;
    std::vector<StaticRoute> routes;
    std::vector<CryptoPeer> crypto_peers;
    std::vector<Transfer> transfers;
    std::optional<SourceRef> smart_install_enabled;    ///< `vstack` or an SMI director/client line
    std::optional<SourceRef> smart_install_disabled;   ///< `no vstack`
    std::optional<SourceRef> password_encryption_aes;  ///< `password encryption aes`
    std::optional<SourceRef> service_password_encryption;
    std::vector<AddressMention> addresses;

    [[nodiscard]] const Interface* FindInterface(std::string_view name) const;
    [[nodiscard]] const Acl* FindAcl(std::string_view name) const;
};

std::string_view DialectName(Dialect dialect);  ///< `cisco-ios`, `cisco-iosxr`, `cisco-nxos`,
                                                ///< `arista-eos`, `junos`, `junos-set`

}  // namespace stormwatch::model
