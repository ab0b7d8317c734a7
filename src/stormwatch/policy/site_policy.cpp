// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/policy/site_policy.h"

#include <algorithm>
#include <set>

#include <yaml-cpp/yaml.h>

#include "stormwatch/core/text.h"
#include "stormwatch/yaml/single_document.h"

namespace stormwatch::policy {

namespace {

class PolicyParser {
public:
    explicit PolicyParser(const std::string& name) : name_(name) {}

    Result<SitePolicy> Parse(std::string_view yaml_text) {
        STORMWATCH_ASSIGN_OR_RETURN(const YAML::Node root,
                                    yaml::LoadSingleDocument(yaml_text, name_, "policy file"));
        SitePolicy policy;
        policy.loaded = true;
        policy.path = name_;
        if (root.IsNull()) {
            return policy;  // an empty policy approves nothing extra
        }
        try {
            return Fill(root, policy);
        } catch (const YAML::Exception& e) {
            return Error(e.mark, "invalid policy: " + e.msg);
        }
    }

private:
    Status Error(const YAML::Mark& mark, const std::string& message) const {
        return yaml::ErrorAt(name_, mark, message);
    }

    Result<std::vector<YAML::Node>> Scalars(const YAML::Node& value, const std::string& key) const {
        std::vector<YAML::Node> out;
        if (value.IsNull()) {
            return out;
        }
        if (value.IsScalar()) {
            out.push_back(value);
            return out;
        }
        if (!value.IsSequence()) {
            return Error(value.Mark(), "'" + key + "' must be a list");
        }
        for (const auto& item : value) {
            if (!item.IsScalar()) {
                return Error(item.Mark(), "'" + key + "' entries must be plain values");
            }
            out.push_back(item);
        }
        return out;
    }

    // Something that was meant as an address: only digits, dots, colons, hex and a slash.
    static bool LooksLikeAddress(std::string_view s) {
        const bool address_chars = std::all_of(s.begin(), s.end(), [](char c) {
            return (c >= '0' && c <= '9') || c == '.' || c == ':' || c == '/' ||
                   (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        });
        const bool has_digit =
            std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
        return s.find('/') != std::string_view::npos || s.find(':') != std::string_view::npos ||
               (address_chars && has_digit);
    }

    static bool IsHostName(std::string_view s) {
        if (s.empty() || s.size() > 253) {
            return false;
        }
        std::size_t start = 0;
        while (start <= s.size()) {
            std::size_t dot = s.find('.', start);
            if (dot == std::string_view::npos) {
                dot = s.size();
            }
            const std::string_view label = s.substr(start, dot - start);
            if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
                return false;
            }
            for (const char c : label) {
                const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok) {
                    return false;
                }
            }
            start = dot + 1;
        }
        return true;
    }

    Status FillHosts(const YAML::Node& value, const std::string& key, bool allow_names,
                     ApprovedHosts& hosts) const {
        hosts.present = true;
        STORMWATCH_ASSIGN_OR_RETURN(const std::vector<YAML::Node> items, Scalars(value, key));
        for (const YAML::Node& item : items) {
            const std::string raw = item.Scalar();
            const std::string_view entry = text::Trim(raw);
            if (entry.empty()) {
                return Error(item.Mark(), "empty entry in '" + key + "'");
            }
            if (const auto prefix = IpPrefix::Parse(entry)) {
                hosts.networks.push_back(*prefix);
                continue;
            }
            std::string name = text::ToLower(entry);
            if (!name.empty() && name.back() == '.') {
                name.pop_back();
            }
            if (LooksLikeAddress(entry) || !IsHostName(name)) {
                return Error(item.Mark(), "bad address or prefix in '" + key + "': '" +
                                              text::SanitiseForOutput(entry) + "'");
            }
            if (!allow_names) {
                return Error(item.Mark(), "'" + key + "' takes addresses or prefixes, not host " +
                                              "names: '" + text::SanitiseForOutput(entry) + "'");
            }
            hosts.names.push_back(std::move(name));
        }
        return Status::Ok();
    }

    Status FillAccounts(const YAML::Node& value, SitePolicy& policy) const {
        policy.local_accounts_present = true;
        STORMWATCH_ASSIGN_OR_RETURN(const std::vector<YAML::Node> items,
                                    Scalars(value, "local_accounts"));
        for (const YAML::Node& item : items) {
            const std::string name(text::Trim(item.Scalar()));
            const bool bad = name.empty() || std::any_of(name.begin(), name.end(), [](char c) {
                                 return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
                             });
            if (bad) {
                return Error(item.Mark(), "bad account name in 'local_accounts': '" +
                                              text::SanitiseForOutput(name) + "'");
            }
            policy.local_accounts.push_back(name);
        }
        return Status::Ok();
    }

