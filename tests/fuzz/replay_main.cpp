// SPDX-License-Identifier: Apache-2.0
// The entry point of a fuzz target for builds without libFuzzer (the test suite): runs
// LLVMFuzzerTestOneInput over every file under the folders or files named on the command
// line, whole and cut in half, so each target keeps compiling and meets real inputs under
// the sanitizer build. Missing paths are skipped (the shared corpus is optional); finding no
// input at all is a failure.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

void Replay(const std::filesystem::path& path, std::size_t& inputs) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
    LLVMFuzzerTestOneInput(data, bytes.size());
    LLVMFuzzerTestOneInput(data, bytes.size() / 2);
    ++inputs;
}

}  // namespace

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    std::size_t inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const fs::path root(argv[i]);
        std::error_code error;
        if (fs::is_regular_file(root, error)) {
            Replay(root, inputs);
            continue;
        }
        if (!fs::is_directory(root, error)) {
            continue;
        }
        for (const auto& entry : fs::recursive_directory_iterator(root, error)) {
            if (entry.is_regular_file(error)) {
                Replay(entry.path(), inputs);
            }
        }
    }
    std::printf("replayed %zu inputs\n", inputs);
    return inputs == 0 ? 1 : 0;
}
