// SPDX-License-Identifier: Apache-2.0
#pragma once

// Tokens: the words of one config line as views into it, on the stack (no allocation), with
// double quotes stripped so NX-OS `key 7 "a b"` reads as one token. Shared by the IOS-like
// dialects (IOS, IOS XE, NX-OS, EOS).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace stormwatch::parse::cisco {

class Tokens {
public:
    /// Lines with more words keep the first kMax; no command we model needs more.
    static constexpr std::size_t kMax = 64;

    explicit Tokens(std::string_view line);

    [[nodiscard]] std::size_t size() const { return count_; }
    /// The i-th token, or an empty view past the end (so lookups need no bounds checks).
    [[nodiscard]] std::string_view operator[](std::size_t i) const {
        return i < count_ ? line_.substr(spans_[i].offset, spans_[i].size) : std::string_view{};
    }
    /// The line from token i to its end (for descriptions and remarks); empty past the end.
    [[nodiscard]] std::string_view Rest(std::size_t i) const;
    /// Index of the first token equal to `word` at or after `from`, or size().
    [[nodiscard]] std::size_t Find(std::string_view word, std::size_t from = 0) const;
    [[nodiscard]] bool Has(std::string_view word, std::size_t from = 0) const {
        return Find(word, from) < count_;
    }

private:
    // Offsets rather than views, and no initialisers: a Tokens is built for most lines of a
    // config, and zeroing 64 views each time cost more than the tokenising.
    struct Span {
        std::uint32_t offset;
        std::uint32_t size;
    };

    std::string_view line_;
    std::array<Span, kMax> spans_;  // only the first count_ are set
    std::size_t count_ = 0;
};

}  // namespace stormwatch::parse::cisco
