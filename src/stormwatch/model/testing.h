// SPDX-License-Identifier: Apache-2.0
#pragma once

// For tests that build models by hand: SourceRef views its text, which a parse keeps in the
// input buffer or the tree; a hand-built model keeps it here, for the life of the test binary.

#include <deque>
#include <string>
#include <string_view>

#include "stormwatch/model/device_model.h"

namespace stormwatch::model::testing {

inline std::string_view KeptText(std::string text) {
    static std::deque<std::string> kept;
    return kept.emplace_back(std::move(text));
}

inline SourceRef KeptRef(std::uint32_t line, std::string text) {
    return SourceRef{.line = line, .text = KeptText(std::move(text))};
}

}  // namespace stormwatch::model::testing
