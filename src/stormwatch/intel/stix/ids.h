// SPDX-License-Identifier: Apache-2.0
#pragma once

// Deterministic STIX identifiers and timestamps: UUIDv5 (RFC 4122, SHA-1 name-based) so that
// the same finding or indicator gets the same id in every run, and RFC 3339 conversions for
// valid_from / valid_until.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace stormwatch::intel::stix {

/// Namespace of every id Stormwatch mints for its own objects (indicators, sightings,
/// observed-data, identities, bundles): uuid5(NAMESPACE_URL, "https://stormwatch.invalid/stix").
/// scripts/csv-to-stix.py uses the same value, so both produce the same indicator ids.
inline constexpr std::string_view kStormwatchNamespace = "cfbe503d-2afe-56c5-84e6-f07e06d0c416";
/// STIX 2.1 section 2.9: namespace for deterministic SCO ids.
inline constexpr std::string_view kStixScoNamespace = "00abedb4-aa42-466c-9c01-fed23315a9b7";

/// The 20-byte SHA-1 digest of `data` (FIPS 180-4), as raw bytes.
std::string Sha1(std::string_view data);

/// UUIDv5 of `name` in `namespace_uuid` (canonical text form, lower case). `namespace_uuid`
/// must be a canonical UUID; an invalid one is a programming error and yields an empty string.
std::string Uuid5(std::string_view namespace_uuid, std::string_view name);

/// `type--uuid5(kStormwatchNamespace, name)`.
std::string StormwatchId(std::string_view type, std::string_view name);

}  // namespace stormwatch::intel::stix
