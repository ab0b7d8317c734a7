// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/indicator_set.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <bitset>
#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "stormwatch/core/text.h"
#include "stormwatch/intel/ipv4_range_table.h"
#include "stormwatch/intel/string_hash.h"

namespace stormwatch::intel {

namespace {

constexpr std::size_t kMaxValueBytes = 4096;
// Intel files are lists, not corpora; past this size the input is almost surely not intel.
// A stored length is (prefix length | kCidrFlag when the indicator's type is `cidr`).
constexpr std::uint16_t kCidrFlag = 0x100;
constexpr std::uint16_t kLengthBits = 0xff;

// IPv6 addresses as two 64-bit halves: ordered, masked and incremented like an integer.
struct U128 {
    std::uint64_t hi = 0;
    std::uint64_t lo = 0;
    friend auto operator<=>(const U128&, const U128&) = default;
};

bool IsAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool HasSpaceOrControl(std::string_view s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; });
}

// Feeds often publish defanged values (`evil[.]example`, `hxxps://`); matching needs them live.
std::string Refang(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value.substr(i, 3) == "[.]" || value.substr(i, 3) == "(.)") {
            out += '.';
            i += 2;
        } else {
            out += value[i];
        }
    }
    if (text::IStartsWith(out, "hxxp")) {
        out.replace(0, 4, "http");
    }
    return out;
}

bool NeedsRefang(std::string_view value) {
    return value.find("[.]") != std::string_view::npos ||
           value.find("(.)") != std::string_view::npos || text::IStartsWith(value, "hxxp");
}

// RFC 1035 host name with at least two labels, allowing `_` (seen in real DNS names). The last
// label must not be all digits, so `999.1.1.1` is a bad address, not a domain.
std::optional<std::string> NormaliseDomain(std::string_view value) {
    std::string domain = text::ToLower(value);
    if (!domain.empty() && domain.back() == '.') {
        domain.pop_back();
    }
    if (domain.empty() || domain.size() > 253 || domain.find('.') == std::string::npos) {
        return std::nullopt;
    }
    std::size_t start = 0;
    bool last_all_digits = false;
    while (start <= domain.size()) {
        std::size_t dot = domain.find('.', start);
        if (dot == std::string::npos) {
            dot = domain.size();
        }
        const std::string_view label(domain.data() + start, dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
            return std::nullopt;
        }
        last_all_digits = true;
        for (const char c : label) {
            if (!IsAlnum(c) && c != '-' && c != '_') {
                return std::nullopt;
            }
            if (c < '0' || c > '9') {
                last_all_digits = false;
            }
        }
        start = dot + 1;
    }
    if (last_all_digits) {
        return std::nullopt;
    }
    return domain;
}

std::optional<std::string> NormaliseEmail(std::string_view value) {
    const std::size_t at = value.rfind('@');
    if (at == std::string_view::npos || at == 0 || HasSpaceOrControl(value)) {
        return std::nullopt;
    }
    const auto domain = NormaliseDomain(value.substr(at + 1));
    if (!domain) {
        return std::nullopt;
    }
    return text::ToLower(value.substr(0, at)) + "@" + *domain;
}

// A normalised value in its compact form: addresses as integers, everything else as text.
struct Parsed {
    IndicatorType type = IndicatorType::kIpv4;
    bool v4 = true;
    std::uint32_t v4_net = 0;
    U128 v6_net;
    int length = 0;
    std::string text;
};

U128 ToU128(const std::array<std::uint8_t, 16>& bytes) {
    U128 v;
    for (int i = 0; i < 8; ++i) {
        v.hi = (v.hi << 8) | bytes[static_cast<std::size_t>(i)];
        v.lo = (v.lo << 8) | bytes[static_cast<std::size_t>(i + 8)];
    }
    return v;
}

std::array<std::uint8_t, 16> FromU128(U128 v) {
    std::array<std::uint8_t, 16> bytes{};
    for (int i = 7; i >= 0; --i) {
        bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v.hi & 0xff);
        bytes[static_cast<std::size_t>(i + 8)] = static_cast<std::uint8_t>(v.lo & 0xff);
        v.hi >>= 8;
        v.lo >>= 8;
    }
    return bytes;
}

std::optional<Parsed> ParseAddressOrPrefix(std::string_view value, bool allow_v4, bool allow_v6) {
    Parsed p;
    if (value.find('/') != std::string_view::npos) {
        const auto prefix = IpPrefix::Parse(value);
        if (!prefix || (prefix->address().is_v4() ? !allow_v4 : !allow_v6)) {
            return std::nullopt;
        }
        p.type = IndicatorType::kCidr;
        p.v4 = prefix->address().is_v4();
        p.length = prefix->length();
        if (p.v4) {
            p.v4_net = prefix->address().v4();
        } else {
            p.v6_net = ToU128(prefix->address().bytes());
        }
        return p;
    }
    const auto address = IpAddress::Parse(value);
    if (!address || (address->is_v4() ? !allow_v4 : !allow_v6)) {
        return std::nullopt;
    }
    p.v4 = address->is_v4();
    if (p.v4) {
        p.type = IndicatorType::kIpv4;
        p.v4_net = address->v4();
        p.length = 32;
    } else {
        p.type = IndicatorType::kIpv6;
        p.v6_net = ToU128(address->bytes());
        p.length = 128;
    }
    return p;
}

std::optional<Parsed> TextValue(IndicatorType type, std::optional<std::string> text) {
    if (!text) {
        return std::nullopt;
    }
    Parsed p;
    p.type = type;
    p.text = std::move(*text);
    return p;
}

std::optional<Parsed> ParseHash(std::string_view value, std::optional<IndicatorType> wanted) {
    if (!text::IsHex(value)) {
        return std::nullopt;
    }
    const auto type = HashTypeForLength(value.size());
    if (!type || (wanted && *type != *wanted)) {
        return std::nullopt;
    }
    return TextValue(*type, text::ToLower(value));
}

std::optional<Parsed> ParseUrl(std::string_view value) {
    std::string url = NormaliseUrl(value);
    if (url.empty()) {
        return std::nullopt;
    }
    return TextValue(IndicatorType::kUrl, std::move(url));
}

std::optional<Parsed> Detect(std::string_view value) {
    if (auto ip = ParseAddressOrPrefix(value, true, true)) {
        return ip;
    }
    if (value.find("://") != std::string_view::npos) {
        return ParseUrl(value);
    }
    if (value.find('@') != std::string_view::npos) {
        return TextValue(IndicatorType::kEmail, NormaliseEmail(value));
    }
    if (auto hash = ParseHash(value, std::nullopt)) {
        return hash;
    }
    return TextValue(IndicatorType::kDomain, NormaliseDomain(value));
}

// `hint` is lower case and trimmed.
std::optional<Parsed> Normalise(std::string_view value, std::string_view hint) {
    if (hint.empty()) {
        return Detect(value);
    }
    if (hint == "ipv4" || hint == "ip-src" || hint == "ip-dst") {
        return ParseAddressOrPrefix(value, true, hint != "ipv4");
    }
    if (hint == "ipv6") {
        return ParseAddressOrPrefix(value, false, true);
    }
    if (hint == "ip" || hint == "cidr") {
        // A bare address under `cidr` is a host prefix; keep its address type so it matches
        // and prints like one.
        return ParseAddressOrPrefix(value, true, true);
    }
    if (hint == "domain" || hint == "hostname") {
        return TextValue(IndicatorType::kDomain, NormaliseDomain(value));
    }
    if (hint == "url" || hint == "uri") {
        return ParseUrl(value);
    }
    if (hint == "md5") {
        return ParseHash(value, IndicatorType::kMd5);
    }
    if (hint == "sha1") {
        return ParseHash(value, IndicatorType::kSha1);
    }
    if (hint == "sha256") {
        return ParseHash(value, IndicatorType::kSha256);
    }
    if (hint == "sha512") {
        return ParseHash(value, IndicatorType::kSha512);
    }
    if (hint == "email") {
        return TextValue(IndicatorType::kEmail, NormaliseEmail(value));
    }
    if (hint == "account" || hint == "username") {
        if (HasSpaceOrControl(value)) {
            return std::nullopt;
        }
        return TextValue(IndicatorType::kAccount, std::string(value));
    }
    if (hint == "filename") {
        // File names may contain spaces, never control characters.
        const bool control = std::any_of(value.begin(), value.end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
        });
        if (control) {
            return std::nullopt;
        }
        return TextValue(IndicatorType::kFileName, std::string(value));
    }
    return std::nullopt;
}

