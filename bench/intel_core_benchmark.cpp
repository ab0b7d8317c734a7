// SPDX-License-Identifier: Apache-2.0
// The intel core on a 1M-indicator feed (performance.md: load < 2 s, memory <= 2x the values'
// bytes; >= 50M IPv4 longest-prefix lookups/s, >= 10M domain lookups/s, TextMatcher >= 1 GB/s
// per core). The feed mix is gen_indicators.py's: 500k IPv4 hosts, 100k IPv4 prefixes, 100k
// IPv6 hosts and prefixes, 200k domains, 100k md5/sha1/sha256 hashes, from mt19937(42).

#include <malloc.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <benchmark/benchmark.h>

#include "stormwatch/core/input_stats.h"
#include "stormwatch/core/ip_address.h"
#include "stormwatch/intel/indicator_set.h"
#include "stormwatch/intel/text_matcher.h"

namespace {

using stormwatch::IpAddress;
using stormwatch::intel::Indicator;
using stormwatch::intel::IndicatorSet;
using stormwatch::intel::IndicatorSetBuilder;
using stormwatch::intel::TextHit;
using stormwatch::intel::TextMatcher;

std::string Dotted(std::uint32_t v) {
    return std::to_string(v >> 24) + "." + std::to_string((v >> 16) & 255) + "." +
           std::to_string((v >> 8) & 255) + "." + std::to_string(v & 255);
}

// mt19937 with a fixed seed (the same values on every machine), as unsigned for printf.
struct Rng {
    explicit Rng(unsigned seed) : engine(seed) {}
    unsigned operator()() { return static_cast<unsigned>(engine()); }
    std::mt19937 engine;
};

const char* const kWords[] = {"mail", "cdn",    "update", "api",       "static", "login",
                              "vpn",  "portal", "sync",   "telemetry", "files",  "auth"};
const char* const kTlds[] = {"com", "net", "org", "info", "biz", "io", "example"};

std::string RandomLabel(Rng& rng) {
    std::string s;
    const int n = 5 + static_cast<int>(rng() % 8);
    for (int i = 0; i < n; ++i) {
        s += static_cast<char>('a' + rng() % 26);
    }
    return s;
}

struct Feed {
    std::string csv;
    std::size_t value_bytes = 0;
    std::vector<std::uint32_t> v4_hosts;
    std::vector<std::string> domains;
};

const Feed& TheFeed() {
    static const Feed feed = [] {
        Feed f;
        Rng rng(42);
        f.csv = "value,type,source,confidence,actor\n";
        auto row = [&f](const std::string& value, const char* type, int source) {
            f.value_bytes += value.size();
            f.csv += value;
            f.csv += ',';
            f.csv += type;
            f.csv += source == 0 ? ",AA25-239A,high,Salt Typhoon\n" : ",vendor feed,medium,\n";
        };
        for (int i = 0; i < 500'000; ++i) {
            const std::uint32_t v = rng();
            f.v4_hosts.push_back(v);
            row(Dotted(v), "ipv4", i % 7 == 0 ? 0 : 1);
        }
        for (int i = 0; i < 100'000; ++i) {
            const int len = 16 + static_cast<int>(rng() % 16);
            const std::uint32_t net = rng() & ~(0xffffffffU >> len);
            row(Dotted(net) + "/" + std::to_string(len), "cidr", 1);
        }
        char buf[64];
        for (int i = 0; i < 100'000; ++i) {
            if (i % 2 == 0) {
                std::snprintf(buf, sizeof buf, "2001:db8:%x:%x::%x", rng() & 0xffff, rng() & 0xffff,
                              rng() & 0xffff);
            } else {
                std::snprintf(buf, sizeof buf, "2001:%x:%x::/48", rng() & 0xffff, rng() & 0xffff);
            }
            row(buf, i % 2 == 0 ? "ipv6" : "cidr", 1);
        }
        for (int i = 0; i < 200'000; ++i) {
            std::string d = RandomLabel(rng);
            if (rng() % 3 == 0) {
                d = std::string(kWords[rng() % 12]) + "." + d;
            }
            d += ".";
            d += kTlds[rng() % 7];
            f.domains.push_back(d);
            row(d, "domain", i % 5 == 0 ? 0 : 1);
        }
        for (int i = 0; i < 100'000; ++i) {
            const int len = i % 3 == 0 ? 32 : (i % 3 == 1 ? 40 : 64);
            std::string h;
            for (int j = 0; j < len; ++j) {
                h += "0123456789abcdef"[rng() % 16];
            }
            row(h, "", 1);
        }
        return f;
    }();
    return feed;
}

std::size_t ResidentBytes() {
    long pages = 0;
    long resident = 0;
    FILE* f = std::fopen("/proc/self/statm", "r");
    if (f != nullptr) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) {
            resident = 0;
        }
        std::fclose(f);
    }
    return static_cast<std::size_t>(resident) * 4096;
}

