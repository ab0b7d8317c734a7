// SPDX-License-Identifier: Apache-2.0
#pragma once

// The parser shared by the IOS-like dialects (IOS / IOS XE, NX-OS, EOS). Their configs are
// the same indentation tree and mostly the same commands; each dialect file passes its
// flavour (for the few commands that differ in meaning) and a hook that sees every
// top-level command first, for the commands only that dialect has.

#include <cstdint>
#include <string_view>

#include "stormwatch/core/input_stats.h"
#include "stormwatch/model/device_model.h"
#include "stormwatch/parse/cisco_common/tokens.h"
#include "stormwatch/parse/config_tree.h"

namespace stormwatch::parse::cisco {

enum class Flavour : std::uint8_t { kIos, kNxos, kEos };

/// The state of one parse: the tree, the model being filled, and helpers for hooks.
struct IosLikeParse {
    Flavour flavour;
    ConfigTree& tree;
    model::DeviceModel& model;

    [[nodiscard]] const ConfigLine& Node(std::int32_t index) const {
        return tree.nodes[static_cast<std::size_t>(index)];
    }
    /// Marks the node as feeding the model (for the unrecognised-line accounting).
    void Use(std::int32_t index) { tree.nodes[static_cast<std::size_t>(index)].used = true; }
    /// Marks the node and its whole block as used.
    void UseBlock(std::int32_t index);
    [[nodiscard]] model::SourceRef RefOf(std::int32_t index) const;
};

/// A dialect's own top-level commands: returns true when it handled node `index` (it must
/// then mark what it used). Called before the shared handlers.
using TopLevelHook = bool (*)(IosLikeParse& parse, std::int32_t index, const Tokens& tokens);

/// Builds `tree` (handed back to the caller for the pattern rules), fills `out` (addresses
/// and every shared command) and does the line accounting.
void ParseIosLike(std::string_view text, Flavour flavour, TopLevelHook hook, ConfigTree& tree,
                  model::DeviceModel& out, InputStats& stats);

// Shared handlers the dialect hooks may call for sub-blocks that use IOS grammar.
void ParseInterface(IosLikeParse& parse, std::int32_t index, const Tokens& tokens);
void ParseNamedAcl(IosLikeParse& parse, std::int32_t index, std::string_view name,
                   std::string_view kind);
void ParseStaticRoute(IosLikeParse& parse, std::int32_t index, const Tokens& tokens,
                      std::size_t first, std::string_view vrf);
void AddService(IosLikeParse& parse, std::int32_t index, std::string_view name, bool enabled,
                int port, std::string_view detail = {});
/// The last service with this name, or null.
model::Service* FindService(model::DeviceModel& model, std::string_view name);
void AddAclUse(IosLikeParse& parse, std::int32_t index, std::string_view acl,
               std::string_view where);
/// `rest` starts at the word after `key`; returns the secret kind (`0`, `6`, `7`, ...).
std::string_view KeyType(std::string_view first_word);
/// True for SSH ciphers, MACs and key exchanges with known weaknesses.
bool IsWeakSshAlgorithm(std::string_view name);
/// Handles `monitor session ...` lines (all flavours) and their blocks.
void ParseMonitorSession(IosLikeParse& parse, std::int32_t index, const Tokens& tokens);

}  // namespace stormwatch::parse::cisco
