// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/cisco_common/tokens.h"

#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace stormwatch::parse::cisco {

namespace {

bool IsSeparator(char c) {
    return c == ' ' || c == '\t';
}

/// Where the word starting at `i` ends: the first space or tab at or after `i`, or the end.
/// With SSE2, sixteen bytes at a time while they lie inside the line (most words end in the
/// first block); the rest byte by byte.
std::size_t WordEnd(std::string_view line, std::size_t i) {
    const std::size_t n = line.size();
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(' ');
    const __m128i tab = _mm_set1_epi8('\t');
    for (; i + 16 <= n; i += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i));
        const int separators = _mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(block, space), _mm_cmpeq_epi8(block, tab)));
        if (separators != 0) {
            return i +
                   static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(separators)));
        }
    }
#endif
    while (i < n && !IsSeparator(line[i])) {
        ++i;
    }
    return i;
}

}  // namespace

Tokens::Tokens(std::string_view line) : line_(line) {
    std::size_t i = 0;
    const std::size_t n = line.size();
    while (i < n && count_ < kMax) {
        while (i < n && IsSeparator(line[i])) {
            ++i;
        }
        if (i >= n) {
            break;
        }
        if (line[i] == '"') {
            const std::size_t close = line.find('"', i + 1);
            // An unterminated quote runs to the end of the line, as the CLI reads it.
            const std::size_t stop = close == std::string_view::npos ? n : close;
            spans_[count_++] = {static_cast<std::uint32_t>(i + 1),
                                static_cast<std::uint32_t>(stop - i - 1)};
            i = stop == n ? n : stop + 1;
            continue;
        }
        const std::size_t start = i;
        i = WordEnd(line, i);
        spans_[count_++] = {static_cast<std::uint32_t>(start),
                            static_cast<std::uint32_t>(i - start)};
    }
}

std::string_view Tokens::Rest(std::size_t i) const {
    if (i >= count_) {
        return {};
    }
    // Keep an opening quote out of the text, as operator[] does.
    return line_.substr(spans_[i].offset);
}

std::size_t Tokens::Find(std::string_view word, std::size_t from) const {
    for (std::size_t i = from; i < count_; ++i) {
        if ((*this)[i] == word) {
            return i;
        }
    }
    return count_;
}

}  // namespace stormwatch::parse::cisco
