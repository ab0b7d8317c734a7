// SPDX-License-Identifier: Apache-2.0
// The hardening registry: one row per rule id. Adding a check is one function in its family
// file plus one row here. The severity in a row is the default; a check may raise or lower
// it per finding (the README lists when).

#include "stormwatch/detect/hardening/checks.h"
#include "stormwatch/detect/hardening/hardening.h"

namespace stormwatch::detect {

namespace {

constexpr DetectorDef kHardeningDetectors[] = {
    {
        .id = "SW-CFG-HARD-WEAK-SECRET",
        .title = "Credential stored in clear or with a weak, crackable hash",
        .category = "hardening.weak-password-type",
        .severity = Severity::kMedium,
        .attack = "T1110.002",
        .description = "Local users and enable secrets stored as type 0 (clear), 4, 5 (MD5 "
                       "crypt), 7 (reversible) or `enable password` can be recovered from any "
                       "config copy; use type 8 or 9 (or sha256/sha512 crypt). High for clear "
                       "text, `nopassword` and `enable password`.",
        .run = &hardening::CheckWeakSecret,
    },
    {
        .id = "SW-CFG-HARD-AAA-KEY",
        .title = "TACACS+/RADIUS shared key stored in clear or reversible form",
        .category = "hardening.weak-aaa-key",
        .severity = Severity::kMedium,
        .attack = "T1552.001",
        .description = "An AAA key written as type 7 or in clear lets whoever reads the config "
                       "decrypt AAA traffic or impersonate the server; store it as type 6 "
                       "(`password encryption aes`). Junos $9$ keys are reversible too (low).",
        .run = &hardening::CheckAaaKey,
    },
    {
        .id = "SW-CFG-HARD-NO-AES-PASSWORD-ENCRYPTION",
        .title = "AAA keys configured but `password encryption aes` is not enabled",
        .category = "hardening.no-password-encryption-aes",
        .severity = Severity::kLow,
        .attack = "",
        .description = "IOS can only store TACACS+/RADIUS keys as type 6 once `key config-key "
                       "password-encrypt` and `password encryption aes` are set.",
        .run = &hardening::CheckNoAesPasswordEncryption,
    },
    {
        .id = "SW-CFG-HARD-HTTP-SERVER",
        .title = "Device web server enabled without an access-class",
        .category = "hardening.http-server-enabled",
        .severity = Severity::kMedium,
        .attack = "",
        .description = "The IOS XE web UI is the CVE-2023-20198 entry point; keep `no ip http "
                       "server` / `no ip http secure-server`, or restrict it with `ip http "
                       "access-class` to the management network.",
        .run = &hardening::CheckHttpServer,
    },
    {
        .id = "SW-CFG-HARD-SNMP-V1V2C",
        .title = "SNMPv1/v2c community access configured",
        .category = "hardening.snmp-v1v2c",
        .severity = Severity::kMedium,
        .attack = "T1602.001",
        .description = "Community strings travel in clear and grant MIB (or write) access; "
                       "use SNMPv3 with SHA authentication and AES privacy only.",
        .run = &hardening::CheckSnmpV1V2c,
    },
    {
        .id = "SW-CFG-HARD-SNMP-V3-NOPRIV",
        .title = "SNMPv3 user or group without privacy, or with MD5/DES",
        .category = "hardening.snmp-v3-no-priv",
        .severity = Severity::kLow,
        .attack = "",
        .description = "An SNMPv3 user without priv (or with MD5 auth, DES priv) or a v3 group "
                       "at `noauth`/`auth` sends management data readable on the wire.",
        .run = &hardening::CheckSnmpV3NoPriv,
    },
    {
        .id = "SW-CFG-HARD-ACL-NO-DENY-LOG",
        .title = "Applied ACL does not end with a logged deny of everything",
        .category = "hardening.acl-no-deny-log",
        .severity = Severity::kLow,
        .attack = "",
        .description = "ACLs in use on the management plane or on interfaces should end with "
                       "`deny ip any any log` (or the platform equivalent) so that refused "
                       "access attempts are visible.",
        .run = &hardening::CheckAclNoDenyLog,
    },
    {
        .id = "SW-CFG-HARD-TELNET",
        .title = "Telnet management access enabled",
        .category = "hardening.telnet-enabled",
        .severity = Severity::kHigh,
        .attack = "",
        .description = "Telnet sends credentials in clear: vty `transport input telnet|all`, "
                       "NX-OS `feature telnet`, Junos `system services telnet`, IOS XR telnet "
                       "server. Low for IOS before 15.0 vty lines without `transport input`.",
        .run = &hardening::CheckTelnet,
    },
    {
        .id = "SW-CFG-HARD-VTY-NO-ACL",
        .title = "Remote management lines accept sessions from any address",
        .category = "hardening.vty-no-acl",
        .severity = Severity::kMedium,
        .attack = "",
        .description = "VTY lines need `access-class <mgmt-acl> in` (IOS XR: or a "
                       "management-plane peer restriction; Junos: an input filter on lo0) so "
                       "that management is reachable only from the management network.",
        .run = &hardening::CheckVtyNoAcl,
    },
    {
        .id = "SW-CFG-HARD-VTY-TRANSPORT-OUTPUT",
        .title = "VTY line allows outbound sessions (no `transport output none`)",
        .category = "hardening.vty-transport-output",
        .severity = Severity::kLow,
        .attack = "",
        .description = "Without `transport output none` a session on the device can hop on to "
                       "other devices, the lateral movement the advisory describes.",
        .run = &hardening::CheckVtyTransportOutput,
    },
    {
        .id = "SW-CFG-HARD-EXEC-TIMEOUT",
        .title = "Management line idle timeout disabled or longer than 15 minutes",
        .category = "hardening.exec-timeout",
        .severity = Severity::kLow,
        .attack = "",
        .description = "`exec-timeout 0` (never) or above 15 minutes leaves idle privileged "
                       "sessions open on vty and console lines.",
        .run = &hardening::CheckExecTimeout,
    },
    {
        .id = "SW-CFG-HARD-SSH-V1",
        .title = "SSH protocol version 1 allowed",
        .category = "hardening.ssh-v1",
        .severity = Severity::kMedium,
        .attack = "",
        .description = "SSHv1 is broken; pin `ip ssh version 2` (Junos `protocol-version v2`). "
                       "IOS with SSH in use but no version pinned runs 1.99 (low).",
        .run = &hardening::CheckSshV1,
    },
    {
        .id = "SW-CFG-HARD-WEAK-CRYPTO",
        .title = "Weak cipher, MAC or key exchange enabled for management",
        .category = "hardening.weak-crypto",
        .severity = Severity::kMedium,
        .attack = "",
        .description = "Management sessions should use SSHv2 with modern key exchange and "
                       "ciphers and TLS 1.2 or later; the line enables a weak algorithm.",
        .run = &hardening::CheckWeakCrypto,
    },
    {
        .id = "SW-CFG-HARD-NO-CONFIG-LOGGING",
        .title = "Configuration changes are not logged (no `archive` / `log config`)",
        .category = "hardening.no-config-change-logging",
        .severity = Severity::kLow,
        .attack = "",
        .description = "IOS needs `archive` / `log config` / `logging enable` (with `notify "
                       "syslog` and `hidekeys`) for each configuration command to reach syslog.",
        .run = &hardening::CheckNoConfigLogging,
    },
    {
        .id = "SW-CFG-HARD-NO-REMOTE-LOGGING",
        .title = "No remote syslog collector configured",
        .category = "hardening.no-remote-logging",
        .severity = Severity::kMedium,
        .attack = "",
        .description = "Without a remote `logging host` (Junos `system syslog host`) the only "
                       "record of an intrusion is the local buffer, which the actor clears.",
        .run = &hardening::CheckNoRemoteLogging,
    },
    {
        .id = "SW-CFG-HARD-LOG-TRAP-LEVEL",
        .title = "Syslog trap level below informational",
        .category = "hardening.logging-level",
        .severity = Severity::kLow,
        .attack = "",
        .description = "A trap level of notifications (5) or lower drops the informational "
                       "login and accounting messages hunting relies on; use `logging trap "
                       "informational`.",
        .run = &hardening::CheckLogTrapLevel,
    },
    {
        .id = "SW-CFG-HARD-NO-LOGIN-FAILURE-LOG",
        .title = "Failed logins are not logged (no `login on-failure log`)",
        .category = "hardening.login-failure-logging",
        .severity = Severity::kLow,
        .attack = "",
        .description = "IOS reports failed logins (SEC_LOGIN-4-LOGIN_FAILED) only with `login "
                       "on-failure log`; the web UI login hunts need it.",
        .run = &hardening::CheckNoLoginFailureLog,
    },
    {
        .id = "SW-CFG-HARD-NO-COMMAND-ACCOUNTING",
        .title = "No AAA command accounting",
        .category = "hardening.no-command-accounting",
        .severity = Severity::kMedium,
        .attack = "",
        .description = "Without command accounting (`aaa accounting commands 15 default "
                       "start-stop group tacacs+`, Junos `system accounting events "
                       "interactive-commands`) commands run on the device leave no record.",
        .run = &hardening::CheckNoCommandAccounting,
    },
    {
        .id = "SW-CFG-HARD-NO-AAA",
        .title = "AAA is not enabled (`aaa new-model` missing)",
        .category = "hardening.aaa-new-model-missing",
        .severity = Severity::kMedium,
        .attack = "",
        .description = "IOS without `aaa new-model` authenticates with line passwords and "
                       "cannot do central authentication, authorisation or accounting.",
        .run = &hardening::CheckNoAaa,
    },
    {
        .id = "SW-CFG-HARD-UNUSED-SERVICE",
        .title = "Unneeded network service enabled",
        .category = "hardening.unused-service",
        .severity = Severity::kLow,
        .attack = "",
        .description = "FTP and TFTP servers (medium), finger, BOOTP, CDP, PAD and the small "
                       "servers (low) are rarely needed on a router and hand out files, user "
                       "names or topology.",
        .run = &hardening::CheckUnusedService,
    },
};

}  // namespace

std::span<const DetectorDef> HardeningDetectors() {
    return kHardeningDetectors;
}

}  // namespace stormwatch::detect
