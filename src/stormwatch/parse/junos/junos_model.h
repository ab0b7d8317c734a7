// SPDX-License-Identifier: Apache-2.0
#pragma once

// The one Junos model extractor shared by both front ends (junos.cpp for the curly form,
// junos_set.cpp for the `set` form): each front end turns its input into statement paths in
// `set` form (the tokens after `set`) and feeds them here, so equivalent configs in the two
// forms yield the same DeviceModel (line numbers aside).

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "stormwatch/model/device_model.h"

namespace stormwatch::parse::junos {

/// Strips one pair of surrounding double quotes, if present.
std::string_view Unquote(std::string_view token);

/// Appends the tokens of one Junos statement to `out`: words, double-quoted strings (kept
/// with their quotes, backslash escapes honoured) and `[` / `]` as tokens of their own.
/// Stops at a `#` that starts a token (comment to end of line).
void SplitStatement(std::string_view text, std::vector<std::string_view>& out);

/// True for the words that start a Junos top-level statement (`system`, `interfaces`, ...).
bool IsTopLevelKeyword(std::string_view word);

/// Rendered statement paths packed into large chunks of a ConfigTree's owned_text, so that
/// a config costs a few allocations rather than one per statement. A chunk never grows past
/// its reserved capacity, so views into it stay valid.
class StringArena {
public:
    explicit StringArena(std::deque<std::string>& storage) : storage_(storage) {}

    /// Copies `parts` joined by single spaces and returns a view of the copy.
    std::string_view Join(std::span<const std::string_view> parts);

private:
    std::deque<std::string>& storage_;
    std::string* chunk_ = nullptr;
};

/// Maps statement paths onto a DeviceModel. Not thread-safe; one per parse.
class ModelBuilder {
public:
    /// `storage` (a ConfigTree's owned_text) keeps the texts that the model's SourceRefs view.
    ModelBuilder(model::DeviceModel& out, std::deque<std::string>& storage)
        : out_(out), set_forms_(storage) {}

    /// Applies an active statement. `rendered` is the path in `set` form without `set `.
    /// Returns true when the statement fed the model (other than as an address mention).
    bool Apply(std::span<const std::string_view> path, std::uint32_t line,
               std::string_view rendered);

    /// Records a statement that exists but must not feed the model: inactive (curly
    /// `inactive:`, `deactivate`) or deleted. Only log-relevant paths are kept (as
    /// Logging::disabled, evidence `as_written`). Returns true when it was recorded.
    bool NoteInactive(std::span<const std::string_view> path, std::uint32_t line,
                      std::string_view as_written);

    /// Adds every literal address or prefix of the statement to model.addresses.
    void AddAddresses(std::span<const std::string_view> path, std::uint32_t line,
                      std::string_view rendered);

    /// Resolves what needs the whole config (VRF membership, defaults of filter terms, ...).
    void Finish();

private:
    using Path = std::span<const std::string_view>;
    // Hashed with string_view lookups: a set-form config names its interface, filter or
    // route on every line, and a tree lookup per line was a tenth of parsing it.
    struct NameHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view name) const {
            return std::hash<std::string_view>{}(name);
        }
    };
    using Index = std::unordered_map<std::string, std::size_t, NameHash, std::equal_to<>>;

    bool System(Path p, std::uint32_t line, std::string_view rendered, bool from_group);
    bool Interfaces(Path p, std::uint32_t line, std::string_view rendered);
    bool Firewall(Path p, std::uint32_t line, std::string_view rendered);
    bool PolicyOptions(Path p, std::uint32_t line, std::string_view rendered);
    bool Snmp(Path p, std::uint32_t line, std::string_view rendered);
    bool ForwardingOptions(Path p, std::uint32_t line, std::string_view rendered);
    bool StaticRoute(Path p, std::uint32_t line, std::string_view rendered, std::string_view vrf);
    bool Security(Path p, std::uint32_t line, std::string_view rendered);
    bool Services(Path p, std::uint32_t line, std::string_view rendered);
    bool Login(Path p, std::size_t user_idx, std::uint32_t line, std::string_view rendered);

    std::size_t InterfaceAt(std::string_view name, std::uint32_t line, std::string_view rendered);
    std::size_t AclAt(std::string_view key, std::string_view name, std::string_view kind,
                      std::uint32_t line, std::string_view rendered);
    std::size_t UserAt(std::string_view name, std::uint32_t line, std::string_view rendered);
    std::size_t AaaServerAt(std::string_view protocol, std::string_view host, std::uint32_t line,
                            std::string_view rendered);
    model::Service& ServiceAt(std::string_view name, std::uint32_t line, std::string_view rendered);
    std::size_t MirrorAt(std::string_view id, std::string_view type, std::uint32_t line,
                         std::string_view rendered);
    void AddAclUse(std::string_view acl, std::string_view where, std::uint32_t line,
                   std::string_view rendered);

    /// The statement in `set` form, copied into the tree's storage once per statement.
    std::string_view SetForm(std::string_view rendered);
    model::SourceRef Ref(std::uint32_t line, std::string_view rendered);
    model::HostRef Host(std::string_view text, std::uint32_t line, std::string_view rendered);

    model::DeviceModel& out_;
    StringArena set_forms_;      // `set `-form texts that the model's SourceRefs view
    std::string_view set_form_;  // the current statement's, once rendered
    bool hostname_from_group_ = false;
    std::string key_;  // scratch for composite index keys
    Index interfaces_, acls_, entries_, users_, aaa_servers_, communities_, syslog_hosts_,
        ntp_servers_, services_, mirrors_, snmp_users_, routes_, acl_uses_;
    // Per ACL entry: whether a source / destination condition was written.
    struct EntryState {
        std::size_t acl = 0;
        std::size_t entry = 0;
        bool source_seen = false;
        bool destination_seen = false;
    };
    std::vector<EntryState> entry_states_;
    std::vector<std::pair<std::string, std::string>> interface_vrfs_;  // (interface, vrf)
    std::map<std::string, std::string, std::less<>> trap_group_versions_;
    std::map<std::string, bool, std::less<>> ike_gateway_v2_;
    std::vector<std::pair<std::size_t, std::string>> trap_hosts_;  // (snmp host, trap group)
    std::vector<std::pair<std::size_t, std::string>> ike_peers_;   // (crypto peer, gateway)
    std::size_t capture_ = static_cast<std::size_t>(-1);
};

}  // namespace stormwatch::parse::junos
