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
#include <unordered_set>

#include "stormwatch/core/text.h"
#include "stormwatch/io/gzip.h"

namespace stormwatch::io {

namespace fs = std::filesystem;

namespace {

bool Hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return name.size() > 1 && name[0] == '.';
}

// Files from this size up are mapped (and populated in one go: a page fault costs
// microseconds in a VM); smaller ones are read. Unmapping flushes the TLB of every core
// running the hunt, which costs more than copying a config of a few hundred KiB.
constexpr std::size_t kMapBytes = 1 << 20;
// Up to this size a mapping is populated at once; a larger input (a year of syslog) is paged
// in as the hunt reads it, so work starts at once and memory stays with the page cache.
constexpr std::size_t kPopulateBytes = std::size_t{256} << 20;
constexpr std::size_t kReadChunkBytes = 64 << 10;
// A gzip input is inflated into memory; a larger text is refused (and a decompression bomb
// stops here).
constexpr std::size_t kMaxGunzipBytes = std::size_t{2} << 30;

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
        // A pipe named on the command line (`<(ssh pe1 show running-config)`) is read to its
        // end; inside a folder only files are taken.
        if (fs::is_fifo(status)) {
            out.push_back({.path = path});
            continue;
        }
        if (!fs::is_directory(status)) {
            out.push_back({.path = path, .error = "not a regular file, pipe or directory"});
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
    std::unordered_set<std::string> seen;
    for (InputPath& p : out) {
        if (seen.insert(p.path).second) {
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
        modified_ = other.modified_;
        // A short buffer lives inside the string object: its bytes moved with it.
        data_ = owns_buffer ? std::string_view(buffer_.data(), other.data_.size()) : other.data_;
        padding_ = std::exchange(other.padding_, 0);
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
    padding_ = 0;
}

Result<InputFile> InputFile::Open(const std::string& path) {
    STORMWATCH_ASSIGN_OR_RETURN(InputFile file, OpenBytes(path));
    if (IsGzip(file.data_)) {
        std::string text;
        if (Status status = Gunzip(file.data_, kMaxGunzipBytes, text); !status.ok()) {
            return InvalidArgument(path + ": " + status.message());
        }
        file.KeepText(std::move(text));
    }
    // A UTF-16 export (with its byte-order mark: PowerShell 5 redirection) is read as the
    // UTF-8 text it holds; its lines, and so their numbers, are the file's.
    if (std::optional<std::string> utf8 = text::Utf16WithBomToUtf8(file.data_)) {
        file.KeepText(std::move(*utf8));
    }
    return file;
}

Result<InputFile> InputFile::OpenBytes(const std::string& path) {
    InputFile file;
    if (path == "-") {
        file.buffer_.assign(std::istreambuf_iterator<char>(std::cin),
                            std::istreambuf_iterator<char>());
        file.KeepPadded(file.buffer_.size());
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
    // A device (`/dev/zero`, a terminal) or a socket may never end: only files and pipes.
    if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
        ::close(fd);
        return InvalidArgument(path + ": not a regular file or a pipe");
    }
    file.modified_ = static_cast<std::int64_t>(st.st_mtime);
    const auto size = static_cast<std::size_t>(std::max<off_t>(st.st_size, 0));
    if (S_ISREG(st.st_mode) && size >= kMapBytes) {
        const int populate = size <= kPopulateBytes ? MAP_POPULATE : 0;
        void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | populate, fd, 0);
        if (map != MAP_FAILED) {
            ::close(fd);
            ::madvise(map, size, MADV_SEQUENTIAL);
            file.mapping_ = map;
            file.mapping_size_ = size;
            file.data_ = std::string_view(static_cast<const char*>(map), size);
            // The kernel fills the last page past the end of the file with zeros.
            const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
            file.padding_ = size % page == 0 ? 0 : page - size % page;
            return file;
        }
    }
    // Smaller files, pipes, /proc files and failed mappings: read until end of file, straight
    // into the buffer (one byte spare, so a file of the size fstat gave ends in one pass, and
    // the padding, so that keeping it moves nothing).
    std::size_t used = 0;
    file.buffer_.resize(S_ISREG(st.st_mode) ? size + 1 + kReadPadding : kReadChunkBytes);
    for (;;) {
        if (used == file.buffer_.size()) {
            file.buffer_.resize(used * 2);
        }
        const ssize_t n = ::read(fd, file.buffer_.data() + used, file.buffer_.size() - used);
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
        used += static_cast<std::size_t>(n);
    }
    ::close(fd);
    file.KeepPadded(used);
    return file;
}

void InputFile::KeepText(std::string text) {
    Release();
    buffer_ = std::move(text);
    KeepPadded(buffer_.size());
}

void InputFile::KeepPadded(std::size_t size) {
    buffer_.resize(size + kReadPadding);  // zeros after the data
    data_ = std::string_view(buffer_.data(), size);
    padding_ = kReadPadding;
}

}  // namespace stormwatch::io