std::shared_ptr<const IndicatorSet> Load(const std::string& csv) {
    IndicatorSetBuilder builder;
    stormwatch::InputStats stats;
    if (!builder.LoadText(csv, "feed.csv", stats).ok() || stats.rejected() != 0) {
        return nullptr;
    }
    return builder.Build();
}

const std::shared_ptr<const IndicatorSet>& TheSet() {
    static const auto set = Load(TheFeed().csv);
    return set;
}

// CSV text of 1M indicators to a built set; reports the set's resident memory against the
// bytes of the values themselves.
void BM_Load1M(benchmark::State& state) {
    const Feed& feed = TheFeed();
    std::size_t size = 0;
    for (auto _ : state) {
        const auto set = Load(feed.csv);
        if (!set) {
            state.SkipWithError("the generated feed did not load clean");
            return;
        }
        size = set->size();
        benchmark::DoNotOptimize(set.get());
    }
    malloc_trim(0);
    const std::size_t before = ResidentBytes();
    const auto set = Load(feed.csv);
    malloc_trim(0);
    const std::size_t after = ResidentBytes();
    state.counters["indicators"] = static_cast<double>(size);
    state.counters["value_MB"] = static_cast<double>(feed.value_bytes) / 1e6;
    state.counters["table_MB"] = static_cast<double>(set->MemoryBytes()) / 1e6;
    state.counters["rss_MB"] = static_cast<double>(after - before) / 1e6;
    state.counters["rss_per_value_byte"] =
        static_cast<double>(after - before) / static_cast<double>(feed.value_bytes);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(size));
}
BENCHMARK(BM_Load1M)->Unit(benchmark::kMillisecond)->Iterations(3);

// Random IPv4 addresses against the 600k IPv4 hosts and prefixes; 1 query in 8 is an
// indicator host, the rest fall anywhere (some inside the prefixes).
void BM_MatchAddressIpv4(benchmark::State& state) {
    const auto& set = TheSet();
    Rng rng(7);
    std::vector<IpAddress> queries;
    for (int i = 0; i < (1 << 20); ++i) {
        queries.push_back(IpAddress::V4(
            i % 8 == 0 ? TheFeed().v4_hosts[rng() % TheFeed().v4_hosts.size()] : rng()));
    }
    std::size_t hits = 0;
    for (std::size_t i = 0; i < queries.size(); i += 8) {
        hits += set->MatchAddress(queries[i]) != nullptr ? 1 : 0;
    }
    if (hits != queries.size() / 8) {
        state.SkipWithError("an indicator host did not match itself");
        return;
    }
    for (auto _ : state) {
        hits = 0;
        for (const IpAddress& q : queries) {
            hits += set->MatchAddress(q) != nullptr ? 1 : 0;
        }
        benchmark::DoNotOptimize(hits);
    }
    state.counters["hit_rate"] = static_cast<double>(hits) / static_cast<double>(queries.size());
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(queries.size()));
}
BENCHMARK(BM_MatchAddressIpv4);

// Checks `batch` against `single` on every query once, then times `batch` over `queries`,
// 1,024 at a time (queries.size() is a multiple of that). Returns the hits of the last timed
// pass, or nullopt after an error (the benchmark is then skipped).
template <typename Query, typename Batch, typename Single>
std::optional<std::size_t> TimeBatches(benchmark::State& state, const std::vector<Query>& queries,
                                       Batch batch, Single single, const char* disagreement) {
    constexpr std::size_t kBatch = 1024;
    std::vector<const Indicator*> out(kBatch);
    for (std::size_t i = 0; i < queries.size(); i += kBatch) {
        batch(std::span(queries).subspan(i, kBatch), out);
        for (std::size_t j = 0; j < kBatch; ++j) {
            if (out[j] != single(queries[i + j])) {
                state.SkipWithError(disagreement);
                return std::nullopt;
            }
        }
    }
    std::size_t hits = 0;
    for (auto _ : state) {
        hits = 0;
        for (std::size_t i = 0; i < queries.size(); i += kBatch) {
            batch(std::span(queries).subspan(i, kBatch), out);
            for (const Indicator* hit : out) {
                hits += hit != nullptr ? 1 : 0;
            }
        }
        benchmark::DoNotOptimize(hits);
    }
    return hits;
}

