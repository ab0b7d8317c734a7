// SPDX-License-Identifier: Apache-2.0
#pragma once

// Reading a small YAML file that must hold one document (a site policy, a rule file) from
// untrusted hands: size, encoding, nesting and alias expansion are bounded before the caller
// walks the tree, and yaml-cpp exceptions become a Status naming the file and line.

#include <cstddef>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "stormwatch/core/status.h"

namespace stormwatch::yaml {

struct Limits {
    std::size_t max_bytes = 4 * 1024 * 1024;
    std::size_t max_node_visits = 200'000;  ///< with aliases expanded ("billion laughs")
    int max_depth = 32;
};

/// Loads `text` (named `name` in messages; `what` is e.g. "policy file") as one YAML document.
/// Returns a null node for an empty document. Errors are InvalidArgument with
/// `name:line: message`.
Result<YAML::Node> LoadSingleDocument(std::string_view text, const std::string& name,
                                      std::string_view what, const Limits& limits = {});

/// The bytes of the file at `path` (`what` is e.g. "policy file"), read in chunks and refused
/// past limits.max_bytes, so that a huge or endless file (a device, a pipe) is never held.
Result<std::string> ReadSmallFile(const std::string& path, std::string_view what,
                                  const Limits& limits = {});

/// `name:line: message`, or `name: message` when the mark is unknown.
Status ErrorAt(const std::string& name, const YAML::Mark& mark, const std::string& message);

}  // namespace stormwatch::yaml
