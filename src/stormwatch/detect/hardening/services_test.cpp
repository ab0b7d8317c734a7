// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/detect/hardening/test_support.h"

namespace stormwatch::detect::hardening::testing {
namespace {

constexpr std::string_view kUnused = "SW-CFG-HARD-UNUSED-SERVICE";

model::Service Service(std::string name, bool enabled, std::uint32_t line, std::string text,
                       std::string detail = {}) {
    model::Service service;
    service.name = std::move(name);
    service.enabled = enabled;
    service.ref = Ref(line, std::move(text));
    service.detail = std::move(detail);
    return service;
}

using ServicesTest = HardeningTest;

TEST_F(ServicesTest, UnneededServicesFireWithTheirSeverity) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.services.push_back(Service("ftp-server", true, 10, "ftp-server enable"));
    model.services.push_back(
        Service("tftp-server", true, 11, "tftp-server flash:image.bin", "flash:image.bin"));
    model.services.push_back(Service("finger", true, 12, "ip finger"));
    model.services.push_back(Service("bootp", true, 13, "ip bootp server"));
    model.services.push_back(Service("cdp", true, 14, "cdp run"));
    EXPECT_EQ(Run(kUnused, model),
              (std::vector<Hit>{{Severity::kMedium, 10, "ftp-server enable"},
                                {Severity::kMedium, 11, "tftp-server flash:image.bin"},
                                {Severity::kLow, 12, "ip finger"},
                                {Severity::kLow, 13, "ip bootp server"},
                                {Severity::kLow, 14, "cdp run"}}));
}

TEST_F(ServicesTest, DisabledOrOtherRulesServicesDoNotFire) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.services.push_back(Service("cdp", false, 10, "no cdp run"));
    model.services.push_back(Service("bootp", false, 11, "no ip bootp server"));
    model.services.push_back(Service("ssh", true, 12, "ip ssh version 2"));
    // Owned by other rules: telnet, http (this folder), config exposure (ttp exfiltration).
    model.services.push_back(Service("telnet", true, 13, "feature telnet"));
    model.services.push_back(Service("http", true, 14, "ip http server"));
    model.services.push_back(Service("tftp-server", true, 15, "tftp-server nvram:startup-config",
                                     "nvram:startup-config"));
    model.services.push_back(Service("tftp-server", true, 16, "tftp-server bootflash:tac.pcap"));
    EXPECT_TRUE(Run(kUnused, model).empty());
}

}  // namespace
}  // namespace stormwatch::detect::hardening::testing