bool IsKnownHint(std::string_view hint) {
    for (const std::string_view known :
         {"", "ipv4", "ip-src", "ip-dst", "ipv6", "ip", "cidr", "domain", "hostname", "url", "uri",
          "md5", "sha1", "sha256", "sha512", "email", "account", "username", "filename"}) {
        if (hint == known) {
            return true;
        }
    }
    return false;
}

// Why `value` is not a valid indicator of `hint`: the per-row reason of a rejected CSV row.
std::string ExplainInvalid(std::string_view value, std::string_view hint) {
    if (!IsKnownHint(hint)) {
        return "unknown indicator type '" + text::SanitiseForOutput(hint.substr(0, 40)) + "'";
    }
    const std::size_t slash = value.find('/');
    const std::string_view address = value.substr(0, slash);
    const bool dotted = !address.empty() && std::all_of(address.begin(), address.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '.';
    });
    if (dotted && address.find('.') != std::string_view::npos) {
        if (!IpAddress::Parse(address)) {
            return "bad IPv4 address (four decimal octets 0-255 expected)";
        }
        if (slash != std::string_view::npos) {
            return "bad prefix length (0-32 expected)";
        }
    }
    if (address.find(':') != std::string_view::npos &&
        value.find("://") == std::string_view::npos) {
        if (!IpAddress::Parse(address)) {
            return "bad IPv6 address";
        }
        if (slash != std::string_view::npos) {
            return "bad prefix length (0-128 expected)";
        }
    }
    if (hint == "md5" || hint == "sha1" || hint == "sha256" || hint == "sha512") {
        if (!text::IsHex(value)) {
            return "hash is not hexadecimal";
        }
        return "wrong length for " + std::string(hint) + " (" + std::to_string(value.size()) +
               " hex digits)";
    }
    if (hint.empty() && text::IsHex(value) && value.size() >= 16) {
        return "hex value of " + std::to_string(value.size()) +
               " digits is no md5/sha1/sha256/sha512";
    }
    if (hint == "ipv4" || hint == "ipv6") {
        return "not an " + std::string(hint == "ipv4" ? "IPv4" : "IPv6") + " address or prefix";
    }
    if (hint == "url" || hint == "uri" || value.find("://") != std::string_view::npos) {
        return "not an absolute URL (scheme://host...)";
    }
    return {};
}

// ---- Interned metadata -------------------------------------------------------------------

// Everything but the value: shared by all indicators of one feed row shape, so 1M indicators
// from one feed carry one Meta, not 1M copies of the source string.
struct Meta {
    std::string source;
    std::string confidence;
    std::string actor;
    std::string id;
    std::vector<std::string> labels;
    std::optional<std::int64_t> valid_from;
    std::optional<std::int64_t> valid_until;
    friend bool operator==(const Meta&, const Meta&) = default;
};

class MetaTable {
public:
    std::uint32_t Intern(Meta meta) {
        if (last_ < metas_.size() && metas_[last_] == meta) {
            return last_;  // consecutive rows of one feed usually share everything
        }
        std::string key = meta.source;
        for (const std::string* part : {&meta.confidence, &meta.actor, &meta.id}) {
            key += '\x1f';
            key += *part;
        }
        key += '\x1e';
        for (const std::string& label : meta.labels) {
            key += label;
            key += '\x1f';
        }
        key += '\x1e';
        key += meta.valid_from ? std::to_string(*meta.valid_from) : std::string("-");
        key += '\x1f';
        key += meta.valid_until ? std::to_string(*meta.valid_until) : std::string("-");
        const auto [it, inserted] =
            index_.emplace(std::move(key), static_cast<std::uint32_t>(metas_.size()));
        if (inserted) {
            metas_.push_back(std::move(meta));
        }
        last_ = it->second;
        return it->second;
    }
    [[nodiscard]] const Meta& Get(std::uint32_t id) const { return metas_[id]; }
    std::vector<Meta> Release() {
        index_.clear();
        return std::move(metas_);
    }

private:
    std::vector<Meta> metas_;
    std::unordered_map<std::string, std::uint32_t> index_;
    std::uint32_t last_ = UINT32_MAX;
};

// Duplicate (type, value): the first feed's attribution stays, labels unite, the window widens.
Meta MergeMeta(const Meta& first, const Meta& later) {
    Meta merged = first;
    for (const std::string& label : later.labels) {
        if (std::find(merged.labels.begin(), merged.labels.end(), label) == merged.labels.end()) {
            merged.labels.push_back(label);
        }
    }
    merged.valid_from = (first.valid_from && later.valid_from)
                            ? std::optional(std::min(*first.valid_from, *later.valid_from))
                            : std::nullopt;
    merged.valid_until = (first.valid_until && later.valid_until)
                             ? std::optional(std::max(*first.valid_until, *later.valid_until))
                             : std::nullopt;
    return merged;
}

// ---- String hashing ----------------------------------------------------------------------

constexpr std::array<unsigned char, 256> kFold = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 256; ++c) {
        t[static_cast<std::size_t>(c)] =
            static_cast<unsigned char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
    }
    return t;
}();

constexpr std::size_t kTypeCount = static_cast<std::size_t>(IndicatorType::kEmail) + 1;

// A domain name's parent domain (or itself): where it starts in the name, and its StringHash.
struct DomainSuffix {
    std::size_t start;
    std::uint64_t hash;
};

// The name MatchDomain looks up: trimmed, without the root's trailing dot, and cut to its
// longest parent domain that a set can hold.
std::string_view DomainQuery(std::string_view domain) {
    // Names from the text scanner are never padded: only trim (out of line) when needed.
    const auto padded = [](char c) {
        return static_cast<unsigned char>(c) <= ' ';
    };
    std::string_view name = !domain.empty() && (padded(domain.front()) || padded(domain.back()))
                                ? text::Trim(domain)
                                : domain;
    if (!name.empty() && name.back() == '.') {
        name.remove_suffix(1);
    }
    if (name.size() > detail::kMaxDomainBytes) {
        // Only parents short enough to be stored can match: start at the first label that
        // leaves at most kMaxDomainBytes.
        const std::size_t dot = name.find('.', name.size() - detail::kMaxDomainBytes - 1);
        name = dot == std::string_view::npos ? std::string_view() : name.substr(dot + 1);
    }
    return name;
}

// The hashes of `name` and of each of its parent domains of two or more labels, shortest first,
// into `out` (room for kMaxDomainLabels); returns how many.
std::size_t ParentDomainHashes(std::string_view name, DomainSuffix* out) {
    if (name.empty()) {
        return 0;
    }
    std::array<std::uint8_t, detail::kMaxDomainLabels> starts;
    std::array<std::uint64_t, detail::kMaxDomainLabels> hashes;
    const std::size_t labels = detail::DomainSuffixHashes(
        static_cast<unsigned>(IndicatorType::kDomain), name, starts.data(), hashes.data());
    if (labels == 0) {
        return 0;
    }
    // The last label alone (a top-level domain) is no indicator.
    std::size_t n = 0;
    for (std::size_t k = labels - 1; k-- > 0;) {
        out[n++] = {starts[k], hashes[k]};
    }
    return n;
}

std::uint64_t StringHash(IndicatorType type, std::string_view value) {
    if (type == IndicatorType::kDomain && value.size() <= detail::kMaxDomainBytes) {
        std::array<std::uint8_t, detail::kMaxDomainLabels> starts;
        std::array<std::uint64_t, detail::kMaxDomainLabels> hashes;
        if (detail::DomainSuffixHashes(static_cast<unsigned>(type), value, starts.data(),
                                       hashes.data()) != 0) {
            return hashes[0];
        }
    }
    return detail::ValueHash(static_cast<unsigned>(type), value);
}

// URL paths are case-sensitive after normalisation; every other string type compares folded.
bool FoldsCase(IndicatorType type) {
    return type != IndicatorType::kUrl;
}

bool FoldedEqual(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    // 8 bytes at a time; the last 1-8 bytes load the same way on both sides.
    std::size_t i = 0;
    for (; i + 8 < a.size(); i += 8) {
        std::uint64_t x = 0;
        std::uint64_t y = 0;
        std::memcpy(&x, a.data() + i, 8);
        std::memcpy(&y, b.data() + i, 8);
        if (detail::FoldWord(x) != detail::FoldWord(y)) {
            return false;
        }
    }
    const std::size_t rest = a.size() - i;
    return rest == 0 || detail::FoldWord(detail::LoadUpTo8(a.data() + i, rest)) ==
                            detail::FoldWord(detail::LoadUpTo8(b.data() + i, rest));
}

