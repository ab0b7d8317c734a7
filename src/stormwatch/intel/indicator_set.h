// SPDX-License-Identifier: Apache-2.0
#pragma once

// IndicatorSet: threat indicators compiled once, immutable, shared by every detector thread.
// Addresses and prefixes answer longest-prefix-match; domains match exactly or as a parent
// domain; URLs match after RFC 3986 normalisation; other kinds (hashes, account names, file
// names, e-mail addresses) match exactly, case-insensitively.
//
// Values are stored compactly (IPv4 as integers, strings in one arena, metadata interned once
// per distinct (source, actor, labels, ...) tuple); an `Indicator` is materialised on first
// use and then stays at the same address for the set's lifetime (README.md, "Memory layout").

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <span>
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

/// The hash type of a hex digest of `length` characters (32 MD5, 40 SHA-1, 64 SHA-256,
/// 128 SHA-512); nullopt for any other length.
std::optional<IndicatorType> HashTypeForLength(std::size_t length);

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

/// `2025-08-27`, `2025-08-27T10:00:00Z`, `2025-08-27T10:00:00.5+02:00` (RFC 3339; a space is
/// accepted for `T`) to Unix seconds (UTC). Date-only values mean midnight UTC.
std::optional<std::int64_t> ParseTimestamp(std::string_view text);

/// Builder: add indicators, then Build() an immutable set.
///
/// Duplicates (same type and normalised value, e.g. the same address from two feeds) become
/// one indicator: the first occurrence's source, confidence, actor and id are kept (load
/// order decides), labels are the union in first-seen order, and the validity window widens
/// to cover both (an open bound wins).
class IndicatorSetBuilder {
public:
    IndicatorSetBuilder();
    ~IndicatorSetBuilder();
    IndicatorSetBuilder(IndicatorSetBuilder&&) noexcept;
    IndicatorSetBuilder& operator=(IndicatorSetBuilder&&) noexcept;
    IndicatorSetBuilder(const IndicatorSetBuilder&) = delete;
    IndicatorSetBuilder& operator=(const IndicatorSetBuilder&) = delete;

    /// Adds one indicator. `type_hint` may be empty: the type is then detected from the value.
    /// Returns false (and leaves the set unchanged) for a value that is not a valid indicator.
    bool Add(std::string_view value, std::string_view type_hint, std::string_view source,
             std::string_view confidence, std::string_view actor, std::string_view id = {});
    /// Adds a fully described indicator (importers of STIX and MISP): `value` is validated and
    /// normalised for `type` (addresses canonical, domains and hashes lower case, URLs by
    /// NormaliseUrl). Returns false, leaving the set unchanged, when the value is invalid.
    bool Add(Indicator indicator);

    /// Loads a CSV with a header row (columns value,type,source,confidence,actor,id,labels,
    /// valid_from,valid_until; `indicator` is accepted for `value`; unknown columns are
    /// ignored) or a plain list (one value per line, `#` comments). `labels` are separated by
    /// `;` or `|`; `valid_from`/`valid_until` are RFC 3339 or YYYY-MM-DD. Bad rows are
    /// rejected into `stats` with their line and the reason.
    Status LoadText(std::string_view text, std::string_view source_name, InputStats& stats);

    /// Number of values added so far (before duplicates are merged).
    [[nodiscard]] std::size_t pending() const;

    std::shared_ptr<const class IndicatorSet> Build();

private:
    struct Staging;  ///< compact pending values and interned metadata (indicator_set.cpp)
    std::unique_ptr<Staging> staging_;
};

class IndicatorSet {
public:
    IndicatorSet();
    ~IndicatorSet();
    IndicatorSet(const IndicatorSet&) = delete;
    IndicatorSet& operator=(const IndicatorSet&) = delete;

    /// The most specific indicator containing `address` (longest prefix), or null.
    [[nodiscard]] const Indicator* MatchAddress(const IpAddress& address) const;
    /// MatchAddress for an IPv4 address in host order, without building an IpAddress.
    [[nodiscard]] const Indicator* MatchIpv4(std::uint32_t host_order) const;
    /// MatchIpv4 of many addresses: `out[i]` answers `host_order[i]`; `out` is at least as long.
    /// Several times faster per address than one call each: the lookups of a batch wait for
    /// their cache misses together instead of one after another.
    void MatchIpv4Batch(std::span<const std::uint32_t> host_order,
                        std::span<const Indicator*> out) const;
    /// An indicator prefix overlapping `prefix` (for ACL entries that permit whole ranges):
    /// the most specific indicator containing `prefix`, else the lowest-addressed indicator
    /// inside it.
    [[nodiscard]] const Indicator* MatchPrefix(const IpPrefix& prefix) const;
    /// Exact domain or any parent domain (`a.evil.example` matches `evil.example`).
    [[nodiscard]] const Indicator* MatchDomain(std::string_view domain) const;
    /// MatchDomain of many names: `out[i]` answers `names[i]`; `out` is at least as long. Faster
    /// per name than one call each, as MatchIpv4Batch.
    void MatchDomainBatch(std::span<const std::string_view> names,
                          std::span<const Indicator*> out) const;
    /// Exact match of account names, hashes, file names, e-mail addresses and domains
    /// (case-insensitive); URLs as MatchUrl; addresses and prefixes by their exact value.
    [[nodiscard]] const Indicator* MatchValue(IndicatorType type, std::string_view value) const;
    /// A URL indicator equal to `url` after NormaliseUrl on both sides.
    [[nodiscard]] const Indicator* MatchUrl(std::string_view url) const;

