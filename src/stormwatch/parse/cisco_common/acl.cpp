// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/cisco_common/acl.h"

#include <string>

#include "stormwatch/core/text.h"
#include "stormwatch/parse/cisco_common/addresses.h"

namespace stormwatch::parse::cisco {
namespace {

struct Side {
    bool any = false;
    std::vector<IpPrefix> prefixes;
};

// Reads one address spec at tokens[i]; advances i past it. Returns false when tokens[i] is
// no address spec (the caller then stops reading addresses).
bool ReadAddress(const Tokens& t, std::size_t& i, Side& side) {
    const std::string_view word = t[i];
    if (word == "any" || word == "any4" || word == "any6") {
        side.any = true;
        ++i;
        return true;
    }
    if (word == "host") {
        if (auto address = IpAddress::Parse(t[i + 1])) {
            side.prefixes.emplace_back(*address, address->is_v4() ? 32 : 128);
        }
        i += 2;
        return true;
    }
    if (word == "object-group" || word == "addrgroup" || word == "addr-group") {
        i += 2;  // named group: addresses live in the group definition
        return true;
    }
    if (word.find('/') != std::string_view::npos) {
        if (auto prefix = IpPrefix::Parse(word)) {
            side.prefixes.push_back(*prefix);
            ++i;
            return true;
        }
        return false;
    }
    auto address = IpAddress::Parse(word);
    if (!address) {
        return false;
    }
    ++i;
    if (address->is_v4()) {
        if (auto mask = ParseV4(t[i])) {
            // In an ACL the second quad is a wildcard; a netmask-looking one (some EOS and
            // older IOS configs) is read as a netmask instead, which is what the device does.
            const std::uint32_t m = mask->v4();
            const bool wildcard_shape = (m & (m + 1)) == 0;
            auto prefix = IpPrefix::FromMask(*address, *mask, wildcard_shape);
            if (prefix) {
                side.prefixes.push_back(*prefix);
            }
            ++i;
            return true;
        }
    }
    side.prefixes.emplace_back(*address, address->is_v4() ? 32 : 128);
    return true;
}

void SkipPorts(const Tokens& t, std::size_t& i) {
    const std::string_view word = t[i];
    if (word == "eq" || word == "neq" || word == "lt" || word == "gt" || word == "portgroup" ||
        word == "port-group") {
        i += 2;
        // IOS allows `eq 22 23 ...`: several ports after eq/neq.
        while (i < t.size() && text::ParseInt(t[i]).has_value()) {
            ++i;
        }
    } else if (word == "range") {
        i += 3;
    }
}

}  // namespace

bool IsStandardAclNumber(std::string_view name) {
    const auto number = text::ParseInt(name);
    return number && ((*number >= 1 && *number <= 99) || (*number >= 1300 && *number <= 1999));
}

bool ParseAclEntry(const Tokens& t, std::size_t first, bool standard, model::AclEntry& entry) {
    const std::string_view action = t[first];
    if (action != "permit" && action != "deny" && action != "remark") {
        return false;
    }
    entry.action = std::string(action);
    if (action == "remark") {
        return true;
    }
    std::size_t i = first + 1;
    if (!standard) {
        if (t[i] == "object-group") {
            i += 2;  // service object-group in place of a protocol
        } else {
            entry.protocol = std::string(t[i]);
            ++i;
        }
    }
    Side source;
    if (ReadAddress(t, i, source)) {
        entry.source_any = source.any;
        entry.sources = std::move(source.prefixes);
        if (!standard) {
            SkipPorts(t, i);
            Side destination;
            if (ReadAddress(t, i, destination)) {
                entry.destination_any = destination.any;
                entry.destinations = std::move(destination.prefixes);
            }
        }
    }
    for (std::size_t k = i; k < t.size(); ++k) {
        if (t[k] == "log" || t[k] == "log-input") {
            entry.log = true;
        }
    }
    return true;
}

}  // namespace stormwatch::parse::cisco