int FoldedCompare(std::string_view a, std::string_view b) {
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char x = kFold[static_cast<unsigned char>(a[i])];
        const unsigned char y = kFold[static_cast<unsigned char>(b[i])];
        if (x != y) {
            return x < y ? -1 : 1;
        }
    }
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

// ---- Address families --------------------------------------------------------------------

inline std::uint32_t HostMask(std::uint32_t, int length) {
    return length >= 32 ? 0U : (0xffffffffU >> length);
}
inline U128 HostMask(U128, int length) {
    U128 m;
    if (length < 64) {
        m.hi = length == 0 ? ~0ULL : (~0ULL >> length);
        m.lo = ~0ULL;
    } else {
        m.lo = length >= 128 ? 0ULL : (~0ULL >> (length - 64));
    }
    return m;
}
inline std::uint32_t MaskTo(std::uint32_t a, int length) {
    return a & ~HostMask(a, length);
}
inline U128 MaskTo(U128 a, int length) {
    const U128 m = HostMask(a, length);
    return {a.hi & ~m.hi, a.lo & ~m.lo};
}
inline std::uint32_t LastOf(std::uint32_t net, int length) {
    return net | HostMask(net, length);
}
inline U128 LastOf(U128 net, int length) {
    const U128 m = HostMask(net, length);
    return {net.hi | m.hi, net.lo | m.lo};
}
inline bool IsMax(std::uint32_t a) {
    return a == 0xffffffffU;
}
inline bool IsMax(U128 a) {
    return a.hi == ~0ULL && a.lo == ~0ULL;
}
inline std::uint32_t Next(std::uint32_t a) {
    return a + 1;
}
inline U128 Next(U128 a) {
    return a.lo == ~0ULL ? U128{a.hi + 1, 0} : U128{a.hi, a.lo + 1};
}
inline std::uint32_t Prev(std::uint32_t a) {
    return a - 1;
}
inline U128 Prev(U128 a) {
    return a.lo == 0 ? U128{a.hi - 1, ~0ULL} : U128{a.hi, a.lo - 1};
}

constexpr std::uint32_t kNone = UINT32_MAX;

// A flattened address range: part of the union of a family's prefixes, labelled with the
// most specific prefix covering it.
template <class K>
struct Piece {
    K start;
    K end;
    std::uint32_t record;
};

// The prefixes of one family: records sorted by (network, length, cidr flag); record i is
// indicator (base + i).
template <class K>
struct FamilyIndex {
    std::vector<K> net;
    std::vector<std::uint16_t> len;  ///< prefix length | kCidrFlag
    /// The prefix lengths present, longest first (filled by Flatten): Overlap probes only these.
    std::vector<std::uint8_t> lengths;

    // The disjoint address ranges of the union of all prefixes, sorted, each labelled with its
    // most specific prefix: a longest-prefix match is then one search for the piece holding
    // the address.
    std::vector<Piece<K>> Flatten() {
        struct Open {
            K start;
            K end;
            std::uint32_t record;
        };
        std::vector<Piece<K>> pieces;
        std::vector<Open> stack;
        std::bitset<129> present;
        K cur{};
        bool cur_valid = true;  // false once a piece reached the top of the address space
        auto emit = [&](K s, K e, std::uint32_t record) {
            pieces.push_back({s, e, record});
        };
        auto close_top = [&]() {
            const Open top = stack.back();
            stack.pop_back();
            if (cur_valid && !(top.end < cur)) {
                emit(cur, top.end, top.record);
            }
            if (IsMax(top.end)) {
                cur_valid = false;
            } else {
                cur = Next(top.end);
            }
        };
        for (std::uint32_t i = 0; i < net.size(); ++i) {
            const int length = len[i] & kLengthBits;
            const K s = net[i];
            const K e = LastOf(s, length);
            present.set(static_cast<std::size_t>(length));
            while (!stack.empty() && stack.back().end < s) {
                close_top();
            }
            if (!stack.empty()) {
                if (stack.back().start == s && stack.back().end == e) {
                    continue;  // same prefix as `ipv4` and as `cidr`: the first answers
                }
                if (cur < s) {
                    emit(cur, Prev(s), stack.back().record);
                }
            }
            cur = s;
            cur_valid = true;
            stack.push_back({s, e, i});
        }
        while (!stack.empty()) {
            close_top();
        }
        lengths.clear();
        for (std::size_t length = present.size(); length-- > 0;) {
            if (present.test(length)) {
                lengths.push_back(static_cast<std::uint8_t>(length));
            }
        }
        pieces.shrink_to_fit();
        return pieces;
    }

    // First record equal to (network, length), either flag; kNone when absent.
    [[nodiscard]] std::uint32_t Exact(K network, int length, int flag = -1) const {
        const auto key = std::make_pair(network, length);
        std::size_t lo = 0;
        std::size_t hi = net.size();
        while (lo < hi) {
            const std::size_t mid = (lo + hi) / 2;
            if (std::make_pair(net[mid], static_cast<int>(len[mid] & kLengthBits)) < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (; lo < net.size() && net[lo] == network && (len[lo] & kLengthBits) == length; ++lo) {
            if (flag < 0 || (len[lo] & kCidrFlag) == flag) {
                return static_cast<std::uint32_t>(lo);
            }
        }
        return kNone;
    }

    [[nodiscard]] std::uint32_t Overlap(K network, int length) const {
        for (const std::uint8_t l : lengths) {
            if (l <= length) {
                const std::uint32_t hit = Exact(MaskTo(network, l), l);
                if (hit != kNone) {
                    return hit;
                }
            }
        }
        const auto it = std::lower_bound(net.begin(), net.end(), network);
        if (it != net.end() && *it <= LastOf(network, length)) {
            return static_cast<std::uint32_t>(it - net.begin());
        }
        return kNone;
    }

    [[nodiscard]] std::size_t Bytes() const {
        return net.capacity() * sizeof(K) + len.capacity() * 2;
    }
};

// The record of the piece holding `address`, or kNone (IPv6: a binary search over all pieces).
std::uint32_t FindPiece(const std::vector<Piece<U128>>& pieces, U128 address) {
    const auto after = std::upper_bound(pieces.begin(), pieces.end(), address,
                                        [](U128 a, const Piece<U128>& p) { return a < p.start; });
    if (after == pieces.begin()) {
        return kNone;
    }
    const Piece<U128>& piece = *(after - 1);
    return address <= piece.end ? piece.record : kNone;
}

}  // namespace

std::optional<IndicatorType> HashTypeForLength(std::size_t length) {
    switch (length) {
        case 32:
            return IndicatorType::kMd5;
        case 40:
            return IndicatorType::kSha1;
        case 64:
            return IndicatorType::kSha256;
        case 128:
            return IndicatorType::kSha512;
        default:
            return std::nullopt;
    }
}

// ---- Builder staging and the compiled tables ---------------------------------------------

struct IndicatorSetBuilder::Staging {
    struct V4 {
        std::uint32_t net;
        std::uint16_t len;
        std::uint32_t meta;
    };
    struct V6 {
        U128 net;
        std::uint16_t len;
        std::uint32_t meta;
    };
    struct Str {
        std::uint32_t offset;
        std::uint16_t length;
        IndicatorType type;
        std::uint32_t meta;
    };
    MetaTable metas;
    std::vector<V4> v4;
    std::vector<V6> v6;
    std::string arena;
    std::vector<Str> strings;

