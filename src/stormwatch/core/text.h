// SPDX-License-Identifier: Apache-2.0
#pragma once

// Small string_view helpers shared by every parser. None allocate except where they return
// std::string.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stormwatch::text {

// Inline: the parsers call these on every line of every input.
inline bool IsBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

inline std::string_view TrimRight(std::string_view s) {
    while (!s.empty() && IsBlank(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

inline std::string_view Trim(std::string_view s) {
    while (!s.empty() && IsBlank(s.front())) {
        s.remove_prefix(1);
    }
    return TrimRight(s);
}

inline bool StartsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

/// The value of a hexadecimal digit (either case), or -1.
inline int HexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

inline bool IsHexDigit(char c) {
    return HexValue(c) >= 0;
}

/// Every character a hexadecimal digit (true for the empty string).
inline bool IsHex(std::string_view s) {
    for (const char c : s) {
        if (!IsHexDigit(c)) {
            return false;
        }
    }
    return true;
}

bool IStartsWith(std::string_view s, std::string_view prefix);
bool IEquals(std::string_view a, std::string_view b);
std::string ToLower(std::string_view s);

/// Splits on runs of spaces and tabs. Views point into `s`.
std::vector<std::string_view> Tokens(std::string_view s);
/// Like Tokens, but a double-quoted token keeps its spaces (quotes stripped).
std::vector<std::string_view> QuotedTokens(std::string_view s);

/// Parses a whole token as a decimal unsigned integer that fits in `int`.
std::optional<int> ParseInt(std::string_view s);

/// True when `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);
/// Replaces each invalid UTF-8 byte with U+FFFD and control characters (other than tab)
/// with a space, so evidence is always printable, valid JSON text.
std::string SanitiseForOutput(std::string_view s);
/// Replaces each invalid UTF-8 byte with U+FFFD and keeps everything else.
std::string RepairUtf8(std::string_view s);

/// For text that starts with a UTF-16 byte-order mark (FF FE or FE FF: Windows tools such as
/// PowerShell 5 redirection write configs and logs so): the text as UTF-8, without the mark,
/// unpaired surrogates and a cut last unit as U+FFFD. Nullopt for any other text.
std::optional<std::string> Utf16WithBomToUtf8(std::string_view data);

/// Heuristic used for whole-input rejection: NUL bytes, or more than 10% bytes that are
/// neither printable ASCII, whitespace nor part of valid UTF-8 in the first 8 KiB.
bool LooksBinary(std::string_view head);

/// 64-bit FNV-1a of `data`, starting from `seed`: stable across runs and machines, for
/// fingerprints and cache keys (not for hash tables under attack).
std::uint64_t Fnv1a(std::uint64_t seed, std::string_view data);

/// Calls fn(line_view, line_number) for each line (LF or CRLF; the last line need not end
/// with a newline). Uses memchr; no allocation.
template <typename Fn>
void ForEachLine(std::string_view data, Fn&& fn);

}  // namespace stormwatch::text

#include <cstring>

namespace stormwatch::text {

template <typename Fn>
void ForEachLine(std::string_view data, Fn&& fn) {
    std::size_t line_number = 0;
    const char* p = data.data();
    const char* end = p + data.size();
    while (p < end) {
        const auto* nl =
            static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char* line_end = nl != nullptr ? nl : end;
        std::string_view line(p, static_cast<std::size_t>(line_end - p));
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        fn(line, ++line_number);
        p = nl != nullptr ? nl + 1 : end;
    }
}

}  // namespace stormwatch::text
