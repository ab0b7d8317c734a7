#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Deterministic generator of device syslog for Stormwatch benchmarks.

  gen_syslog.py --mib 256 --out /tmp/stormwatch-bench/syslog-256mib.log

Lines in the shapes routers and their collectors write (logs/README.md): Cisco IOS with a
sequence number and with an RFC 3164 header, IOS XE with a year, NX-OS, Junos, RFC 5424 and
OpenSSH on a jump host. Messages are logins, configuration changes, ACL denies, BGP and
interface events, each naming a peer address. About one line in 5,000 names an address or
account from rules/intel/salt-typhoon-indicators.csv, so a hunt has findings to make. The
same arguments always write the same bytes. Generated data belongs under /tmp, never git.
"""

import argparse
import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
INTEL_CSV = os.path.join(HERE, "..", "rules", "intel", "salt-typhoon-indicators.csv")
P_INDICATOR = 1 / 5000
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def indicators():
    with open(INTEL_CSV, newline="") as f:
        rows = list(csv.DictReader(f))
    addresses = [r["value"] for r in rows if r["type"] == "ipv4"]
    accounts = [r["value"] for r in rows if r["type"] == "account"] or ["cisco_tac_admin"]
    return addresses, accounts


def address(rng):
    return "10.%d.%d.%d" % (rng.randrange(256), rng.randrange(256), rng.randrange(1, 255))


def line(rng, n, peer, user):
    month = MONTHS[(n // 400000) % 12]
    day = 1 + (n // 20000) % 28
    clock = "%02d:%02d:%02d" % (n // 3600 % 24, n // 60 % 60, n % 60)
    host = "pe%d-%s" % (n % 40, ["fra", "ams", "lon", "par", "nyc"][n % 5])
    shape = n % 8
    if shape == 0:
        return ("%s %2d %s %s %d: %%SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: %s] "
                "[Source: %s] [localport: 22] at %s UTC" % (month, day, clock, host, n, user, peer,
                                                           clock))
    if shape == 1:
        return ("<189>%d: %s: %s %2d 2025 %s.%03d UTC: %%SYS-5-CONFIG_I: Configured from console "
                "by %s on vty0 (%s)" % (n, host, month, day, clock, n % 1000, user, peer))
    if shape == 2:
        return ("%s %2d %s %s %d: %%SEC-6-IPACCESSLOGP: list 120 denied tcp %s(%d) -> "
                "192.0.2.1(22), 1 packet" % (month, day, clock, host, n, peer, 1024 + n % 60000))
    if shape == 3:
        return ("%s %2d %s %s %d: %%BGP-5-ADJCHANGE: neighbor %s Up" % (month, day, clock, host,
                                                                       n, peer))
    if shape == 4:
        return ("2025 %s %2d %s %s %%ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface Ethernet1/%d is "
                "down (Link failure)" % (month, day, clock, host, n % 48))
    if shape == 5:
        return ("%s %2d %s %s sshd[%d]: Accepted password for %s from %s port %d ssh2"
                % (month, day, clock, host, 1000 + n % 30000, user, peer, 1024 + n % 60000))
    if shape == 6:
        return ("<134>1 2025-%02d-%02dT%sZ %s mgd %d UI_COMMIT - - User '%s' requested "
                "'commit' operation (comment: from %s)" % (1 + (n // 400000) % 12, day, clock,
                                                           host, n, user, peer))
    return ("%s %2d %s %s %d: %%LINK-3-UPDOWN: Interface GigabitEthernet0/0/%d, changed state "
            "to up" % (month, day, clock, host, n, n % 24))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=256, help="size to write, in MiB")
    parser.add_argument("--out", required=True, help="the log file to write")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    bad_addresses, bad_accounts = indicators()
    users = ["noc", "netops", "backup", "automation"]
    target = args.mib << 20
    written = 0
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out + ".tmp", "w") as out:
        n = 0
        while written < target:
            planted = rng.random() < P_INDICATOR
            peer = rng.choice(bad_addresses) if planted else address(rng)
            user = rng.choice(bad_accounts) if planted and rng.random() < 0.3 else users[n % 4]
            text = line(rng, n, peer, user) + "\n"
            out.write(text)
            written += len(text)
            n += 1
    os.replace(args.out + ".tmp", args.out)


if __name__ == "__main__":
    main()
