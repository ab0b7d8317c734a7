// SPDX-License-Identifier: Apache-2.0
#pragma once

// Reading evidence: expanding the user's paths into input files, and mapping a file into
// memory so parsers work on string_views without copying.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stormwatch/core/padded_text.h"
#include "stormwatch/core/status.h"

namespace stormwatch::io {

/// One input the user asked for, or a path that could not be expanded.
struct InputPath {
    std::string path;  ///< as the user gave it, or joined from it (relative stays relative)
    std::uint64_t size = 0;
    std::string error;  ///< non-empty when the path cannot be read (missing, permission, ...)
};

/// Expands files and directories (recursively, following no symlinked directories) into a
/// sorted, de-duplicated list of regular files. `-` stands for standard input, and a named
/// pipe is taken as it is. Hidden entries (`.git`, `.svn`, dot-files) inside directories are
/// skipped; named files are always taken.
std::vector<InputPath> ExpandPaths(const std::vector<std::string>& paths);

/// The bytes of one input: memory-mapped for large regular files (1 MiB and up), read for
/// smaller ones, stdin and pipes.
class InputFile {
public:
    InputFile() = default;
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
    InputFile(InputFile&& other) noexcept;
    InputFile& operator=(InputFile&& other) noexcept;
    ~InputFile();

    /// Opens `path` (`-` = stdin): a regular file or a pipe; a device or a socket is refused.
    /// gzip data is inflated (up to 2 GiB of text) and UTF-16 with a byte-order mark decoded:
    /// data() is the UTF-8 text. The error message names the path and the reason.
    static Result<InputFile> Open(const std::string& path);

    [[nodiscard]] std::string_view data() const { return data_; }
    /// data() with the bytes after it that may be read (zeros): a read file's buffer keeps
    /// kReadPadding spare, a mapping the rest of its last page (none when the size is a
    /// multiple of the page size).
    [[nodiscard]] PaddedText padded() const { return {data_, padding_}; }
    static constexpr std::size_t kReadPadding = 64;
    /// The file's modification time (Unix seconds); none for stdin.
    [[nodiscard]] std::optional<std::int64_t> modified() const { return modified_; }

private:
    /// Open without the gzip step: the bytes as stored.
    static Result<InputFile> OpenBytes(const std::string& path);
    void Release();
    /// Replaces the data with `text` (decoded from the bytes read), padded.
    void KeepText(std::string text);
    /// Makes the first `size` bytes of buffer_ the data, followed by kReadPadding zeros.
    void KeepPadded(std::size_t size);

    std::string_view data_;
    std::size_t padding_ = 0;
    void* mapping_ = nullptr;
    std::size_t mapping_size_ = 0;
    std::string buffer_;  // used when the input is not mapped
    std::optional<std::int64_t> modified_;
};

}  // namespace stormwatch::io
