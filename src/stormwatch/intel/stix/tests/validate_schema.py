#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Validates Stormwatch's STIX output against the OASIS STIX 2.1 JSON schemas.

Usage: validate_schema.py SOURCE_DIR
Checks the sightings golden (src/stormwatch/intel/stix/testdata/sightings.golden.json) and the
built-in pack (rules/intel/salt-typhoon.stix.json): the bundle schema, then each object against
the schema of its type. The schemas come from the shared corpus
(SOURCE_DIR/../shared/corpus/intel/oasis-cti-stix2-json-schemas/schemas); every $ref is
resolved from those local files, never from the network. Exit 77 (skip) when the corpus or
python3-jsonschema is absent.
"""
import json
import pathlib
import sys

SKIP = 77


def main() -> int:
    source = pathlib.Path(sys.argv[1]).resolve()
    schema_dir = source.parent / "shared/corpus/intel/oasis-cti-stix2-json-schemas/schemas"
    if not schema_dir.is_dir():
        print(f"skip: no schemas at {schema_dir}")
        return SKIP
    try:
        import jsonschema
    except ImportError:
        print("skip: python3-jsonschema is not installed")
        return SKIP

    store = {}
    by_title = {}
    for path in schema_dir.rglob("*.json"):
        schema = json.loads(path.read_text())
        store[schema["$id"]] = schema
        by_title[path.stem] = schema

    validator_class = jsonschema.Draft202012Validator
    try:
        from referencing import Registry, Resource  # jsonschema >= 4.18

        registry = Registry().with_resources(
            (uri, Resource.from_contents(schema)) for uri, schema in store.items())

        def validator_for(schema):
            return validator_class(schema, registry=registry)
    except ImportError:  # Debian 12's jsonschema 4.10

        def validator_for(schema):
            resolver = jsonschema.RefResolver(schema["$id"], schema, store=store)
            return validator_class(schema, resolver=resolver)

    targets = [
        source / "src/stormwatch/intel/stix/testdata/sightings.golden.json",
        source / "rules/intel/salt-typhoon.stix.json",
    ]
    failures = 0
    checked = 0
    for target in targets:
        if not target.exists():
            print(f"FAIL {target}: missing")
            failures += 1
            continue
        bundle = json.loads(target.read_text())
        errors = list(validator_for(by_title["bundle"]).iter_errors(bundle))
        for obj in bundle.get("objects", []):
            schema = by_title.get(obj.get("type"))
            if schema is None:
                errors.append(f"{obj.get('id')}: no schema for type {obj.get('type')}")
                continue
            errors.extend(f"{obj.get('id')}: {e.message}"
                          for e in validator_for(schema).iter_errors(obj))
            checked += 1
        for error in errors:
            print(f"FAIL {target.name}: {getattr(error, 'message', error)}")
        failures += len(errors)
    print(f"{checked} objects checked, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
