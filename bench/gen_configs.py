#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Deterministic generator of network device configurations for Stormwatch benchmarks.

Three modes (the same seed always writes the same bytes):

  gen_configs.py --count 2000 [--out DIR]      a tree of N configs, mixed vendors
  gen_configs.py --big-lines 300000 [--out F]  one IOS XE config of exactly that many lines
  gen_configs.py --dialect junos --lines 5000 --out F   one config of one dialect

Vendors in a tree: IOS XE ~50%, NX-OS, IOS XR, EOS, Junos (curly), Junos (set). Each config
has interfaces, ACLs / firewall filters, local users, AAA, SNMP, logging, NTP and static
routes; a few carry Salt Typhoon tradecraft (advisory addresses from
rules/intel/salt-typhoon-indicators.csv in ACLs, AAA and tunnels, SSH on high ports, Guest
Shell) so the detectors have something to report. Addresses are documentation and private
ranges except for the advisory's own. Generated data belongs under /tmp or build/, never git.
"""

import argparse
import csv
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
INTEL_CSV = os.path.join(HERE, "..", "rules", "intel", "salt-typhoon-indicators.csv")

DIALECTS = ["cisco-ios", "cisco-nxos", "cisco-iosxr", "arista-eos", "junos", "junos-set"]
# Share of each vendor in a generated tree (IOS XE dominates real carrier estates).
WEIGHTS = [50, 12, 12, 10, 8, 8]
SUFFIX = {"cisco-ios": "cfg", "cisco-nxos": "cfg", "cisco-iosxr": "cfg", "arista-eos": "cfg",
          "junos": "conf", "junos-set": "conf"}
# How often a device carries each kind of planted tradecraft.
P_IOC_ACL = 0.05
P_IOC_AAA = 0.02
P_IOC_TUNNEL = 0.02
P_SSH_PORT = 0.04
P_GUESTSHELL = 0.03
# Risky services that the pattern rules (rules/config/*.yml) report: common, not tradecraft.
P_RISKY_SERVICE = 0.10


def load_ioc_addresses():
    """IPv4 indicators from the built-in pack; a fixed fallback keeps the script usable alone."""
    try:
        with open(INTEL_CSV, newline="", encoding="utf-8") as f:
            rows = [r["value"] for r in csv.DictReader(f) if r.get("type") == "ipv4"]
        if rows:
            return sorted(rows)
    except OSError:
        pass
    return ["45.61.133.77", "167.88.173.252", "104.194.153.181", "45.146.120.213"]


class Gen:
    """Address and name helpers over one seeded Random (one per device, for determinism)."""

    def __init__(self, rng, iocs):
        self.r = rng
        self.iocs = iocs

    def doc_host(self):
        net = self.r.choice(["192.0.2", "198.51.100", "203.0.113"])
        return f"{net}.{self.r.randint(1, 254)}"

    def private_host(self):
        return f"10.{self.r.randint(0, 255)}.{self.r.randint(0, 255)}.{self.r.randint(1, 254)}"

    def private_net(self, length):
        a, b, c = self.r.randint(0, 255), self.r.randint(0, 255), self.r.randint(0, 255)
        if length >= 24:
            return f"10.{a}.{b}.{(c & ~((1 << (32 - length)) - 1)) & 255}"
        return f"10.{a}.{b}.0"

    def ioc(self):
        return self.r.choice(self.iocs)

    def secret(self, n=43):
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./"
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def user(self):
        return self.r.choice(["netops", "noc", "svc_backup", "automation", "oper", "audit",
                              "ansible", "nms", "fieldtech"]) + str(self.r.randint(1, 99))


MASKS = {24: "255.255.255.0", 30: "255.255.255.252", 31: "255.255.255.254",
         32: "255.255.255.255", 16: "255.255.0.0"}
WILDCARDS = {24: "0.0.0.255", 30: "0.0.0.3", 16: "0.0.255.255"}
PORTS = ["22", "23", "80", "161", "179", "443", "514", "830", "1812", "8080"]


# --- Cisco IOS XE --------------------------------------------------------------------------

def ios_config(g, host, target_lines):
    r = g.r
    out = ["Building configuration...", "",
           f"Current configuration : {r.randint(20000, 900000)} bytes", "!",
           f"! Last configuration change at 0{r.randint(0, 9)}:1{r.randint(0, 9)}:00 UTC "
           f"Tue Jan 14 2025 by {g.user()}", "!",
           f"version 17.{r.choice([3, 6, 9, 12])}",
           "service timestamps debug datetime msec", "service timestamps log datetime msec",
           "service password-encryption", "no service pad", "!", f"hostname {host}", "!",
           "boot-start-marker", "boot-end-marker", "!", "vrf definition MGMT",
           " address-family ipv4", " exit-address-family", "!",
           "logging buffered 64000", "no logging console",
           f"enable secret 9 $9${g.secret(14)}${g.secret()}", "!", "aaa new-model", "!",
           "aaa group server tacacs+ NOC"]
    out.append(f" server-private {g.doc_host()} key 7 0822455D0A16")
    if r.random() < P_IOC_AAA:
        out.append(f" server-private {g.ioc()} key 7 094F471A1A0A")
    out += ["!", "aaa authentication login default group NOC local",
            "aaa authorization exec default group NOC local",
            "aaa accounting exec default start-stop group NOC", "!"]
    if r.random() < P_GUESTSHELL:
        out += ["iox", "app-hosting appid guestshell",
                " app-vnic management guest-interface 0", "!"]
    for _ in range(r.randint(2, 6)):
        out.append(f"username {g.user()} privilege {r.choice([1, 15])} algorithm-type sha256 "
                   f"secret 9 $9${g.secret(14)}${g.secret()}")
    out += ["!", "ip ssh version 2"]
    ssh_port = r.random() < P_SSH_PORT
    if ssh_port:
        out.append(f"ip ssh port {r.choice([2222, 22022, 57722, 8022])} rotary 1")
    if r.random() < P_RISKY_SERVICE:
        out.append("ip scp server enable")
    if r.random() < P_GUESTSHELL:
        out += ["event manager applet WATCHDOG", " event timer watchdog time 3600",
                " action 1.0 cli command \"enable\"",
                " action 2.0 cli command \"guestshell run python3 /bootflash/.sync.py\""]
    out += ["ip domain name example.net", "no ip http server", "ip http secure-server", "!"]
    body = []
    # Interfaces and ACLs make up the bulk, as in real PE and aggregation routers.
    acl_names = [f"ACL-{r.choice(['MGMT', 'EDGE', 'CUST', 'PEER', 'INFRA'])}-{i}"
                 for i in range(r.randint(3, 8))]
    if_count = 0
    while len(out) + len(body) < target_lines * 0.55:
        if_count += 1
        slot = f"{if_count // 48}/0/{if_count % 48}"
        body += [f"interface GigabitEthernet{slot}",
                 f" description cust-{r.randint(1000, 99999)} circuit {g.secret(8)}",
                 f" ip address {g.private_host()} {MASKS[r.choice([30, 31, 24])]}",
                 f" ip access-group {r.choice(acl_names)} in",
                 " no ip redirects", " no ip proxy-arp", " negotiation auto"]
        if r.random() < 0.2:
            body.append(" shutdown")
        body.append("!")
    if r.random() < P_IOC_TUNNEL:
        body += ["interface Tunnel10", " description backup-transit",
                 " ip address 10.10.10.1 255.255.255.252", " tunnel source Loopback0",
                 f" tunnel destination {g.ioc()}", "!"]
    body += ["interface Loopback0", f" ip address {g.doc_host()} 255.255.255.255", "!"]
    ioc_acl = r.random() < P_IOC_ACL
    acl_lines = int(target_lines * 0.25)
    per_acl = max(5, acl_lines // len(acl_names))
    for name in acl_names:
        body.append(f"ip access-list extended {name}")
        for seq in range(1, per_acl + 1):
            if ioc_acl and seq == per_acl // 2:
                body.append(f" {seq * 10} permit ip host {g.ioc()} any")
                continue
            action = "permit" if r.random() < 0.8 else "deny"
            proto = r.choice(["ip", "tcp", "udp"])
            port = f" eq {r.choice(PORTS)}" if proto != "ip" else ""
            body.append(f" {seq * 10} {action} {proto} {g.private_net(24)} 0.0.0.255 "
                        f"host {g.private_host()}{port}")
        body.append("!")
    out += body
    out += [f"snmp-server community {g.secret(10)} RO 10", f"snmp-server location pop-{host}",
            f"snmp-server host {g.doc_host()} version 2c {g.secret(10)}",
            f"logging host {g.doc_host()}", "logging trap informational",
            f"ntp server {g.doc_host()}", "!"]
    while len(out) < target_lines - 12:
        out.append(f"ip route {g.private_net(24)} 255.255.255.0 {g.private_host()} "
                   f"name r{r.randint(1, 99999)}")
    out += ["!", "line con 0", " exec-timeout 5 0", "line vty 0 4",
            " access-class ACL-MGMT-0 in", " exec-timeout 10 0", " transport input ssh"]
    if ssh_port:
        out.append(" rotary 1")
    out += ["line vty 5 15", " transport input ssh", "!", "end"]
    return out


# --- Cisco NX-OS ---------------------------------------------------------------------------

def nxos_config(g, host, target_lines):
    r = g.r
    out = ["!Command: show running-config",
           "!Running configuration last done at: Mon Feb  3 22:41:07 2025",
           "!Time: Tue Feb  4 08:02:11 2025", "",
           f"version 9.3({r.randint(5, 12)}) Bios:version 05.47", f"hostname {host}",
           "feature tacacs+", "feature interface-vlan", "feature lacp", "feature lldp",
           "feature ssh", ""]
    if r.random() < P_RISKY_SERVICE:
        out[-1:-1] = ["feature nxapi", "nxapi http port 8080"]
    if r.random() < P_GUESTSHELL:
        out.insert(6, "feature bash-shell")
    for _ in range(r.randint(2, 5)):
        out.append(f"username {g.user()} password 5 $5${g.secret(6)}${g.secret()}  "
                   f"role {r.choice(['network-admin', 'network-operator'])}")
    out.append(f"tacacs-server host {g.doc_host()} key 7 \"fewhg123\"")
    if r.random() < P_IOC_AAA:
        out.append(f"tacacs-server host {g.ioc()} key 7 \"fewhg456\"")
    out += ["aaa group server tacacs+ NOC", f"    server {g.doc_host()}",
            "    use-vrf management", "aaa authentication login default group NOC", "",
            f"snmp-server host {g.doc_host()} traps version 2c {g.secret(8)}",
            f"snmp-server community {g.secret(8)} group network-operator", "",
            "vrf context management", f"  ip route 0.0.0.0/0 {g.doc_host()}", ""]
    ioc_acl = r.random() < P_IOC_ACL
    acl_names = [f"ACL-{i}" for i in range(r.randint(3, 6))]
    per_acl = max(5, int(target_lines * 0.25) // len(acl_names))
    for name in acl_names:
        out.append(f"ip access-list {name}")
        for seq in range(1, per_acl + 1):
            if ioc_acl and seq == 3:
                out.append(f"  {seq * 10} permit ip {g.ioc()}/32 any")
                continue
            proto = r.choice(["ip", "tcp", "udp"])
            port = f" eq {r.choice(PORTS)}" if proto != "ip" else ""
            out.append(f"  {seq * 10} {r.choice(['permit', 'permit', 'deny'])} {proto} "
                       f"{g.private_net(24)}/24 {g.private_host()}/32{port}")
        out.append("")
    n = 0
    while len(out) < target_lines * 0.85:
        n += 1
        out += [f"interface Ethernet{1 + n // 48}/{1 + n % 48}",
                f"  description srv-{r.randint(100, 9999)}", "  no switchport",
                f"  ip address {g.private_host()}/{r.choice([30, 31, 24])}",
                f"  ip access-group {r.choice(acl_names)} in", "  no shutdown", ""]
    out += ["interface mgmt0", "  vrf member management", f"  ip address {g.doc_host()}/25", ""]
    if r.random() < P_IOC_TUNNEL:
        out += ["monitor session 1 type erspan-source", "  erspan-id 30", "  vrf default",
                f"  destination ip {g.ioc()}", "  source interface Ethernet1/2 both",
                "  no shut", ""]
    while len(out) < target_lines - 6:
        out.append(f"ip route {g.private_net(24)}/24 {g.private_host()}")
    out += ["line console", "  exec-timeout 5", "line vty", "  exec-timeout 10",
            f"logging server {g.doc_host()} 6 use-vrf management",
            f"ntp server {g.doc_host()} use-vrf management"]
    return out


# --- Cisco IOS XR --------------------------------------------------------------------------

def xr_config(g, host, target_lines):
    r = g.r
    out = [f"!! IOS XR Configuration 7.{r.randint(3, 9)}.{r.randint(1, 4)}",
           "!! Last configuration change at Fri Jan 24 02:17:45 2025 by root", "!",
           f"hostname {host}", f"logging {g.doc_host()} vrf default severity info"]
    for _ in range(r.randint(2, 4)):
        out += [f"username {g.user()}", " group root-lr",
                f" secret 10 $6${g.secret(12)}${g.secret(86)}", "!"]
    out += ["aaa group server tacacs+ NOC", f" server {g.doc_host()}"]
    if r.random() < P_IOC_AAA:
        out.append(f" server {g.ioc()}")
    out += ["!", f"tacacs-server host {g.doc_host()} port 49", " key 7 0822455D0A16", "!",
            "aaa authentication login default group NOC local", "!", "line default",
            " transport input ssh", "!"]
    ioc_acl = r.random() < P_IOC_ACL
    acl_names = [f"ACL-{i}" for i in range(r.randint(3, 6))]
    per_acl = max(5, int(target_lines * 0.25) // len(acl_names))
    for name in acl_names:
        out.append(f"ipv4 access-list {name}")
        for seq in range(1, per_acl + 1):
            if ioc_acl and seq == 2:
                out.append(f" {seq * 10} permit ipv4 host {g.ioc()} any")
                continue
            out.append(f" {seq * 10} {r.choice(['permit', 'permit', 'deny'])} ipv4 "
                       f"{g.private_net(24)} 0.0.0.255 host {g.private_host()}")
        out.append("!")
    ssh_port = r.random() < P_SSH_PORT
    if ssh_port:
        out += ["ipv4 access-list MGMT-SSH", " 10 permit tcp any any eq 57722", "!"]
    out += [f"snmp-server community {g.secret(8)} RO", "!", "interface Loopback0",
            f" ipv4 address {g.doc_host()} 255.255.255.255", "!"]
    if r.random() < P_IOC_TUNNEL:
        out += ["interface tunnel-ip100", " ipv4 address 10.10.12.9 255.255.255.252",
                " tunnel source Loopback0", f" tunnel destination {g.ioc()}", "!"]
    n = 0
    while len(out) < target_lines * 0.85:
        n += 1
        out += [f"interface GigabitEthernet0/0/{n // 40}/{n % 40}",
                f" description core-{r.randint(1, 9999)}",
                f" ipv4 address {g.private_host()} {MASKS[r.choice([30, 31])]}",
                f" ipv4 access-group {r.choice(acl_names)} ingress", "!"]
    out += ["router static", " address-family ipv4 unicast"]
    while len(out) < target_lines - 8:
        out.append(f"  {g.private_net(24)}/24 {g.private_host()}")
    out += [" !", "!", "ssh server v2"]
    if ssh_port:
        out.append("ssh server port 57722")
    out += ["ssh server vrf default", f"ntp server {g.doc_host()}", "!", "end"]
    return out


# --- Arista EOS ----------------------------------------------------------------------------

def eos_config(g, host, target_lines):
    r = g.r
    out = ["! Command: show running-config",
           f"! device: {host} (DCS-7050SX3-48YC8, EOS-4.{r.randint(25, 31)}.3M)", "!",
           "transceiver qsfp default-mode 4x10G", "!", f"hostname {host}", "!",
           "spanning-tree mode mstp", "!", "aaa authorization exec default local", "!"]
    for _ in range(r.randint(2, 4)):
        out.append(f"username {g.user()} privilege 15 role network-admin secret sha512 "
                   f"$6${g.secret(8)}${g.secret(86)}")
    out += ["!", f"tacacs-server host {g.doc_host()} key 7 0207165218120E", "!"]
    if r.random() < P_IOC_AAA:
        out += [f"tacacs-server host {g.ioc()} key 7 0207165218120E", "!"]
    ioc_acl = r.random() < P_IOC_ACL
    acl_names = [f"ACL-{i}" for i in range(r.randint(3, 6))]
    per_acl = max(5, int(target_lines * 0.25) // len(acl_names))
    for name in acl_names:
        out.append(f"ip access-list {name}")
        for seq in range(1, per_acl + 1):
            if ioc_acl and seq == 4:
                out.append(f"   {seq * 10} permit ip host {g.ioc()} any")
                continue
            out.append(f"   {seq * 10} {r.choice(['permit', 'permit', 'deny'])} ip "
                       f"{g.private_net(24)}/24 host {g.private_host()}")
        out.append("!")
    n = 0
    while len(out) < target_lines * 0.85:
        n += 1
        out += [f"interface Ethernet{n}", f"   description leaf-{r.randint(1, 9999)}",
                "   no switchport", f"   ip address {g.private_host()}/31",
                f"   ip access-group {r.choice(acl_names)} in", "!"]
    out += ["interface Management1", f"   ip address {g.doc_host()}/25", "!"]
    if r.random() < P_IOC_TUNNEL:
        out += ["monitor session CAP source Ethernet2",
                f"monitor session CAP destination tunnel mode gre source {g.doc_host()} "
                f"destination {g.ioc()}", "!"]
    out += ["ip routing", "!"]
    while len(out) < target_lines - 10:
        out.append(f"ip route {g.private_net(24)}/24 {g.private_host()}")
    out += ["!", "management api http-commands"]
    if r.random() < P_RISKY_SERVICE:
        out.append("   protocol http")
    out += ["   no shutdown", "!", "management ssh",
            "   idle-timeout 10", "!", f"logging host {g.doc_host()}", "!", "end"]
    return out


# --- Junos (statements as paths, rendered curly or set) ------------------------------------

def junos_statements(g, host, target_lines, curly):
    """Statements as path lists: the last element is the leaf, the others nest. `curly`
    sizes the output for the curly rendering, where a statement costs several lines."""
    r = g.r
    st = [["system", f"host-name {host}"],
          ["system", "root-authentication", f"encrypted-password \"$6${g.secret(8)}${g.secret(86)}\""]]
    for _ in range(r.randint(2, 4)):
        u = g.user()
        st += [["system", "login", f"user {u}", f"uid {r.randint(2000, 2999)}"],
               ["system", "login", f"user {u}", "class super-user"],
               ["system", "login", f"user {u}", "authentication",
                f"encrypted-password \"$6${g.secret(8)}${g.secret(86)}\""]]
    st += [["system", "services", "ssh", "root-login deny"],
           ["system", "services", "ssh", "protocol-version v2"],
           ["system", "services", "netconf", "ssh"],
           ["system", f"tacplus-server {g.doc_host()}", "secret \"$9$dkb.P5Qn/Cu\""]]
    if r.random() < P_IOC_AAA:
        st.append(["system", f"tacplus-server {g.ioc()}", "secret \"$9$dkb.P5Qn/Cu\""])
    if r.random() < P_SSH_PORT:
        st.append(["system", "services", "ssh", f"port {r.choice([2222, 57722])}"])
    if r.random() < P_RISKY_SERVICE:
        st.append(["system", "services", "web-management", "http"])
    if r.random() < P_GUESTSHELL:
        st.append(["system", "services", "outbound-ssh", f"client nms-{r.randint(1, 9)}",
                   f"device-id {g.secret(8)}"])
    st += [["system", "syslog", f"host {g.doc_host()}", "any notice"],
           ["system", "syslog", "file messages", "any notice"],
           ["system", "ntp", f"server {g.doc_host()}"],
           ["snmp", f"community {g.secret(8)}", "authorization read-only"]]
    # Filters first: a share of the lines, then interfaces until the size is reached.
    ioc_acl = r.random() < P_IOC_ACL
    filters = [f"F-{i}" for i in range(r.randint(2, 5))]
    per = max(3, int(target_lines * 0.05) // len(filters))
    for f in filters:
        for t in range(per):
            base = ["firewall", "family inet", f"filter {f}", f"term t{t}"]
            src = g.ioc() if ioc_acl and t == 1 else g.private_net(24)
            plen = 32 if ioc_acl and t == 1 else 24
            st += [base + ["from", f"source-address {src}/{plen}"],
                   base + ["from", f"protocol {r.choice(['tcp', 'udp'])}"],
                   base + ["then", r.choice(["accept", "discard"])]]
    if r.random() < P_IOC_TUNNEL:
        st += [["interfaces", "gr-0/0/0", "unit 0", "tunnel", f"source {g.doc_host()}"],
               ["interfaces", "gr-0/0/0", "unit 0", "tunnel", f"destination {g.ioc()}"]]
    # Rendered lines so far: curly blocks cost their braces, set form one line a statement.
    lines = len(st) * (2 if curly else 1)
    n = 0
    while lines < target_lines * 0.8:
        lines += 11 if curly else 3
        n += 1
        ifname = f"ge-{n // 48}/0/{n % 48}"
        st += [["interfaces", ifname, f"description \"cust-{r.randint(1, 99999)}\""],
               ["interfaces", ifname, "unit 0", "family inet", f"address {g.private_host()}/30"],
               ["interfaces", ifname, "unit 0", "family inet", "filter",
                f"input {r.choice(filters)}"]]
    while lines < target_lines:
        lines += 3 if curly else 1
        st.append(["routing-options", "static", f"route {g.private_net(24)}/24",
                   f"next-hop {g.private_host()}"])
    return st


def render_junos_curly(statements):
    # Build an ordered trie; a node with children renders as a block, a leaf as `x;`.
    root = {}
    for path in statements:
        node = root
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node.setdefault(path[-1], None)
    out = ["## Last commit: 2025-02-11 04:51:20 UTC by svc-ops", "version 21.4R3-S2;"]

    def emit(node, depth):
        pad = "    " * depth
        for key, child in node.items():
            if child is None:
                out.append(f"{pad}{key};")
            else:
                out.append(f"{pad}{key} {{")
                emit(child, depth + 1)
                out.append(f"{pad}}}")

    emit(root, 0)
    return out


def render_junos_set(statements):
    return (["# exported with `show configuration | display set`", "set version 22.4R2"] +
            ["set " + " ".join(path) for path in statements])


def junos_config(g, host, target_lines):
    return render_junos_curly(junos_statements(g, host, target_lines, curly=True))


def junos_set_config(g, host, target_lines):
    return render_junos_set(junos_statements(g, host, target_lines, curly=False))


GENERATORS = {"cisco-ios": ios_config, "cisco-nxos": nxos_config, "cisco-iosxr": xr_config,
              "arista-eos": eos_config, "junos": junos_config, "junos-set": junos_set_config}


def write_lines(path, lines):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))
        f.write("\n")


def gen_tree(out_dir, count, seed, min_lines, max_lines, iocs):
    os.makedirs(out_dir, exist_ok=True)
    picker = random.Random(seed)
    total_lines = 0
    for i in range(count):
        dialect = picker.choices(DIALECTS, weights=WEIGHTS)[0]
        lines_wanted = picker.randint(min_lines, max_lines)
        # Each device has its own Random so one device's content does not depend on the others'.
        g = Gen(random.Random(f"{seed}-{i}"), iocs)
        host = f"{dialect.split('-')[-1]}-{i:05d}"
        lines = GENERATORS[dialect](g, host, lines_wanted)
        # Spread over a few sub-folders, as a config backup tree (one per PoP) would be.
        sub = os.path.join(out_dir, f"pop{i % 20:02d}")
        os.makedirs(sub, exist_ok=True)
        write_lines(os.path.join(sub, f"{host}.{SUFFIX[dialect]}"), lines)
        total_lines += len(lines)
    return total_lines


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=2000, help="configs in the tree (default 2000)")
    ap.add_argument("--out", help="output dir (tree) or file (--big-lines, --dialect)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--min-lines", type=int, default=1500)
    ap.add_argument("--max-lines", type=int, default=4000)
    ap.add_argument("--big-lines", type=int, help="write one IOS XE config of exactly N lines")
    ap.add_argument("--dialect", choices=DIALECTS, help="write one config of this dialect")
    ap.add_argument("--lines", type=int, default=5000, help="size for --dialect")
    args = ap.parse_args()
    iocs = load_ioc_addresses()

    if args.big_lines:
        out = args.out or f"/tmp/stormwatch-bench/big-ios-{args.big_lines}.cfg"
        os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
        lines = ios_config(Gen(random.Random(args.seed), iocs), "big-pe1", args.big_lines)
        # Routes fill up to target - 12; trim or pad so the line count is exact.
        lines = lines[:args.big_lines - 1] + ["end"] if len(lines) > args.big_lines else lines
        while len(lines) < args.big_lines:
            lines.insert(len(lines) - 1, "!")
        write_lines(out, lines)
        print(f"{out}: {len(lines)} lines, {os.path.getsize(out)} bytes")
        return 0
    if args.dialect:
        if not args.out:
            ap.error("--dialect needs --out FILE")
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        lines = GENERATORS[args.dialect](Gen(random.Random(args.seed), iocs),
                                         f"bench-{args.dialect}", args.lines)
        write_lines(args.out, lines)
        print(f"{args.out}: {args.dialect}, {len(lines)} lines")
        return 0
    out = args.out or f"/tmp/stormwatch-bench/configs-{args.count}"
    total = gen_tree(out, args.count, args.seed, args.min_lines, args.max_lines, iocs)
    print(f"{out}: {args.count} configs, {total} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
