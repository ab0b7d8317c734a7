#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Converts the built-in intel pack (CSV) into a STIX 2.1 bundle.

    scripts/csv-to-stix.py [rules/intel/salt-typhoon-indicators.csv] [rules/intel/salt-typhoon.stix.json]

Deterministic: ids are UUIDv5 in Stormwatch's namespace (the same one as
src/stormwatch/intel/stix/ids.h, so an indicator here has the id that the STIX sightings output
mints for the same value), and created/modified are fixed, so re-running on an unchanged CSV
reproduces the file byte for byte. Rows whose source is the AA25-239A advisory get the
validity window of rules/intel/README.md (2021-08-01 .. 2025-06-30); other rows are open-ended.
Every indicator `indicates` the intrusion set "Salt Typhoon"; the CSV actor column, when it
names something else (Earth Estries, the SFTP client), is kept as a label.
"""
import csv
import json
import pathlib
import sys
import uuid

# uuid5(NAMESPACE_URL, "https://stormwatch.invalid/stix") == ids.h kStormwatchNamespace
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://stormwatch.invalid/stix")
assert str(NAMESPACE) == "cfbe503d-2afe-56c5-84e6-f07e06d0c416"

CREATED = "2025-09-01T00:00:00.000Z"
ADVISORY_FROM = "2021-08-01T00:00:00Z"
# Related reporting (Earth Estries, DHS memo, Silent Push) gives no first-seen dates; its
# infrastructure dates back to 2019-2020, so its window opens then rather than at the pack's
# creation, which would mark every older sighting as outside the window.
RELATED_FROM = "2019-01-01T00:00:00Z"
ADVISORY_UNTIL = "2025-06-30T23:59:59Z"
ACTOR = "Salt Typhoon"
# STIX 2.1 appendix A, "High, Medium, Low" scale.
CONFIDENCE = {"high": 85, "medium": 50, "low": 15}
HASHES = {"md5": "MD5", "sha1": "SHA-1", "sha256": "SHA-256", "sha512": "SHA-512"}


def sid(kind: str, name: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, name)}"


def quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def pattern_for(kind: str, value: str) -> str:
    """The same patterns as StixPatternFor() in src/stormwatch/intel/stix/sightings.cpp."""
    family = "ipv6-addr" if ":" in value else "ipv4-addr"
    if kind in ("ipv4", "ipv6"):
        return f"[{family}:value = {quote(value)}]"
    if kind == "cidr":
        return f"[{family}:value ISSUBSET {quote(value)}]"
    simple = {"domain": "domain-name:value", "url": "url:value", "email": "email-addr:value",
              "account": "user-account:account_login", "filename": "file:name"}
    if kind in simple:
        return f"[{simple[kind]} = {quote(value)}]"
    if kind in HASHES:
        return f"[file:hashes.'{HASHES[kind]}' = {quote(value)}]"
    raise ValueError(f"no STIX pattern for type {kind!r}")


def main() -> int:
    root = pathlib.Path(__file__).resolve().parent.parent
    source = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else \
        root / "rules/intel/salt-typhoon-indicators.csv"
    target = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else \
        root / "rules/intel/salt-typhoon.stix.json"

    producer = sid("identity", "producer:Stormwatch built-in intel pack")
    actor = sid("intrusion-set", f"intrusion-set:{ACTOR}")
    objects = [
        {"type": "identity", "spec_version": "2.1", "id": producer, "created": CREATED,
         "modified": CREATED, "name": "Stormwatch built-in intel pack",
         "description": "Public Salt Typhoon reporting compiled by the Stormwatch maintainers; "
                        "provenance in rules/intel/README.md.",
         "identity_class": "organization"},
        {"type": "intrusion-set", "spec_version": "2.1", "id": actor, "created": CREATED,
         "modified": CREATED, "created_by_ref": producer, "name": ACTOR,
         "aliases": ["Earth Estries", "GhostEmperor", "FamousSparrow", "UNC2286"],
         "external_references": [{"source_name": "CISA AA25-239A",
                                  "url": "https://www.cisa.gov/news-events/cybersecurity-advisories/aa25-239a"}]},
    ]
    relationships = []
    with source.open(newline="") as handle:
        for row in csv.DictReader(handle):
            value, kind = row["value"].strip(), row["type"].strip().lower()
            row_source, row_actor = row["source"].strip(), row["actor"].strip()
            indicator = {
                "type": "indicator", "spec_version": "2.1", "id": sid("indicator", value),
                "created": CREATED, "modified": CREATED, "created_by_ref": producer,
                "name": value, "description": row_source,
                # STIX requires a description, url or external_id beside source_name.
                "external_references": [{"source_name": row_source,
                                         "description": "public reporting; provenance in "
                                                        "rules/intel/README.md"}],
                "indicator_types": ["malicious-activity"],
                "pattern": pattern_for(kind, value), "pattern_type": "stix",
                "valid_from": ADVISORY_FROM if row_source.startswith("AA25-239A") else RELATED_FROM,
            }
            if row_source.startswith("AA25-239A"):
                indicator["valid_until"] = ADVISORY_UNTIL
            confidence = CONFIDENCE.get(row["confidence"].strip().lower())
            if confidence is not None:
                indicator["confidence"] = confidence
            if row_actor and row_actor != ACTOR:
                indicator["labels"] = [row_actor]
            objects.append(indicator)
            relationships.append({
                "type": "relationship", "spec_version": "2.1",
                "id": sid("relationship", f"indicates:{value}:{ACTOR}"),
                "created": CREATED, "modified": CREATED, "created_by_ref": producer,
                "relationship_type": "indicates", "source_ref": indicator["id"],
                "target_ref": actor})
    bundle = {"type": "bundle", "id": sid("bundle", "bundle:salt-typhoon-pack"),
              "objects": objects + relationships}
    target.write_text(json.dumps(bundle, indent=2, ensure_ascii=True) + "\n")
    print(f"{target}: {len(objects) - 2} indicators", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
