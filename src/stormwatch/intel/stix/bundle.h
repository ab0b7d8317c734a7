// SPDX-License-Identifier: Apache-2.0
#pragma once

// STIX 2.1 (and 2.0) bundle importer: turns indicators, observed data and cyber-observable
// objects of a bundle into intel::Indicator values. Every object of `objects` is one record
// (its 1-based position is the `line` of a rejection): read == processed + rejected. Objects
// that carry no indicator (identity, marking-definition, attack-pattern, report, ...) count as
// processed. An indicator is imported completely or rejected with a reason naming its id:
// never half-applied (pattern.h lists what maps).
//
// Size: the document is parsed with the simdjson DOM, which needs the whole input in memory
// (plus a tape of about the same size), so inputs above kMaxStixBundleBytes are rejected as a
// whole. Nothing here recurses over the JSON: depth beyond simdjson's limit is a JSON error.

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "stormwatch/core/input_stats.h"
#include "stormwatch/core/padded_text.h"
#include "stormwatch/core/status.h"
#include "stormwatch/intel/indicator_set.h"

namespace stormwatch::intel::stix {

/// 256 MiB: MITRE ATT&CK enterprise (the largest public bundle in common use) is about 50 MiB.
/// Larger feeds come paged (TAXII) and can be split into several bundles.
inline constexpr std::size_t kMaxStixBundleBytes = std::size_t{256} << 20;

/// Why an object was rejected. Stable: never renumber, only append. Until core/input_stats.h
/// has STIX reasons, all of them are reported to InputStats as kUnknownSyntax with the name
/// below as the first word of the detail.
enum class StixReject : std::uint8_t {
    kPatternSyntax,        ///< `stix-pattern-syntax`
    kPatternUnsupported,   ///< `stix-pattern-unsupported`: valid STIX the matcher cannot honour
    kPatternInvalidValue,  ///< `stix-invalid-value` in a pattern (`999.1.1.1`, `1.2.3.4/40`)
    kPatternType,          ///< `stix-pattern-type`: pattern_type other than stix
    kRevoked,              ///< `stix-revoked`
    kDuplicateId,          ///< `stix-duplicate-id`: first wins
    kInvalidObject,        ///< `stix-invalid-object`: no type/id, bad timestamp, not an object
    kInvalidObservable,    ///< `stix-invalid-observable`: an SCO value that is not valid
    kRefused,              ///< `stix-refused`: the indicator set builder refused a value
    kCount,                // keep last
};

std::string_view StixRejectName(StixReject reason);

/// What one import did, beside the InputStats accounting.
struct StixImportSummary {
    std::map<std::string, std::uint64_t> objects_by_type;  ///< every record, by `type`
    std::uint64_t indicators = 0;                          ///< Indicator values handed to the sink
    std::array<std::uint64_t, static_cast<std::size_t>(StixReject::kCount)> rejected{};
    [[nodiscard]] std::uint64_t RejectedFor(StixReject reason) const {
        return rejected[static_cast<std::size_t>(reason)];
    }
};

/// Receives the indicators of one record (all values of one STIX indicator, or of one SCO).
/// Returns false to refuse them: the record is then rejected (kRefused).
using IndicatorSink = std::function<bool(std::vector<Indicator>&&)>;

/// Parses a bundle (or a single STIX object) and hands the indicators of each record to
/// `sink`. Returns a non-ok Status, after one whole-input rejection in `stats`, when the input
/// is not JSON, not a STIX bundle, or larger than kMaxStixBundleBytes.
Status ParseStixBundle(PaddedText json, std::string_view source_name, const IndicatorSink& sink,
                       InputStats& stats, StixImportSummary* summary = nullptr);

/// ParseStixBundle into `builder` via IndicatorSetBuilder::Add(Indicator).
Status ImportStixBundle(PaddedText json, std::string_view source_name, IndicatorSetBuilder& builder,
                        InputStats& stats, StixImportSummary* summary = nullptr);

}  // namespace stormwatch::intel::stix