    /// Number of distinct indicators.
    [[nodiscard]] std::size_t size() const { return size_; }
    /// Indicator `i` (0 <= i < size()), materialised on first use; the reference stays valid
    /// as long as the set. Order: IPv4, IPv6, then string values, each sorted by value.
    [[nodiscard]] const Indicator& indicator(std::size_t i) const { return *Get(i); }
    /// True when some indicator has `type` (lets scanners skip work, e.g. URL extraction).
    [[nodiscard]] bool HasType(IndicatorType type) const {
        return (type_mask_ & (1U << static_cast<unsigned>(type))) != 0;
    }

    /// Enumeration: `for (const Indicator& i : set.indicators())`, `indicators()[n]`.
    /// Enumerating materialises every indicator: meant for small sets, tests and exports.
    class Range {
    public:
        class Iterator {
        public:
            using iterator_category = std::forward_iterator_tag;
            using value_type = Indicator;
            using difference_type = std::ptrdiff_t;
            using pointer = const Indicator*;
            using reference = const Indicator&;
            Iterator() = default;
            Iterator(const IndicatorSet* set, std::size_t i) : set_(set), i_(i) {}
            reference operator*() const { return set_->indicator(i_); }
            pointer operator->() const { return &set_->indicator(i_); }
            Iterator& operator++() {
                ++i_;
                return *this;
            }
            Iterator operator++(int) {
                Iterator old = *this;
                ++i_;
                return old;
            }
            friend bool operator==(const Iterator& a, const Iterator& b) { return a.i_ == b.i_; }

        private:
            const IndicatorSet* set_ = nullptr;
            std::size_t i_ = 0;
        };
        explicit Range(const IndicatorSet* set) : set_(set) {}
        [[nodiscard]] Iterator begin() const { return {set_, 0}; }
        [[nodiscard]] Iterator end() const { return {set_, set_->size()}; }
        [[nodiscard]] std::size_t size() const { return set_->size(); }
        [[nodiscard]] bool empty() const { return set_->size() == 0; }
        const Indicator& operator[](std::size_t i) const { return set_->indicator(i); }

    private:
        const IndicatorSet* set_;
    };
    [[nodiscard]] Range indicators() const { return Range(this); }

    /// Bytes held by the compiled tables (values, lookup structures, metadata; not the
    /// materialised Indicator objects). For the memory benchmark.
    [[nodiscard]] std::size_t MemoryBytes() const;

    struct Tables;  ///< defined in indicator_set.cpp

private:
    friend class IndicatorSetBuilder;
    [[nodiscard]] const Indicator* Get(std::size_t i) const;
    [[nodiscard]] const Indicator* GetOrNull(std::uint32_t i) const;
    std::unique_ptr<Tables> tables_;
    /// One slot per indicator, calloc'd so untouched pages cost no memory; written once with
    /// compare-exchange (std::atomic_ref) when the indicator is first materialised.
    const Indicator** cache_ = nullptr;
    std::size_t size_ = 0;
    std::uint32_t type_mask_ = 0;
};

/// An indicator value as IndicatorSetBuilder stores, matches and prints it.
struct CanonicalValue {
    IndicatorType type = IndicatorType::kIpv4;
    std::string value;
};

/// `value` (trimmed; refanged, except accounts and file names) as an indicator of `type`:
/// addresses canonical, prefixes with host bits clear, domains, e-mail domains and hashes
/// lower case, URLs by NormaliseUrl. An ipv4 or ipv6 value may be a prefix of that family
/// (type cidr); a cidr value may be a bare address (its own type). nullopt when the value is
/// not a valid indicator of `type`. The one definition every importer validates with.
std::optional<CanonicalValue> CanonicalIndicatorValue(IndicatorType type, std::string_view value);

/// RFC 3986 normalisation for comparing URLs: scheme and host lower case, default port
/// (80 for http, 443 for https, 21 for ftp) dropped, percent-encoding of unreserved characters
/// decoded and hex digits of the rest upper case, empty path as `/`, fragment dropped.
/// Returns an empty string for text that is not an absolute URL (`scheme://host...`).
std::string NormaliseUrl(std::string_view url);

/// The host of an absolute URL (`scheme://[user@]host[:port]/...`), without brackets for an
/// IPv6 literal; empty when there is none. Offsets are into `url`.
struct UrlHost {
    std::size_t offset = 0;
    std::size_t length = 0;
};
UrlHost FindUrlHost(std::string_view url);

}  // namespace stormwatch::intel
