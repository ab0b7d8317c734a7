// SPDX-License-Identifier: Apache-2.0
#pragma once

// RuleInfo: the catalogue entry of one rule id (C++ detector or data rule), for
// `stormwatch rules list` and SARIF's `tool.driver.rules`.

#include <string>
#include <vector>

#include "stormwatch/core/finding.h"

namespace stormwatch {

struct RuleInfo {
    std::string id;
    std::string title;
    std::string category;
    Severity severity = Severity::kInfo;
    std::vector<std::string> attack;
    std::string description;  ///< what it looks for and why (one paragraph)
    std::string kind;         ///< `detector` (C++) or `pattern` (YAML rule)
    std::string origin;       ///< source file of a data rule, `built-in` otherwise
};

}  // namespace stormwatch
