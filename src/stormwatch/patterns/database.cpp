// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/patterns/database.h"

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>
#include <utility>
#include <vector>

#include <hs/hs.h>

#include "stormwatch/core/text.h"

namespace stormwatch::patterns {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kKeySeed = 0x5357485344423031ULL;  // "SWHSDB01"
constexpr std::uint64_t kSumSeed = 0xcbf29ce484222325ULL;
constexpr char kMagic[8] = {'S', 'W', 'H', 'S', 'D', 'B', '0', '1'};

// Entry layout: magic, key, checksum of the payload, payload (hs_serialize_database bytes).
constexpr std::size_t kHeaderBytes = sizeof kMagic + 2 * sizeof(std::uint64_t);
// Far above any real database (the built-in rules take ~70 KiB); a larger file is not ours.
constexpr std::uintmax_t kMaxEntryBytes = 256 << 20;

std::optional<fs::path> CacheDir() {
    if (const char* dir = std::getenv("STORMWATCH_CACHE_DIR"); dir != nullptr && *dir != '\0') {
        if (std::strcmp(dir, "off") == 0) {
            return std::nullopt;
        }
        return fs::path(dir);
    }
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/') {
        return fs::path(xdg) / "stormwatch";
    }
    if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/') {
        return fs::path(home) / ".cache" / "stormwatch";
    }
    return std::nullopt;
}

std::string_view Bytes(const std::uint64_t& value) {
    return {reinterpret_cast<const char*>(&value), sizeof value};
}

std::uint64_t Key(Syntax syntax, std::span<const Expression> expressions) {
    hs_platform_info_t platform{};
    hs_populate_platform(&platform);
    std::uint64_t key = text::Fnv1a(kKeySeed, hs_version());
    key = text::Fnv1a(key, Bytes(platform.tune));
    key = text::Fnv1a(key, Bytes(platform.cpu_features));
    key = text::Fnv1a(key, syntax == Syntax::kRegex ? "regex" : "literal");
    for (const Expression& expression : expressions) {
        // Length first, so no two different lists hash the same bytes.
        key = text::Fnv1a(key, Bytes(expression.text.size()));
        key = text::Fnv1a(key, expression.text);
        key = text::Fnv1a(key, Bytes(expression.flags));
    }
    return key;
}

fs::path EntryPath(const fs::path& dir, std::uint64_t key) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string name(16, '0');
    for (int i = 15; i >= 0; --i, key >>= 4) {
        name[static_cast<std::size_t>(i)] = kHex[key & 15];
    }
    return dir / (name + ".hsdb");
}

Database Load(const fs::path& path, std::uint64_t key) {
    std::error_code error;
    const std::uintmax_t size = fs::file_size(path, error);
    if (error || size <= kHeaderBytes || size > kMaxEntryBytes) {
        return nullptr;
    }
    std::ifstream in(path, std::ios::binary);
    std::string entry(static_cast<std::size_t>(size), '\0');
    if (!in.read(entry.data(), static_cast<std::streamsize>(entry.size()))) {
        return nullptr;
    }
    if (entry.size() <= kHeaderBytes || std::memcmp(entry.data(), kMagic, sizeof kMagic) != 0) {
        return nullptr;
    }
    std::uint64_t stored_key = 0;
    std::uint64_t stored_sum = 0;
    std::memcpy(&stored_key, entry.data() + sizeof kMagic, sizeof stored_key);
    std::memcpy(&stored_sum, entry.data() + sizeof kMagic + sizeof stored_key, sizeof stored_sum);
    const std::string_view payload = std::string_view(entry).substr(kHeaderBytes);
    if (stored_key != key || stored_sum != text::Fnv1a(kSumSeed, payload)) {
        return nullptr;
    }
    hs_database_t* database = nullptr;
    if (hs_deserialize_database(payload.data(), payload.size(), &database) != HS_SUCCESS) {
        return nullptr;
    }
    return Database(database);
}

