// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/detect/hardening/test_support.h"

namespace stormwatch::detect::hardening::testing {
namespace {

constexpr std::string_view kWeakSecret = "SW-CFG-HARD-WEAK-SECRET";

model::LocalUser User(std::uint32_t line, std::string type, std::string text) {
    model::LocalUser user;
    user.name = "admin";
    user.secret_type = std::move(type);
    user.ref = Ref(line, std::move(text));
    return user;
}

using CredentialsTest = HardeningTest;

TEST_F(CredentialsTest, WeakUserSecretsFireWithSeverityByType) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.users.push_back(User(10, "7", "username a password 7 0822455D0A16"));
    model.users.push_back(User(11, "5", "username b secret 5 $1$abcd$xyz"));
    model.users.push_back(User(12, "0", "username c password 0 cisco"));
    model.users.push_back(
        User(13, "md5", "set system login user d authentication encrypted-password \"$1$x\""));
    model.users.push_back(User(14, "4", "username e secret 4 abc"));
    model.users.push_back(User(15, "nopassword", "username f nopassword"));
    EXPECT_EQ(Run(kWeakSecret, model),
              (std::vector<Hit>{
                  {Severity::kMedium, 10, "username a password 7 0822455D0A16"},
                  {Severity::kMedium, 11, "username b secret 5 $1$abcd$xyz"},
                  {Severity::kHigh, 12, "username c password 0 cisco"},
                  {Severity::kMedium, 13,
                   "set system login user d authentication encrypted-password \"$1$x\""},
                  {Severity::kMedium, 14, "username e secret 4 abc"},
                  {Severity::kHigh, 15, "username f nopassword"},
              }));
}

TEST_F(CredentialsTest, StrongSecretsDoNotFire) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model.users.push_back(User(10, "9", "username a privilege 15 secret 9 $9$abc"));
    model.users.push_back(User(11, "8", "username b secret 8 $8$abc"));
    model.users.push_back(User(12, "sha512", "username c secret sha512 $6$abc"));
    model.users.push_back(User(13, "key", "username d sshkey"));
    model.users.push_back(User(14, "", "username e privilege 1"));
    model::EnableSecret enable;
    enable.secret_type = "9";
    enable.ref = Ref(20, "enable secret 9 $9$abc");
    model.enable_secrets.push_back(enable);
    EXPECT_TRUE(Run(kWeakSecret, model).empty());
}

TEST_F(CredentialsTest, EnablePasswordIsHighWhateverItsType) {
    model::DeviceModel model = Device(model::Dialect::kCiscoIos);
    model::EnableSecret password;
    password.secret_type = "7";
    password.is_password = true;
    password.ref = Ref(5, "enable password 7 0822455D0A16");
    model::EnableSecret secret;
    secret.secret_type = "5";
    secret.ref = Ref(6, "enable secret 5 $1$abcd$xyz");
    model.enable_secrets = {password, secret};
    EXPECT_EQ(Run(kWeakSecret, model),
              (std::vector<Hit>{{Severity::kHigh, 5, "enable password 7 0822455D0A16"},
                                {Severity::kMedium, 6, "enable secret 5 $1$abcd$xyz"}}));
}

}  // namespace
}  // namespace stormwatch::detect::hardening::testing