    Status FillPorts(const YAML::Node& value, SitePolicy& policy) const {
        if (value.IsNull()) {
            return Status::Ok();
        }
        if (!value.IsMap()) {
            return Error(value.Mark(), "'allowed_ports' must map service names to port lists");
        }
        for (const auto& entry : value) {
            if (!entry.first.IsScalar()) {
                return Error(entry.first.Mark(), "'allowed_ports' keys must be service names");
            }
            const std::string service = text::ToLower(text::Trim(entry.first.Scalar()));
            const bool bad_name =
                service.empty() || !std::all_of(service.begin(), service.end(), [](char c) {
                    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                });
            if (bad_name) {
                return Error(entry.first.Mark(), "bad service name in 'allowed_ports': '" +
                                                     text::SanitiseForOutput(service) + "'");
            }
            if (policy.allowed_ports.count(service) != 0) {
                return Error(entry.first.Mark(),
                             "duplicate service '" + service + "' in 'allowed_ports'");
            }
            STORMWATCH_ASSIGN_OR_RETURN(const std::vector<YAML::Node> items,
                                        Scalars(entry.second, "allowed_ports." + service));
            std::vector<int> ports;
            for (const YAML::Node& item : items) {
                const auto port = text::ParseInt(text::Trim(item.Scalar()));
                if (!port || *port < 1 || *port > 65535) {
                    return Error(item.Mark(), "bad port for '" + service + "': '" +
                                                  text::SanitiseForOutput(item.Scalar()) +
                                                  "' (1-65535)");
                }
                ports.push_back(*port);
            }
            policy.allowed_ports.emplace(service, std::move(ports));
        }
        return Status::Ok();
    }

    Result<SitePolicy> Fill(const YAML::Node& root, SitePolicy& policy) const {
        if (!root.IsMap()) {
            return Error(root.Mark(), "a policy is a mapping of keys (see docs/policy.md)");
        }
        std::set<std::string, std::less<>> seen;
        for (const auto& entry : root) {
            if (!entry.first.IsScalar()) {
                return Error(entry.first.Mark(), "policy keys must be plain names");
            }
            const std::string key = entry.first.Scalar();
            if (!seen.insert(key).second) {
                return Error(entry.first.Mark(), "duplicate key '" + key + "'");
            }
            const YAML::Node& value = entry.second;
            struct HostKey {
                std::string_view name;
                ApprovedHosts SitePolicy::*field;
                bool names;
            };
            static constexpr HostKey kHostKeys[] = {
                {"management_networks", &SitePolicy::management_networks, false},
                {"aaa_servers", &SitePolicy::aaa_servers, true},
                {"syslog_servers", &SitePolicy::syslog_servers, true},
                {"snmp_managers", &SitePolicy::snmp_managers, true},
                {"ntp_servers", &SitePolicy::ntp_servers, true},
                {"tunnel_peers", &SitePolicy::tunnel_peers, true},
                {"mirror_destinations", &SitePolicy::mirror_destinations, true},
                {"internal_networks", &SitePolicy::internal_networks, false},
            };
            const auto* host_key = std::find_if(std::begin(kHostKeys), std::end(kHostKeys),
                                                [&key](const HostKey& k) { return k.name == key; });
            if (host_key != std::end(kHostKeys)) {
                STORMWATCH_RETURN_IF_ERROR(
                    FillHosts(value, key, host_key->names, policy.*(host_key->field)));
            } else if (key == "local_accounts") {
                STORMWATCH_RETURN_IF_ERROR(FillAccounts(value, policy));
            } else if (key == "allowed_ports") {
                STORMWATCH_RETURN_IF_ERROR(FillPorts(value, policy));
            } else {
                return Error(entry.first.Mark(),
                             "unknown key '" + text::SanitiseForOutput(key) +
                                 "' (see docs/policy.md for the keys a policy may hold)");
            }
        }
        return std::move(policy);
    }

    const std::string& name_;
};

}  // namespace

bool ApprovedHosts::Contains(const IpAddress& address) const {
    return std::any_of(networks.begin(), networks.end(),
                       [&address](const IpPrefix& network) { return network.Contains(address); });
}

bool ApprovedHosts::ContainsName(std::string_view name) const {
    std::string lower = text::ToLower(text::Trim(name));
    if (!lower.empty() && lower.back() == '.') {
        lower.pop_back();
    }
    return std::find(names.begin(), names.end(), lower) != names.end();
}

bool SitePolicy::AccountApproved(std::string_view name) const {
    return std::find(local_accounts.begin(), local_accounts.end(), name) != local_accounts.end();
}

bool SitePolicy::PortAllowed(std::string_view service, int port) const {
    const std::string lower = text::ToLower(service);
    if (port != 0 && port == StandardPort(lower)) {
        return true;
    }
    const auto it = allowed_ports.find(lower);
    return it != allowed_ports.end() &&
           std::find(it->second.begin(), it->second.end(), port) != it->second.end();
}

int StandardPort(std::string_view service) {
    struct Entry {
        std::string_view name;
        int port;
    };
    static constexpr Entry kPorts[] = {
        {"ssh", 22}, {"http", 80}, {"https", 443},   {"telnet", 23},
        {"ftp", 21}, {"sftp", 22}, {"netconf", 830}, {"rdp", 3389},
    };
    for (const Entry& entry : kPorts) {
        if (text::IEquals(entry.name, service)) {
            return entry.port;
        }
    }
    return 0;
}

Result<SitePolicy> ParseSitePolicy(std::string_view yaml_text, const std::string& name) {
    return PolicyParser(name).Parse(yaml_text);
}

Result<SitePolicy> LoadSitePolicy(const std::string& path) {
    STORMWATCH_ASSIGN_OR_RETURN(const std::string data, yaml::ReadSmallFile(path, "policy file"));
    return ParseSitePolicy(data, path);
}

}  // namespace stormwatch::policy
