// SPDX-License-Identifier: Apache-2.0
#pragma once

// TextMatcher: finds indicators written in free text (log messages, command lines, URLs in
// web logs). One pass over the text extracts candidate tokens (IPv4/IPv6 addresses, domain and
// host names, URLs, hex hashes, e-mail addresses) and looks each up in the IndicatorSet.
// Immutable after construction and safe to share between threads.

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "stormwatch/intel/indicator_set.h"

namespace stormwatch::intel {

struct TextHit {
    std::size_t offset = 0;  ///< byte offset of the matched token in the scanned text
    std::size_t length = 0;
    const Indicator* indicator = nullptr;  ///< owned by the matcher's IndicatorSet
};

class TextMatcher {
public:
    explicit TextMatcher(std::shared_ptr<const IndicatorSet> indicators);

    /// Appends one hit per (token, indicator) in offset order. Tokens are whole: `10.0.0.50`
    /// does not match an indicator `10.0.0.5`, `notevil.example` does not match
    /// `evil.example`, but `a.evil.example` does (parent domain).
    void Scan(std::string_view text, std::vector<TextHit>& out) const;

    [[nodiscard]] const IndicatorSet& indicators() const { return *indicators_; }

private:
    std::shared_ptr<const IndicatorSet> indicators_;
};

}  // namespace stormwatch::intel