// The same queries through MatchIpv4Batch, 1,024 at a time (the batch size TextMatcher uses
// for the addresses of a stretch of log text).
void BM_MatchIpv4Batch(benchmark::State& state) {
    const auto& set = TheSet();
    Rng rng(7);
    std::vector<std::uint32_t> queries;
    for (int i = 0; i < (1 << 20); ++i) {
        queries.push_back(i % 8 == 0 ? TheFeed().v4_hosts[rng() % TheFeed().v4_hosts.size()]
                                     : rng());
    }
    const std::optional<std::size_t> hits = TimeBatches(
        state, queries,
        [&](std::span<const std::uint32_t> batch, std::span<const Indicator*> out) {
            set->MatchIpv4Batch(batch, out);
        },
        [&](std::uint32_t query) { return set->MatchIpv4(query); },
        "MatchIpv4Batch disagrees with MatchIpv4");
    if (!hits) {
        return;
    }
    state.counters["hit_rate"] = static_cast<double>(*hits) / static_cast<double>(queries.size());
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(queries.size()));
}
BENCHMARK(BM_MatchIpv4Batch);

// Host names of 2-4 labels against the 200k domains: a quarter are subdomains of
// indicators, the rest unrelated names.
std::vector<std::string> DomainQueries() {
    Rng rng(9);
    std::vector<std::string> queries;
    for (int i = 0; i < (1 << 18); ++i) {
        if (i % 4 == 0) {
            queries.push_back(std::string(kWords[rng() % 12]) + "." +
                              TheFeed().domains[rng() % TheFeed().domains.size()]);
        } else {
            queries.push_back(std::string(kWords[rng() % 12]) + "." + RandomLabel(rng) + "." +
                              kTlds[rng() % 7]);
        }
    }
    return queries;
}

void BM_MatchDomain(benchmark::State& state) {
    const auto& set = TheSet();
    const std::vector<std::string> queries = DomainQueries();
    std::size_t hits = 0;
    for (auto _ : state) {
        hits = 0;
        for (const std::string& q : queries) {
            hits += set->MatchDomain(q) != nullptr ? 1 : 0;
        }
        benchmark::DoNotOptimize(hits);
    }
    if (hits < queries.size() / 4) {
        state.SkipWithError("an indicator subdomain did not match");
        return;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(queries.size()));
}
BENCHMARK(BM_MatchDomain);

// The same names through MatchDomainBatch, 1,024 at a time, as TextMatcher passes them: views
// into one buffer of text.
void BM_MatchDomainBatch(benchmark::State& state) {
    const auto& set = TheSet();
    std::string text;
    std::vector<std::size_t> starts;
    for (const std::string& name : DomainQueries()) {
        starts.push_back(text.size());
        text += name;
        text += ' ';
    }
    std::vector<std::string_view> queries;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const std::size_t end = i + 1 < starts.size() ? starts[i + 1] - 1 : text.size() - 1;
        queries.emplace_back(text.data() + starts[i], end - starts[i]);
    }
    const std::optional<std::size_t> hits = TimeBatches(
        state, queries,
        [&](std::span<const std::string_view> batch, std::span<const Indicator*> out) {
            set->MatchDomainBatch(batch, out);
        },
        [&](std::string_view query) { return set->MatchDomain(query); },
        "MatchDomainBatch disagrees with MatchDomain");
    if (!hits) {
        return;
    }
    if (*hits < queries.size() / 4) {
        state.SkipWithError("an indicator subdomain did not match");
        return;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(queries.size()));
}
BENCHMARK(BM_MatchDomainBatch);

