// SPDX-License-Identifier: Apache-2.0
#pragma once

// Small model-building helpers shared by the IOS-like dialects: source references, host
// references, and the scan that finds every literal IPv4/IPv6 address or prefix on a line.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "stormwatch/core/ip_address.h"
#include "stormwatch/model/device_model.h"
#include "stormwatch/parse/config_tree.h"

namespace stormwatch::parse::cisco {

model::SourceRef Ref(const ConfigLine& line);
/// A literal address when `text` parses as one, else a host name (or interface name).
model::HostRef MakeHost(std::string_view text, const ConfigLine& line);
/// Strict IPv4 dotted quad only.
std::optional<IpAddress> ParseV4(std::string_view text);

/// How the masks 0.0.0.0 and 255.255.255.255, both a netmask and a wildcard, read.
enum class AmbiguousMasks : unsigned char {
    kNetmasks,
    kWildcards,            ///< host, any: ACL entries
    kWildcardsInAclLines,  ///< wildcards when the line says `permit` or `deny`
};

/// Appends every literal IPv4/IPv6 address or prefix of `text` to `out`. An IPv4 address
/// followed by a netmask or wildcard becomes one prefix and the mask is not reported on its
/// own; an address with host bits set under a netmask (an interface address) is reported as
/// the host. The mentions view `text`, which must outlive them (a ConfigTree line: the input
/// buffer or the tree's owned_text).
void ExtractAddresses(std::string_view text, std::uint32_t line, AmbiguousMasks masks,
                      std::vector<model::AddressMention>& out);

}  // namespace stormwatch::parse::cisco
