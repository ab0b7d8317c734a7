// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/cisco_common/addresses.h"

#include <array>
#include <string>

namespace stormwatch::parse::cisco {
namespace {

// Character classes as one table lookup each: this scan touches every byte of every line.
enum : std::uint8_t { kCandidate = 1, kWord = 2, kDigit = 4 };

constexpr std::array<std::uint8_t, 256> kClass = [] {
    std::array<std::uint8_t, 256> table{};
    for (int c = 0; c < 256; ++c) {
        const bool digit = c >= '0' && c <= '9';
        const bool hex_letter = (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        std::uint8_t bits = 0;
        bits |= digit || hex_letter || c == ':' || c == '.' ? kCandidate : 0;
        bits |= digit || letter || c == '-' || c == '_' ? kWord : 0;
        bits |= digit ? kDigit : 0;
        table[static_cast<std::size_t>(c)] = bits;
    }
    return table;
}();

bool Is(char c, std::uint8_t bits) {
    return (kClass[static_cast<unsigned char>(c)] & bits) != 0;
}

bool IsNetmask(std::uint32_t v) {
    const std::uint32_t inverted = ~v;
    return (inverted & (inverted + 1)) == 0;
}
bool IsWildcard(std::uint32_t v) {
    return (v & (v + 1)) == 0;
}

struct Candidate {
    IpAddress address;
    int length = -1;  // -1: written without a prefix length
};

// Finds the next literal address at or after `pos`; returns false at the end of `text`.
bool NextCandidate(std::string_view text, std::size_t& pos, Candidate& out) {
    const std::size_t n = text.size();
    while (pos < n) {
        // A candidate starts a word: after a non-word byte that is not a dot either.
        if (!Is(text[pos], kCandidate) ||
            (pos > 0 && (Is(text[pos - 1], kWord) || text[pos - 1] == '.'))) {
            ++pos;
            continue;
        }
        std::size_t end = pos;
        int dots = 0;
        int colons = 0;
        while (end < n && Is(text[end], kCandidate)) {
            dots += text[end] == '.' ? 1 : 0;
            colons += text[end] == ':' ? 1 : 0;
            ++end;
        }
        const std::size_t start = pos;
        pos = end;
        std::string_view run = text.substr(start, end - start);
        while (!run.empty() && run.back() == '.') {
            run.remove_suffix(1);
            --dots;
        }
        // `192.0.2.1:8080`, `tftp://192.0.2.1:69/x`: an IPv4 address with a port.
        if (dots == 3 && colons == 1) {
            run = run.substr(0, run.find(':'));
            colons = 0;
        }
        if (!(dots == 3 && colons == 0) && colons < 2) {
            continue;
        }
        // An optional /len, which must end the word.
        int length = -1;
        std::size_t after = end;
        if (after + 1 < n && text[after] == '/' && Is(text[after + 1], kDigit)) {
            std::size_t k = after + 1;
            int value = 0;
            while (k < n && Is(text[k], kDigit) && value <= 128) {
                value = value * 10 + (text[k] - '0');
                ++k;
            }
            length = value;
            after = k;
            pos = k;
        }
        if (after < n && Is(text[after], kWord)) {
            continue;  // part of a longer word such as a version or a MAC-like name
        }
        auto address = IpAddress::Parse(run);
        if (!address) {
            continue;
        }
        if (length > (address->is_v4() ? 32 : 128)) {
            continue;
        }
        out.address = *address;
        out.length = length;
        return true;
    }
    return false;
}

void Add(std::vector<model::AddressMention>& out, const IpPrefix& prefix, std::string_view text,
         std::uint32_t line) {
    // A view, not a copy: `text` is the tree's line, which outlives the model.
    out.push_back(model::AddressMention{.prefix = prefix, .ref = {.line = line, .text = text}});
}

// A prefix whose address has host bits set is an interface address (`192.0.2.1/24`,
// `192.0.2.1 255.255.255.0`): the host is the thing indicators should match.
IpPrefix HostOrPrefix(const IpAddress& address, int length) {
    const IpPrefix prefix(address, length);
    if (prefix.address() != address) {
        return IpPrefix(address, address.is_v4() ? 32 : 128);
    }
    return prefix;
}

}  // namespace

model::SourceRef Ref(const ConfigLine& line) {
    model::SourceRef ref;
    ref.line = line.line;
    ref.text = line.text;
    return ref;
}

model::HostRef MakeHost(std::string_view text, const ConfigLine& line) {
    model::HostRef host;
    host.address = IpAddress::Parse(text);
    host.host = std::string(text);
    host.ref = Ref(line);
    return host;
}

std::optional<IpAddress> ParseV4(std::string_view text) {
    if (const auto value = IpAddress::ParseDottedQuad(text)) {
        return IpAddress::V4(*value);
    }
    return std::nullopt;
}

void ExtractAddresses(std::string_view text, std::uint32_t line, AmbiguousMasks masks,
                      std::vector<model::AddressMention>& out) {
    // Whether the line is an ACL entry is asked only of an ambiguous mask: rarely.
    const auto wildcards = [&] {
        return masks == AmbiguousMasks::kWildcards ||
               (masks == AmbiguousMasks::kWildcardsInAclLines &&
                (text.find("permit") != std::string_view::npos ||
                 text.find("deny") != std::string_view::npos));
    };
    // Cheap reject: no address without a dot or a colon.
    if (text.find('.') == std::string_view::npos && text.find(':') == std::string_view::npos) {
        return;
    }
    // A bare IPv4 address may be followed by its mask (`192.0.2.0 255.255.255.0`, ACL
    // wildcards): it waits in `pending` until the next candidate shows whether it pairs.
    std::size_t pos = 0;
    Candidate pending;
    bool has_pending = false;
    Candidate next;
    while (NextCandidate(text, pos, next)) {
        if (has_pending) {
            has_pending = false;
            if (next.length < 0 && next.address.is_v4()) {
                const std::uint32_t mask = next.address.v4();
                const bool netmask = IsNetmask(mask);
                const bool wildcard = IsWildcard(mask);
                if (netmask || wildcard) {
                    // 0.0.0.0 and 255.255.255.255 are both shapes: ACLs mean wildcards.
                    const bool as_wildcard = netmask && wildcard ? wildcards() : wildcard;
                    auto prefix = IpPrefix::FromMask(pending.address, next.address, as_wildcard);
                    if (prefix) {
                        Add(out,
                            as_wildcard ? *prefix : HostOrPrefix(pending.address, prefix->length()),
                            text, line);
                        continue;
                    }
                }
            }
            Add(out, IpPrefix(pending.address, 32), text, line);
        }
        if (next.length >= 0) {
            Add(out, HostOrPrefix(next.address, next.length), text, line);
        } else if (next.address.is_v4()) {
            pending = next;
            has_pending = true;
        } else {
            Add(out, IpPrefix(next.address, 128), text, line);
        }
    }
    if (has_pending) {
        Add(out, IpPrefix(pending.address, 32), text, line);
    }
}

}  // namespace stormwatch::parse::cisco
