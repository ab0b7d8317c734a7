// SPDX-License-Identifier: Apache-2.0
#pragma once

// Compiled Hyperscan databases, kept in an on-disk cache. Compiling the built-in pattern
// rules takes ~0.2 s of CPU, more than auditing a 100,000-line config; loading the same
// database from the cache takes about a millisecond (performance.md: "compile rule databases
// once per run, or cache them").
//
// The cache directory is $STORMWATCH_CACHE_DIR, else $XDG_CACHE_HOME/stormwatch, else
// ~/.cache/stormwatch; STORMWATCH_CACHE_DIR=off turns the cache off. An entry is named by a
// hash of everything that shapes the database (Hyperscan's version, this CPU's features, each
// pattern and its flags) and carries a checksum of its bytes; an entry that is unreadable,
// truncated or fails the check is compiled again and replaced. Writes go to a temporary file
// renamed into place, so concurrent runs never see half an entry. The checksum catches
// corruption, not tampering: the cache is as trusted as the rest of the user's home.

#include <memory>
#include <optional>
#include <span>
#include <string>

struct hs_database;
struct hs_scratch;

namespace stormwatch::patterns {

enum class Syntax {
    kRegex,    ///< PCRE-style expressions (hs_compile_multi)
    kLiteral,  ///< plain byte strings (hs_compile_lit_multi: much cheaper to compile)
};

/// One expression; its index in the list given to Compile is the id Hyperscan reports.
struct Expression {
    std::string text;
    unsigned flags = 0;  ///< HS_FLAG_*
};

struct DatabaseDeleter {
    void operator()(hs_database* database) const;
};
using Database = std::unique_ptr<hs_database, DatabaseDeleter>;

/// A failed compilation: the expression Hyperscan refused (-1: the set as a whole) and why.
struct CompileFailure {
    int expression = -1;
    std::string message;
};

struct Compiled {
    Database database;                      ///< null when compilation failed
    std::optional<CompileFailure> failure;  ///< set when database is null
    bool from_cache = false;
};

/// A block-mode database for `expressions`, from the cache when an entry matches.
Compiled Compile(Syntax syntax, std::span<const Expression> expressions);

/// One thread's scratch space for a database (Hyperscan's rule: never shared by threads).
class Scratch {
public:
    Scratch() = default;
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    Scratch(Scratch&& other) noexcept;
    Scratch& operator=(Scratch&& other) noexcept;
    ~Scratch();

    /// The space for `database`, grown when `database` is not the one it was last sized for
    /// (hs_alloc_scratch re-checks the database on every call: ~86k instructions); null on
    /// failure. Should a freed database's address come back for another one, a scratch too
    /// small for it makes hs_scan fail with HS_INVALID, never scan out of bounds: the callers
    /// then take their no-Hyperscan path.
    hs_scratch* For(const hs_database* database);

private:
    hs_scratch* scratch_ = nullptr;
    const hs_database* sized_for_ = nullptr;
};

}  // namespace stormwatch::patterns
