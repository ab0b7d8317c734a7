// SPDX-License-Identifier: Apache-2.0
#pragma once

// gzip-compressed evidence: rotated syslog (`messages.1.gz`), archived configs. InputFile
// inflates it, so every reader sees the text.

#include <cstddef>
#include <string>
#include <string_view>

#include "stormwatch/core/status.h"

namespace stormwatch::io {

/// True when `data` starts with the gzip magic bytes (1F 8B).
bool IsGzip(std::string_view data);

/// Inflates gzip `data` into `out` (replacing its contents): each member of a concatenation in
/// turn; bytes after the last member that do not start another one are ignored, as gzip(1)
/// does. Fails on a corrupt or cut stream, and when the text would exceed `max_bytes` (a
/// decompression bomb).
Status Gunzip(std::string_view data, std::size_t max_bytes, std::string& out);

}  // namespace stormwatch::io
