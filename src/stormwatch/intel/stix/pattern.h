// SPDX-License-Identifier: Apache-2.0
#pragma once

// STIX 2.1 patterning (STIX 2.1 part 9): a parser for the whole grammar and a mapping of the
// subset that the indicator matcher honours exactly onto indicator values. A pattern is either
// mapped completely or rejected with a reason: never half-applied. What maps:
//
//   ipv4-addr:value, ipv6-addr:value     =, IN, ISSUBSET (address or CIDR)
//   network-traffic:dst_ref.value, src_ref.value   same (address, CIDR, or a domain)
//   domain-name:value                    =, IN, LIKE without wildcard, LIKE '%.d' (d and its
//                                        subdomains: the matcher's domain semantics, which also
//                                        match d itself), MATCHES '^d$' / '^(.*\.)?d$'
//   url:value, email-addr:value, file:name, user-account:user_id / account_login
//                                        =, IN, LIKE without wildcard, MATCHES '^literal$'
//   file:hashes.MD5 / 'SHA-1' / 'SHA-256' / 'SHA-512' (any case, hyphen optional)
//                                        =, IN, h'..' and b64'..' literals
//
// OR inside an observation and observations joined by OR give several values. Everything else
// (AND of comparisons, FOLLOWEDBY, AND of observations, qualifiers, NOT, !=, ordering
// comparisons, non-literal MATCHES, other object paths) rejects the whole pattern.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "stormwatch/intel/indicator_set.h"

namespace stormwatch::intel::stix {

/// Why a pattern was not mapped. Stable: the importer counts by it.
enum class PatternIssue : std::uint8_t {
    kNone,
    kSyntax,        ///< not a STIX pattern (message has the byte offset)
    kUnsupported,   ///< valid STIX that the matcher cannot honour exactly
    kInvalidValue,  ///< a value that is not a valid indicator (`999.1.1.1`, `1.2.3.4/40`)
};

std::string_view PatternIssueName(PatternIssue issue);

struct PatternValue {
    IndicatorType type = IndicatorType::kIpv4;
    std::string value;  ///< normalised like IndicatorSetBuilder::Add does
    friend bool operator==(const PatternValue&, const PatternValue&) = default;
};

struct PatternMapping {
    PatternIssue issue = PatternIssue::kNone;
    std::string message;               ///< empty when issue == kNone
    std::vector<PatternValue> values;  ///< empty unless issue == kNone; duplicates removed
    [[nodiscard]] bool ok() const { return issue == PatternIssue::kNone; }
};

/// Patterns longer than this are rejected as kUnsupported before parsing; nesting of
/// parentheses and brackets is capped at kMaxPatternDepth so the recursive parser has a
/// bounded stack whatever the input.
inline constexpr std::size_t kMaxPatternBytes = 1 << 20;
inline constexpr int kMaxPatternDepth = 64;

/// Checks the syntax only (the whole STIX 2.1 grammar). kNone or kSyntax.
PatternMapping CheckStixPatternSyntax(std::string_view pattern);

/// Parses `pattern` and maps it onto indicator values (see the file comment).
PatternMapping MapStixPattern(std::string_view pattern);

/// Validates and normalises one value for `type` in place (CanonicalIndicatorValue, the
/// builder's own rules). Returns false for an invalid value. Shared with the bundle importer
/// for SCOs.
bool NormaliseIndicatorValue(IndicatorType type, std::string& value);

}  // namespace stormwatch::intel::stix
