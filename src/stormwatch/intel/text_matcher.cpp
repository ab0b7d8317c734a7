// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/text_matcher.h"

#include <array>
#include <cstdint>
#include <optional>
#include <utility>

namespace stormwatch::intel {

namespace {

// Byte classes: a token is a maximal run of bytes with a non-zero class. The OR of a token's
// classes decides, without looking at it again, whether it can be an indicator at all.
enum : std::uint8_t {
    kDigit = 1,
    kHexAlpha = 2,  // a-f A-F
    kAlpha = 4,     // other letters
    kDot = 8,
    kColon = 16,
    kDash = 32,  // `-` and `_`
    kAt = 64,
};

constexpr std::array<std::uint8_t, 256> kClass = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = '0'; c <= '9'; ++c) {
        t[static_cast<std::size_t>(c)] = kDigit;
    }
    for (int c = 'a'; c <= 'z'; ++c) {
        const std::uint8_t cls = c <= 'f' ? kHexAlpha : kAlpha;
        t[static_cast<std::size_t>(c)] = cls;
        t[static_cast<std::size_t>(c - 'a' + 'A')] = cls;
    }
    t['.'] = kDot;
    t[':'] = kColon;
    t['-'] = kDash;
    t['_'] = kDash;
    t['@'] = kAt;
    return t;
}();

constexpr std::uint8_t kHexOnly = kDigit | kHexAlpha;

std::uint8_t ClassOf(std::string_view s) {
    std::uint8_t mask = 0;
    for (const char c : s) {
        mask |= kClass[static_cast<unsigned char>(c)];
    }
    return mask;
}

// Strict dotted quad as IpAddress::Parse reads it (no leading zeros), digits and dots only.
std::optional<std::uint32_t> ParseIpv4(std::string_view s) {
    std::uint32_t value = 0;
    std::size_t i = 0;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (i >= s.size() || s[i] != '.') {
                return std::nullopt;
            }
            ++i;
        }
        const std::size_t start = i;
        std::uint32_t octet = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 3) {
            octet = octet * 10 + static_cast<std::uint32_t>(s[i] - '0');
            ++i;
        }
        const std::size_t digits = i - start;
        if (digits == 0 || octet > 255 || (digits > 1 && s[start] == '0')) {
            return std::nullopt;
        }
        value = (value << 8) | octet;
    }
    if (i != s.size()) {
        return std::nullopt;
    }
    return value;
}

bool IsUrlByte(unsigned char c) {
    return c > 0x20 && c < 0x7f && c != '"' && c != '\'' && c != '<' && c != '>' && c != '`' &&
           c != '{' && c != '}' && c != '|' && c != '\\' && c != '^';
}

class Scanner {
public:
    Scanner(const IndicatorSet& set, std::string_view text, std::vector<TextHit>& out)
        : set_(set), text_(text), out_(out) {}

    void Run() {
        const auto* const data = reinterpret_cast<const unsigned char*>(text_.data());
        const std::size_t n = text_.size();
        std::size_t i = 0;
        while (i < n) {
            while (i < n && kClass[data[i]] == 0) {
                ++i;
            }
            if (i == n) {
                break;
            }
            const std::size_t start = i;
            std::uint8_t mask = 0;
            while (i < n) {
                const std::uint8_t cls = kClass[data[i]];
                if (cls == 0) {
                    break;
                }
                mask |= cls;
                ++i;
            }
            // Plain words (letters, digits, dashes) are no indicator unless they are a hash.
            if ((mask & (kDot | kColon | kAt)) == 0) {
                if ((mask & ~kHexOnly) == 0 && HashTypeForLength(i - start)) {
                    Hash(start, i - start);
                }
                continue;
            }
            if (data[i - 1] == ':' && i + 1 < n && data[i] == '/' && data[i + 1] == '/') {
                i = Url(start, i);
                continue;
            }
            Token(start, i, mask);
        }
    }

private:
    void Emit(std::size_t offset, std::size_t length, const Indicator* hit) {
        if (hit != nullptr) {
            out_.push_back({offset, length, hit});
        }
    }

    void Hash(std::size_t offset, std::size_t length) {
        const auto type = HashTypeForLength(length);
        if (type && set_.HasType(*type)) {
            Emit(offset, length, set_.MatchValue(*type, text_.substr(offset, length)));
        }
    }

