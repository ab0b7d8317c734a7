// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/core/text.h"

#include <cstring>

namespace stormwatch::text {

namespace {

char Lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is invalid.
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        return 1;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (i + len > s.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid (RFC 3629).
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return len;
}

}  // namespace

bool IStartsWith(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && IEquals(s.substr(0, prefix.size()), prefix);
}

bool IEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (Lower(a[i]) != Lower(b[i])) {
            return false;
        }
    }
    return true;
}

std::string ToLower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = Lower(c);
    }
    return out;
}

std::vector<std::string_view> Tokens(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
            ++i;
        }
        const std::size_t start = i;
        while (i < s.size() && s[i] != ' ' && s[i] != '\t') {
            ++i;
        }
        if (i > start) {
            out.push_back(s.substr(start, i - start));
        }
    }
    return out;
}

std::vector<std::string_view> QuotedTokens(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
            ++i;
        }
        if (i >= s.size()) {
            break;
        }
        if (s[i] == '"') {
            const std::size_t close = s.find('"', i + 1);
            const std::size_t end = close == std::string_view::npos ? s.size() : close;
            out.push_back(s.substr(i + 1, end - i - 1));
            i = close == std::string_view::npos ? s.size() : close + 1;
            continue;
        }
        const std::size_t start = i;
        while (i < s.size() && s[i] != ' ' && s[i] != '\t') {
            ++i;
        }
        out.push_back(s.substr(start, i - start));
    }
    return out;
}

std::optional<int> ParseInt(std::string_view s) {
    if (s.empty() || s.size() > 9) {
        return std::nullopt;
    }
    int value = 0;
    for (const char c : s) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

namespace {

/// `i`, moved past whole 8-byte words of ASCII: configs and logs are nearly all ASCII, and
/// every line of them is checked.
std::size_t SkipAsciiWords(std::string_view s, std::size_t i) {
    constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
    for (; i + sizeof(std::uint64_t) <= s.size(); i += sizeof(std::uint64_t)) {
        std::uint64_t word = 0;
        std::memcpy(&word, s.data() + i, sizeof word);
        if ((word & kHighBits) != 0) {
            break;
        }
    }
    return i;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        i = SkipAsciiWords(s, i);
        if (i == s.size()) {
            break;
        }
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t len = Utf8SequenceLength(s, i);
        if (len == 0) {
            return false;
        }
        i += len;
    }
    return true;
}

namespace {

std::string ReplaceInvalidUtf8(std::string_view s, bool blank_controls) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            const bool control = (c < 0x20 && c != '\t') || c == 0x7F;
            out.push_back(blank_controls && control ? ' ' : static_cast<char>(c));
            ++i;
            continue;
        }
        const std::size_t len = Utf8SequenceLength(s, i);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        out.append(s.substr(i, len));
        i += len;
    }
    return out;
}

}  // namespace

std::string SanitiseForOutput(std::string_view s) {
    return ReplaceInvalidUtf8(s, true);
}

std::string RepairUtf8(std::string_view s) {
    return ReplaceInvalidUtf8(s, false);
}

namespace {

void AppendUtf8(std::uint32_t code_point, std::string& out) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

}  // namespace

std::optional<std::string> Utf16WithBomToUtf8(std::string_view data) {
    if (data.size() < 2) {
        return std::nullopt;
    }
    const auto byte = [&data](std::size_t i) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(data[i]));
    };
    bool little_endian = false;
    if (byte(0) == 0xFF && byte(1) == 0xFE) {
        little_endian = true;
    } else if (!(byte(0) == 0xFE && byte(1) == 0xFF)) {
        return std::nullopt;
    }
    const auto unit = [&](std::size_t i) {
        return little_endian ? byte(i) | byte(i + 1) << 8 : byte(i) << 8 | byte(i + 1);
    };
    constexpr std::uint32_t kReplacement = 0xFFFD;
    std::string out;
    out.reserve(data.size() / 2 * 3);
    std::size_t i = 2;
    for (; i + 1 < data.size(); i += 2) {
        std::uint32_t code_point = unit(i);
        if (code_point >= 0xD800 && code_point <= 0xDBFF && i + 3 < data.size() &&
            unit(i + 2) >= 0xDC00 && unit(i + 2) <= 0xDFFF) {
            code_point = 0x10000 + ((code_point - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
            i += 2;
        } else if (code_point >= 0xD800 && code_point <= 0xDFFF) {
            code_point = kReplacement;
        }
        AppendUtf8(code_point, out);
    }
    if (i < data.size()) {
        AppendUtf8(kReplacement, out);  // half a unit at the end
    }
    return out;
}

bool LooksBinary(std::string_view head) {
    const std::string_view sample = head.substr(0, 8192);
    if (sample.empty()) {
        return false;
    }
    std::size_t odd = 0;
    for (std::size_t i = 0; i < sample.size();) {
        const auto c = static_cast<unsigned char>(sample[i]);
        if (c == 0) {
            return true;
        }
        if (c >= 0x80) {
            const std::size_t len = Utf8SequenceLength(sample, i);
            // A sequence cut by the sample's end is not evidence of binary.
            if (len == 0 && i + 4 < sample.size()) {
                ++odd;
            }
            i += len == 0 ? 1 : len;
            continue;
        }
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) {
            ++odd;
        }
        ++i;
    }
    return odd * 10 > sample.size();
}

std::uint64_t Fnv1a(std::uint64_t seed, std::string_view data) {
    std::uint64_t hash = seed;
    for (const char c : data) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

}  // namespace stormwatch::text
