// SPDX-License-Identifier: Apache-2.0
// SARIF 2.1.0 as GitHub code scanning reads it. References: OASIS SARIF 2.1.0 (sections 3.14
// run, 3.19 toolComponent, 3.27 result, 3.49 reportingDescriptor) and GitHub's "SARIF support
// for code scanning" page (security-severity, partialFingerprints, tags).

#include <algorithm>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "stormwatch/core/json_writer.h"
#include "stormwatch/core/rule_info.h"
#include "stormwatch/core/text.h"
#include "stormwatch/output/finding_json.h"
#include "stormwatch/output/report.h"
#include "stormwatch/output/report_detail.h"

namespace stormwatch::output {
namespace detail {
namespace {

bool IsUnreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

bool IsAsciiLetter(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool IsAsciiAlnum(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

void AppendEncoded(std::string& out, std::string_view s) {
    constexpr std::string_view kHex = "0123456789ABCDEF";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (IsUnreserved(c) || c == '/') {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 0x0F]);
        }
    }
}

std::string CamelWords(std::string_view s) {
    std::string out;
    bool start = true;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (!IsAsciiAlnum(c)) {
            start = true;
            continue;
        }
        out.push_back(start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : ch);
        start = false;
    }
    return out;
}

}  // namespace

std::string PathToUri(std::string_view path) {
    std::string p(path);
    std::replace(p.begin(), p.end(), '\\', '/');
    std::string_view rest = p;
    while (rest.size() > 2 && rest.substr(0, 2) == "./") {
        rest.remove_prefix(2);
    }
    std::string out;
    if (!rest.empty() && rest.front() == '/') {
        // An absolute path is not a relative reference GitHub can resolve against the checkout;
        // as a file URI it is at least unambiguous (RFC 8089).
        out = "file://";
    } else if (rest.size() >= 3 && IsAsciiLetter(static_cast<unsigned char>(rest[0])) &&
               rest[1] == ':' && rest[2] == '/') {
        // Windows drive letter: file:///C:/dir/file (RFC 8089 appendix E.2).
        out = "file:///";
        out.push_back(rest[0]);
        out.push_back(':');
        rest.remove_prefix(2);
    }
    // ':' is encoded everywhere else: in a relative reference's first segment it would read
    // as a URI scheme.
    AppendEncoded(out, rest);
    return out;
}

std::string RuleName(std::string_view title, std::string_view id) {
    std::string name = CamelWords(title);
    if (name.empty()) {
        name = CamelWords(id);
    }
    return name;
}

}  // namespace detail

namespace {

std::string_view SarifLevel(Severity severity) {
    switch (severity) {
        case Severity::kCritical:
        case Severity::kHigh:
            return "error";
        case Severity::kMedium:
            return "warning";
        case Severity::kLow:
        case Severity::kInfo:
            break;
    }
    return "note";
}

// GitHub maps security-severity to its own labels: >= 9.0 critical, 7.0-8.9 high, 4.0-6.9
// medium, 0.1-3.9 low. The values sit inside those bands, away from the edges.
std::string_view SecuritySeverity(Severity severity) {
    switch (severity) {
        case Severity::kCritical:
            return "9.5";
        case Severity::kHigh:
            return "8.0";
        case Severity::kMedium:
            return "5.5";
        case Severity::kLow:
            return "3.0";
        case Severity::kInfo:
            break;
    }
    return "1.0";
}

// The fields of a reportingDescriptor, whether from the catalogue or made up from a finding.
struct SarifRule {
    std::string_view id;
    std::string_view title;
    std::string_view description;
    std::string_view category;
    Severity severity;
    std::span<const std::string> attack;
};

void WriteRule(JsonWriter& writer, const SarifRule& rule) {
    // GitHub rejects empty message strings; fall back to the next most useful text.
    const std::string_view title = rule.title.empty() ? rule.id : rule.title;
    const std::string_view description = rule.description.empty() ? title : rule.description;
    writer.BeginObject();
    writer.Key("id").String(rule.id);
    writer.Key("name").String(detail::RuleName(rule.title, rule.id));
    writer.Key("shortDescription").BeginObject().Key("text").String(title).EndObject();
    writer.Key("fullDescription").BeginObject().Key("text").String(description).EndObject();
    writer.Key("defaultConfiguration").BeginObject();
    writer.Key("level").String(SarifLevel(rule.severity));
    writer.EndObject();
    writer.Key("properties").BeginObject();
    // GitHub only reads security-severity on rules tagged "security".
    writer.Key("tags").BeginArray().String("security");
    if (!rule.category.empty()) {
        writer.String(rule.category);
    }
    for (const std::string& technique : rule.attack) {
        writer.String(technique);
    }
    writer.EndArray();
    writer.Key("security-severity").String(SecuritySeverity(rule.severity));
    writer.Key("precision").String("high");
    writer.EndObject();
    writer.EndObject();
}

void WriteResult(JsonWriter& writer, const Finding& finding, std::size_t rule_index) {
    writer.BeginObject();
    writer.Key("ruleId").String(finding.rule_id);
    writer.Key("ruleIndex").UInt(rule_index);
    writer.Key("level").String(SarifLevel(finding.severity));
    std::string message = finding.title.empty() ? finding.rule_id : finding.title;
    // Display text, unlike the evidence field of NDJSON: trimmed, and control characters
    // replaced so a hostile log line cannot put escape sequences into a reviewer's view.
    const std::string evidence = text::SanitiseForOutput(text::Trim(finding.evidence));
    if (!evidence.empty()) {
        message += ": ";
        message += evidence;
    }
    writer.Key("message").BeginObject().Key("text").String(message).EndObject();

    writer.Key("locations").BeginArray().BeginObject();
    writer.Key("physicalLocation").BeginObject();
    writer.Key("artifactLocation").BeginObject();
    writer.Key("uri").String(detail::PathToUri(finding.path));
    writer.EndObject();
    // Record-based findings (flows, packets) have no line; the record goes in properties.
    if (finding.line > 0) {
        writer.Key("region").BeginObject().Key("startLine").UInt(finding.line).EndObject();
    }
    writer.EndObject();
    writer.EndObject().EndArray();

    writer.Key("partialFingerprints").BeginObject();
    writer.Key("stormwatch/v1").String(FingerprintOf(finding));
    writer.EndObject();

    writer.Key("properties").BeginObject();
    writer.Key("device").String(finding.device);
    writer.Key("category").String(finding.category);
    writer.Key("severity").String(SeverityName(finding.severity));
    if (finding.line == 0 && finding.record > 0) {
        writer.Key("record").UInt(finding.record);
    }
    if (finding.time) {
        writer.Key("time").String(*finding.time);
    }
    writer.Key("count").UInt(finding.count);
    if (finding.first_time) {
        writer.Key("first_time").String(*finding.first_time);
    }
    if (finding.last_time) {
        writer.Key("last_time").String(*finding.last_time);
    }
    if (finding.indicator) {
        writer.Key("indicator");
        WriteIndicatorJson(writer, *finding.indicator);
    }
    writer.EndObject();
    writer.EndObject();
}

}  // namespace

