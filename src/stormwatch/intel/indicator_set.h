// SPDX-License-Identifier: Apache-2.0
#pragma once

// IndicatorSet: threat indicators compiled once, immutable, shared by every detector thread.
// Addresses and prefixes answer longest-prefix-match; domains match exactly or as a parent
// domain; other kinds (hashes, account names, file names) match exactly, case-insensitively.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "stormwatch/core/input_stats.h"
#include "stormwatch/core/ip_address.h"
#include "stormwatch/core/status.h"

namespace stormwatch::intel {

enum class IndicatorType : std::uint8_t {
    kIpv4,
    kIpv6,
    kCidr,
    kDomain,
    kUrl,
    kMd5,
    kSha1,
    kSha256,
    kSha512,
    kAccount,
    kFileName,
    kEmail
};

std::string_view IndicatorTypeName(IndicatorType type);

struct Indicator {
    std::string value;  ///< normalised text (addresses canonical, domains lower case)
    IndicatorType type = IndicatorType::kIpv4;
    std::string source;      ///< feed or advisory, e.g. `AA25-239A (...)`
    std::string confidence;  ///< `high`, `medium`, `low`, or a number as text
    std::string actor;
    std::string id;  ///< original id when the feed has one (STIX id, MISP attribute uuid)
    /// Threat actor / intrusion set / malware names and feed tags (STIX labels and
    /// relationships, MISP tags), in feed order.
    std::vector<std::string> labels;
    /// Validity window in Unix seconds (UTC): STIX valid_from/valid_until, MISP first/last
    /// seen. Absent bounds are open. An event outside the window still matches, at lower
    /// severity (IsValidAt).
    std::optional<std::int64_t> valid_from;
    std::optional<std::int64_t> valid_until;
};

/// True when `when` (Unix seconds) lies inside the indicator's validity window; true when the
/// indicator has no window. Config findings, which have no time, are always inside.
bool IsValidAt(const Indicator& indicator, std::int64_t when);

/// Builder: add indicators, then Build() an immutable set.
class IndicatorSetBuilder {
public:
    /// Adds one indicator. `type_hint` may be empty: the type is then detected from the value.
    /// Returns false (and leaves the set unchanged) for a value that is not a valid indicator.
    bool Add(std::string_view value, std::string_view type_hint, std::string_view source,
             std::string_view confidence, std::string_view actor, std::string_view id = {});
    /// Adds a fully described indicator (importers of STIX and MISP): `value` is validated and
    /// normalised for `type` (addresses canonical, domains and hashes lower case, URLs by
    /// NormaliseUrl). Returns false, leaving the set unchanged, when the value is invalid.
    bool Add(Indicator indicator);

    /// Loads a CSV with a header row (columns value,type,source,confidence,actor; `indicator`
    /// is accepted for `value`; unknown columns are ignored) or a plain list (one value per
    /// line, `#` comments). Bad rows are rejected into `stats` with their line.
    Status LoadFile(const std::string& path, InputStats& stats);
    Status LoadText(std::string_view text, std::string_view source_name, InputStats& stats);

    std::shared_ptr<const class IndicatorSet> Build();

private:
    std::vector<Indicator> indicators_;
};

class IndicatorSet {
public:
    /// The most specific indicator containing `address` (longest prefix), or null.
    [[nodiscard]] const Indicator* MatchAddress(const IpAddress& address) const;
    /// An indicator prefix overlapping `prefix` (for ACL entries that permit whole ranges).
    [[nodiscard]] const Indicator* MatchPrefix(const IpPrefix& prefix) const;
    /// Exact domain or any parent domain (`a.evil.example` matches `evil.example`).
    [[nodiscard]] const Indicator* MatchDomain(std::string_view domain) const;
    /// Exact match of account names, hashes, file names (case-insensitive).
    [[nodiscard]] const Indicator* MatchValue(IndicatorType type, std::string_view value) const;
    /// A URL indicator equal to `url` after NormaliseUrl on both sides.
    [[nodiscard]] const Indicator* MatchUrl(std::string_view url) const;

    [[nodiscard]] std::size_t size() const { return indicators_.size(); }
    [[nodiscard]] const std::vector<Indicator>& indicators() const { return indicators_; }

private:
    friend class IndicatorSetBuilder;
    std::vector<Indicator> indicators_;
    struct PrefixEntry {
        IpPrefix prefix;
        std::uint32_t index;
    };
    /// Sorted by (family v4 first, length desc, network bytes): each run of one family and
    /// length is a LengthGroup, binary-searched after masking the query to that length.
    std::vector<PrefixEntry> prefixes_;
    struct LengthGroup {
        int length;
        std::size_t begin;
        std::size_t end;
    };
    std::vector<LengthGroup> v4_lengths_;  ///< longest first
    std::vector<LengthGroup> v6_lengths_;  ///< longest first
    [[nodiscard]] const Indicator* FindExactPrefix(const LengthGroup& group,
                                                   const IpPrefix& network) const;
    std::vector<std::pair<std::string, std::uint32_t>>
        values_;  ///< sorted (type-tagged key, index)
};

/// RFC 3986 normalisation for comparing URLs: scheme and host lower case, default port
/// (80 for http, 443 for https, 21 for ftp) dropped, percent-encoding of unreserved characters
/// decoded and hex digits of the rest upper case, empty path as `/`, fragment dropped.
/// Returns an empty string for text that is not an absolute URL.
std::string NormaliseUrl(std::string_view url);

}  // namespace stormwatch::intel
