// SPDX-License-Identifier: Apache-2.0
// URL normalisation (RFC 3986 section 6.2.2, syntax-based) for comparing indicator URLs with
// URLs seen in logs and configs. Dot-segment removal and IDN mapping are not done: feeds
// publish URLs as observed, and rewriting paths could make two different URLs equal.

#include <array>
#include <string>
#include <string_view>

#include "stormwatch/core/text.h"
#include "stormwatch/intel/indicator_set.h"

namespace stormwatch::intel {

namespace {

bool IsAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(char c) {
    return c >= '0' && c <= '9';
}
bool IsUnreserved(char c) {
    return IsAlpha(c) || IsDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}
char Lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Scheme length when `url` starts with `scheme://`, else 0.
std::size_t SchemeLength(std::string_view url) {
    if (url.empty() || !IsAlpha(url[0])) {
        return 0;
    }
    std::size_t i = 1;
    while (i < url.size() && (IsAlpha(url[i]) || IsDigit(url[i]) || url[i] == '+' ||
                              url[i] == '-' || url[i] == '.')) {
        ++i;
    }
    if (url.substr(i, 3) != "://") {
        return 0;
    }
    return i;
}

struct Authority {
    std::size_t begin = 0;  // after `://`
    std::size_t end = 0;    // at `/`, `?`, `#` or the end
    std::size_t host_begin = 0;
    std::size_t host_end = 0;
    std::size_t port_begin = 0;  // == end when there is no port
    bool ok = false;
};

Authority ParseAuthority(std::string_view url, std::size_t scheme_length) {
    Authority a;
    a.begin = scheme_length + 3;
    // A table, not find_first_of: that searches the set with memchr once per byte.
    static constexpr std::array<bool, 256> kEndsAuthority = [] {
        std::array<bool, 256> t{};
        t['/'] = t['?'] = t['#'] = true;
        return t;
    }();
    a.end = a.begin;
    while (a.end < url.size() && !kEndsAuthority[static_cast<unsigned char>(url[a.end])]) {
        ++a.end;
    }
    const std::string_view authority = url.substr(a.begin, a.end - a.begin);
    const std::size_t at = authority.rfind('@');
    a.host_begin = a.begin + (at == std::string_view::npos ? 0 : at + 1);
    a.port_begin = a.end;
    if (a.host_begin < a.end && url[a.host_begin] == '[') {
        const std::size_t close = url.find(']', a.host_begin);
        if (close == std::string_view::npos || close >= a.end) {
            return a;
        }
        a.host_end = close + 1;
        if (a.host_end < a.end) {
            if (url[a.host_end] != ':') {
                return a;
            }
            a.port_begin = a.host_end + 1;
        }
    } else {
        const std::size_t colon = url.find(':', a.host_begin);
        if (colon != std::string_view::npos && colon < a.end) {
            a.host_end = colon;
            a.port_begin = colon + 1;
        } else {
            a.host_end = a.end;
        }
    }
    for (std::size_t i = a.port_begin; i < a.end; ++i) {
        if (!IsDigit(url[i])) {
            return a;
        }
    }
    a.ok = a.host_end > a.host_begin;
    return a;
}

void AppendNormalisedPercent(std::string_view part, std::string& out) {
    constexpr char kHex[] = "0123456789ABCDEF";
    for (std::size_t i = 0; i < part.size(); ++i) {
        const char c = part[i];
        if (c == '%' && i + 2 < part.size()) {
            const int hi = text::HexValue(part[i + 1]);
            const int lo = text::HexValue(part[i + 2]);
            if (hi >= 0 && lo >= 0) {
                const char decoded = static_cast<char>(hi * 16 + lo);
                if (IsUnreserved(decoded)) {
                    out += decoded;
                } else {
                    out += '%';
                    out += kHex[hi];
                    out += kHex[lo];
                }
                i += 2;
                continue;
            }
        }
        out += c;
    }
}

}  // namespace

UrlHost FindUrlHost(std::string_view url) {
    const std::size_t scheme = SchemeLength(url);
    if (scheme == 0) {
        return {};
    }
    const Authority a = ParseAuthority(url, scheme);
    if (!a.ok) {
        return {};
    }
    if (url[a.host_begin] == '[') {
        return {a.host_begin + 1, a.host_end - a.host_begin - 2};
    }
    return {a.host_begin, a.host_end - a.host_begin};
}

std::string NormaliseUrl(std::string_view url) {
    for (const char c : url) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
            return {};
        }
    }
    const std::size_t scheme_length = SchemeLength(url);
    if (scheme_length == 0) {
        return {};
    }
    const Authority a = ParseAuthority(url, scheme_length);
    if (!a.ok) {
        return {};
    }
    std::string out;
    out.reserve(url.size() + 1);
    for (std::size_t i = 0; i < scheme_length; ++i) {
        out += Lower(url[i]);
    }
    out += "://";
    // Userinfo keeps its case (it is a credential); the host is case-insensitive.
    out.append(url.substr(a.begin, a.host_begin - a.begin));
    for (std::size_t i = a.host_begin; i < a.host_end; ++i) {
        out += Lower(url[i]);
    }
    if (a.port_begin < a.end) {
        std::string_view port = url.substr(a.port_begin, a.end - a.port_begin);
        while (port.size() > 1 && port.front() == '0') {
            port.remove_prefix(1);
        }
        const std::string_view scheme(out.data(), scheme_length);
        const bool is_default = (scheme == "http" && port == "80") ||
                                (scheme == "https" && port == "443") ||
                                (scheme == "ftp" && port == "21");
        if (!is_default) {
            out += ':';
            out.append(port);
        }
    }
    std::string_view rest = url.substr(a.end);
    const std::size_t fragment = rest.find('#');
    if (fragment != std::string_view::npos) {
        rest = rest.substr(0, fragment);
    }
    if (rest.empty() || rest.front() != '/') {
        out += '/';
    }
    AppendNormalisedPercent(rest, out);
    return out;
}

}  // namespace stormwatch::intel
