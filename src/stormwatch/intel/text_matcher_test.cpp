// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/text_matcher.h"

#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "stormwatch/core/text.h"

namespace stormwatch::intel {
namespace {

std::shared_ptr<const IndicatorSet> Feed() {
    IndicatorSetBuilder builder;
    for (const auto& [value, type] : std::vector<std::pair<std::string, std::string>>{
             {"10.0.0.5", ""},
             {"198.51.100.7", ""},
             {"203.0.113.0/24", ""},
             {"2001:db8::66", ""},
             {"evil.example", ""},
             {"http://drop.example/x.sh", ""},
             {"d41d8cd98f00b204e9800998ecf8427e", ""},
             {"badguy@mail.example", ""},
         }) {
        EXPECT_TRUE(builder.Add(value, type, "test", "", "")) << value;
    }
    return builder.Build();
}

// (matched text, indicator value) for each hit, in order.
std::vector<std::pair<std::string, std::string>> Hits(std::string_view text) {
    static const TextMatcher matcher(Feed());
    std::vector<TextHit> hits;
    matcher.Scan(text, hits);
    std::vector<std::pair<std::string, std::string>> out;
    for (const TextHit& hit : hits) {
        out.emplace_back(std::string(text.substr(hit.offset, hit.length)), hit.indicator->value);
    }
    return out;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(TextMatcher, WholeTokensOnly) {
    EXPECT_EQ(Hits("connect to 10.0.0.50 port 22"), Pairs{});
    EXPECT_EQ(Hits("connect to 110.0.0.5 port 22"), Pairs{});
    EXPECT_EQ(Hits("connect to 10.0.0.5.1"), Pairs{});
    EXPECT_EQ(Hits("connect to 10.0.0.5 port 22"), (Pairs{{"10.0.0.5", "10.0.0.5"}}));
    EXPECT_EQ(Hits("lookup notevil.example"), Pairs{});
    EXPECT_EQ(Hits("lookup evil.example.net"), Pairs{});
    EXPECT_EQ(Hits("lookup A.Evil.Example"), (Pairs{{"A.Evil.Example", "evil.example"}}));
    EXPECT_EQ(Hits("x d41d8cd98f00b204e9800998ecf8427e0 y"), Pairs{});
    EXPECT_EQ(Hits("md5=D41D8CD98F00B204E9800998ECF8427E"),
              (Pairs{{"D41D8CD98F00B204E9800998ECF8427E", "d41d8cd98f00b204e9800998ecf8427e"}}));
}

TEST(TextMatcher, PunctuationAroundTokens) {
    EXPECT_EQ(Hits("peer (198.51.100.7) down"), (Pairs{{"198.51.100.7", "198.51.100.7"}}));
    EXPECT_EQ(Hits("host=evil.example, user=x"), (Pairs{{"evil.example", "evil.example"}}));
    EXPECT_EQ(Hits("resolved evil.example."), (Pairs{{"evil.example", "evil.example"}}));
    EXPECT_EQ(Hits("\"10.0.0.5\";[10.0.0.5]"),
              (Pairs{{"10.0.0.5", "10.0.0.5"}, {"10.0.0.5", "10.0.0.5"}}));
    EXPECT_EQ(Hits("from 10.0.0.5:51234 to x"), (Pairs{{"10.0.0.5", "10.0.0.5"}}));
    EXPECT_EQ(Hits("src:203.0.113.9"), (Pairs{{"203.0.113.9", "203.0.113.0/24"}}));
    EXPECT_EQ(Hits("at 10:23:45 from 10.0.0.5:"), (Pairs{{"10.0.0.5", "10.0.0.5"}}));
}

TEST(TextMatcher, Ipv6InText) {
    EXPECT_EQ(Hits("peer 2001:DB8::66 up"), (Pairs{{"2001:DB8::66", "2001:db8::66"}}));
    EXPECT_EQ(Hits("peer [2001:db8::66]:179 up"), (Pairs{{"2001:db8::66", "2001:db8::66"}}));
    EXPECT_EQ(Hits("peer 2001:db8::67 up"), Pairs{});
    EXPECT_EQ(Hits("peer 2001:db8:0:0:0:0:0:66."),
              (Pairs{{"2001:db8:0:0:0:0:0:66", "2001:db8::66"}}));
}

TEST(TextMatcher, UrlsAndTheirHosts) {
    EXPECT_EQ(Hits("GET http://DROP.example:80/x.sh HTTP/1.1"),
              (Pairs{{"http://DROP.example:80/x.sh", "http://drop.example/x.sh"}}));
    EXPECT_EQ(Hits("fetch (https://cdn.evil.example/a?b=1)."),
              (Pairs{{"cdn.evil.example", "evil.example"}}));
    EXPECT_EQ(Hits("url=http://10.0.0.5:8080/p"), (Pairs{{"10.0.0.5", "10.0.0.5"}}));
    EXPECT_EQ(Hits("u=http://[2001:db8::66]/p"), (Pairs{{"2001:db8::66", "2001:db8::66"}}));
    EXPECT_EQ(Hits("r=http://ok.example/?next=evil.example&x=1"),
              (Pairs{{"evil.example", "evil.example"}}));
    EXPECT_EQ(Hits("http://"), Pairs{});
}

TEST(TextMatcher, EmailAddresses) {
    EXPECT_EQ(Hits("from <BadGuy@mail.example>"),
              (Pairs{{"BadGuy@mail.example", "badguy@mail.example"}}));
    EXPECT_EQ(Hits("from x@evil.example"), (Pairs{{"evil.example", "evil.example"}}));
    EXPECT_EQ(Hits("ssh admin@10.0.0.5"), (Pairs{{"10.0.0.5", "10.0.0.5"}}));
}

TEST(TextMatcher, NotAddresses) {
    EXPECT_EQ(Hits("999.1.1.1 10.0.0.05 10.0.0 10.0.0.5.6 1.2.3.4.5"), Pairs{});
    EXPECT_EQ(Hits("::ffff:10.0.0.5"), Pairs{});  // an IPv6 query never matches IPv4
    EXPECT_EQ(Hits("x 2001:db8::66"), (Pairs{{"2001:db8::66", "2001:db8::66"}}));
    EXPECT_EQ(Hits("2001:db8:0::66,"), (Pairs{{"2001:db8:0::66", "2001:db8::66"}}));
}

// Indicators at the very start and end of the text, and on every offset around the 64-byte
// blocks the scanner classifies at once, after spaces, short words or one long word.
TEST(TextMatcher, TokensAtEdgesAndAcrossBlocks) {
    EXPECT_EQ(Hits("10.0.0.5"), (Pairs{{"10.0.0.5", "10.0.0.5"}}));
    EXPECT_EQ(Hits("EVIL.EXAMPLE"), (Pairs{{"EVIL.EXAMPLE", "evil.example"}}));
    const std::string longer = "10.0.0.50";
    EXPECT_EQ(Hits(std::string_view(longer).substr(0, 8)), (Pairs{{"10.0.0.5", "10.0.0.5"}}));
    for (const std::string filler : {" ", "ab ", "x:y ", "0123456789abcdefghijklmnopqrstuvw-"}) {
        for (std::size_t pad = 0; pad < 140; ++pad) {
            std::string text;
            while (text.size() < pad) {
                text += filler;
            }
            text.resize(pad);
            if (!text.empty() && text.back() != ' ') {
                text.back() = ' ';
            }
            const std::size_t ip_at = text.size();
            text += "10.0.0.5 a.evil.example";
            const std::size_t domain_at = text.size() - 14;
            for (const bool tail : {false, true}) {
                const std::string t = tail ? text + " " + std::string(70, 'z') : text;
                std::vector<TextHit> hits;
                static const TextMatcher matcher(Feed());
                matcher.Scan(t, hits);
                ASSERT_EQ(hits.size(), 2U) << filler << pad;
                EXPECT_EQ(hits[0].offset, ip_at) << filler << pad;
                EXPECT_EQ(hits[0].indicator->value, "10.0.0.5");
                EXPECT_EQ(hits[1].offset, domain_at) << filler << pad;
                EXPECT_EQ(hits[1].length, 14U);
                EXPECT_EQ(hits[1].indicator->value, "evil.example");
            }
        }
    }
}

// A hash of each length matches on its own, in any case, after `sha256:`-style prefixes; a
// hex run longer than the hash, or one digit short, is no hash.
TEST(TextMatcher, HashesOfEveryLength) {
    IndicatorSetBuilder builder;
    std::vector<std::string> hashes;
    for (const std::size_t length : {32, 40, 64, 128}) {
        std::string h;
        for (std::size_t i = 0; i < length; ++i) {
            h += "0123456789abcdef"[(i * 7 + length / 8 + 1) % 16];
        }
        ASSERT_TRUE(builder.Add(h, "", "test", "", ""));
        hashes.push_back(h);
    }
    const TextMatcher matcher(builder.Build());
    auto count = [&matcher](const std::string& text) {
        std::vector<TextHit> hits;
        matcher.Scan(text, hits);
        return hits.size();
    };
    for (const std::string& h : hashes) {
        std::string upper = h;
        for (char& c : upper) {
            c = (c >= 'a' && c <= 'f') ? static_cast<char>(c - 32) : c;
        }
        EXPECT_EQ(count(h), 1U) << h;
        EXPECT_EQ(count("file " + upper + " seen"), 1U) << h;
        EXPECT_EQ(count("sha:" + h + "."), 1U) << h;
        EXPECT_EQ(count(h + "0"), 0U) << h;
        EXPECT_EQ(count("a" + h), 0U) << h;
        EXPECT_EQ(count(h.substr(1)), 0U) << h;
        EXPECT_EQ(count(h + h), 0U) << h;
    }
}

// Tokens the scanner drops early (colons without a dot, `@` or IPv6 shape; digit-and-dot runs
// of the wrong length) next to ones that look alike but hold an indicator.
TEST(TextMatcher, TokensDroppedEarlyAndTheirLookalikes) {
    EXPECT_EQ(Hits("%SEC_LOGIN-5-LOGIN_SUCCESS: [user: noc] [Source: 10.0.0.5] at 10:23:45Z"),
              (Pairs{{"10.0.0.5", "10.0.0.5"}}));
    EXPECT_EQ(Hits("user:10.0.0.5 via:evil.example"),
              (Pairs{{"10.0.0.5", "10.0.0.5"}, {"evil.example", "evil.example"}}));
    // Trailing `-` and `_` are trimmed before the IPv6 test, not read as non-hex letters.
    EXPECT_EQ(Hits("peer 2001:db8::66- up 2001:db8::66_"),
              (Pairs{{"2001:db8::66", "2001:db8::66"}, {"2001:db8::66", "2001:db8::66"}}));
    // Hex digits and colons are dropped unless they have 7 colons or a `::` (IPv6 shapes).
    EXPECT_EQ(Hits("at 10:23:45 up 2001:db8:0:0:0:0:0:66 and 2001:DB8::66 4521:"),
              (Pairs{{"2001:db8:0:0:0:0:0:66", "2001:db8::66"}, {"2001:DB8::66", "2001:db8::66"}}));
    for (std::size_t pad = 50; pad < 66; ++pad) {
        const std::string text = std::string(pad, ' ') + "2001:db8:0:0:0:0:0:66 10:23:45";
        EXPECT_EQ(Hits(text), (Pairs{{"2001:db8:0:0:0:0:0:66", "2001:db8::66"}})) << pad;
    }
    // A hash after a letter-and-colon prefix is 32 digits or more, so the token is not dropped.
    EXPECT_EQ(Hits("md5sum:d41d8cd98f00b204e9800998ecf8427e x"),
              (Pairs{{"d41d8cd98f00b204e9800998ecf8427e", "d41d8cd98f00b204e9800998ecf8427e"}}));
    EXPECT_EQ(Hits("IOS 15.2(4)M 1756288800.123 10.0.0.5.1 1.10.0.0.5 v10.0.0.5 0.0.0.0.0"),
              Pairs{});
    EXPECT_EQ(Hits("ts=1756288800.10.0.0.5 10.0.0.5"), (Pairs{{"10.0.0.5", "10.0.0.5"}}));
    // A colon token crossing a 64-byte block boundary (its classes come from two blocks).
    for (std::size_t pad = 50; pad < 70; ++pad) {
        const std::string text = std::string(pad, ' ') + "Source:10.0.0.5 login:x";
        EXPECT_EQ(Hits(text), (Pairs{{"10.0.0.5", "10.0.0.5"}})) << pad;
    }
    // A colon that ends its token (`query:`) is passed over, but not before `//` (a URL's
    // scheme), also as the last byte of a block.
    for (std::size_t pad = 50; pad < 70; ++pad) {
        const std::string space(pad, ' ');
        EXPECT_EQ(Hits(space + "http://drop.example/x.sh"),
                  (Pairs{{"http://drop.example/x.sh", "http://drop.example/x.sh"}}))
            << pad;
        EXPECT_EQ(Hits(space + "query: a.evil.example: 2001:db8::66: z"),
                  (Pairs{{"a.evil.example", "evil.example"}, {"2001:db8::66", "2001:db8::66"}}))
            << pad;
    }
}

TEST(TextMatcher, EmptyAndIndicatorFreeText) {
    EXPECT_EQ(Hits(""), Pairs{});
    EXPECT_EQ(Hits("...:::@@@---"), Pairs{});
    EXPECT_EQ(Hits("version 15.2.4 build 1.2.3.4.5 ::: fe80::"), Pairs{});
    // More labels than a domain name can have (found by the syslog fuzzer: the label table
    // overflowed): no name, no hit.
    EXPECT_EQ(Hits("| .4" + std::string(200, '.') + "s" + std::string(20, '.') + "evil.example"),
              Pairs{});
}

// Differential test: random lines assembled from tokens whose expected hit is computed by a
// linear scan over every indicator (the naive reference engine), with random delimiters.
TEST(TextMatcher, AgreesWithLinearScanOnRandomText) {
    std::mt19937 rng(42);
    IndicatorSetBuilder builder;
    std::vector<IpPrefix> prefixes;
    std::vector<std::string> domains;
    std::vector<std::string> hashes;
    auto v4 = [&]() {
        return IpAddress::V4(0x0a000000U | (rng() % 4) << 16 | (rng() % 4) << 8 | (rng() % 8));
    };
    auto v6 = [&]() {
        std::array<std::uint8_t, 16> b{0x20, 0x01, 0x0d, 0xb8};
        b[15] = static_cast<std::uint8_t>(rng() % 8);
        b[7] = static_cast<std::uint8_t>(rng() % 2);
        return IpAddress::V6(b);
    };
    const std::vector<std::string> words = {"a", "evil", "c2", "mail", "x-y", "cdn"};
    auto domain = [&]() {
        std::string d;
        const int n = 1 + static_cast<int>(rng() % 3);
        for (int i = 0; i < n; ++i) {
            d += words[rng() % words.size()] + ".";
        }
        return d + "example";
    };
    auto hex = [&]() {
        std::string h(32, '0');
        for (char& c : h) {
            c = "0123456789abcdef"[rng() % 2];
        }
        return h;
    };
    for (int i = 0; i < 60; ++i) {
        const bool four = rng() % 2 == 0;
        const IpPrefix p(four ? v4() : v6(), four ? 24 + static_cast<int>(rng() % 9)
                                                  : 120 + static_cast<int>(rng() % 9));
        ASSERT_TRUE(builder.Add(p.ToString(), "cidr", "s", "", ""));
        prefixes.push_back(p);
        domains.push_back(domain());
        ASSERT_TRUE(builder.Add(domains.back(), "domain", "s", "", ""));
        hashes.push_back(hex());
        ASSERT_TRUE(builder.Add(hashes.back(), "md5", "s", "", ""));
    }
    const TextMatcher matcher(builder.Build());

    auto best_prefix = [&](const IpAddress& a) {
        int best = -1;
        for (std::size_t i = 0; i < prefixes.size(); ++i) {
            if (prefixes[i].Contains(a) &&
                (best < 0 ||
                 prefixes[i].length() > prefixes[static_cast<std::size_t>(best)].length())) {
                best = static_cast<int>(i);
            }
        }
        return best < 0 ? std::string() : prefixes[static_cast<std::size_t>(best)].ToString();
    };
    auto best_domain = [&](const std::string& name) {
        std::string best;
        const std::string lower = text::ToLower(name);
        for (const std::string& d : domains) {
            const bool hit =
                lower == d || (lower.size() > d.size() &&
                               lower.compare(lower.size() - d.size(), d.size(), d) == 0 &&
                               lower[lower.size() - d.size() - 1] == '.');
            if (hit && d.size() > best.size()) {
                best = d;
            }
        }
        return best;
    };
    const std::vector<std::string> delimiters = {" ",  ", ", " (", ") ", "=",   "\"",
                                                 " [", "] ", "; ", "\t", " / ", "|"};
    for (int line = 0; line < 2000; ++line) {
        std::string text;
        std::vector<std::tuple<std::size_t, std::size_t, std::string>> expected;
        const int tokens = 1 + static_cast<int>(rng() % 8);
        for (int t = 0; t < tokens; ++t) {
            text += delimiters[rng() % delimiters.size()];
            std::string token;
            std::string hit;
            std::size_t hit_offset = 0;  // within the token
            std::size_t hit_length = 0;
            switch (rng() % 7) {
                case 0: {
                    const IpAddress a = v4();
                    token = a.ToString();
                    hit = best_prefix(a);
                    hit_length = token.size();
                    if (rng() % 3 == 0) {
                        token += ":" + std::to_string(rng() % 65536);
                    }
                    break;
                }
                case 1: {
                    const IpAddress a = v6();
                    token = a.ToString();
                    hit = best_prefix(a);
                    hit_length = token.size();
                    break;
                }
                case 2:
                case 3: {
                    token = domain();
                    if (rng() % 2 == 0) {
                        token[0] = static_cast<char>(std::toupper(token[0]));
                    }
                    hit = best_domain(token);
                    hit_length = token.size();
                    if (rng() % 4 == 0) {
                        const std::string url = "http://" + token + "/p";
                        hit_offset = 7;
                        token = url;
                    }
                    break;
                }
                case 4: {
                    token = rng() % 2 == 0 ? hashes[rng() % hashes.size()] : hex();
                    for (const std::string& h : hashes) {
                        if (text::ToLower(token) == h) {
                            hit = h;
                        }
                    }
                    hit_length = token.size();
                    break;
                }
                case 5:
                    token = "user-" + std::to_string(rng() % 100);
                    break;
                default:
                    token = std::to_string(rng() % 100) + "." + std::to_string(rng() % 10);
                    break;
            }
            if (!hit.empty()) {
                expected.emplace_back(text.size() + hit_offset, hit_length, hit);
            }
            text += token;
            if (rng() % 5 == 0) {
                text += ".";
            }
        }
        std::vector<TextHit> hits;
        matcher.Scan(text, hits);
        std::vector<std::tuple<std::size_t, std::size_t, std::string>> got;
        for (const TextHit& h : hits) {
            got.emplace_back(h.offset, h.length, h.indicator->value);
        }
        ASSERT_EQ(got, expected) << text;
    }
}

}  // namespace
}  // namespace stormwatch::intel