    // `scheme:` ends at `colon_end`, followed by `//`; returns where scanning resumes.
    std::size_t Url(std::size_t token_start, std::size_t colon_end) {
        std::size_t scheme = colon_end - 1;
        while (scheme > token_start && text_[scheme - 1] != ':') {
            --scheme;
        }
        const char first = text_[scheme];
        if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
            return colon_end;
        }
        std::size_t end = colon_end + 2;
        while (end < text_.size() && IsUrlByte(static_cast<unsigned char>(text_[end]))) {
            ++end;
        }
        std::string_view url = text_.substr(scheme, end - scheme);
        // Sentence punctuation after a URL is not part of it; a `)` only when unopened.
        while (!url.empty()) {
            const char last = url.back();
            if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' ||
                last == '?' || last == ']' || last == '}' ||
                (last == ')' && url.find('(') == std::string_view::npos)) {
                url.remove_suffix(1);
            } else {
                break;
            }
        }
        const UrlHost host = FindUrlHost(url);
        if (host.length == 0) {
            return colon_end;
        }
        if (set_.HasType(IndicatorType::kUrl)) {
            Emit(scheme, url.size(), set_.MatchUrl(url));
        }
        const std::size_t host_offset = scheme + host.offset;
        Host(host_offset, host.length);
        // The rest (port, path, query) is scanned as text: `?next=evil.example` is a token.
        const bool bracketed = host_offset > 0 && text_[host_offset - 1] == '[';
        return host_offset + host.length + (bracketed ? 1 : 0);
    }

    // A URL host: an address, an IPv6 literal or a host name.
    void Host(std::size_t offset, std::size_t length) {
        const std::string_view host = text_.substr(offset, length);
        if (host.find(':') != std::string_view::npos) {
            if (const auto address = IpAddress::Parse(host)) {
                Emit(offset, length, set_.MatchAddress(*address));
            }
            return;
        }
        Piece(offset, offset + length);
    }

    void Token(std::size_t start, std::size_t end, std::uint8_t mask) {
        // Trailing sentence punctuation: `evil.example.`, `10.0.0.5:`, but not IPv6 `fe80::`.
        while (end > start) {
            const char last = text_[end - 1];
            if (last == '.' || last == '-' || last == '_' || last == '@' ||
                (last == ':' && !(end - start >= 2 && text_[end - 2] == ':'))) {
                --end;
            } else {
                break;
            }
        }
        if (end == start) {
            return;
        }
        if ((mask & kColon) == 0) {
            Piece(start, end);
            return;
        }
        const std::string_view token = text_.substr(start, end - start);
        if ((ClassOf(token) & ~(kHexOnly | kColon | kDot)) == 0) {
            std::size_t colons = 0;
            for (const char c : token) {
                colons += c == ':' ? 1 : 0;
            }
            if (colons >= 7 || token.find("::") != std::string_view::npos) {
                if (const auto address = IpAddress::Parse(token)) {
                    Emit(start, end - start, set_.MatchAddress(*address));
                    return;
                }
            }
        }
        // Not an IPv6 address: `host:port`, `src:10.0.0.1`, `sha256:<hex>`, `10:23:45`.
        std::size_t piece = start;
        for (std::size_t i = start; i <= end; ++i) {
            if (i == end || text_[i] == ':') {
                if (i > piece) {
                    Piece(piece, i);
                }
                piece = i + 1;
            }
        }
    }

    // A colon-free token.
    void Piece(std::size_t start, std::size_t end) {
        while (start < end && (text_[start] == '.' || text_[start] == '-' || text_[start] == '_' ||
                               text_[start] == '@')) {
            ++start;
        }
        while (end > start && (text_[end - 1] == '.' || text_[end - 1] == '-' ||
                               text_[end - 1] == '_' || text_[end - 1] == '@')) {
            --end;
        }
        if (end == start) {
            return;
        }
        const std::string_view piece = text_.substr(start, end - start);
        const std::uint8_t mask = ClassOf(piece);
        if ((mask & kAt) != 0) {
            if (set_.HasType(IndicatorType::kEmail)) {
                Emit(start, piece.size(), set_.MatchValue(IndicatorType::kEmail, piece));
            }
            const std::size_t at = piece.rfind('@');
            Piece(start + at + 1, end);
            return;
        }
        if ((mask & kDot) == 0) {
            if ((mask & ~kHexOnly) == 0 && HashTypeForLength(piece.size())) {
                Hash(start, piece.size());
            }
            return;
        }
        if ((mask & ~(kDigit | kDot)) == 0) {
            if (const auto v4 = ParseIpv4(piece)) {
                Emit(start, piece.size(), set_.MatchIpv4(*v4));
            }
            return;
        }
        if ((mask & (kHexAlpha | kAlpha)) != 0) {
            Emit(start, piece.size(), set_.MatchDomain(piece));
        }
    }

    const IndicatorSet& set_;
    std::string_view text_;
    std::vector<TextHit>& out_;
};

}  // namespace

TextMatcher::TextMatcher(std::shared_ptr<const IndicatorSet> indicators)
    : indicators_(std::move(indicators)) {}

void TextMatcher::Scan(std::string_view text, std::vector<TextHit>& out) const {
    Scanner(*indicators_, text, out).Run();
}

}  // namespace stormwatch::intel
