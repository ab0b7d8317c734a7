// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/output/finding_json.h"

#include <span>
#include <string>

#include "stormwatch/core/finding.h"
#include "stormwatch/core/json_writer.h"
#include "stormwatch/output/report.h"

namespace stormwatch::output {

void WriteIndicatorJson(JsonWriter& writer, const IndicatorRef& indicator) {
    writer.BeginObject();
    writer.Key("value").String(indicator.value);
    writer.Key("type").String(indicator.type);
    writer.Key("source").String(indicator.source);
    if (!indicator.id.empty()) {
        writer.Key("id").String(indicator.id);
    }
    if (!indicator.actor.empty()) {
        writer.Key("actor").String(indicator.actor);
    }
    if (indicator.valid_from) {
        writer.Key("valid_from").String(*indicator.valid_from);
    }
    if (indicator.valid_until) {
        writer.Key("valid_until").String(*indicator.valid_until);
    }
    writer.EndObject();
}

std::string FingerprintOf(const Finding& finding) {
    if (!finding.fingerprint.empty()) {
        return finding.fingerprint;
    }
    return ComputeFingerprint(finding.rule_id, finding.device, finding.evidence);
}

void WriteFindingJson(JsonWriter& writer, const Finding& finding) {
    writer.BeginObject();
    writer.Key("rule_id").String(finding.rule_id);
    writer.Key("title").String(finding.title);
    writer.Key("category").String(finding.category);
    writer.Key("severity").String(SeverityName(finding.severity));
    writer.Key("attack").BeginArray();
    for (const std::string& technique : finding.attack) {
        writer.String(technique);
    }
    writer.EndArray();
    writer.Key("device").String(finding.device);

    writer.Key("source").BeginObject();
    writer.Key("kind").String(SourceKindName(finding.source_kind));
    writer.Key("path").String(finding.path);
    // findings.md: a text input has a line, a binary input a record "instead"; never both.
    if (finding.line > 0) {
        writer.Key("line").UInt(finding.line);
    } else if (finding.record > 0) {
        writer.Key("record").UInt(finding.record);
    }
    writer.EndObject();

    writer.Key("evidence").String(finding.evidence);
    if (finding.indicator) {
        writer.Key("indicator");
        WriteIndicatorJson(writer, *finding.indicator);
    }
    writer.Key("time");
    if (finding.time) {
        writer.String(*finding.time);
    } else {
        writer.Null();
    }
    writer.Key("count").UInt(finding.count);
    if (finding.first_time) {
        writer.Key("first_time").String(*finding.first_time);
    }
    if (finding.last_time) {
        writer.Key("last_time").String(*finding.last_time);
    }
    writer.Key("fingerprint").String(FingerprintOf(finding));
    writer.EndObject();
}

void AppendNdjsonLine(const Finding& finding, std::string& out) {
    JsonWriter writer(out);
    WriteFindingJson(writer, finding);
    out.push_back('\n');
}

void RenderNdjson(std::span<const Finding> findings, std::string& out) {
    // A finding's line is ~400 bytes; growing a multi-megabyte report by doubling would copy
    // it several times and fault in fresh pages each time.
    out.reserve(out.size() + findings.size() * 512);
    for (const Finding& finding : findings) {
        AppendNdjsonLine(finding, out);
    }
}

}  // namespace stormwatch::output
