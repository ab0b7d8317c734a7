// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/detect/hardening/test_support.h"

namespace stormwatch::detect::hardening::testing {
namespace {

constexpr std::string_view kNoConfigLogging = "SW-CFG-HARD-NO-CONFIG-LOGGING";
constexpr std::string_view kNoRemoteLogging = "SW-CFG-HARD-NO-REMOTE-LOGGING";
constexpr std::string_view kTrapLevel = "SW-CFG-HARD-LOG-TRAP-LEVEL";
constexpr std::string_view kNoLoginFailure = "SW-CFG-HARD-NO-LOGIN-FAILURE-LOG";

using LoggingTest = HardeningTest;

TEST_F(LoggingTest, ConfigChangeLoggingIsRequiredOnIosOnly) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    EXPECT_EQ(
        Run(kNoConfigLogging, model),
        (std::vector<Hit>{{Severity::kLow, 1, "missing: archive / log config / logging enable"}}));

    model.logging.archive_log_config = true;
    model.logging.archive_ref = Ref(50, "archive");
    EXPECT_TRUE(Run(kNoConfigLogging, model).empty());

    EXPECT_TRUE(Run(kNoConfigLogging, Device(model::Dialect::kJunos)).empty());
    EXPECT_TRUE(Run(kNoConfigLogging, Device(model::Dialect::kCiscoIosXr)).empty());
}

TEST_F(LoggingTest, NoRemoteLoggingHost) {
    model::DeviceModel model = Device(model::Dialect::kCiscoNxos);
    EXPECT_EQ(Run(kNoRemoteLogging, model),
              (std::vector<Hit>{{Severity::kMedium, 1, "missing: logging host"}}));
    EXPECT_EQ(Run(kNoRemoteLogging, Device(model::Dialect::kJunosSet)),
              (std::vector<Hit>{{Severity::kMedium, 1, "missing: system syslog host"}}));

    model::HostRef host;
    host.host = "192.0.2.50";
    host.ref = Ref(51, "logging server 192.0.2.50");
    model.logging.hosts.push_back(host);
    EXPECT_TRUE(Run(kNoRemoteLogging, model).empty());

    model::DeviceModel unknown = Device(model::Dialect::kUnknown);
    EXPECT_TRUE(Run(kNoRemoteLogging, unknown).empty());
}

TEST_F(LoggingTest, TrapLevelBelowInformationalFires) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    for (const std::string_view level : {"warnings", "5", "Notifications", "notice", "errors"}) {
        model.logging.trap_level = Ref(52, "logging trap " + std::string(level));
        model.logging.trap_level_value = std::string(level);
        EXPECT_EQ(Run(kTrapLevel, model),
                  (std::vector<Hit>{{Severity::kLow, 52, "logging trap " + std::string(level)}}))
            << level;
    }
    for (const std::string_view level : {"informational", "6", "debugging", "7", "info", "any"}) {
        model.logging.trap_level = Ref(52, "logging trap " + std::string(level));
        model.logging.trap_level_value = std::string(level);
        EXPECT_TRUE(Run(kTrapLevel, model).empty()) << level;
    }
    model.logging.trap_level.reset();
    model.logging.trap_level_value.clear();
    EXPECT_TRUE(Run(kTrapLevel, model).empty());
}

TEST_F(LoggingTest, LoginFailureLoggingIsRequiredOnIos) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    EXPECT_EQ(Run(kNoLoginFailure, model),
              (std::vector<Hit>{{Severity::kLow, 1, "missing: login on-failure log"}}));
    model.logging.login_on_failure_log = true;
    EXPECT_TRUE(Run(kNoLoginFailure, model).empty());
    EXPECT_TRUE(Run(kNoLoginFailure, Device(model::Dialect::kAristaEos)).empty());
}

}  // namespace
}  // namespace stormwatch::detect::hardening::testing
