// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/text_matcher.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <span>
#include <utility>

#include "stormwatch/intel/text_blocks.h"

namespace stormwatch::intel {

namespace {

using detail::BlockMasks;
using detail::ClassifyBlock;
using detail::ClassIndex;
using detail::kAlpha;
using detail::kAt;
using detail::kBlock;
using detail::kByteClass;
using detail::kColon;
using detail::kDigit;
using detail::kDot;
using detail::kHexAlpha;

constexpr std::uint8_t kHexOnly = kDigit | kHexAlpha;
// No byte has every class: an OR of classes is never this.
constexpr std::uint8_t kUnknownMask = 0xff;

std::uint8_t ClassOfBytes(std::string_view s) {
    std::uint8_t mask = 0;
    for (const char c : s) {
        mask |= kByteClass[static_cast<unsigned char>(c)];
    }
    return mask;
}

// Bytes a URL in free text runs over: printable ASCII but quotes, brackets and the like.
constexpr std::array<bool, 256> kUrlByte = [] {
    std::array<bool, 256> t{};
    for (int c = 0x21; c < 0x7f; ++c) {
        t[static_cast<std::size_t>(c)] = true;
    }
    for (const char c : std::string_view("\"'<>`{}|\\^")) {
        t[static_cast<unsigned char>(c)] = false;
    }
    return t;
}();

class Scanner {
public:
    Scanner(const IndicatorSet& set, std::string_view text, std::vector<TextHit>& out)
        : set_(set), text_(text), out_(out) {}

    // Most bytes of a log are words, numbers and spaces: per 64-byte block, only tokens holding
    // a `.`, `@` or a colon that does not end them (BlockMasks::special), or at least 16 token
    // bytes in a row (a hash has 32 or more, so it spans an aligned 16-byte chunk), are looked
    // at.
    void Run() {
        const auto* const data = reinterpret_cast<const unsigned char*>(text_.data());
        const std::size_t n = text_.size();
        std::size_t resume = 0;  // bytes before it are scanned
        for (std::size_t base = 0; base < n; base += kBlock) {
            // Built in place (no copy): the classifier writes the masks a word at a time, and
            // copying them in 16-byte moves would stall on those stores.
            const BlockMasks m = ClassifyBlock(data + base, n - base);
            block_ = &m;
            block_base_ = base;
            const bool more = base + kBlock < n;
            std::uint64_t interesting = m.special(more && kByteClass[data[base + kBlock]] != 0,
                                                  more && data[base + kBlock] == '/');
            for (int chunk = 0; chunk < 4; ++chunk) {
                if (((m.token >> (16 * chunk)) & 0xffff) == 0xffff) {
                    interesting |= std::uint64_t{1} << (16 * chunk);
                }
            }
            while (interesting != 0) {
                const std::size_t at =
                    base + static_cast<std::size_t>(std::countr_zero(interesting));
                if (at >= resume) {
                    resume = TokenAround(at, resume);
                }
                if (resume >= base + kBlock) {
                    break;
                }
                interesting &= ~std::uint64_t{0} << (resume - base);
            }
        }
        Flush();
    }

private:
    [[nodiscard]] bool InBlock(std::size_t start, std::size_t end) const {
        return start >= block_base_ && end <= block_base_ + kBlock;
    }

    // Bytes [start, end) of the current block (InBlock) as bits of its masks.
    [[nodiscard]] std::uint64_t RunBits(std::size_t start, std::size_t end) const {
        const std::size_t length = end - start;
        const std::uint64_t run =
            length == kBlock ? ~std::uint64_t{0} : (std::uint64_t{1} << length) - 1;
        return run << (start - block_base_);
    }

    // The OR of the classes of bytes [start, end): from the current block's masks when the
    // run lies inside the block, else byte by byte.
    [[nodiscard]] std::uint8_t ClassOf(std::size_t start, std::size_t end) const {
        return InBlock(start, end) ? block_->ClassOf(RunBits(start, end))
                                   : ClassOfBytes(text_.substr(start, end - start));
    }