void RenderSarif(std::span<const Finding> findings, std::span<const RuleInfo> rules,
                 const RunSummary& run, std::string& out) {
    std::unordered_map<std::string_view, const RuleInfo*> catalogue;
    for (const RuleInfo& rule : rules) {
        catalogue.emplace(rule.id, &rule);  // the first entry of a duplicated id wins
    }
    // For each referenced id: its catalogue entry, or the first finding that names it.
    std::unordered_map<std::string_view, const Finding*> first_finding;
    std::vector<std::string_view> ids;
    for (const Finding& finding : findings) {
        if (first_finding.emplace(finding.rule_id, &finding).second) {
            ids.push_back(finding.rule_id);
        }
    }
    // Sorted by id, so the rules array does not depend on which finding came first.
    std::sort(ids.begin(), ids.end());
    std::unordered_map<std::string_view, std::size_t> index_of;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        index_of.emplace(ids[i], i);
    }

    JsonWriter writer(out, 2);
    writer.BeginObject();
    writer.Key("$schema").String("https://json.schemastore.org/sarif-2.1.0.json");
    writer.Key("version").String("2.1.0");
    writer.Key("runs").BeginArray().BeginObject();

    writer.Key("tool").BeginObject().Key("driver").BeginObject();
    writer.Key("name").String("Stormwatch");
    writer.Key("informationUri").String("https://github.com/stormwatch/stormwatch");
    if (!run.tool_version.empty()) {
        writer.Key("version").String(run.tool_version);
    }
    writer.Key("rules").BeginArray();
    for (const std::string_view id : ids) {
        if (const auto it = catalogue.find(id); it != catalogue.end()) {
            const RuleInfo& rule = *it->second;
            WriteRule(writer, SarifRule{rule.id, rule.title, rule.description, rule.category,
                                        rule.severity, rule.attack});
        } else {
            const Finding& finding = *first_finding.at(id);
            WriteRule(writer, SarifRule{finding.rule_id,
                                        finding.title,
                                        {},
                                        finding.category,
                                        finding.severity,
                                        finding.attack});
        }
    }
    writer.EndArray();
    writer.EndObject().EndObject();

    writer.Key("invocations").BeginArray().BeginObject();
    writer.Key("executionSuccessful").Bool(true);
    writer.EndObject().EndArray();

    writer.Key("results").BeginArray();
    for (const Finding& finding : findings) {
        WriteResult(writer, finding, index_of.at(finding.rule_id));
    }
    writer.EndArray();

    writer.EndObject().EndArray();
    writer.EndObject();
    out.push_back('\n');
}

}  // namespace stormwatch::output
