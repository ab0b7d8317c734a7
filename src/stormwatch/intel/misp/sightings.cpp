// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/misp/sightings.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "stormwatch/core/json_writer.h"
#include "stormwatch/core/text.h"
#include "stormwatch/core/time.h"

namespace stormwatch::intel {
namespace {

// MISP attribute uuids are RFC 4122 text (8-4-4-4-12). STIX ids (`indicator--...`) and CSV
// ids are not attribute uuids: sighting them by uuid would hit nothing or the wrong thing.
bool IsUuid(std::string_view s) {
    if (s.size() != 36) {
        return false;
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !text::IsHexDigit(s[i])) {
            return false;
        }
    }
    return true;
}

// The time the indicator was seen: the event time, else the last event of an aggregate.
// Config findings have neither; MISP then stamps the sighting with the time it receives it.
std::optional<std::int64_t> SeenAt(const Finding& finding) {
    if (finding.time) {
        return ParseTimestamp(*finding.time);
    }
    if (finding.last_time) {
        return ParseTimestamp(*finding.last_time);
    }
    return std::nullopt;
}

}  // namespace

void RenderMispSightings(std::span<const Finding> findings, std::string& out) {
    std::vector<const Finding*> order;
    order.reserve(findings.size());
    for (const Finding& finding : findings) {
        if (finding.indicator && !finding.indicator->value.empty()) {
            order.push_back(&finding);
        }
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const Finding* a, const Finding* b) { return FindingLess(*a, *b); });
    out += '[';
    bool first = true;
    for (const Finding* finding : order) {
        out += first ? "\n" : ",\n";
        first = false;
        JsonWriter json(out);
        json.BeginObject();
        json.Key("value").String(finding->indicator->value);
        if (IsUuid(finding->indicator->id)) {
            json.Key("uuid").String(finding->indicator->id);
        }
        json.Key("source").String("Stormwatch");
        json.Key("type").String("0");
        if (const auto seen = SeenAt(*finding)) {
            json.Key("timestamp").Int(*seen);
        }
        json.EndObject();
    }
    out += first ? "]\n" : "\n]\n";
}

}  // namespace stormwatch::intel
