// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/io/input_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <system_error>

namespace stormwatch::io {

namespace fs = std::filesystem;

namespace {

bool Hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return name.size() > 1 && name[0] == '.';
}

std::string ErrnoText(int error) {
    return std::generic_category().message(error);
}

}  // namespace

std::vector<InputPath> ExpandPaths(const std::vector<std::string>& paths) {
    std::vector<InputPath> out;
    for (const std::string& path : paths) {
        if (path == "-") {
            out.push_back({.path = path});
            continue;
        }
        std::error_code ec;
        const fs::file_status status = fs::status(path, ec);
        if (ec) {
            out.push_back({.path = path, .error = ec.message()});
            continue;
        }
        if (fs::is_regular_file(status)) {
            out.push_back({.path = path, .size = fs::file_size(path, ec)});
            continue;
        }
        if (!fs::is_directory(status)) {
            out.push_back({.path = path, .error = "not a regular file or directory"});
            continue;
        }
        std::vector<InputPath> found;
        fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied,
                                            ec);
        if (ec) {
            out.push_back({.path = path, .error = ec.message()});
            continue;
        }
        for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec) {
                found.push_back({.path = it->path().string(), .error = ec.message()});
                break;
            }
            if (Hidden(it->path())) {
                if (it->is_directory(ec)) {
                    it.disable_recursion_pending();
                }
                continue;
            }
            if (it->is_regular_file(ec)) {
                found.push_back({.path = it->path().string(), .size = it->file_size(ec)});
            }
        }
        std::sort(found.begin(), found.end(),
                  [](const InputPath& a, const InputPath& b) { return a.path < b.path; });
        std::move(found.begin(), found.end(), std::back_inserter(out));
    }
    // The same file named twice (a file and its directory) is hunted once.
    std::vector<InputPath> unique;
    for (InputPath& p : out) {
        const bool seen = std::any_of(unique.begin(), unique.end(),
                                      [&](const InputPath& u) { return u.path == p.path; });
        if (!seen) {
            unique.push_back(std::move(p));
        }
    }
    return unique;
}

InputFile::InputFile(InputFile&& other) noexcept {
    *this = std::move(other);
}

InputFile& InputFile::operator=(InputFile&& other) noexcept {
    if (this != &other) {
        Release();
        mapping_ = std::exchange(other.mapping_, nullptr);
        mapping_size_ = std::exchange(other.mapping_size_, 0);
        const bool owns_buffer =
            !other.buffer_.empty() && other.data_.data() == other.buffer_.data();
        buffer_ = std::move(other.buffer_);
        data_ = owns_buffer ? std::string_view(buffer_) : other.data_;
        other.data_ = {};
    }
    return *this;
}

InputFile::~InputFile() {
    Release();
}

void InputFile::Release() {
    if (mapping_ != nullptr) {
        munmap(mapping_, mapping_size_);
        mapping_ = nullptr;
        mapping_size_ = 0;
    }
    data_ = {};
}

Result<InputFile> InputFile::Open(const std::string& path) {
    InputFile file;
    if (path == "-") {
        file.buffer_.assign(std::istreambuf_iterator<char>(std::cin),
                            std::istreambuf_iterator<char>());
        file.data_ = file.buffer_;
        return file;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return IoError(path + ": " + ErrnoText(errno));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int error = errno;
        ::close(fd);
        return IoError(path + ": " + ErrnoText(error));
    }
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
        const auto size = static_cast<std::size_t>(st.st_size);
        void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map != MAP_FAILED) {
            ::close(fd);
            file.mapping_ = map;
            file.mapping_size_ = size;
            file.data_ = std::string_view(static_cast<const char*>(map), size);
            return file;
        }
    }
    // Pipes, /proc files and failed mappings: read until end of file.
    char chunk[65536];
    for (;;) {
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            const int error = errno;
            ::close(fd);
            return IoError(path + ": " + ErrnoText(error));
        }
        if (n == 0) {
            break;
        }
        file.buffer_.append(chunk, static_cast<std::size_t>(n));
    }
    ::close(fd);
    file.data_ = file.buffer_;
    return file;
}

}  // namespace stormwatch::io
