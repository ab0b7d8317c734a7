// SPDX-License-Identifier: Apache-2.0
#pragma once

// Finding: the public output contract (docs/findings.md). Every detector, rule and matcher
// reports this one shape; reporters only render it.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "stormwatch/core/heap_optional.h"

namespace stormwatch {

enum class Severity : std::uint8_t { kInfo, kLow, kMedium, kHigh, kCritical };

std::string_view SeverityName(Severity severity);
/// Parses `info|low|medium|high|critical` (case-insensitive).
std::optional<Severity> ParseSeverity(std::string_view name);

enum class SourceKind : std::uint8_t { kConfig, kLog, kFlow, kPcap, kIntel };
std::string_view SourceKindName(SourceKind kind);

/// The indicator that a finding involved (findings.md `indicator`).
struct IndicatorRef {
    std::string value;
    std::string type;    ///< ipv4, ipv6, cidr, domain, url, sha256, account, ...
    std::string source;  ///< feed or advisory id
    std::string id;      ///< original id (STIX id, MISP uuid); empty when the feed has none
    std::string actor;
    /// The indicator's validity window (RFC 3339 UTC), when the feed gives one: an event
    /// outside it still matches, at lower severity, and the window shows why.
    std::optional<std::string> valid_from;
    std::optional<std::string> valid_until;
    friend bool operator==(const IndicatorRef&, const IndicatorRef&) = default;
};

struct Finding {
    std::string rule_id;
    std::string title;
    std::string category;
    Severity severity = Severity::kInfo;
    std::vector<std::string> attack;
    std::string device;
    SourceKind source_kind = SourceKind::kConfig;
    std::string path;          ///< as the user gave it
    std::uint64_t line = 0;    ///< 1-based for text inputs; 0 when the finding has no line
    std::uint64_t record = 0;  ///< 1-based for binary inputs; 0 otherwise
    std::string evidence;
    HeapOptional<IndicatorRef> indicator;
    std::optional<std::string> time;  ///< RFC 3339 UTC; absent for configs
    std::uint64_t count = 1;
    std::optional<std::string> first_time;
    std::optional<std::string> last_time;
    std::string fingerprint;  ///< filled by FillFingerprint()
};

/// Collapses runs of whitespace and trims, so cosmetic re-indentation keeps the fingerprint.
std::string NormaliseEvidence(std::string_view evidence);

/// Stable hex hash of (rule_id, device, normalised evidence): the same problem in tomorrow's
/// run has the same fingerprint (64-bit FNV-1a twice with different seeds, 32 hex digits).
std::string ComputeFingerprint(std::string_view rule_id, std::string_view device,
                               std::string_view evidence);
void FillFingerprint(Finding& finding);

/// The canonical order of findings in every output: path, line, record, rule id, evidence,
/// fingerprint, then the indicator (type, value, id), so that no two findings tie.
bool FindingLess(const Finding& a, const Finding& b);

/// Merges `runs`, each already in FindingLess order, into one vector in that order, moving
/// every finding once (the runs are left holding moved-from findings); a lone non-empty run
/// is returned whole, without moving its findings. Runs that do not overlap, as per-input runs
/// of a hunt, cost one comparison per finding.
std::vector<Finding> MergeSortedFindings(std::span<std::vector<Finding>> runs);

}  // namespace stormwatch
