#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Seeded generator of an indicator feed for the intel load tests: a CSV with a header, or
(--format stix) a STIX 2.1 bundle of one indicator object per row, each with an `indicates`
relationship to one intrusion set, as a vendor's TAXII export has them.

The default mix is the one of performance.md's 1M-indicator row and of
bench/intel_core_benchmark.cpp: 500k IPv4 hosts, 100k IPv4 prefixes, 100k IPv6 hosts and
prefixes, 200k domains, 100k md5/sha1/sha256 hashes. The same seed gives the same bytes.

    bench/gen_indicators.py --count 1000000 --seed 42 --out /tmp/indicators-1m.csv
    bench/gen_indicators.py --count 100000 --format stix --out /tmp/stix-100k.json
"""

import argparse
import json
import random
import sys
import uuid

WORDS = ["mail", "cdn", "update", "api", "static", "login", "vpn", "portal", "sync",
         "telemetry", "files", "auth"]
TLDS = ["com", "net", "org", "info", "biz", "io", "example"]


def dotted(v):
    return "%d.%d.%d.%d" % (v >> 24, (v >> 16) & 255, (v >> 8) & 255, v & 255)


def label(rng):
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(5, 12)))


def rows(rng, count):
    scale = count / 1_000_000
    source = ",vendor feed,medium,"
    advisory = ",AA25-239A,high,Salt Typhoon"
    for i in range(int(500_000 * scale)):
        yield dotted(rng.getrandbits(32)) + ",ipv4" + (advisory if i % 7 == 0 else source)
    for _ in range(int(100_000 * scale)):
        length = rng.randint(16, 31)
        net = rng.getrandbits(32) & ~(0xFFFFFFFF >> length) & 0xFFFFFFFF
        yield "%s/%d,cidr%s" % (dotted(net), length, source)
    for i in range(int(100_000 * scale)):
        if i % 2 == 0:
            yield "2001:db8:%x:%x::%x,ipv6%s" % (rng.getrandbits(16), rng.getrandbits(16),
                                                 rng.getrandbits(16), source)
        else:
            yield "2001:%x:%x::/48,cidr%s" % (rng.getrandbits(16), rng.getrandbits(16), source)
    for i in range(int(200_000 * scale)):
        name = label(rng)
        if rng.randint(0, 2) == 0:
            name = rng.choice(WORDS) + "." + name
        yield name + "." + rng.choice(TLDS) + ",domain" + (advisory if i % 5 == 0 else source)
    for i in range(int(100_000 * scale)):
        digits = (32, 40, 64)[i % 3]
        yield "%0*x,%s" % (digits, rng.getrandbits(digits * 4), source)


HASH_NAMES = {32: "MD5", 40: "SHA-1", 64: "SHA-256"}


def stix_pattern(value, kind):
    if kind == "domain":
        return "[domain-name:value = '%s']" % value
    if kind in ("ipv4", "ipv6", "cidr"):
        return "[%s:value = '%s']" % ("ipv6-addr" if ":" in value else "ipv4-addr", value)
    return "[file:hashes.'%s' = '%s']" % (HASH_NAMES[len(value)], value)


def write_stix(rng, count, out):
    def stix_id(kind):
        return "%s--%s" % (kind, uuid.UUID(int=rng.getrandbits(128), version=4))

    stamp = "2025-01-01T00:00:00Z"
    common = {"spec_version": "2.1", "created": stamp, "modified": stamp}
    actor = stix_id("intrusion-set")
    out.write('{"type": "bundle", "id": "%s", "objects": [' % stix_id("bundle"))
    out.write(json.dumps({"type": "intrusion-set", **common, "id": actor, "name": "Salt Typhoon"}))
    for row in rows(rng, count):
        value, kind = row.split(",")[:2]
        indicator = stix_id("indicator")
        out.write(",\n" + json.dumps({"type": "indicator", **common, "id": indicator,
                                       "pattern": stix_pattern(value, kind),
                                       "pattern_type": "stix", "valid_from": stamp}))
        out.write(",\n" + json.dumps({"type": "relationship", **common,
                                       "id": stix_id("relationship"),
                                       "relationship_type": "indicates",
                                       "source_ref": indicator, "target_ref": actor}))
    out.write("]}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", default="-")
    parser.add_argument("--format", choices=("csv", "stix"), default="csv")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="ascii", newline="\n")
    with out:
        if args.format == "stix":
            write_stix(rng, args.count, out)
            return 0
        out.write("value,type,source,confidence,actor\n")
        for row in rows(rng, args.count):
            out.write(row + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
