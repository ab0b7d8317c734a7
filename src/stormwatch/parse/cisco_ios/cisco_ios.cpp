// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/parse/cisco_ios/cisco_ios.h"

#include "stormwatch/parse/cisco_common/ios_like.h"
#include "stormwatch/parse/cisco_common/sniff.h"

namespace stormwatch::parse {
namespace {

int Sniff(const SniffInput& input) {
    return cisco::ScoreIosLike(input).ios;
}

void Parse(std::string_view text, ConfigTree& tree, model::DeviceModel& out, InputStats& stats) {
    out.dialect = model::Dialect::kCiscoIos;
    // IOS has no commands the shared parser does not already read.
    cisco::ParseIosLike(text, cisco::Flavour::kIos, nullptr, tree, out, stats);
}

}  // namespace

const DialectInfo kCiscoIos{
    .dialect = model::Dialect::kCiscoIos,
    .name = "cisco-ios",
    .summary = "Cisco IOS and IOS XE running or startup configuration",
    .sniff = &Sniff,
    .parse = &Parse,
};

}  // namespace stormwatch::parse
