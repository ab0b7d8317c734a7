// SPDX-License-Identifier: Apache-2.0
#pragma once

// MISP importer: reads MISP event JSON (single events, `{"response": [...]}` search results,
// bare event objects, arrays of events) and MISP feed directories into an IndicatorSetBuilder.
// Every attribute is one record: it is loaded, or processed without loading (not detection
// data, deleted, or a type that carries nothing to match), or rejected with its uuid and
// reason, so `read == processed + rejected`. The mapping and its reasons are in README.md.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "stormwatch/core/input_stats.h"
#include "stormwatch/core/padded_text.h"
#include "stormwatch/core/status.h"
#include "stormwatch/intel/indicator_set.h"

namespace stormwatch::intel {

/// Inputs larger than this are refused before parsing (same cap as the CSV loader).
inline constexpr std::size_t kMaxMispBytes = 256 * 1024 * 1024;
/// Deepest JSON nesting accepted. Real events nest about 8 levels (response, Event, Object,
/// Attribute, Galaxy, GalaxyCluster, meta); 64 leaves room and bounds the parser's stack.
inline constexpr std::size_t kMaxMispDepth = 64;
/// Labels kept per indicator (event tags first, then the attribute's): an event with
/// thousands of tags and attributes would otherwise multiply into millions of strings.
inline constexpr std::size_t kMaxMispLabels = 64;

struct MispImportOptions {
    /// Also load attributes with `to_ids: false`. MISP marks those as context (not for
    /// detection), so by default they are processed and counted, not loaded.
    bool include_context = false;
};

/// What an import saw beyond InputStats (which counts attributes as records). Accumulates
/// across calls, so one report can cover a whole feed directory.
struct MispImportReport {
    std::uint64_t events = 0;              ///< MISP events read
    std::uint64_t indicators = 0;          ///< indicators added (a composite attribute adds two)
    std::uint64_t loaded = 0;              ///< attributes that added at least one indicator
    std::uint64_t context_only = 0;        ///< `to_ids: false`: processed, not loaded
    std::uint64_t deleted = 0;             ///< `deleted: true` (attribute or its object): processed
    std::uint64_t not_indicator = 0;       ///< processed: the type has nothing to match
    std::uint64_t sightings = 0;           ///< Sighting entries on the attributes read
    std::uint64_t proposals = 0;           ///< ShadowAttribute proposals (never loaded)
    std::uint64_t feed_events_listed = 0;  ///< events listed by feed manifests seen
    /// `loaded` by MISP type (`ip-dst`, `filename|sha256`, ...), sorted by name.
    std::map<std::string, std::uint64_t> loaded_types;
    /// `not_indicator` by MISP type (`text`, `AS`, `uri (relative)`, ...), sorted by name.
    std::map<std::string, std::uint64_t> not_indicator_types;
};

/// Imports one MISP JSON document. `source_name` names the input in messages (a file name).
/// Returns InvalidArgument for malformed JSON (offset, line and column in the message; the
/// input is rejected in `stats`), Unsupported for JSON that is not MISP, and Unsupported for
/// a feed manifest (its events are counted in `report->feed_events_listed`; import the feed
/// with ImportMispFeedDirectory or ImportMispFile). Bad attributes are rejections, not errors.
Status ImportMispJson(std::string_view json, std::string_view source_name,
                      IndicatorSetBuilder& builder, InputStats& stats,
                      MispImportReport* report = nullptr, const MispImportOptions& options = {});

/// Imports a MISP feed directory: `dir/manifest.json` lists the events, each stored next to
/// it as `<uuid>.json`. Manifest keys that are not UUIDs are rejected (they would name
/// arbitrary paths). A missing or malformed event file is one rejected record; the other
/// files still load. Only an unreadable or malformed manifest is an error.
Status ImportMispFeedDirectory(const std::string& dir, IndicatorSetBuilder& builder,
                               InputStats& stats, MispImportReport* report = nullptr,
                               const MispImportOptions& options = {});

/// Imports `contents`, the file at `path` as the caller read it (padded: parsed in place); a
/// feed manifest (`manifest.json`) imports its directory.
Status ImportMispFile(const std::string& path, PaddedText contents, IndicatorSetBuilder& builder,
                      InputStats& stats, MispImportReport* report = nullptr,
                      const MispImportOptions& options = {});

/// True for JSON text that ImportMispJson would read as MISP (an event, a response, an array
/// of events or a feed manifest), judged from the top-level keys. For format sniffing.
bool LooksLikeMispJson(PaddedText json);

}  // namespace stormwatch::intel
