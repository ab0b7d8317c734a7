// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/stix/sightings.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "stormwatch/core/json_writer.h"
#include "stormwatch/core/time.h"
#include "stormwatch/intel/stix/ids.h"

namespace stormwatch::intel::stix {

namespace {

constexpr std::uint64_t kMaxStixCount = 999'999'999;  // STIX 2.1 bound of count properties

std::string QuotePatternString(std::string_view value) {
    std::string out = "'";
    for (const char c : value) {
        if (c == '\'' || c == '\\') {
            out.push_back('\\');
        }
        out.push_back(c);
    }
    out.push_back('\'');
    return out;
}

bool IsV6(std::string_view value) {
    return value.find(':') != std::string_view::npos;
}

std::string_view HashName(std::string_view type) {
    if (type == "md5") {
        return "MD5";
    }
    if (type == "sha1") {
        return "SHA-1";
    }
    if (type == "sha256") {
        return "SHA-256";
    }
    if (type == "sha512") {
        return "SHA-512";
    }
    return {};
}

// The SCO for a matched value: its type and the ID contributing properties (STIX 2.1 2.9) as
// canonical JSON (RFC 8785: sorted keys, no spaces), which is also what its uuid5 is over.
struct Observable {
    std::string type;
    std::string properties;  // `{"value":"..."}` etc.
};

std::optional<Observable> ObservableFor(std::string_view type, std::string_view value) {
    std::string quoted;
    JsonWriter::AppendQuoted(quoted, value);
    if (type == "ipv4" || type == "ipv6" || type == "cidr") {
        return Observable{IsV6(value) ? "ipv6-addr" : "ipv4-addr", "{\"value\":" + quoted + "}"};
    }
    if (type == "domain") {
        return Observable{"domain-name", "{\"value\":" + quoted + "}"};
    }
    if (type == "url") {
        return Observable{"url", "{\"value\":" + quoted + "}"};
    }
    if (type == "email") {
        return Observable{"email-addr", "{\"value\":" + quoted + "}"};
    }
    if (type == "account") {
        return Observable{"user-account", "{\"account_login\":" + quoted + "}"};
    }
    if (type == "filename") {
        return Observable{"file", "{\"name\":" + quoted + "}"};
    }
    if (const std::string_view hash = HashName(type); !hash.empty()) {
        return Observable{"file", "{\"hashes\":{\"" + std::string(hash) + "\":" + quoted + "}}"};
    }
    return std::nullopt;
}

// STIX 2.1 wants created/modified in millisecond precision (the schema checks it); every
// timestamp is written the same way, in UTC.
std::string NormaliseTime(const std::optional<std::string>& time, std::string_view fallback) {
    std::optional<std::int64_t> seconds;
    if (time) {
        seconds = ParseRfc3339(*time);
    }
    if (!seconds) {
        seconds = ParseRfc3339(fallback);
    }
    std::string text = FormatRfc3339(seconds.value_or(0));
    text.insert(text.size() - 1, ".000");
    return text;
}

void WriteCommon(JsonWriter& w, std::string_view type, const std::string& id,
                 std::string_view created) {
    w.Key("type").String(type);
    w.Key("spec_version").String("2.1");
    w.Key("id").String(id);
    w.Key("created").String(created);
    w.Key("modified").String(created);
}

// Writes the SCO's properties (the same as its id-contributing ones) into the open object.
void WriteObservableProperties(JsonWriter& w, std::string_view type, std::string_view value) {
    if (type == "account") {
        w.Key("account_login").String(value);
    } else if (type == "filename") {
        w.Key("name").String(value);
    } else if (const std::string_view hash = HashName(type); !hash.empty()) {
        w.Key("hashes").BeginObject().Key(hash).String(value).EndObject();
    } else {
        w.Key("value").String(value);
    }
}

bool Eligible(const Finding& finding) {
    return finding.indicator && ObservableFor(finding.indicator->type, finding.indicator->value) &&
           !StixPatternFor(finding.indicator->type, finding.indicator->value).empty();
}

// Fingerprints repeat when the same line recurs; path, line and rule keep the ids apart.
std::string SightingKey(const Finding& finding) {
    return finding.fingerprint + "|" + finding.path + "|" + std::to_string(finding.line) + "|" +
           std::to_string(finding.record) + "|" + finding.rule_id;
}

}  // namespace

std::string StixPatternFor(std::string_view type, std::string_view value) {
    const std::string quoted = QuotePatternString(value);
    if (type == "ipv4" || type == "ipv6") {
        return std::string("[") + (IsV6(value) ? "ipv6-addr" : "ipv4-addr") + ":value = " + quoted +
               "]";
    }
    if (type == "cidr") {
        return std::string("[") + (IsV6(value) ? "ipv6-addr" : "ipv4-addr") + ":value ISSUBSET " +
               quoted + "]";
    }
    if (type == "domain") {
        return "[domain-name:value = " + quoted + "]";
    }
    if (type == "url") {
        return "[url:value = " + quoted + "]";
    }
    if (type == "email") {
        return "[email-addr:value = " + quoted + "]";
    }
    if (type == "account") {
        return "[user-account:account_login = " + quoted + "]";
    }
    if (type == "filename") {
        return "[file:name = " + quoted + "]";
    }
    if (const std::string_view hash = HashName(type); !hash.empty()) {
        return "[file:hashes.'" + std::string(hash) + "' = " + quoted + "]";
    }
    return {};
}

std::string IndicatorIdFor(std::string_view value) {
    return StormwatchId("indicator", value);
}

void RenderStixSightings(std::span<const Finding> findings, std::string& out,
                         std::string_view created_text) {
    std::string created = NormaliseTime(std::string(created_text), kDefaultCreated);
    const std::string reporter_id = StormwatchId("identity", "reporter:Stormwatch");

    // The bundle id covers the run time and every sighting in it.
    std::string id_material = created;
    for (const Finding& finding : findings) {
        if (Eligible(finding)) {
            id_material.append("|").append(SightingKey(finding));
        }
    }
    JsonWriter w(out, 2);
    std::set<std::string> emitted;
    w.BeginObject();
    w.Key("type").String("bundle");
    w.Key("id").String(StormwatchId("bundle", id_material));
    w.Key("objects").BeginArray();
    w.BeginObject();
    WriteCommon(w, "identity", reporter_id, created);
    w.Key("name").String("Stormwatch");
    w.Key("identity_class").String("system");
    w.EndObject();

    for (const Finding& finding : findings) {
        if (!Eligible(finding)) {
            continue;
        }
        const IndicatorRef& ref = *finding.indicator;
        const auto observable = ObservableFor(ref.type, ref.value);
        const std::string pattern = StixPatternFor(ref.type, ref.value);
        const std::string key = SightingKey(finding);
        const std::string first =
            NormaliseTime(finding.first_time ? finding.first_time : finding.time, created);
        const std::string last =
            NormaliseTime(finding.last_time ? finding.last_time : finding.time, created);
        const std::uint64_t count = std::clamp<std::uint64_t>(finding.count, 1, kMaxStixCount);

        std::string indicator_id = ref.id;
        if (indicator_id.rfind("indicator--", 0) != 0) {
            indicator_id = IndicatorIdFor(ref.value);
            if (emitted.insert(indicator_id).second) {
                w.BeginObject();
                WriteCommon(w, "indicator", indicator_id, created);
                w.Key("created_by_ref").String(reporter_id);
                w.Key("name").String(ref.value);
                if (!ref.source.empty()) {
                    w.Key("description").String("from " + ref.source);
                }
                w.Key("indicator_types").BeginArray().String("malicious-activity").EndArray();
                w.Key("pattern").String(pattern);
                w.Key("pattern_type").String("stix");
                w.Key("valid_from").String(created);
                if (!ref.actor.empty()) {
                    w.Key("labels").BeginArray().String(ref.actor).EndArray();
                }
                w.EndObject();
            }
        }

        const std::string device = finding.device.empty() ? finding.path : finding.device;
        const std::string device_id = StormwatchId("identity", "device:" + device);
        if (emitted.insert(device_id).second) {
            w.BeginObject();
            WriteCommon(w, "identity", device_id, created);
            w.Key("name").String(device);
            w.Key("identity_class").String("system");
            w.EndObject();
        }

        const std::string sco_id =
            observable->type + "--" + Uuid5(kStixScoNamespace, observable->properties);
        if (emitted.insert(sco_id).second) {
            w.BeginObject();
            w.Key("type").String(observable->type);
            w.Key("spec_version").String("2.1");
            w.Key("id").String(sco_id);
            WriteObservableProperties(w, ref.type, ref.value);
            w.EndObject();
        }

        const std::string observed_id = StormwatchId("observed-data", key);
        w.BeginObject();
        WriteCommon(w, "observed-data", observed_id, created);
        w.Key("created_by_ref").String(reporter_id);
        w.Key("first_observed").String(first);
        w.Key("last_observed").String(last);
        w.Key("number_observed").UInt(count);
        w.Key("object_refs").BeginArray().String(sco_id).EndArray();
        w.Key("x_stormwatch_evidence").BeginObject();
        w.Key("rule_id").String(finding.rule_id);
        w.Key("severity").String(SeverityName(finding.severity));
        w.Key("device").String(finding.device);
        w.Key("source_kind").String(SourceKindName(finding.source_kind));
        w.Key("path").String(finding.path);
        if (finding.record > 0) {
            w.Key("record").UInt(finding.record);
        } else {
            w.Key("line").UInt(finding.line);
        }
        w.Key("evidence").String(finding.evidence);
        w.Key("fingerprint").String(finding.fingerprint);
        w.EndObject();
        w.EndObject();

        const std::string sighting_id = StormwatchId("sighting", key);
        w.BeginObject();
        WriteCommon(w, "sighting", sighting_id, created);
        w.Key("created_by_ref").String(reporter_id);
        w.Key("description").String(finding.title);
        w.Key("first_seen").String(first);
        w.Key("last_seen").String(last);
        w.Key("count").UInt(count);
        w.Key("sighting_of_ref").String(indicator_id);
        w.Key("observed_data_refs").BeginArray().String(observed_id).EndArray();
        w.Key("where_sighted_refs").BeginArray().String(device_id).EndArray();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out.push_back('\n');
}

}  // namespace stormwatch::intel::stix
