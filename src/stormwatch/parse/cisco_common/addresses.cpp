// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/cisco_common/addresses.h"

#include <array>
#include <string>

namespace stormwatch::parse::cisco {
namespace {

bool IsHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool IsDigit(char c) {
    return c >= '0' && c <= '9';
}
bool IsAlnum(char c) {
    return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsCandidateChar(char c) {
    return IsHex(c) || c == ':' || c == '.';
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

// How many candidates one line may hold; the longest real lines (object-groups, prefix
// lists) have a handful. Extra ones are still reported, in a second pass over the rest.
constexpr std::size_t kMaxCandidates = 32;

// Finds the next literal address at or after `pos`; returns false at the end of `text`.
bool NextCandidate(std::string_view text, std::size_t& pos, Candidate& out) {
    const std::size_t n = text.size();
    while (pos < n) {
        if (!IsCandidateChar(text[pos]) ||
            (pos > 0 && (IsAlnum(text[pos - 1]) || text[pos - 1] == '-' || text[pos - 1] == '_' ||
                         text[pos - 1] == '.'))) {
            ++pos;
            continue;
        }
        std::size_t end = pos;
        int dots = 0;
        int colons = 0;
        while (end < n && IsCandidateChar(text[end])) {
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
        if (after + 1 < n && text[after] == '/' && IsDigit(text[after + 1])) {
            std::size_t k = after + 1;
            int value = 0;
            while (k < n && IsDigit(text[k]) && value <= 128) {
                value = value * 10 + (text[k] - '0');
                ++k;
            }
            length = value;
            after = k;
            pos = k;
        }
        if (after < n && (IsAlnum(text[after]) || text[after] == '-' || text[after] == '_')) {
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
    ref.text = std::string(line.text);
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
    auto address = IpAddress::Parse(text);
    if (address && address->is_v4()) {
        return address;
    }
    return std::nullopt;
}

void ExtractAddresses(std::string_view text, std::uint32_t line, bool acl_context,
                      std::vector<model::AddressMention>& out) {
    // Cheap reject: no address without a dot or a colon.
    if (text.find_first_of(".:") == std::string_view::npos) {
        return;
    }
    std::size_t pos = 0;
    std::array<Candidate, kMaxCandidates> found{};
    while (pos < text.size()) {
        std::size_t count = 0;
        while (count < kMaxCandidates && NextCandidate(text, pos, found[count])) {
            ++count;
        }
        if (count == 0) {
            break;
        }
        for (std::size_t i = 0; i < count; ++i) {
            const Candidate& c = found[i];
            if (c.length >= 0) {
                Add(out, HostOrPrefix(c.address, c.length), text, line);
                continue;
            }
            if (c.address.is_v4() && i + 1 < count && found[i + 1].length < 0 &&
                found[i + 1].address.is_v4()) {
                const std::uint32_t mask = found[i + 1].address.v4();
                const bool netmask = IsNetmask(mask);
                const bool wildcard = IsWildcard(mask);
                if (netmask || wildcard) {
                    // 0.0.0.0 and 255.255.255.255 are both shapes: ACLs mean wildcards.
                    const bool as_wildcard = netmask && wildcard ? acl_context : wildcard;
                    auto prefix = IpPrefix::FromMask(c.address, found[i + 1].address, as_wildcard);
                    if (prefix) {
                        Add(out, as_wildcard ? *prefix : HostOrPrefix(c.address, prefix->length()),
                            text, line);
                        ++i;
                        continue;
                    }
                }
            }
            Add(out, IpPrefix(c.address, c.address.is_v4() ? 32 : 128), text, line);
        }
    }
}

}  // namespace stormwatch::parse::cisco