    // False when bytes [start, end), inside the current block, have fewer than 7 colons and
    // no `::`, the shapes of every IPv6 text; true (unknown) for a run across blocks.
    [[nodiscard]] bool MayBeIpv6(std::size_t start, std::size_t end) const {
        if (!InBlock(start, end)) {
            return true;
        }
        const std::uint64_t colons = block_->of_class[ClassIndex(kColon)] & RunBits(start, end);
        // At least 7 colons: clearing the lowest six leaves one (no popcnt in baseline x86-64).
        std::uint64_t seventh = colons;
        for (int k = 0; k < 6; ++k) {
            seventh &= seventh - 1;
        }
        return seventh != 0 || (colons & (colons >> 1)) != 0;
    }

    // Scans the token holding byte `at` (not starting before `floor`) of the current block;
    // returns where scanning resumes. The bounds come from the block's token mask; only a
    // token reaching past its block is followed byte by byte.
    std::size_t TokenAround(std::size_t at, std::size_t floor) {
        const auto* const data = reinterpret_cast<const unsigned char*>(text_.data());
        const std::size_t n = text_.size();
        const std::size_t base = block_base_;
        const std::uint64_t token = block_->token;
        const auto bit = static_cast<int>(at - base);
        const std::uint64_t gaps_below = ~token & ((std::uint64_t{1} << bit) - 1);
        std::size_t start = gaps_below != 0
                                ? base + static_cast<std::size_t>(64 - std::countl_zero(gaps_below))
                                : base;
        while (gaps_below == 0 && start > floor && kByteClass[data[start - 1]] != 0) {
            --start;
        }
        start = std::max(start, floor);
        const std::uint64_t gaps_above = ~token >> bit;
        std::size_t i = gaps_above != 0
                            ? at + static_cast<std::size_t>(std::countr_zero(gaps_above))
                            : std::min(base + kBlock, n);
        while (gaps_above == 0 && i < n && kByteClass[data[i]] != 0) {
            ++i;
        }
        const std::uint8_t mask = ClassOf(start, i);
        // Plain words (letters, digits, dashes) are no indicator unless they are a hash.
        if ((mask & (kDot | kColon | kAt)) == 0) {
            if ((mask & ~kHexOnly) == 0 && HashTypeForLength(i - start)) {
                Hash(start, i - start);
            }
            return i;
        }
        if (data[i - 1] == ':' && i + 1 < n && data[i] == '/' && data[i + 1] == '/') {
            return Url(start, i);
        }
        if ((mask & kColon) == 0) {
            Piece(start, i, mask);  // Piece trims what Token would
            return i;
        }
        // Colons without a `.` or `@`, and a letter past `f` or no IPv6 shape (`user:`,
        // `%SYS-5-CONFIG_I:`, `2025-08-27T10:00:01Z`, `10:23:45`): only a hash could be among
        // the pieces, and a hash is 32 digits or more.
        if ((mask & (kDot | kAt)) == 0 && i - start < 32 &&
            ((mask & kAlpha) != 0 || !MayBeIpv6(start, i))) {
            return i;
        }
        Token(start, i, mask);
        return i;
    }

    // Hits leave in text order; address and domain lookups wait in `pending_` and are
    // resolved a batch at a time (MatchIpv4Batch, MatchDomainBatch) so their cache misses
    // overlap.
    enum class Lookup : std::uint8_t { kResolved, kIpv4, kDomain };
    struct Pending {
        std::size_t offset;
        std::size_t length;
        Lookup lookup;
        std::uint32_t ipv4;
        const Indicator* hit;
    };
    static constexpr std::size_t kBatch = 1024;

    void Emit(std::size_t offset, std::size_t length, const Indicator* hit) {
        if (hit != nullptr) {
            Push({offset, length, Lookup::kResolved, 0, hit});
        }
    }

    void Push(const Pending& pending) {
        pending_[pending_count_++] = pending;
        if (pending_count_ == kBatch) {
            Flush();
        }
    }

