// SPDX-License-Identifier: Apache-2.0
#pragma once

// ACL entry grammar shared by IOS, IOS XE, NX-OS and EOS: `permit|deny|remark`, an optional
// protocol, then source and destination as `any`, `host A`, `A W` (wildcard), `A M`
// (netmask, ambiguous in IOS only for 0.0.0.0/255.255.255.255), `A/len`, `object-group N`
// or `addrgroup N`, each optionally followed by a port match (`eq`, `neq`, `lt`, `gt`,
// `range`, `portgroup`).

#include <cstddef>
#include <string_view>

#include "stormwatch/model/device_model.h"
#include "stormwatch/parse/cisco_common/tokens.h"

namespace stormwatch::parse::cisco {

/// True for numbered standard ACLs (1-99, 1300-1999).
bool IsStandardAclNumber(std::string_view name);

/// Parses the entry whose action is token `first` (`permit`, `deny` or `remark`; a leading
/// sequence number must already be skipped). `standard` entries have no protocol and only a
/// source. Returns false (entry untouched) when token `first` is not an action.
bool ParseAclEntry(const Tokens& tokens, std::size_t first, bool standard, model::AclEntry& entry);

}  // namespace stormwatch::parse::cisco
