// SPDX-License-Identifier: Apache-2.0
#pragma once

// Where JSON text first goes wrong. simdjson reports *what* failed but not *where*; when it
// rejects an input, this small validating scan finds the first offending byte so the message
// can name an offset, line and column. It runs only on the error path.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace stormwatch::intel::detail {

struct JsonErrorLocation {
    std::size_t offset = 0;  ///< 0-based byte offset
    std::size_t line = 1;    ///< 1-based
    std::size_t column = 1;  ///< 1-based, in bytes
    std::string what;        ///< e.g. `expected ',' or '}'`
};

/// The first RFC 8259 violation in `json` (including nesting deeper than `max_depth` and
/// invalid UTF-8), or nullopt when the scan finds none.
std::optional<JsonErrorLocation> FindJsonError(std::string_view json, std::size_t max_depth);

/// 1-based line and column of `offset` in `text`.
JsonErrorLocation LocateOffset(std::string_view text, std::size_t offset, std::string what);

}  // namespace stormwatch::intel::detail