    void Flush() {
        std::size_t addresses = 0;
        std::size_t names = 0;
        for (std::size_t i = 0; i < pending_count_; ++i) {
            const Pending& p = pending_[i];
            if (p.lookup == Lookup::kIpv4) {
                address_keys_[addresses++] = p.ipv4;
            } else if (p.lookup == Lookup::kDomain) {
                name_keys_[names++] = text_.substr(p.offset, p.length);
            }
        }
        set_.MatchIpv4Batch(std::span(address_keys_.data(), addresses), address_hits_);
        set_.MatchDomainBatch(std::span(name_keys_.data(), names), name_hits_);
        addresses = 0;
        names = 0;
        for (std::size_t i = 0; i < pending_count_; ++i) {
            const Pending& p = pending_[i];
            const Indicator* hit = p.lookup == Lookup::kResolved ? p.hit
                                   : p.lookup == Lookup::kIpv4   ? address_hits_[addresses++]
                                                                 : name_hits_[names++];
            if (hit != nullptr) {
                out_.push_back({p.offset, p.length, hit});
            }
        }
        pending_count_ = 0;
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
        while (end < text_.size() && kUrlByte[static_cast<unsigned char>(text_[end])]) {
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
        Piece(offset, offset + length, kUnknownMask);
    }

    // A token holding a `.`, `:` or `@`; `mask` is the OR of its classes.
    void Token(std::size_t start, std::size_t end, std::uint8_t mask) {
        // Trailing sentence punctuation: `evil.example.`, `10.0.0.5:`, but not IPv6 `fe80::`.
        const std::size_t whole_end = end;
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
        const std::string_view token = text_.substr(start, end - start);
        if (end != whole_end) {
            mask = ClassOf(start, end);
        }
        if ((mask & kColon) == 0) {
            Piece(start, end, mask);
            return;
        }
        if ((mask & ~(kHexOnly | kColon | kDot)) == 0) {
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
        // Not an IPv6 address: `host:port`, `src:10.0.0.1`, `sha256:<hex>`, `10:23:45`. Without
        // a `.` or `@` only a hash could be among the pieces, and a hash is 32 digits or more.
        if ((mask & (kDot | kAt)) == 0 && token.size() < 32) {
            return;
        }
        std::size_t piece = start;
        for (std::size_t i = start; i <= end; ++i) {
            if (i == end || text_[i] == ':') {
                if (i > piece) {
                    Piece(piece, i, kUnknownMask);
                }
                piece = i + 1;
            }
        }
    }

    // A colon-free token; `mask` is the OR of its classes, or kUnknownMask.
    void Piece(std::size_t start, std::size_t end, std::uint8_t mask) {
        const std::size_t whole_start = start;
        const std::size_t whole_end = end;
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
        if (mask == kUnknownMask || start != whole_start || end != whole_end) {
            mask = ClassOf(start, end);
        }
        if ((mask & kAt) != 0) {
            if (set_.HasType(IndicatorType::kEmail)) {
                Emit(start, piece.size(), set_.MatchValue(IndicatorType::kEmail, piece));
            }
            const std::size_t at = piece.rfind('@');
            Piece(start + at + 1, end, kUnknownMask);
            return;
        }
        if ((mask & kDot) == 0) {
            if ((mask & ~kHexOnly) == 0 && HashTypeForLength(piece.size())) {
                Hash(start, piece.size());
            }
            return;
        }
        if ((mask & ~(kDigit | kDot)) == 0) {
            if (const auto v4 = IpAddress::ParseDottedQuad(piece)) {
                Push({start, piece.size(), Lookup::kIpv4, *v4, nullptr});
            }
            return;
        }
        if ((mask & (kHexAlpha | kAlpha)) != 0 && set_.HasType(IndicatorType::kDomain)) {
            Push({start, piece.size(), Lookup::kDomain, 0, nullptr});
        }
    }

    const IndicatorSet& set_;
    std::string_view text_;
    std::vector<TextHit>& out_;
    const BlockMasks* block_ = nullptr;  ///< of the block being scanned, from block_base_
    std::size_t block_base_ = 0;
    // Scratch of one Scan, on the stack: no allocation per line or per hit.
    std::array<Pending, kBatch> pending_;
    std::size_t pending_count_ = 0;
    std::array<std::uint32_t, kBatch> address_keys_;
    std::array<const Indicator*, kBatch> address_hits_;
    std::array<std::string_view, kBatch> name_keys_;
    std::array<const Indicator*, kBatch> name_hits_;
};

}  // namespace

TextMatcher::TextMatcher(std::shared_ptr<const IndicatorSet> indicators)
    : indicators_(std::move(indicators)) {}

void TextMatcher::Scan(std::string_view text, std::vector<TextHit>& out) const {
    Scanner(*indicators_, text, out).Run();
}

}  // namespace stormwatch::intel
