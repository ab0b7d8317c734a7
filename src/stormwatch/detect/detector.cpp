// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/detect/detector.h"

#include "stormwatch/core/text.h"
#include "stormwatch/core/time.h"

namespace stormwatch::detect {

namespace {

std::vector<std::string> SplitAttack(std::string_view attack) {
    std::vector<std::string> ids;
    while (!attack.empty()) {
        const std::size_t comma = attack.find(',');
        const std::string_view id = text::Trim(attack.substr(0, comma));
        if (!id.empty()) {
            ids.emplace_back(id);
        }
        if (comma == std::string_view::npos) {
            break;
        }
        attack.remove_prefix(comma + 1);
    }
    return ids;
}

}  // namespace

Finding NewFinding(const DetectorDef& def, const Context& context, const model::SourceRef& ref) {
    Finding finding;
    finding.rule_id = def.id;
    finding.title = def.title;
    finding.category = def.category;
    finding.severity = def.severity;
    finding.attack = SplitAttack(def.attack);
    finding.device = context.device;
    finding.source_kind = SourceKind::kConfig;
    finding.path = context.path;
    finding.line = ref.line;
    finding.evidence = text::SanitiseForOutput(ref.text);
    return finding;
}

void AttachIndicator(Finding& finding, const intel::Indicator& indicator) {
    IndicatorRef ref{
        .value = indicator.value,
        .type = std::string(intel::IndicatorTypeName(indicator.type)),
        .source = indicator.source,
        .id = indicator.id,
        .actor = indicator.actor,
    };
    if (indicator.valid_from) {
        ref.valid_from = FormatRfc3339(*indicator.valid_from);
    }
    if (indicator.valid_until) {
        ref.valid_until = FormatRfc3339(*indicator.valid_until);
    }
    finding.indicator = std::move(ref);
}

bool TftpServesDeviceData(std::string_view served) {
    const std::string lower = text::ToLower(text::Trim(served));
    return lower.empty() || lower.back() == ':' || lower.find("config") != std::string::npos ||
           lower.find(".pcap") != std::string::npos || text::StartsWith(lower, "nvram:") ||
           text::StartsWith(lower, "system:");
}

RuleInfo ToRuleInfo(const DetectorDef& def) {
    return RuleInfo{
        .id = std::string(def.id),
        .title = std::string(def.title),
        .category = std::string(def.category),
        .severity = def.severity,
        .attack = SplitAttack(def.attack),
        .description = std::string(def.description),
        .kind = "detector",
        .origin = "built-in",
    };
}

}  // namespace stormwatch::detect