    bool Add(Parsed&& parsed, Meta meta) {
        if (parsed.type == IndicatorType::kIpv4 || parsed.type == IndicatorType::kIpv6 ||
            parsed.type == IndicatorType::kCidr) {
            const auto len = static_cast<std::uint16_t>(
                parsed.length | (parsed.type == IndicatorType::kCidr ? kCidrFlag : 0));
            const std::uint32_t id = metas.Intern(std::move(meta));
            if (parsed.v4) {
                v4.push_back({parsed.v4_net, len, id});
            } else {
                v6.push_back({parsed.v6_net, len, id});
            }
            return true;
        }
        if (parsed.text.size() > kMaxValueBytes || arena.size() + parsed.text.size() > UINT32_MAX) {
            return false;
        }
        const std::uint32_t id = metas.Intern(std::move(meta));
        strings.push_back({static_cast<std::uint32_t>(arena.size()),
                           static_cast<std::uint16_t>(parsed.text.size()), parsed.type, id});
        arena += parsed.text;
        return true;
    }
};

struct IndicatorSet::Tables {
    std::vector<Meta> metas;
    std::vector<std::uint32_t> meta_of;  ///< per indicator, while building
    /// Per indicator in the narrowest of these that holds every metadata number (a few feeds
    /// usually make a few tuples: one byte); the others stay empty.
    std::vector<std::uint8_t> meta8;
    std::vector<std::uint16_t> meta16;
    [[nodiscard]] std::uint32_t MetaOf(std::uint32_t i) const {
        return !meta8.empty() ? meta8[i] : !meta16.empty() ? meta16[i] : meta_of[i];
    }
    FamilyIndex<std::uint32_t> v4;
    detail::Ipv4RangeTable v4_ranges;
    FamilyIndex<U128> v6;
    std::vector<Piece<U128>> v6_ranges;
    std::uint32_t v6_base = 0;
    std::uint32_t str_base = 0;
    std::string arena;
    /// Where string record k starts in the arena; one more entry (the arena's size) ends the
    /// last, so a length is the difference of two neighbours.
    std::vector<std::uint32_t> str_offset;
    /// String records are sorted by type: those of type t are [type_begin[t], type_begin[t+1]).
    std::array<std::uint32_t, kTypeCount + 1> type_begin{};
    /// Open addressing, linear probing, load <= 0.7: string record number (low 24 bits) and
    /// the hash's top 8 bits, so most probes of absent values never touch the records. Past
    /// 2^24 strings the slot holds the bare record number (`tagged` false).
    std::vector<std::uint32_t> slots;
    std::uint64_t slot_mask = 0;
    bool tagged = true;
    /// One bit per hash of a domain indicator's last two labels: a name whose last two labels
    /// hash to a clear bit has no indicator among its parents. Most names of a log are so
    /// answered from this small bitmap (~2 bytes per domain) without probing the slots.
    std::vector<std::uint64_t> domain_filter;
    std::uint64_t domain_filter_mask = 0;  ///< bits - 1

    [[nodiscard]] std::uint64_t DomainFilterBit(std::uint64_t hash) const {
        return (hash >> 24) & domain_filter_mask;  // the slot index and tag use other bits
    }

    // The parents of `name` (ParentDomainHashes), or none when the filter rules them all out.
    // The filter goes first, on the hash of the last two labels alone: most names of a log
    // end there, and their other labels are never hashed.
    [[nodiscard]] std::size_t DomainParents(std::string_view name, DomainSuffix* out) const {
        std::uint64_t two_labels = 0;
        if (!detail::LastTwoLabelsHash(static_cast<unsigned>(IndicatorType::kDomain), name,
                                       two_labels)) {
            return 0;
        }
        const std::uint64_t bit = DomainFilterBit(two_labels);
        if (((domain_filter[bit / 64] >> (bit % 64)) & 1) == 0) {
            return 0;
        }
        return ParentDomainHashes(name, out);
    }

    [[nodiscard]] std::uint32_t SlotFor(std::uint32_t k, std::uint64_t hash) const {
        return tagged ? (k | static_cast<std::uint32_t>(hash >> 56) << 24) : k;
    }

    [[nodiscard]] std::uint32_t StrCount() const {
        return str_offset.empty() ? 0 : static_cast<std::uint32_t>(str_offset.size() - 1);
    }

    [[nodiscard]] std::string_view Str(std::uint32_t k) const {
        return {arena.data() + str_offset[k], str_offset[k + 1] - str_offset[k]};
    }

    [[nodiscard]] IndicatorType StrType(std::uint32_t k) const {
        const auto after = std::upper_bound(type_begin.begin(), type_begin.end(), k);
        return static_cast<IndicatorType>(after - type_begin.begin() - 1);
    }

    void PrefetchSlot(std::uint64_t hash) const {
        if (!slots.empty()) {
            __builtin_prefetch(&slots[hash & slot_mask]);
        }
    }

    void PrefetchStr(std::uint32_t k) const { __builtin_prefetch(&str_offset[k]); }

    // From slot `i` on (linear probing for `hash`): the first record of `type` whose tag
    // matches, `i` left on its slot; kNone at the first empty slot. Touches only the slots.
    [[nodiscard]] std::uint32_t NextCandidate(IndicatorType type, std::uint64_t hash,
                                              std::uint64_t& i) const {
        if (slots.empty()) {
            return kNone;
        }
        const std::uint32_t tag = static_cast<std::uint32_t>(hash >> 56);
        const std::uint32_t type_first = type_begin[static_cast<std::size_t>(type)];
        const std::uint32_t type_end = type_begin[static_cast<std::size_t>(type) + 1];
        for (;; i = (i + 1) & slot_mask) {
            const std::uint32_t slot = slots[i];
            if (slot == kNone) {
                return kNone;
            }
            if (tagged && (slot >> 24) != tag) {
                continue;
            }
            const std::uint32_t k = tagged ? (slot & 0xffffffU) : slot;
            if (k >= type_first && k < type_end) {
                return k;
            }
        }
    }

    [[nodiscard]] bool Equals(std::uint32_t k, IndicatorType type, std::string_view value) const {
        const std::string_view stored = Str(k);
        return FoldsCase(type) ? FoldedEqual(stored, value) : stored == value;
    }

    // String record `k` equal to `value` of `type` whose StringHash is `hash`, probing from
    // slot `i`; kNone when absent.
    [[nodiscard]] std::uint32_t FindStringFrom(IndicatorType type, std::string_view value,
                                               std::uint64_t hash, std::uint64_t i) const {
        for (;; i = (i + 1) & slot_mask) {
            const std::uint32_t k = NextCandidate(type, hash, i);
            if (k == kNone || Equals(k, type, value)) {
                return k;
            }
        }
    }

