// SPDX-License-Identifier: Apache-2.0
#pragma once

// Files for tests: the shared corpus of public data beside the checkout (absent on a user's
// fresh clone: tests that read it skip), whole files, and every file under a folder.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

namespace stormwatch::test_support {

/// `../shared/corpus` beside the source tree; it may not exist.
inline std::filesystem::path SharedCorpusDir() {
    return std::filesystem::path(STORMWATCH_SOURCE_DIR) / ".." / "shared" / "corpus";
}

/// The whole file, byte for byte; empty when it cannot be read.
inline std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Every regular file under `dir`, in path order; none when `dir` is not a folder.
inline std::vector<std::filesystem::path> FilesUnder(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        return files;
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
        if (entry.is_regular_file()) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace stormwatch::test_support
