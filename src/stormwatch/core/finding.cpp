// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/core/finding.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "stormwatch/core/text.h"

namespace stormwatch {

namespace {

constexpr std::array<std::string_view, 5> kSeverityNames = {"info", "low", "medium", "high",
                                                            "critical"};

}  // namespace

std::string_view SeverityName(Severity severity) {
    return kSeverityNames[static_cast<std::size_t>(severity)];
}

std::optional<Severity> ParseSeverity(std::string_view name) {
    for (std::size_t i = 0; i < kSeverityNames.size(); ++i) {
        if (text::IEquals(name, kSeverityNames[i])) {
            return static_cast<Severity>(i);
        }
    }
    return std::nullopt;
}

std::string_view SourceKindName(SourceKind kind) {
    switch (kind) {
        case SourceKind::kConfig:
            return "config";
        case SourceKind::kLog:
            return "log";
        case SourceKind::kFlow:
            return "flow";
        case SourceKind::kPcap:
            return "pcap";
        case SourceKind::kIntel:
            return "intel";
    }
    return "config";
}

std::string NormaliseEvidence(std::string_view evidence) {
    std::string out;
    out.reserve(evidence.size());
    bool pending_space = false;
    for (const char c : text::Trim(evidence)) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            pending_space = true;
            continue;
        }
        if (pending_space) {
            out.push_back(' ');
            pending_space = false;
        }
        out.push_back(c);
    }
    return out;
}

std::string ComputeFingerprint(std::string_view rule_id, std::string_view device,
                               std::string_view evidence) {
    // Unit separators keep ("ab","c") and ("a","bc") apart.
    std::string key;
    key.reserve(rule_id.size() + device.size() + evidence.size() + 2);
    key.append(rule_id).push_back('\x1f');
    key.append(device).push_back('\x1f');
    key.append(NormaliseEvidence(evidence));
    const std::uint64_t high = text::Fnv1a(0xcbf29ce484222325ULL, key);
    const std::uint64_t low = text::Fnv1a(0x84222325cbf29ce4ULL, key);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(32, '0');
    for (int i = 0; i < 16; ++i) {
        out[static_cast<std::size_t>(i)] = kHex[(high >> (60 - 4 * i)) & 0xF];
        out[static_cast<std::size_t>(16 + i)] = kHex[(low >> (60 - 4 * i)) & 0xF];
    }
    return out;
}

void FillFingerprint(Finding& finding) {
    finding.fingerprint = ComputeFingerprint(finding.rule_id, finding.device, finding.evidence);
}

bool FindingLess(const Finding& a, const Finding& b) {
    const auto position = [](const Finding& f) {
        return std::tie(f.path, f.line, f.record, f.rule_id, f.evidence, f.fingerprint);
    };
    if (position(a) != position(b)) {
        return position(a) < position(b);
    }
    // One line can name two indicators (an address and an account): two findings with the
    // same fingerprint, ordered by their indicator so that every run prints them alike.
    using Key = std::tuple<std::string_view, std::string_view, std::string_view>;
    const auto indicator = [](const Finding& f) {
        return f.indicator ? Key(f.indicator->type, f.indicator->value, f.indicator->id) : Key();
    };
    return indicator(a) < indicator(b);
}

std::vector<Finding> MergeSortedFindings(std::span<std::vector<Finding>> runs) {
    std::size_t total = 0;
    std::size_t non_empty = 0;
    for (const std::vector<Finding>& run : runs) {
        total += run.size();
        non_empty += run.empty() ? 0 : 1;
    }
    if (non_empty <= 1) {  // one input with findings (or none): it is the merge
        for (std::vector<Finding>& run : runs) {
            if (!run.empty()) {
                return std::move(run);
            }
        }
        return {};
    }
    std::vector<std::size_t> next(runs.size(), 0);
    const auto head = [&](std::size_t run) -> const Finding& {
        return runs[run][next[run]];
    };
    // A min-heap of the runs that still hold findings, keyed by their next finding.
    const auto heap_less = [&](std::size_t a, std::size_t b) {
        return FindingLess(head(b), head(a));
    };
    std::vector<std::size_t> heap;
    for (std::size_t run = 0; run < runs.size(); ++run) {
        if (!runs[run].empty()) {
            heap.push_back(run);
        }
    }
    std::make_heap(heap.begin(), heap.end(), heap_less);

    std::vector<Finding> merged;
    merged.reserve(total);
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), heap_less);
        const std::size_t run = heap.back();
        heap.pop_back();
        // Take from this run while it stays at or below every other run's next finding.
        do {
            merged.push_back(std::move(runs[run][next[run]++]));
        } while (next[run] < runs[run].size() &&
                 (heap.empty() || !FindingLess(head(heap.front()), head(run))));
        if (next[run] < runs[run].size()) {
            heap.push_back(run);
            std::push_heap(heap.begin(), heap.end(), heap_less);
        }
    }
    return merged;
}

}  // namespace stormwatch