// Best effort: a cache that cannot be written costs the next run a compile, nothing else.
void Store(const fs::path& dir, const fs::path& path, std::uint64_t key,
           const hs_database_t* database) {
    char* bytes = nullptr;
    std::size_t size = 0;
    if (hs_serialize_database(database, &bytes, &size) != HS_SUCCESS) {
        return;
    }
    const std::string payload(bytes, size);
    std::free(bytes);  // hs_serialize_database allocates with the default misc allocator
    std::error_code error;
    fs::create_directories(dir, error);
    const fs::path temporary =
        path.string() + "." + std::to_string(::getpid()) + "." +
        std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id())) + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        const std::uint64_t sum = text::Fnv1a(kSumSeed, payload);
        out.write(kMagic, sizeof kMagic);
        out.write(reinterpret_cast<const char*>(&key), sizeof key);
        out.write(reinterpret_cast<const char*>(&sum), sizeof sum);
        out.write(payload.data(), static_cast<std::streamsize>(payload.size()));
        if (!out.flush()) {
            out.close();
            fs::remove(temporary, error);
            return;
        }
    }
    fs::rename(temporary, path, error);
    if (error) {
        fs::remove(temporary, error);
    }
}

Compiled CompileNow(Syntax syntax, std::span<const Expression> expressions) {
    std::vector<const char*> texts;
    std::vector<std::size_t> lengths;
    std::vector<unsigned> flags;
    std::vector<unsigned> ids;
    for (std::size_t i = 0; i < expressions.size(); ++i) {
        texts.push_back(expressions[i].text.c_str());
        lengths.push_back(expressions[i].text.size());
        flags.push_back(expressions[i].flags);
        ids.push_back(static_cast<unsigned>(i));
    }
    hs_database_t* database = nullptr;
    hs_compile_error_t* error = nullptr;
    const auto count = static_cast<unsigned>(expressions.size());
    const hs_error_t rc =
        syntax == Syntax::kRegex
            ? hs_compile_multi(texts.data(), flags.data(), ids.data(), count, HS_MODE_BLOCK,
                               nullptr, &database, &error)
            : hs_compile_lit_multi(texts.data(), flags.data(), ids.data(), lengths.data(), count,
                                   HS_MODE_BLOCK, nullptr, &database, &error);
    Compiled compiled;
    if (rc != HS_SUCCESS) {
        CompileFailure failure;
        if (error != nullptr) {
            failure.expression = error->expression;
            failure.message = error->message != nullptr ? error->message : "";
        }
        if (failure.message.empty()) {
            failure.message = "Hyperscan compilation failed";
        }
        hs_free_compile_error(error);
        compiled.failure = std::move(failure);
        return compiled;
    }
    compiled.database.reset(database);
    return compiled;
}

}  // namespace

void DatabaseDeleter::operator()(hs_database* database) const {
    hs_free_database(database);
}

Compiled Compile(Syntax syntax, std::span<const Expression> expressions) {
    const std::optional<fs::path> dir = CacheDir();
    if (!dir || expressions.empty()) {
        return CompileNow(syntax, expressions);
    }
    const std::uint64_t key = Key(syntax, expressions);
    const fs::path path = EntryPath(*dir, key);
    if (Database cached = Load(path, key)) {
        return Compiled{.database = std::move(cached), .from_cache = true};
    }
    Compiled compiled = CompileNow(syntax, expressions);
    if (compiled.database) {
        Store(*dir, path, key, compiled.database.get());
    }
    return compiled;
}

Scratch::Scratch(Scratch&& other) noexcept
    : scratch_(std::exchange(other.scratch_, nullptr)),
      sized_for_(std::exchange(other.sized_for_, nullptr)) {}

Scratch& Scratch::operator=(Scratch&& other) noexcept {
    if (this != &other) {
        hs_free_scratch(scratch_);
        scratch_ = std::exchange(other.scratch_, nullptr);
        sized_for_ = std::exchange(other.sized_for_, nullptr);
    }
    return *this;
}

Scratch::~Scratch() {
    hs_free_scratch(scratch_);
}

hs_scratch* Scratch::For(const hs_database* database) {
    if (database != sized_for_) {
        if (hs_alloc_scratch(database, &scratch_) != HS_SUCCESS) {
            sized_for_ = nullptr;
            return nullptr;
        }
        sized_for_ = database;
    }
    return scratch_;
}

}  // namespace stormwatch::patterns
