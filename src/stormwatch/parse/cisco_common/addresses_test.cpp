// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/cisco_common/addresses.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace stormwatch::parse::cisco {
namespace {

struct Case {
    const char* line;
    bool acl_context;
    std::vector<std::string> prefixes;
};

std::vector<std::string> Extract(std::string_view line, bool acl_context) {
    std::vector<model::AddressMention> mentions;
    ExtractAddresses(line, 7, acl_context ? AmbiguousMasks::kWildcards : AmbiguousMasks::kNetmasks,
                     mentions);
    std::vector<std::string> prefixes;
    for (const model::AddressMention& mention : mentions) {
        EXPECT_EQ(mention.ref.line, 7U);
        EXPECT_EQ(mention.ref.text, line);
        prefixes.push_back(mention.prefix.ToString());
    }
    return prefixes;
}

TEST(ExtractAddressesTest, FindsEveryLiteralAddressOnALine) {
    // Masks and wildcards pair with the address before them; interface addresses are hosts;
    // addresses inside words, versions and names are not addresses; IPv6 in every spelling.
    const std::vector<Case> cases = {
        {" 10 permit ip 10.0.77.0/24 host 10.147.51.174",
         false,
         {"10.0.77.0/24", "10.147.51.174/32"}},
        {" 10 permit ip 10.0.77.0/24 host 10.147.51.174",
         true,
         {"10.0.77.0/24", "10.147.51.174/32"}},
        // After a word and a colon an address starts afresh; after a word and a dot it does not.
        {" remark xab:192.0.2.1 zab.192.0.2.2 zz:2001:db8::1",
         false,
         {"192.0.2.1/32", "2001:db8::1/128"}},
        {"access-list 20 permit 192.0.2.0 0.0.0.255", false, {"192.0.2.0/24"}},
        {"access-list 20 permit 192.0.2.0 0.0.0.255", true, {"192.0.2.0/24"}},
        {" permit tcp any host 203.0.113.9 eq 22", false, {"203.0.113.9/32"}},
        {" permit tcp any host 203.0.113.9 eq 22", true, {"203.0.113.9/32"}},
        {" ip address 192.0.2.1 255.255.255.0", false, {"192.0.2.1/32"}},
        {" ip address 192.0.2.1 255.255.255.0", true, {"192.0.2.1/32"}},
        {" ip address 192.0.2.1/24", false, {"192.0.2.1/32"}},
        {" ip address 192.0.2.1/24", true, {"192.0.2.1/32"}},
        {" deny ip 0.0.0.0 255.255.255.255 any log", false, {"0.0.0.0/32"}},
        {" deny ip 0.0.0.0 255.255.255.255 any log", true, {"0.0.0.0/0"}},
        {"ip route 0.0.0.0 0.0.0.0 198.51.100.1", false, {"0.0.0.0/0", "198.51.100.1/32"}},
        {"ip route 0.0.0.0 0.0.0.0 198.51.100.1", true, {"0.0.0.0/32", "198.51.100.1/32"}},
        {"tftp-server tftp://192.0.2.1:69/config.txt", false, {"192.0.2.1/32"}},
        {"tftp-server tftp://192.0.2.1:69/config.txt", true, {"192.0.2.1/32"}},
        {"logging host 192.0.2.50 transport udp port 514", false, {"192.0.2.50/32"}},
        {"logging host 192.0.2.50 transport udp port 514", true, {"192.0.2.50/32"}},
        {"snmp-server host 192.0.2.7 version 2c public", false, {"192.0.2.7/32"}},
        {"snmp-server host 192.0.2.7 version 2c public", true, {"192.0.2.7/32"}},
        {"description peer (198.51.100.23) via\t10.1.1.1\tand 10.2.2.2",
         false,
         {"198.51.100.23/32", "10.1.1.1/32", "10.2.2.2/32"}},
        {"description peer (198.51.100.23) via\t10.1.1.1\tand 10.2.2.2",
         true,
         {"198.51.100.23/32", "10.1.1.1/32", "10.2.2.2/32"}},
        {"version 15.2(4)M3 1.2.3.4.5 ge-0/0/0.0 1.2.3 a.b.c.d", false, {}},
        {"version 15.2(4)M3 1.2.3.4.5 ge-0/0/0.0 1.2.3 a.b.c.d", true, {}},
        {"ipv6 address 2001:DB8::1/64", false, {"2001:db8::1/128"}},
        {"ipv6 address 2001:DB8::1/64", true, {"2001:db8::1/128"}},
        {" neighbor 2001:db8:0:1::2 remote-as 65000", false, {"2001:db8:0:1::2/128"}},
        {" neighbor 2001:db8:0:1::2 remote-as 65000", true, {"2001:db8:0:1::2/128"}},
        {"copy scp://user@192.0.2.5/file flash:", false, {"192.0.2.5/32"}},
        {"copy scp://user@192.0.2.5/file flash:", true, {"192.0.2.5/32"}},
        {"ntp server 192.0.2.123 prefer", false, {"192.0.2.123/32"}},
        {"ntp server 192.0.2.123 prefer", true, {"192.0.2.123/32"}},
        {"averyveryverylongwordwithoutanydotsoratall 192.0.2.66", false, {"192.0.2.66/32"}},
        {"averyveryverylongwordwithoutanydotsoratall 192.0.2.66", true, {"192.0.2.66/32"}},
        {"averyveryverylongword.with.dots.but.no.address 10.9.9.9/32", false, {"10.9.9.9/32"}},
        {"averyveryverylongword.with.dots.but.no.address 10.9.9.9/32", true, {"10.9.9.9/32"}},
        {"x10.1.1.1 10.1.1.1x 10.1.1.1.5 .10.1.1.2 10.1.1.3.", false, {"10.1.1.3/32"}},
        {"x10.1.1.1 10.1.1.1x 10.1.1.1.5 .10.1.1.2 10.1.1.3.", true, {"10.1.1.3/32"}},
        {"abc:def 12:34:56 fe80::1%Gi0/0 ::ffff:192.0.2.1 1:2:3:4:5:6:7:8",
         false,
         {"fe80::1/128", "::ffff:c000:201/128", "1:2:3:4:5:6:7:8/128"}},
        {"abc:def 12:34:56 fe80::1%Gi0/0 ::ffff:192.0.2.1 1:2:3:4:5:6:7:8",
         true,
         {"fe80::1/128", "::ffff:c000:201/128", "1:2:3:4:5:6:7:8/128"}},
        {"ip nat inside source static 10.0.0.5 203.0.113.5",
         false,
         {"10.0.0.5/32", "203.0.113.5/32"}},
        {"ip nat inside source static 10.0.0.5 203.0.113.5",
         true,
         {"10.0.0.5/32", "203.0.113.5/32"}},
        {"permit 10.1.2.0 0.0.0.255 10.3.0.0 0.0.255.255", false, {"10.1.2.0/24", "10.3.0.0/16"}},
        {"permit 10.1.2.0 0.0.0.255 10.3.0.0 0.0.255.255", true, {"10.1.2.0/24", "10.3.0.0/16"}},
        {"  10.1.1.1  ", false, {"10.1.1.1/32"}},
        {"  10.1.1.1  ", true, {"10.1.1.1/32"}},
        {"10.1.1.1", false, {"10.1.1.1/32"}},
        {"10.1.1.1", true, {"10.1.1.1/32"}},
        {"\t\t192.0.2.9\t", false, {"192.0.2.9/32"}},
        {"\t\t192.0.2.9\t", true, {"192.0.2.9/32"}},
        {"host 192.0.2.9 255.255.255.255", false, {"192.0.2.9/32"}},
        {"host 192.0.2.9 255.255.255.255", true, {"0.0.0.0/0"}},
        {"a.b 1.1.1.1/33 1.1.1.1/8x 2001:db8::/129", false, {}},
        {"a.b 1.1.1.1/33 1.1.1.1/8x 2001:db8::/129", true, {}},
        {"set interfaces ge-0/0/0 unit 0 family inet address 10.0.0.1/30", false, {"10.0.0.1/32"}},
        {"set interfaces ge-0/0/0 unit 0 family inet address 10.0.0.1/30", true, {"10.0.0.1/32"}},
        {"interface Loopback0 ip address 10.255.255.1 255.255.255.255", false, {"10.255.255.1/32"}},
        {"interface Loopback0 ip address 10.255.255.1 255.255.255.255", true, {"0.0.0.0/0"}},
        {"route 10.10.12.0/24 next-hop 192.0.2.254 description tunnel-10.10.12.1",
         false,
         {"10.10.12.0/24", "192.0.2.254/32"}},
        {"route 10.10.12.0/24 next-hop 192.0.2.254 description tunnel-10.10.12.1",
         true,
         {"10.10.12.0/24", "192.0.2.254/32"}},
        {"", false, {}},
        {"", true, {}},
        {"..........::::::::.......", false, {}},
        {"..........::::::::.......", true, {}},
        {"0123456789abcdef0123456789.1.2.3 1.2.3.4,5.6.7.8;9.9.9.9",
         false,
         {"1.2.3.4/32", "5.6.7.8/32", "9.9.9.9/32"}},
        {"0123456789abcdef0123456789.1.2.3 1.2.3.4,5.6.7.8;9.9.9.9",
         true,
         {"1.2.3.4/32", "5.6.7.8/32", "9.9.9.9/32"}},
    };
    for (const Case& c : cases) {
        // The line alone (a heap copy of exactly its bytes, so a read past it shows under
        // AddressSanitizer) and inside a longer buffer, as a config line is.
        const std::string alone(c.line);
        EXPECT_EQ(Extract(alone, c.acl_context), c.prefixes) << c.line;
        const std::string buffer = std::string(c.line) + "\n 192.0.2.200 and more text after it";
        const std::string_view embedded(buffer.data(), alone.size());
        EXPECT_EQ(Extract(embedded, c.acl_context), c.prefixes) << c.line;
    }
}

// Config lines ask: the ambiguous masks are wildcards on lines that say `permit` or `deny`.
TEST(ExtractAddressesTest, AmbiguousMasksAreWildcardsInAclLines) {
    const auto extract = [](std::string_view line) {
        std::vector<model::AddressMention> mentions;
        ExtractAddresses(line, 1, AmbiguousMasks::kWildcardsInAclLines, mentions);
        std::vector<std::string> prefixes;
        for (const model::AddressMention& mention : mentions) {
            prefixes.push_back(mention.prefix.ToString());
        }
        return prefixes;
    };
    using Prefixes = std::vector<std::string>;
    EXPECT_EQ(extract("ip route 10.1.1.1 255.255.255.255 Null0"), Prefixes{"10.1.1.1/32"});
    EXPECT_EQ(extract(" permit ip 10.1.1.1 255.255.255.255 any"), Prefixes{"0.0.0.0/0"});
    EXPECT_EQ(extract(" 20 deny ip 10.1.1.1 0.0.0.0 any log"), Prefixes{"10.1.1.1/32"});
    EXPECT_EQ(extract("ip route 0.0.0.0 0.0.0.0 10.0.0.1"), (Prefixes{"0.0.0.0/0", "10.0.0.1/32"}));
    // A mask that is only a netmask (or only a wildcard) reads as one anywhere.
    EXPECT_EQ(extract(" permit 10.2.0.0 0.0.255.255"), Prefixes{"10.2.0.0/16"});
    EXPECT_EQ(extract("ip route 10.2.0.0 255.255.0.0 Null0"), Prefixes{"10.2.0.0/16"});
}

}  // namespace
}  // namespace stormwatch::parse::cisco