    [[nodiscard]] std::uint32_t FindString(IndicatorType type, std::string_view value,
                                           std::uint64_t hash) const {
        return FindStringFrom(type, value, hash, hash & slot_mask);
    }
};

namespace {

// ---- CSV -----------------------------------------------------------------------------------

// One CSV record per RFC 4180: fields separated by commas, optionally double-quoted, `""` an
// escaped quote, newlines allowed inside quotes. `pos` advances past the record.
struct CsvRecord {
    std::vector<std::string> fields;
    std::size_t first_line = 0;
    std::size_t lines = 1;  ///< physical lines the record spans
    std::string error;
};

CsvRecord ReadCsvRecord(std::string_view text, std::size_t& pos, std::size_t line) {
    CsvRecord record;
    record.first_line = line;
    std::string field;
    bool quoted = false;       // inside a quoted field
    bool was_quoted = false;   // the current field started with a quote
    bool after_quote = false;  // a quoted field just closed; only `,` or EOL may follow
    while (pos < text.size()) {
        const char c = text[pos];
        if (quoted) {
            if (c == '"') {
                if (pos + 1 < text.size() && text[pos + 1] == '"') {
                    field += '"';
                    pos += 2;
                    continue;
                }
                quoted = false;
                after_quote = true;
                ++pos;
                continue;
            }
            if (c == '\n') {
                ++record.lines;
            }
            field += c;
            ++pos;
            continue;
        }
        if (c == '\n' || (c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n')) {
            pos += c == '\r' ? 2 : 1;
            record.fields.push_back(std::move(field));
            return record;
        }
        if (c == ',') {
            record.fields.push_back(std::move(field));
            field.clear();
            was_quoted = false;
            after_quote = false;
            ++pos;
            continue;
        }
        if (after_quote) {
            if (c == ' ' || c == '\t' || c == '\r') {
                ++pos;
                continue;
            }
            record.error = "unexpected character after a closing quote";
        } else if (c == '"') {
            if (field.find_first_not_of(" \t") == std::string::npos && !was_quoted) {
                field.clear();
                quoted = true;
                was_quoted = true;
                ++pos;
                continue;
            }
            if (record.error.empty()) {
                record.error = "quote inside an unquoted field";
            }
        }
        field += c;
        ++pos;
    }
    if (quoted) {
        record.error = "unterminated quoted field";
    }
    record.fields.push_back(std::move(field));
    return record;
}

std::vector<std::string> SplitLabels(std::string_view field) {
    std::vector<std::string> labels;
    std::size_t start = 0;
    while (start <= field.size()) {
        std::size_t end = field.find_first_of(";|", start);
        if (end == std::string_view::npos) {
            end = field.size();
        }
        const std::string_view label = text::Trim(field.substr(start, end - start));
        if (!label.empty() && std::find(labels.begin(), labels.end(), label) == labels.end()) {
            labels.emplace_back(label);
        }
        start = end + 1;
    }
    return labels;
}

std::optional<int> Digits(std::string_view s, std::size_t pos, std::size_t count) {
    if (pos + count > s.size()) {
        return std::nullopt;
    }
    int v = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9') {
            return std::nullopt;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

std::int64_t DaysFromCivil(std::int64_t y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::string LowerHint(std::string_view hint) {
    return text::ToLower(text::Trim(hint));
}

// Validates and normalises `value` under `hint` (lower case); null when invalid.
std::optional<Parsed> ParseValue(std::string_view value, std::string_view hint) {
    const std::string_view trimmed = text::Trim(value);
    if (trimmed.empty() || trimmed.size() > kMaxValueBytes) {
        return std::nullopt;
    }
    // Accounts and file names are taken literally; everything else may be defanged.
    const bool literal = hint == "account" || hint == "username" || hint == "filename";
    if (!literal && NeedsRefang(trimmed)) {
        return Normalise(Refang(trimmed), hint);
    }
    return Normalise(trimmed, hint);
}

}  // namespace

std::optional<CanonicalValue> CanonicalIndicatorValue(IndicatorType type, std::string_view value) {
    auto parsed = ParseValue(value, IndicatorTypeName(type));
    if (!parsed) {
        return std::nullopt;
    }
    CanonicalValue out{.type = parsed->type};
    const bool address = parsed->type == IndicatorType::kIpv4 ||
                         parsed->type == IndicatorType::kIpv6 ||
                         parsed->type == IndicatorType::kCidr;
    if (!address) {
        out.value = std::move(parsed->text);
        return out;
    }
    const IpAddress net =
        parsed->v4 ? IpAddress::V4(parsed->v4_net) : IpAddress::V6(FromU128(parsed->v6_net));
    out.value = parsed->type == IndicatorType::kCidr ? IpPrefix(net, parsed->length).ToString()
                                                     : net.ToString();
    return out;
}

std::optional<std::int64_t> ParseTimestamp(std::string_view text_in) {
    const std::string_view s = text::Trim(text_in);
    const auto year = Digits(s, 0, 4);
    const auto month = Digits(s, 5, 2);
    const auto day = Digits(s, 8, 2);
    if (!year || !month || !day || s.size() < 10 || s[4] != '-' || s[7] != '-' || *month < 1 ||
        *month > 12 || *day < 1) {
        return std::nullopt;
    }
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (*year % 4 == 0 && *year % 100 != 0) || *year % 400 == 0;
    if (*day > kDays[*month - 1] + (*month == 2 && leap ? 1 : 0)) {
        return std::nullopt;
    }
    std::int64_t seconds = DaysFromCivil(*year, *month, *day) * 86400;
    if (s.size() == 10) {
        return seconds;
    }
    const auto hour = Digits(s, 11, 2);
    const auto minute = Digits(s, 14, 2);
    const auto second = Digits(s, 17, 2);
    if ((s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !hour || !minute || !second ||
        s[13] != ':' || s[16] != ':' || *hour > 23 || *minute > 59 || *second > 60) {
        return std::nullopt;
    }
    seconds += *hour * 3600 + *minute * 60 + *second;
    std::size_t pos = 19;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        const std::size_t digits_start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            ++pos;
        }
        if (pos == digits_start) {
            return std::nullopt;
        }
    }
    const std::string_view zone = s.substr(pos);
    if (zone == "Z" || zone == "z") {
        return seconds;
    }
    const auto zh = Digits(zone, 1, 2);
    const auto zm = Digits(zone, 4, 2);
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' || !zh || !zm ||
        *zh > 23 || *zm > 59) {
        return std::nullopt;
    }
    const int offset = (*zh * 60 + *zm) * 60;
    return zone[0] == '+' ? seconds - offset : seconds + offset;
}

std::string_view IndicatorTypeName(IndicatorType type) {
    switch (type) {
        case IndicatorType::kIpv4:
            return "ipv4";
        case IndicatorType::kIpv6:
            return "ipv6";
        case IndicatorType::kCidr:
            return "cidr";
        case IndicatorType::kDomain:
            return "domain";
        case IndicatorType::kUrl:
            return "url";
        case IndicatorType::kMd5:
            return "md5";
        case IndicatorType::kSha1:
            return "sha1";
        case IndicatorType::kSha256:
            return "sha256";
        case IndicatorType::kSha512:
            return "sha512";
        case IndicatorType::kAccount:
            return "account";
        case IndicatorType::kFileName:
            return "filename";
        case IndicatorType::kEmail:
            return "email";
    }
    return "unknown";
}

IndicatorSetBuilder::IndicatorSetBuilder() : staging_(std::make_unique<Staging>()) {}
IndicatorSetBuilder::~IndicatorSetBuilder() = default;
IndicatorSetBuilder::IndicatorSetBuilder(IndicatorSetBuilder&&) noexcept = default;
IndicatorSetBuilder& IndicatorSetBuilder::operator=(IndicatorSetBuilder&&) noexcept = default;

std::size_t IndicatorSetBuilder::pending() const {
    return staging_ ? staging_->v4.size() + staging_->v6.size() + staging_->strings.size() : 0;
}

bool IndicatorSetBuilder::Add(std::string_view value, std::string_view type_hint,
                              std::string_view source, std::string_view confidence,
                              std::string_view actor, std::string_view id) {
    if (!staging_) {
        staging_ = std::make_unique<Staging>();
    }
    auto parsed = ParseValue(value, LowerHint(type_hint));
    if (!parsed) {
        return false;
    }
    return staging_->Add(std::move(*parsed), Meta{
                                                 .source = std::string(text::Trim(source)),
                                                 .confidence = std::string(text::Trim(confidence)),
                                                 .actor = std::string(text::Trim(actor)),
                                                 .id = std::string(text::Trim(id)),
                                             });
}

bool IndicatorSetBuilder::Add(Indicator indicator) {
    if (!staging_) {
        staging_ = std::make_unique<Staging>();
    }
    // `ipv4`/`ipv6` hints accept prefixes of their family too (a feed's "ipv4" 10.0.0.0/8).
    auto parsed = ParseValue(indicator.value, IndicatorTypeName(indicator.type));
    if (!parsed) {
        return false;
    }
    std::vector<std::string> labels;
    for (std::string& label : indicator.labels) {
        const std::string_view trimmed = text::Trim(label);
        if (!trimmed.empty() && std::find(labels.begin(), labels.end(), trimmed) == labels.end()) {
            labels.emplace_back(trimmed);
        }
    }
    return staging_->Add(std::move(*parsed),
                         Meta{
                             .source = std::string(text::Trim(indicator.source)),
                             .confidence = std::string(text::Trim(indicator.confidence)),
                             .actor = std::string(text::Trim(indicator.actor)),
                             .id = std::string(text::Trim(indicator.id)),
                             .labels = std::move(labels),
                             .valid_from = indicator.valid_from,
                             .valid_until = indicator.valid_until,
                         });
}

Status IndicatorSetBuilder::LoadText(std::string_view text_in, std::string_view source_name,
                                     InputStats& stats) {
    if (!staging_) {
        staging_ = std::make_unique<Staging>();
    }
    std::string_view data = text_in;
    if (text::StartsWith(data, "\xEF\xBB\xBF")) {
        data.remove_prefix(3);  // UTF-8 BOM written by spreadsheet exports
    }
    // The first meaningful line decides: a header naming `value` or `indicator` means CSV.
    int value_col = -1;
    int type_col = -1;
    int source_col = -1;
    int confidence_col = -1;
    int actor_col = -1;
    int id_col = -1;
    int labels_col = -1;
    int from_col = -1;
    int until_col = -1;
    std::size_t header_fields = 0;
    bool csv = false;
    bool decided = false;

    std::size_t pos = 0;
    std::size_t line = 1;
    while (pos < data.size()) {
        // Blank and comment lines are records that are read and processed, nothing else.
        const std::size_t eol = data.find('\n', pos);
        const std::string_view physical =
            text::Trim(data.substr(pos, eol == std::string_view::npos ? eol : eol - pos));
        if (physical.empty() || physical.front() == '#') {
            stats.CountRead();
            stats.CountProcessed();
            pos = eol == std::string_view::npos ? data.size() : eol + 1;
            ++line;
            continue;
        }
        if (physical.size() > kMaxLineBytes) {
            stats.CountRead();
            stats.Reject(RejectReason::kOversizedLine, line, "line longer than 64 KiB");
            pos = eol == std::string_view::npos ? data.size() : eol + 1;
            ++line;
            continue;
        }
        if (!decided) {
            decided = true;
            std::size_t probe = pos;
            CsvRecord header = ReadCsvRecord(data, probe, line);
            for (std::size_t i = 0; i < header.fields.size(); ++i) {
                const std::string name = text::ToLower(text::Trim(header.fields[i]));
                const int col = static_cast<int>(i);
                auto take = [&](int& slot) {
                    if (slot < 0) {
                        slot = col;
                    }
                };
                if (name == "value" || name == "indicator") {
                    take(value_col);
                } else if (name == "type") {
                    take(type_col);
                } else if (name == "source") {
                    take(source_col);
                } else if (name == "confidence") {
                    take(confidence_col);
                } else if (name == "actor") {
                    take(actor_col);
                } else if (name == "id") {
                    take(id_col);
                } else if (name == "labels" || name == "tags") {
                    take(labels_col);
                } else if (name == "valid_from" || name == "first_seen") {
                    take(from_col);
                } else if (name == "valid_until" || name == "last_seen") {
                    take(until_col);
                }
            }
            if (value_col >= 0) {
                csv = true;
                header_fields = header.fields.size();
                stats.CountRead();
                stats.CountProcessed();
                line += header.lines;
                pos = probe;
                continue;
            }
        }
        if (!csv) {
            // Plain list: one value per line; ` #` starts a trailing comment (a bare `#`
            // can be part of a URL fragment).
            std::string_view value = physical;
            const std::size_t hash = value.find(" #");
            if (hash != std::string_view::npos) {
                value = text::Trim(value.substr(0, hash));
            }
            stats.CountRead();
            if (Add(value, {}, source_name, {}, {}, {})) {
                stats.CountProcessed();
            } else {
                std::string reason = ExplainInvalid(value, {});
                stats.Reject(
                    RejectReason::kUnknownSyntax, line,
                    (reason.empty() ? std::string("not a recognisable indicator") : reason) + ": " +
                        text::SanitiseForOutput(value.substr(0, 120)));
            }
            pos = eol == std::string_view::npos ? data.size() : eol + 1;
            ++line;
            continue;
        }
        CsvRecord record = ReadCsvRecord(data, pos, line);
        line += record.lines;
        stats.CountRead();
        if (!record.error.empty()) {
            stats.Reject(RejectReason::kUnknownSyntax, record.first_line,
                         "bad CSV row: " + record.error);
            continue;
        }
        if (record.fields.size() > header_fields) {
            stats.Reject(RejectReason::kUnknownSyntax, record.first_line,
                         "bad CSV row: " + std::to_string(record.fields.size()) +
                             " fields, header has " + std::to_string(header_fields) +
                             " (unquoted comma?)");
            continue;
        }
        auto field = [&record](int col) -> std::string_view {
            if (col < 0 || static_cast<std::size_t>(col) >= record.fields.size()) {
                return {};
            }
            return record.fields[static_cast<std::size_t>(col)];
        };
        const std::string_view value = text::Trim(field(value_col));
        if (value.empty()) {
            stats.Reject(RejectReason::kUnknownSyntax, record.first_line, "empty value");
            continue;
        }
        std::optional<std::int64_t> valid_from;
        std::optional<std::int64_t> valid_until;
        bool bad_time = false;
        for (auto [col, out, name] : {std::tuple{from_col, &valid_from, "valid_from"},
                                      std::tuple{until_col, &valid_until, "valid_until"}}) {
            const std::string_view when = text::Trim(field(col));
            if (when.empty()) {
                continue;
            }
            *out = ParseTimestamp(when);
            if (!*out) {
                stats.Reject(RejectReason::kUnknownSyntax, record.first_line,
                             std::string("bad ") + name + " (RFC 3339 or YYYY-MM-DD expected): " +
                                 text::SanitiseForOutput(when.substr(0, 60)));
                bad_time = true;
                break;
            }
        }
        if (bad_time) {
            continue;
        }
        if (valid_from && valid_until && *valid_until < *valid_from) {
            stats.Reject(RejectReason::kUnknownSyntax, record.first_line,
                         "valid_until is before valid_from");
            continue;
        }
        const std::string_view type = field(type_col);
        std::string_view source = field(source_col);
        if (text::Trim(source).empty()) {
            source = source_name;
        }
        bool added = false;
        if (labels_col < 0 && !valid_from && !valid_until) {
            added =
                Add(value, type, source, field(confidence_col), field(actor_col), field(id_col));
        } else {
            auto parsed = ParseValue(value, LowerHint(type));
            added = parsed &&
                    staging_->Add(std::move(*parsed),
                                  Meta{
                                      .source = std::string(text::Trim(source)),
                                      .confidence = std::string(text::Trim(field(confidence_col))),
                                      .actor = std::string(text::Trim(field(actor_col))),
                                      .id = std::string(text::Trim(field(id_col))),
                                      .labels = SplitLabels(field(labels_col)),
                                      .valid_from = valid_from,
                                      .valid_until = valid_until,
                                  });
        }
        if (added) {
            stats.CountProcessed();
        } else {
            const std::string hint = LowerHint(type);
            std::string reason = ExplainInvalid(value, hint);
            if (reason.empty()) {
                reason = "not a valid ";
                reason += hint.empty() ? std::string("indicator") : text::SanitiseForOutput(hint);
            }
            reason += ": " + text::SanitiseForOutput(value.substr(0, 120));
            stats.Reject(RejectReason::kUnknownSyntax, record.first_line, std::move(reason));
        }
    }
    return Status::Ok();
}

std::shared_ptr<const IndicatorSet> IndicatorSetBuilder::Build() {
    auto set = std::make_shared<IndicatorSet>();
    if (!staging_) {
        staging_ = std::make_unique<Staging>();
    }
    Staging& st = *staging_;
    IndicatorSet::Tables& t = *set->tables_;
    MetaTable& metas = st.metas;
    // Duplicates: the first occurrence (stable sorts keep load order) absorbs the others.
    auto merge = [&metas](std::uint32_t keep, std::uint32_t other) {
        if (keep == other) {
            return keep;
        }
        Meta merged = MergeMeta(metas.Get(keep), metas.Get(other));
        if (merged == metas.Get(keep)) {
            return keep;
        }
        return metas.Intern(std::move(merged));
    };
    auto family = [&](auto& staged, auto& index) {
        std::stable_sort(staged.begin(), staged.end(), [](const auto& a, const auto& b) {
            const int la = a.len & kLengthBits;
            const int lb = b.len & kLengthBits;
            if (a.net != b.net) {
                return a.net < b.net;
            }
            return la != lb ? la < lb : a.len < b.len;
        });
        std::size_t kept = 0;
        for (std::size_t i = 0; i < staged.size(); ++i) {
            if (kept > 0 && staged[kept - 1].net == staged[i].net &&
                staged[kept - 1].len == staged[i].len) {
                staged[kept - 1].meta = merge(staged[kept - 1].meta, staged[i].meta);
                continue;
            }
            staged[kept++] = staged[i];
        }
        staged.resize(kept);
        index.net.reserve(kept);
        index.len.reserve(kept);
        for (const auto& s : staged) {
            index.net.push_back(s.net);
            index.len.push_back(s.len);
            t.meta_of.push_back(s.meta);
            set->type_mask_ |= 1U << static_cast<unsigned>(
                                   (s.len & kCidrFlag) != 0 ? IndicatorType::kCidr
                                   : std::is_same_v<std::decay_t<decltype(s.net)>, std::uint32_t>
                                       ? IndicatorType::kIpv4
                                       : IndicatorType::kIpv6);
        }
        staged.clear();
        staged.shrink_to_fit();
        return index.Flatten();
    };
    t.meta_of.reserve(pending());
    {
        const auto pieces = family(st.v4, t.v4);
        std::vector<detail::Ipv4RangeTable::Range> ranges;
        ranges.reserve(pieces.size());
        for (const Piece<std::uint32_t>& p : pieces) {
            ranges.push_back({p.start, p.end, p.record});
        }
        t.v4_ranges = detail::Ipv4RangeTable(ranges);
    }
    t.v6_base = static_cast<std::uint32_t>(t.meta_of.size());
    t.v6_ranges = family(st.v6, t.v6);
    t.str_base = static_cast<std::uint32_t>(t.meta_of.size());

    auto view = [&st](const Staging::Str& s) {
        return std::string_view(st.arena.data() + s.offset, s.length);
    };
    std::stable_sort(st.strings.begin(), st.strings.end(),
                     [&view](const Staging::Str& a, const Staging::Str& b) {
                         if (a.type != b.type) {
                             return a.type < b.type;
                         }
                         return FoldsCase(a.type) ? FoldedCompare(view(a), view(b)) < 0
                                                  : view(a) < view(b);
                     });
    std::vector<Staging::Str> unique;
    unique.reserve(st.strings.size());
    std::size_t arena_bytes = 0;
    for (const Staging::Str& s : st.strings) {
        if (!unique.empty()) {
            Staging::Str& last = unique.back();
            if (last.type == s.type &&
                (FoldsCase(s.type) ? FoldedEqual(view(last), view(s)) : view(last) == view(s))) {
                last.meta = merge(last.meta, s.meta);
                continue;
            }
        }
        unique.push_back(s);
        arena_bytes += s.length;
    }
    st.strings.clear();
    st.strings.shrink_to_fit();
    t.arena.reserve(arena_bytes);
    t.str_offset.reserve(unique.size() + 1);
    for (const Staging::Str& s : unique) {
        t.str_offset.push_back(static_cast<std::uint32_t>(t.arena.size()));
        t.arena.append(view(s));
        t.meta_of.push_back(s.meta);
        set->type_mask_ |= 1U << static_cast<unsigned>(s.type);
    }
    t.str_offset.push_back(static_cast<std::uint32_t>(t.arena.size()));
    for (std::size_t type = 0; type < kTypeCount; ++type) {
        const auto after = std::partition_point(
            unique.begin(), unique.end(),
            [type](const auto& s) { return static_cast<std::size_t>(s.type) <= type; });
        t.type_begin[type + 1] = static_cast<std::uint32_t>(after - unique.begin());
    }
    if (!unique.empty()) {
        std::size_t capacity = 16;
        while (capacity * 7 < unique.size() * 10) {
            capacity *= 2;
        }
        t.tagged = unique.size() < (1U << 24);
        t.slots.assign(capacity, kNone);
        t.slot_mask = capacity - 1;
        for (std::uint32_t k = 0; k < t.StrCount(); ++k) {
            const std::uint64_t hash = StringHash(unique[k].type, t.Str(k));
            std::uint64_t i = hash & t.slot_mask;
            while (t.slots[i] != kNone) {
                i = (i + 1) & t.slot_mask;
            }
            t.slots[i] = t.SlotFor(k, hash);
        }
    }
    {
        const std::uint32_t first = t.type_begin[static_cast<std::size_t>(IndicatorType::kDomain)];
        const std::uint32_t end =
            t.type_begin[static_cast<std::size_t>(IndicatorType::kDomain) + 1];
        const std::size_t bits = std::max<std::size_t>(std::bit_floor(16 * (end - first + 1)), 64);
        t.domain_filter.assign(bits / 64, 0);
        t.domain_filter_mask = bits - 1;
        for (std::uint32_t k = first; k < end; ++k) {
            // A longer name is never a query's parent (DomainQuery cuts queries to this).
            if (t.Str(k).size() > detail::kMaxDomainBytes) {
                continue;
            }
            std::array<DomainSuffix, detail::kMaxDomainLabels> parents;
            const std::size_t n = ParentDomainHashes(t.Str(k), parents.data());
            if (n > 0) {
                const std::uint64_t bit = t.DomainFilterBit(parents[0].hash);
                t.domain_filter[bit / 64] |= std::uint64_t{1} << (bit % 64);
            }
        }
    }
    unique = {};
    t.metas = metas.Release();
    set->size_ = t.meta_of.size();
    if (t.metas.size() <= 256 && !t.meta_of.empty()) {
        t.meta8.assign(t.meta_of.begin(), t.meta_of.end());
        t.meta_of = {};
    } else if (t.metas.size() <= 65536 && !t.meta_of.empty()) {
        t.meta16.assign(t.meta_of.begin(), t.meta_of.end());
        t.meta_of = {};
    }
    set->cache_ = static_cast<const Indicator**>(
        std::calloc(std::max<std::size_t>(set->size_, 1), sizeof(const Indicator*)));
    if (set->cache_ == nullptr) {
        throw std::bad_alloc();  // as any allocation in the library: out of memory is fatal
    }
    staging_ = std::make_unique<Staging>();
    return set;
}

namespace {

Indicator MakeIndicator(const IndicatorSet::Tables& t, std::uint32_t i) {
    Indicator out;
    if (i < t.v6_base) {
        const int length = t.v4.len[i] & kLengthBits;
        const IpAddress address = IpAddress::V4(t.v4.net[i]);
        if ((t.v4.len[i] & kCidrFlag) != 0) {
            out.type = IndicatorType::kCidr;
            out.value = IpPrefix(address, length).ToString();
        } else {
            out.type = IndicatorType::kIpv4;
            out.value = address.ToString();
        }
    } else if (i < t.str_base) {
        const std::uint32_t j = i - t.v6_base;
        const int length = t.v6.len[j] & kLengthBits;
        const IpAddress address = IpAddress::V6(FromU128(t.v6.net[j]));
        if ((t.v6.len[j] & kCidrFlag) != 0) {
            out.type = IndicatorType::kCidr;
            out.value = IpPrefix(address, length).ToString();
        } else {
            out.type = IndicatorType::kIpv6;
            out.value = address.ToString();
        }
    } else {
        const std::uint32_t k = i - t.str_base;
        out.type = t.StrType(k);
        out.value = std::string(t.Str(k));
    }
    const Meta& meta = t.metas[t.MetaOf(i)];
    out.source = meta.source;
    out.confidence = meta.confidence;
    out.actor = meta.actor;
    out.id = meta.id;
    out.labels = meta.labels;
    out.valid_from = meta.valid_from;
    out.valid_until = meta.valid_until;
    return out;
}

}  // namespace

IndicatorSet::IndicatorSet() : tables_(std::make_unique<Tables>()) {}

IndicatorSet::~IndicatorSet() {
    if (cache_ != nullptr) {
        for (std::size_t i = 0; i < size_; ++i) {
            delete cache_[i];
        }
        std::free(cache_);
    }
}

const Indicator* IndicatorSet::Get(std::size_t i) const {
    std::atomic_ref<const Indicator*> slot(cache_[i]);
    if (const Indicator* existing = slot.load(std::memory_order_acquire)) {
        return existing;
    }
    auto fresh =
        std::make_unique<Indicator>(MakeIndicator(*tables_, static_cast<std::uint32_t>(i)));
    const Indicator* expected = nullptr;
    if (slot.compare_exchange_strong(expected, fresh.get(), std::memory_order_acq_rel)) {
        return fresh.release();
    }
    return expected;  // another thread materialised it first
}

const Indicator* IndicatorSet::GetOrNull(std::uint32_t i) const {
    return i == kNone ? nullptr : Get(i);
}

const Indicator* IndicatorSet::MatchIpv4(std::uint32_t host_order) const {
    return GetOrNull(tables_->v4_ranges.Find(host_order));
}

void IndicatorSet::MatchIpv4Batch(std::span<const std::uint32_t> host_order,
                                  std::span<const Indicator*> out) const {
    // A software pipeline: address j runs step k at iteration j + k * kDistance, so the cache
    // miss each step starts has kDistance iterations of other addresses' work to land in,
    // and ~2 * kDistance misses are in flight at any time.
    constexpr std::size_t kDistance = 16;
    constexpr std::size_t kSteps = 5;
    // An address's entry (written by step 2) and record (step 3) live until step 4.
    constexpr std::size_t kRing = 4 * kDistance;
    const detail::Ipv4RangeTable& ranges = tables_->v4_ranges;
    const std::size_t n = host_order.size();
    std::array<std::uint32_t, kRing> found{};
    for (std::size_t i = 0; i < n + (kSteps - 1) * kDistance; ++i) {
        if (i < n) {
            ranges.PrefetchIndex(host_order[i]);
        }
        if (i >= kDistance && i - kDistance < n && ranges.MayHold(host_order[i - kDistance])) {
            ranges.PrefetchBounds(host_order[i - kDistance]);
        }
        if (i >= 2 * kDistance && i - 2 * kDistance < n) {
            const std::size_t j = i - 2 * kDistance;
            const std::uint32_t entry =
                ranges.MayHold(host_order[j]) ? ranges.FindEntry(host_order[j]) : kNone;
            found[j % kRing] = entry;
            if (entry != kNone) {
                ranges.PrefetchRecord(entry);
            }
        }
        if (i >= 3 * kDistance && i - 3 * kDistance < n) {
            std::uint32_t& slot = found[(i - 3 * kDistance) % kRing];
            if (slot != kNone) {
                slot = ranges.record(slot);
                __builtin_prefetch(&cache_[slot]);
            }
        }
        if (i >= 4 * kDistance && i - 4 * kDistance < n) {
            const std::size_t j = i - 4 * kDistance;
            out[j] = GetOrNull(found[j % kRing]);
        }
    }
}

const Indicator* IndicatorSet::MatchAddress(const IpAddress& address) const {
    if (address.is_v4()) {
        return GetOrNull(tables_->v4_ranges.Find(address.v4()));
    }
    const std::uint32_t r = FindPiece(tables_->v6_ranges, ToU128(address.bytes()));
    return r == kNone ? nullptr : Get(tables_->v6_base + r);
}

const Indicator* IndicatorSet::MatchPrefix(const IpPrefix& prefix) const {
    if (prefix.address().is_v4()) {
        return GetOrNull(tables_->v4.Overlap(prefix.address().v4(), prefix.length()));
    }
    const std::uint32_t r = tables_->v6.Overlap(ToU128(prefix.address().bytes()), prefix.length());
    return r == kNone ? nullptr : Get(tables_->v6_base + r);
}

const Indicator* IndicatorSet::MatchDomain(std::string_view domain) const {
    if (!HasType(IndicatorType::kDomain)) {
        return nullptr;
    }
    // Every parent's slot starts loading before the first probe; then the longest parent
    // (the most specific indicator) is probed first.
    const std::string_view name = DomainQuery(domain);
    std::array<DomainSuffix, detail::kMaxDomainLabels> suffixes;
    const std::size_t n = tables_->DomainParents(name, suffixes.data());
    for (std::size_t i = 0; i < n; ++i) {
        tables_->PrefetchSlot(suffixes[i].hash);
    }
    for (std::size_t i = n; i > 0; --i) {
        const DomainSuffix& suffix = suffixes[i - 1];
        const std::uint32_t k =
            tables_->FindString(IndicatorType::kDomain, name.substr(suffix.start), suffix.hash);
        if (k != kNone) {
            return Get(tables_->str_base + k);
        }
    }
    return nullptr;
}

void IndicatorSet::MatchDomainBatch(std::span<const std::string_view> names,
                                    std::span<const Indicator*> out) const {
    if (!HasType(IndicatorType::kDomain)) {
        std::fill_n(out.begin(), names.size(), nullptr);
        return;
    }
    // Per group of names: hash every parent domain of every name and start loading its slot,
    // then probe, each name's longest suffix first (the most specific indicator wins). The
    // group's slot misses overlap; a group ends early when the suffix buffer could overflow.
    constexpr std::size_t kGroup = 16;
    const Tables& strings = *tables_;
    std::array<std::string_view, kGroup> group;
    std::array<DomainSuffix, 4 * detail::kMaxDomainLabels> suffixes;
    std::array<std::size_t, kGroup + 1> suffix_begin{};
    std::size_t next = 0;
    while (next < names.size()) {
        const std::size_t first = next;
        std::size_t count = 0;
        while (next < names.size() && count < kGroup &&
               suffix_begin[count] + detail::kMaxDomainLabels <= suffixes.size()) {
            group[count] = DomainQuery(names[next]);
            DomainSuffix* begin = suffixes.data() + suffix_begin[count];
            const std::size_t n = strings.DomainParents(group[count], begin);
            for (std::size_t i = 0; i < n; ++i) {
                strings.PrefetchSlot(begin[i].hash);
            }
            suffix_begin[count + 1] = suffix_begin[count] + n;
            ++count;
            ++next;
        }
        // Each name's first candidate (a tag match, nearly always the answer), then its
        // record's offset and bytes, each step over the whole group so the misses overlap.
        std::array<std::size_t, kGroup> suffix{};
        std::array<std::uint64_t, kGroup> slot{};
        std::array<std::uint32_t, kGroup> found{};
        for (std::size_t g = 0; g < count; ++g) {
            found[g] = kNone;
            for (suffix[g] = suffix_begin[g + 1]; suffix[g] > suffix_begin[g]; --suffix[g]) {
                const std::uint64_t hash = suffixes[suffix[g] - 1].hash;
                slot[g] = hash & strings.slot_mask;
                found[g] = strings.NextCandidate(IndicatorType::kDomain, hash, slot[g]);
                if (found[g] != kNone) {
                    strings.PrefetchStr(found[g]);
                    break;
                }
            }
        }
        for (std::size_t g = 0; g < count; ++g) {
            if (found[g] != kNone) {
                __builtin_prefetch(strings.Str(found[g]).data());
            }
        }
        for (std::size_t g = 0; g < count; ++g) {
            if (found[g] == kNone) {
                continue;
            }
            const std::string_view name = group[g];
            std::size_t i = suffix[g];
            const DomainSuffix* s = &suffixes[i - 1];
            if (!strings.Equals(found[g], IndicatorType::kDomain, name.substr(s->start))) {
                // A tag collision: probe on past it, then the shorter suffixes.
                found[g] = strings.FindStringFrom(IndicatorType::kDomain, name.substr(s->start),
                                                  s->hash, (slot[g] + 1) & strings.slot_mask);
                for (--i; found[g] == kNone && i > suffix_begin[g]; --i) {
                    s = &suffixes[i - 1];
                    found[g] =
                        strings.FindString(IndicatorType::kDomain, name.substr(s->start), s->hash);
                }
            }
            if (found[g] != kNone) {
                found[g] += tables_->str_base;
                __builtin_prefetch(&cache_[found[g]]);
            }
        }
        for (std::size_t g = 0; g < count; ++g) {
            out[first + g] = GetOrNull(found[g]);
        }
    }
}

const Indicator* IndicatorSet::MatchValue(IndicatorType type, std::string_view value_in) const {
    std::string_view value = text::Trim(value_in);
    switch (type) {
        case IndicatorType::kIpv4:
        case IndicatorType::kIpv6: {
            const auto address = IpAddress::Parse(value);
            if (!address || address->is_v4() != (type == IndicatorType::kIpv4)) {
                return nullptr;
            }
            if (address->is_v4()) {
                return GetOrNull(tables_->v4.Exact(address->v4(), 32, 0));
            }
            const std::uint32_t r = tables_->v6.Exact(ToU128(address->bytes()), 128, 0);
            return r == kNone ? nullptr : Get(tables_->v6_base + r);
        }
        case IndicatorType::kCidr: {
            const auto prefix = IpPrefix::Parse(value);
            if (!prefix || value.find('/') == std::string_view::npos) {
                return nullptr;
            }
            if (prefix->address().is_v4()) {
                return GetOrNull(
                    tables_->v4.Exact(prefix->address().v4(), prefix->length(), kCidrFlag));
            }
            const std::uint32_t r =
                tables_->v6.Exact(ToU128(prefix->address().bytes()), prefix->length(), kCidrFlag);
            return r == kNone ? nullptr : Get(tables_->v6_base + r);
        }
        case IndicatorType::kUrl:
            return MatchUrl(value);
        case IndicatorType::kDomain:
            if (!value.empty() && value.back() == '.') {
                value.remove_suffix(1);
            }
            break;
        default:
            break;
    }
    if (!HasType(type)) {
        return nullptr;
    }
    const std::uint32_t k = tables_->FindString(type, value, StringHash(type, value));
    return k == kNone ? nullptr : Get(tables_->str_base + k);
}

const Indicator* IndicatorSet::MatchUrl(std::string_view url) const {
    if (!HasType(IndicatorType::kUrl)) {
        return nullptr;
    }
    const std::string normalised = NormaliseUrl(text::Trim(url));
    if (normalised.empty()) {
        return nullptr;
    }
    const std::uint32_t k = tables_->FindString(IndicatorType::kUrl, normalised,
                                                StringHash(IndicatorType::kUrl, normalised));
    return k == kNone ? nullptr : Get(tables_->str_base + k);
}

std::size_t IndicatorSet::MemoryBytes() const {
    const Tables& t = *tables_;
    std::size_t bytes = t.meta_of.capacity() * 4 + t.meta16.capacity() * 2 + t.meta8.capacity() +
                        t.v4.Bytes() + t.v4_ranges.Bytes() + t.v6.Bytes() +
                        t.v6_ranges.capacity() * sizeof(Piece<U128>) + t.arena.capacity() +
                        t.str_offset.capacity() * 4 + t.slots.capacity() * 4 +
                        t.domain_filter.capacity() * 8;
    for (const Meta& meta : t.metas) {
        bytes += sizeof(Meta) + meta.source.capacity() + meta.actor.capacity() +
                 meta.id.capacity() + meta.confidence.capacity();
        for (const std::string& label : meta.labels) {
            bytes += sizeof(std::string) + label.capacity();
        }
    }
    return bytes;
}

bool IsValidAt(const Indicator& indicator, std::int64_t when) {
    return (!indicator.valid_from || when >= *indicator.valid_from) &&
           (!indicator.valid_until || when <= *indicator.valid_until);
}

}  // namespace stormwatch::intel
