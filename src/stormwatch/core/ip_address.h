// SPDX-License-Identifier: Apache-2.0
#pragma once

// IpAddress and IpPrefix: value types for IPv4 and IPv6, parsed strictly from text
// (no octal, no shorthand like `10.1`), so `999.1.1.1` or `1.2.3.4/40` are rejected.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace stormwatch {

class IpAddress {
public:
    IpAddress() = default;
    static IpAddress V4(std::uint32_t host_order);
    static IpAddress V6(const std::array<std::uint8_t, 16>& bytes);

    /// Strict dotted-quad IPv4 or RFC 4291 IPv6 text (with `::`, embedded IPv4, no zone).
    static std::optional<IpAddress> Parse(std::string_view text);
    /// Strict dotted-quad IPv4 only (no leading zeros), as a host-order value.
    static std::optional<std::uint32_t> ParseDottedQuad(std::string_view text);

    [[nodiscard]] bool is_v4() const { return v4_; }
    /// IPv4 value in host order (valid when is_v4()).
    [[nodiscard]] std::uint32_t v4() const;
    /// 16 bytes; IPv4 is stored as ::ffff:a.b.c.d.
    [[nodiscard]] const std::array<std::uint8_t, 16>& bytes() const { return bytes_; }
    [[nodiscard]] std::string ToString() const;

    /// False for RFC 1918, RFC 6598 (CGN), loopback, link-local, benchmarking, ULA, multicast
    /// and reserved space. The documentation ranges (192.0.2.0/24, 198.51.100.0/24,
    /// 203.0.113.0/24, 2001:db8::/32) count as public: in examples and tests they stand for
    /// Internet hosts.
    [[nodiscard]] bool IsPublic() const;

    friend bool operator==(const IpAddress&, const IpAddress&) = default;
    friend bool operator<(const IpAddress& a, const IpAddress& b) {
        return a.v4_ != b.v4_ ? a.v4_ : a.bytes_ < b.bytes_;
    }

private:
    std::array<std::uint8_t, 16> bytes_{};
    bool v4_ = true;
};

class IpPrefix {
public:
    IpPrefix() = default;
    IpPrefix(IpAddress address, int length);  ///< host bits are cleared

    /// `a.b.c.d`, `a.b.c.d/len`, `v6`, `v6/len`. A bare address is a host prefix.
    static std::optional<IpPrefix> Parse(std::string_view text);
    /// IPv4 address plus a Cisco subnet mask (`255.255.255.0`) or wildcard (`0.0.0.255`).
    static std::optional<IpPrefix> FromMask(IpAddress address, IpAddress mask, bool wildcard);

    [[nodiscard]] const IpAddress& address() const { return address_; }
    [[nodiscard]] int length() const { return length_; }
    [[nodiscard]] bool is_host() const { return length_ == (address_.is_v4() ? 32 : 128); }
    [[nodiscard]] bool Contains(const IpAddress& address) const;
    /// True when every address of `other` is inside this prefix.
    [[nodiscard]] bool Contains(const IpPrefix& other) const;
    /// True when the two prefixes share any address.
    [[nodiscard]] bool Overlaps(const IpPrefix& other) const;
    [[nodiscard]] std::string ToString() const;

    friend bool operator==(const IpPrefix&, const IpPrefix&) = default;

private:
    IpAddress address_;
    int length_ = 0;
};

}  // namespace stormwatch
