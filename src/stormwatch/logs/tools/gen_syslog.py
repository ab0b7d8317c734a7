#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Seeded syslog generator for measuring the log path of `stormwatch hunt`.

Writes a log of mixed device shapes (IOS XE with sequence numbers, Junos, NX-OS, RFC 5424)
and an indicator CSV. A fixed share of lines mention an indicator; the rest use documentation
addresses only (RFC 5737), so the finding count is known in advance.

    gen_syslog.py --mb 100 --indicators 1000 --hit-every 1000 --out /tmp/sw-syslog
    stormwatch hunt /tmp/sw-syslog/syslog.log --intel /tmp/sw-syslog/indicators.csv \
        --format ndjson -o /dev/null --stats /tmp/sw-syslog/stats.json
"""
import argparse
import os
import random


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=100.0, help="size of the log in MB (1e6 bytes)")
    ap.add_argument("--indicators", type=int, default=1000)
    ap.add_argument("--hit-every", type=int, default=1000, help="one line in N names an indicator")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True, help="output folder")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)

    # Indicators outside the documentation ranges, so no background line can hit one.
    indicators = sorted({"45.%d.%d.%d" % (rng.randrange(256), rng.randrange(256), rng.randrange(1, 255))
                         for _ in range(args.indicators)})
    with open(os.path.join(args.out, "indicators.csv"), "w") as f:
        f.write("value,type,source,confidence,actor,valid_from,valid_until\n")
        for value in indicators:
            f.write("%s,ipv4,generated,medium,Generated,2021-08-01,2025-06-30T23:59:59Z\n" % value)

    def doc_ip():
        return "%s.%d" % (rng.choice(["192.0.2", "198.51.100", "203.0.113"]), rng.randrange(1, 255))

    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    templates = [
        lambda s, t, ip: "<189>%d: pe%d-fra: %s %2d 2025 %s UTC: %%SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: netops] [Source: %s] [localport: 22] at %s UTC\n"
        % (s, s % 7, months[t[0]], t[1], t[2], ip, t[2]),
        lambda s, t, ip: "<190>%d: pe%d-ams: %s %2d 2025 %s UTC: %%SEC-6-IPACCESSLOGP: list MGMT-IN denied tcp %s(51000) -> %s(22), 1 packet\n"
        % (s, s % 5, months[t[0]], t[1], t[2], ip, doc_ip()),
        lambda s, t, ip: "<38>%s %2d %s  mx%d sshd[%d]: Accepted publickey for root from %s port %d ssh2\n"
        % (months[t[0]], t[1], t[2], s % 9, s % 30000, ip, 1024 + s % 60000),
        lambda s, t, ip: "2025 %s %02d %s n9k-%d %%DAEMON-3-SYSTEM_MSG: error: connect_to %s port 443: failed. - sshd[%d]\n"
        % (months[t[0]], t[1], t[2], s % 4, ip, s % 30000),
        lambda s, t, ip: "<28>1 2025-%02d-%02dT%s.%03dZ core%d rpd %d RPD_BGP_NEIGHBOR_STATE_CHANGED - BGP peer %s (External AS 64500) changed state from OpenConfirm to Established\n"
        % (t[0] + 1, t[1], t[2], s % 1000, s % 3, s % 30000, ip),
    ]
    target = int(args.mb * 1e6)
    written = 0
    seq = 0
    hits = 0
    with open(os.path.join(args.out, "syslog.log"), "w") as f:
        chunk = []
        while written < target:
            seq += 1
            when = (rng.randrange(12), rng.randrange(1, 29),
                    "%02d:%02d:%02d" % (rng.randrange(24), rng.randrange(60), rng.randrange(60)))
            if seq % args.hit_every == 0:
                ip = rng.choice(indicators)
                hits += 1
            else:
                ip = doc_ip()
            line = rng.choice(templates)(seq, when, ip)
            chunk.append(line)
            written += len(line)
            if len(chunk) >= 10000:
                f.write("".join(chunk))
                chunk = []
        f.write("".join(chunk))
    print("lines=%d bytes=%d indicator_lines=%d" % (seq, written, hits))


if __name__ == "__main__":
    main()