// Syslog-like lines (Cisco, sshd, web proxy), each with addresses, host names, timestamps
// and a URL now and then; 1 line in 50 names an indicator.
std::string SyslogText(std::size_t bytes) {
    Rng rng(11);
    std::string text;
    char line[512];
    const Feed& feed = TheFeed();
    for (std::size_t n = 0; text.size() < bytes; ++n) {
        const bool ioc = n % 50 == 0;
        const std::uint32_t src = ioc ? feed.v4_hosts[rng() % feed.v4_hosts.size()] : rng();
        const std::string host =
            ioc ? feed.domains[rng() % feed.domains.size()] : RandomLabel(rng) + ".corp.example";
        switch (n % 4) {
            case 0:
                std::snprintf(line, sizeof line,
                              "Aug 27 10:%02u:%02u pe1-fra 4521: %%SEC_LOGIN-5-LOGIN_SUCCESS: "
                              "Login Success [user: noc] [Source: %s] [localport: 22] at "
                              "10:%02u:%02u UTC Wed Aug 27 2025\n",
                              rng() % 60, rng() % 60, Dotted(src).c_str(), rng() % 60, rng() % 60);
                break;
            case 1:
                std::snprintf(line, sizeof line,
                              "2025-08-27T10:00:%02uZ bastion sshd[%u]: Accepted publickey for "
                              "admin from %s port %u ssh2: RSA SHA256:abcdefghijklmnop\n",
                              rng() % 60, rng() % 65536, Dotted(src).c_str(), rng() % 65536);
                break;
            case 2:
                std::snprintf(line, sizeof line,
                              "1756288800.123 %u %s TCP_MISS/200 %u GET http://%s/static/app.js "
                              "- HIER_DIRECT/%s text/javascript\n",
                              rng() % 1000, Dotted(rng()).c_str(), rng() % 100000, host.c_str(),
                              Dotted(src).c_str());
                break;
            default:
                std::snprintf(line, sizeof line,
                              "Aug 27 10:00:01 dns1 named[812]: client @0x7f3a %s#%u (%s): "
                              "query: %s IN A + (10.1.1.53)\n",
                              Dotted(rng()).c_str(), rng() % 65536, host.c_str(), host.c_str());
                break;
        }
        text += line;
    }
    return text;
}

// TextMatcher::Scan over `text` against the 1M set, in bytes per second.
void TimeScan(benchmark::State& state, const std::string& text) {
    const TextMatcher matcher(TheSet());
    std::vector<TextHit> hits;
    matcher.Scan(text, hits);
    if (hits.empty()) {
        state.SkipWithError("no indicator found in the text");
        return;
    }
    const std::size_t expected = hits.size();
    for (auto _ : state) {
        hits.clear();
        matcher.Scan(text, hits);
        benchmark::DoNotOptimize(hits.data());
    }
    state.counters["hits"] = static_cast<double>(expected);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(text.size()));
}

// The mixed text above: a worst case, its addresses spread over the whole space (about one in
// five falls in one of the feed's 100k prefixes) and a host name on most lines.
void BM_TextMatcherScan(benchmark::State& state) {
    static const std::string text = SyslogText(32 << 20);
    TimeScan(state, text);
}
BENCHMARK(BM_TextMatcherScan)->Unit(benchmark::kMillisecond);

// Device syslog as `hunt` reads it: the first 32 MiB of bench/gen_syslog.py's file (Cisco,
// NX-OS, Junos, RFC 5424 and sshd lines naming the operator's own 10/8 peers), which
// bench/compare_log_hunt.sh writes to $BENCH_DIR (default /tmp/stormwatch-bench).
void BM_TextMatcherDeviceSyslog(benchmark::State& state) {
    const char* dir = std::getenv("BENCH_DIR");
    const std::string path =
        std::string(dir != nullptr ? dir : "/tmp/stormwatch-bench") + "/syslog-256mib.log";
    std::string text(32 << 20, '\0');
    std::FILE* f = std::fopen(path.c_str(), "rb");
    const std::size_t got = f != nullptr ? std::fread(text.data(), 1, text.size(), f) : 0;
    if (f != nullptr) {
        std::fclose(f);
    }
    text.resize(got);
    text.resize(text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1);
    if (text.empty()) {
        state.SkipWithError((path + " missing: run bench/compare_log_hunt.sh first").c_str());
        return;
    }
    TimeScan(state, text);
}
BENCHMARK(BM_TextMatcherDeviceSyslog)->Unit(benchmark::kMillisecond);

}  // namespace
