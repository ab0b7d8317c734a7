// SPDX-License-Identifier: Apache-2.0
#pragma once

// Shared by the micro-benchmarks: reading the generated inputs that CMake writes into the
// build tree (gen_configs.py, seeded), so every run measures the same bytes.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace stormwatch::bench {

/// The generated data folder (build/<preset>/bench/data).
inline std::filesystem::path DataDir() {
    return STORMWATCH_BENCH_DATA_DIR;
}

/// Whole file; empty when it is missing (the benchmark then skips with an error).
inline std::string ReadFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Every regular file under `dir`, sorted, except dot files (the generator's stamp).
inline std::vector<std::filesystem::path> ListTree(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
        if (entry.is_regular_file() && entry.path().filename().string().front() != '.') {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace stormwatch::bench
