// SPDX-License-Identifier: Apache-2.0
#include <span>
#include <string>

#include "stormwatch/core/json_writer.h"
#include "stormwatch/output/finding_json.h"
#include "stormwatch/output/report.h"
#include "stormwatch/output/report_detail.h"

namespace stormwatch::output {

void RenderJson(std::span<const Finding> findings, const RunSummary& run, std::string& out) {
    JsonWriter writer(out, 2);
    writer.BeginObject();
    writer.Key("findings").BeginArray();
    for (const Finding& finding : findings) {
        WriteFindingJson(writer, finding);
    }
    writer.EndArray();

    writer.Key("summary").BeginObject();
    writer.Key("tool").BeginObject();
    writer.Key("name").String("stormwatch");
    writer.Key("version").String(run.tool_version);
    writer.EndObject();
    writer.Key("rule_sources").BeginArray();
    for (const std::string& source : run.rule_sources) {
        writer.String(source);
    }
    writer.EndArray();
    detail::WriteRunStatsMembers(writer, findings, run);
    writer.EndObject();

    writer.EndObject();
    out.push_back('\n');
}

}  // namespace stormwatch::output
