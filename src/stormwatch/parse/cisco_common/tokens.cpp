// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/cisco_common/tokens.h"

namespace stormwatch::parse::cisco {

Tokens::Tokens(std::string_view line) : line_(line) {
    std::size_t i = 0;
    const std::size_t n = line.size();
    while (i < n && count_ < kMax) {
        while (i < n && (line[i] == ' ' || line[i] == '\t')) {
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
        while (i < n && line[i] != ' ' && line[i] != '\t') {
            ++i;
        }
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
