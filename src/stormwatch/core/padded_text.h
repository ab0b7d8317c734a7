// SPDX-License-Identifier: Apache-2.0
#pragma once

// PaddedText: a text whose buffer stays readable for `padding` bytes past its end. Parsers that
// read whole 64-byte blocks (simdjson) take such a text in place; any other text they first
// copy into a padded buffer, which for a large feed costs a pass over it and its size again in
// memory.

#include <concepts>
#include <cstddef>
#include <string_view>

namespace stormwatch {

struct PaddedText {
    /// Any text (a string, a view, a literal) with no padding known: a parser that needs
    /// padding copies it.
    PaddedText(const std::convertible_to<std::string_view> auto& unpadded)  // NOLINT
        : text(unpadded) {}
    PaddedText(std::string_view padded, std::size_t readable_after)
        : text(padded), padding(readable_after) {}

    std::string_view text;
    std::size_t padding = 0;  ///< bytes after text's end that may be read
};

}  // namespace stormwatch
