// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/engine/config_input.h"

#include <memory>
#include <optional>
#include <string>

#include "stormwatch/core/terminal_capture.h"
#include "stormwatch/core/text.h"
#include "stormwatch/engine/hunt.h"
#include "stormwatch/engine/log_input.h"
#include "stormwatch/parse/dialect.h"

namespace stormwatch::engine::detail {

namespace {

// Sniffing looks at the head only; dialect markers sit near the top of every config.
constexpr std::size_t kSniffBytes = 64 * 1024;

bool OnlyBlank(std::string_view data) {
    return text::Trim(data).empty();
}

}  // namespace

void HuntConfigInput(std::string_view data, const policy::SitePolicy& policy,
                     const intel::IndicatorSet& intel, const rules::PatternRuleSet* pattern_rules,
                     rules::PatternScratch* scratch, output::InputSummary& input,
                     std::vector<Finding>& out, const LogHuntOptions& logs) {
    input.bytes = data.size();
    // A terminal capture (pager prompts erased with backspaces) is hunted as the lines its
    // screen showed: the lines, and so their numbers, are the file's.
    const std::optional<std::string> rendered = text::RenderTerminalCapture(data);
    if (rendered) {
        data = *rendered;
    }
    if (OnlyBlank(data)) {
        input.kind = "rejected";
        input.stats.RejectInput(RejectReason::kEmpty, "no content");
        return;
    }
    // A log copied and truncated by logrotate (copytruncate) while a daemon still wrote to it,
    // or written through a crash, starts with a run of NULs: the sniff reads what follows.
    const std::size_t text_start = data.find_first_not_of('\0');
    const std::string_view head =
        text_start == std::string_view::npos ? data : data.substr(text_start, kSniffBytes);
    if (text::LooksBinary(head)) {
        input.kind = "rejected";
        input.stats.RejectInput(RejectReason::kBinaryContent, "binary content, not a text input");
        return;
    }
    // Logs first: the log sniffer only claims inputs whose lines start with syslog headers,
    // which no configuration does (logs/README.md, "Sniffing").
    if (LooksLikeLog(head)) {
        if (logs.matcher != nullptr) {
            HuntLogInput(data, *logs.matcher, logs.default_year, logs.written, logs.threads, input,
                         out);
        } else {
            // No matcher (callers that only hunt configs): a non-owning view of `intel`.
            const intel::TextMatcher local(
                std::shared_ptr<const intel::IndicatorSet>(std::shared_ptr<void>(), &intel));
            HuntLogInput(data, local, logs.default_year, logs.written, logs.threads, input, out);
        }
        return;
    }
    const parse::SniffResult sniff = parse::SniffDialect(head);
    if (sniff.dialect == nullptr) {
        input.kind = "rejected";
        if (!sniff.unsupported_vendor.empty()) {
            input.stats.RejectInput(
                RejectReason::kUnsupportedDialect,
                std::string(sniff.unsupported_vendor) + " configuration: not parsed by this build");
        } else {
            input.stats.RejectInput(RejectReason::kNotAConfig,
                                    "no supported configuration dialect recognised");
        }
        return;
    }
    input.kind = "config";
    input.dialect = std::string(sniff.dialect->name);
    parse::ConfigTree tree;
    model::DeviceModel model;
    model.dialect = sniff.dialect->dialect;
    sniff.dialect->parse(data, tree, model, input.stats);
    input.device = model.device.hostname;
    const std::string device = DeviceName(model.device.hostname, input.path);
    const detect::Context context{
        .policy = policy, .intel = intel, .path = input.path, .device = device};
    detect::RunConfigDetectors(model, context, out);
    if (pattern_rules != nullptr && scratch != nullptr) {
        pattern_rules->Run(tree, model, input.path, device, *scratch, out);
    }
}

}  // namespace stormwatch::engine::detail
