// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/indicator_set.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <set>
#include <utility>

#include "stormwatch/core/text.h"

namespace stormwatch::intel {

namespace {

constexpr std::size_t kMaxValueBytes = 4096;
// Intel files are lists, not corpora; past this size the input is almost surely not intel.
constexpr std::size_t kMaxFileBytes = 256 * 1024 * 1024;

bool IsHex(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

bool IsAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool HasSpaceOrControl(std::string_view s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; });
}

// Feeds often publish defanged values (`evil[.]example`, `hxxps://`); matching needs them live.
std::string Refang(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value.substr(i, 3) == "[.]" || value.substr(i, 3) == "(.)") {
            out += '.';
            i += 2;
        } else {
            out += value[i];
        }
    }
    if (text::IStartsWith(out, "hxxp")) {
        out.replace(0, 4, "http");
    }
    return out;
}

// RFC 1035 host name with at least two labels, allowing `_` (seen in real DNS names). The last
// label must not be all digits, so `999.1.1.1` is a bad address, not a domain.
std::optional<std::string> NormaliseDomain(std::string_view value) {
    std::string domain = text::ToLower(value);
    if (!domain.empty() && domain.back() == '.') {
        domain.pop_back();
    }
    if (domain.empty() || domain.size() > 253 || domain.find('.') == std::string::npos) {
        return std::nullopt;
    }
    std::size_t start = 0;
    bool last_all_digits = false;
    while (start <= domain.size()) {
        std::size_t dot = domain.find('.', start);
        if (dot == std::string::npos) {
            dot = domain.size();
        }
        const std::string_view label(domain.data() + start, dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
            return std::nullopt;
        }
        last_all_digits = true;
        for (const char c : label) {
            if (!IsAlnum(c) && c != '-' && c != '_') {
                return std::nullopt;
            }
            if (c < '0' || c > '9') {
                last_all_digits = false;
            }
        }
        start = dot + 1;
    }
    if (last_all_digits) {
        return std::nullopt;
    }
    return domain;
}

std::optional<std::string> NormaliseUrl(std::string_view value) {
    const std::size_t sep = value.find("://");
    if (sep == std::string_view::npos || sep == 0 || HasSpaceOrControl(value)) {
        return std::nullopt;
    }
    const std::string_view scheme = value.substr(0, sep);
    if (!((scheme[0] >= 'a' && scheme[0] <= 'z') || (scheme[0] >= 'A' && scheme[0] <= 'Z'))) {
        return std::nullopt;
    }
    for (const char c : scheme) {
        if (!IsAlnum(c) && c != '+' && c != '-' && c != '.') {
            return std::nullopt;
        }
    }
    const std::string_view rest = value.substr(sep + 3);
    const std::size_t host_end = rest.find_first_of("/?#");
    if (rest.substr(0, host_end).empty()) {
        return std::nullopt;
    }
    // Scheme and host are case-insensitive; the path is not, but MatchValue compares
    // case-insensitively anyway (docs: exact, case-insensitive).
    return text::ToLower(scheme) + "://" + std::string(rest);
}

std::optional<std::string> NormaliseEmail(std::string_view value) {
    const std::size_t at = value.rfind('@');
    if (at == std::string_view::npos || at == 0 || HasSpaceOrControl(value)) {
        return std::nullopt;
    }
    const auto domain = NormaliseDomain(value.substr(at + 1));
    if (!domain) {
        return std::nullopt;
    }
    return text::ToLower(value.substr(0, at)) + "@" + *domain;
}

std::optional<IndicatorType> HashTypeForLength(std::size_t length) {
    switch (length) {
        case 32:
            return IndicatorType::kMd5;
        case 40:
            return IndicatorType::kSha1;
        case 64:
            return IndicatorType::kSha256;
        case 128:
            return IndicatorType::kSha512;
        default:
            return std::nullopt;
    }
}

struct Normalised {
    IndicatorType type;
    std::string value;
};

std::optional<Normalised> NormaliseAddressOrPrefix(std::string_view value, bool allow_v4,
                                                   bool allow_v6, bool allow_prefix) {
    if (value.find('/') != std::string_view::npos) {
        if (!allow_prefix) {
            return std::nullopt;
        }
        const auto prefix = IpPrefix::Parse(value);
        if (!prefix || (prefix->address().is_v4() ? !allow_v4 : !allow_v6)) {
            return std::nullopt;
        }
        return Normalised{IndicatorType::kCidr, prefix->ToString()};
    }
    const auto address = IpAddress::Parse(value);
    if (!address) {
        return std::nullopt;
    }
    if (address->is_v4()) {
        if (!allow_v4) {
            return std::nullopt;
        }
        return Normalised{IndicatorType::kIpv4, address->ToString()};
    }
    if (!allow_v6) {
        return std::nullopt;
    }
    return Normalised{IndicatorType::kIpv6, address->ToString()};
}

std::optional<Normalised> NormaliseHash(std::string_view value,
                                        std::optional<IndicatorType> wanted) {
    if (!IsHex(value)) {
        return std::nullopt;
    }
    const auto type = HashTypeForLength(value.size());
    if (!type || (wanted && *type != *wanted)) {
        return std::nullopt;
    }
    return Normalised{*type, text::ToLower(value)};
}

std::optional<Normalised> Detect(std::string_view value) {
    if (auto ip = NormaliseAddressOrPrefix(value, true, true, true)) {
        return ip;
    }
    if (value.find("://") != std::string_view::npos) {
        if (auto url = NormaliseUrl(value)) {
            return Normalised{IndicatorType::kUrl, std::move(*url)};
        }
        return std::nullopt;
    }
    if (value.find('@') != std::string_view::npos) {
        if (auto email = NormaliseEmail(value)) {
            return Normalised{IndicatorType::kEmail, std::move(*email)};
        }
        return std::nullopt;
    }
    if (auto hash = NormaliseHash(value, std::nullopt)) {
        return hash;
    }
    if (auto domain = NormaliseDomain(value)) {
        return Normalised{IndicatorType::kDomain, std::move(*domain)};
    }
    return std::nullopt;
}

std::optional<Normalised> Normalise(std::string_view value, std::string_view hint) {
    const std::string h = text::ToLower(text::Trim(hint));
    if (h.empty()) {
        return Detect(value);
    }
    if (h == "ipv4" || h == "ip-src" || h == "ip-dst") {
        return NormaliseAddressOrPrefix(value, true, h != "ipv4", true);
    }
    if (h == "ipv6") {
        return NormaliseAddressOrPrefix(value, false, true, true);
    }
    if (h == "ip") {
        return NormaliseAddressOrPrefix(value, true, true, true);
    }
    if (h == "cidr") {
        // A bare address is a host prefix; keep its address type so it matches like one.
        return NormaliseAddressOrPrefix(value, true, true, true);
    }
    if (h == "domain" || h == "hostname") {
        if (auto domain = NormaliseDomain(value)) {
            return Normalised{IndicatorType::kDomain, std::move(*domain)};
        }
        return std::nullopt;
    }
    if (h == "url" || h == "uri") {
        if (auto url = NormaliseUrl(value)) {
            return Normalised{IndicatorType::kUrl, std::move(*url)};
        }
        return std::nullopt;
    }
    if (h == "md5") {
        return NormaliseHash(value, IndicatorType::kMd5);
    }
    if (h == "sha1") {
        return NormaliseHash(value, IndicatorType::kSha1);
    }
    if (h == "sha256") {
        return NormaliseHash(value, IndicatorType::kSha256);
    }
    if (h == "sha512") {
        return NormaliseHash(value, IndicatorType::kSha512);
    }
    if (h == "email") {
        if (auto email = NormaliseEmail(value)) {
            return Normalised{IndicatorType::kEmail, std::move(*email)};
        }
        return std::nullopt;
    }
    if (h == "account" || h == "username") {
        if (HasSpaceOrControl(value)) {
            return std::nullopt;
        }
        return Normalised{IndicatorType::kAccount, std::string(value)};
    }
    if (h == "filename") {
        // File names may contain spaces, never control characters.
        const bool control = std::any_of(value.begin(), value.end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
        });
        if (control) {
            return std::nullopt;
        }
        return Normalised{IndicatorType::kFileName, std::string(value)};
    }
    return std::nullopt;
}

// Sort key of exact-match values: the type tag keeps types apart, lower case gives the
// case-insensitive comparison the header promises.
std::string ValueKey(IndicatorType type, std::string_view value) {
    std::string key(1, static_cast<char>('A' + static_cast<int>(type)));
    key += text::ToLower(value);
    return key;
}

// One CSV record per RFC 4180: fields separated by commas, optionally double-quoted, `""` an
// escaped quote, newlines allowed inside quotes. `pos` advances past the record.
struct CsvRecord {
    std::vector<std::string> fields;
    std::size_t first_line = 0;
    std::size_t lines = 1;  ///< physical lines the record spans
    std::string error;
};

CsvRecord ReadCsvRecord(std::string_view text, std::size_t& pos, std::size_t line) {
    CsvRecord record;
    record.first_line = line;
    std::string field;
    bool quoted = false;       // inside a quoted field
    bool was_quoted = false;   // the current field started with a quote
    bool after_quote = false;  // a quoted field just closed; only `,` or EOL may follow
    while (pos < text.size()) {
        const char c = text[pos];
        if (quoted) {
            if (c == '"') {
                if (pos + 1 < text.size() && text[pos + 1] == '"') {
                    field += '"';
                    pos += 2;
                    continue;
                }
                quoted = false;
                after_quote = true;
                ++pos;
                continue;
            }
            if (c == '\n') {
                ++record.lines;
            }
            field += c;
            ++pos;
            continue;
        }
        if (c == '\n' || (c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n')) {
            pos += c == '\r' ? 2 : 1;
            record.fields.push_back(std::move(field));
            return record;
        }
        if (c == ',') {
            record.fields.push_back(std::move(field));
            field.clear();
            was_quoted = false;
            after_quote = false;
            ++pos;
            continue;
        }
        if (after_quote) {
            if (c == ' ' || c == '\t' || c == '\r') {
                ++pos;
                continue;
            }
            record.error = "unexpected character after a closing quote";
        } else if (c == '"') {
            if (field.find_first_not_of(" \t") == std::string::npos && !was_quoted) {
                field.clear();
                quoted = true;
                was_quoted = true;
                ++pos;
                continue;
            }
            if (record.error.empty()) {
                record.error = "quote inside an unquoted field";
            }
        }
        field += c;
        ++pos;
    }
    if (quoted) {
        record.error = "unterminated quoted field";
    }
    record.fields.push_back(std::move(field));
    return record;
}

std::string_view FileName(std::string_view path) {
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::string_view IndicatorTypeName(IndicatorType type) {
    switch (type) {
        case IndicatorType::kIpv4:
            return "ipv4";
        case IndicatorType::kIpv6:
            return "ipv6";
        case IndicatorType::kCidr:
            return "cidr";
        case IndicatorType::kDomain:
            return "domain";
        case IndicatorType::kUrl:
            return "url";
        case IndicatorType::kMd5:
            return "md5";
        case IndicatorType::kSha1:
            return "sha1";
        case IndicatorType::kSha256:
            return "sha256";
        case IndicatorType::kSha512:
            return "sha512";
        case IndicatorType::kAccount:
            return "account";
        case IndicatorType::kFileName:
            return "filename";
        case IndicatorType::kEmail:
            return "email";
    }
    return "unknown";
}

bool IndicatorSetBuilder::Add(std::string_view value, std::string_view type_hint,
                              std::string_view source, std::string_view confidence,
                              std::string_view actor, std::string_view id) {
    const std::string_view trimmed = text::Trim(value);
    if (trimmed.empty() || trimmed.size() > kMaxValueBytes) {
        return false;
    }
    // Accounts and file names are taken literally; everything else may be defanged.
    const std::string hint = text::ToLower(text::Trim(type_hint));
    const bool literal = hint == "account" || hint == "username" || hint == "filename";
    const std::string live = literal ? std::string(trimmed) : Refang(trimmed);
    auto normalised = Normalise(live, hint);
    if (!normalised) {
        return false;
    }
    indicators_.push_back(Indicator{
        .value = std::move(normalised->value),
        .type = normalised->type,
        .source = std::string(text::Trim(source)),
        .confidence = std::string(text::Trim(confidence)),
        .actor = std::string(text::Trim(actor)),
        .id = std::string(text::Trim(id)),
    });
    return true;
}

Status IndicatorSetBuilder::LoadFile(const std::string& path, InputStats& stats) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        stats.RejectInput(RejectReason::kUnreadable, std::strerror(errno));
        return IoError(path + ": cannot open indicator file: " + std::strerror(errno));
    }
    std::string data;
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size < 0) {
        stats.RejectInput(RejectReason::kUnreadable, "cannot determine size");
        return IoError(path + ": cannot read indicator file");
    }
    if (static_cast<std::size_t>(size) > kMaxFileBytes) {
        stats.RejectInput(RejectReason::kUnreadable, "larger than 256 MiB");
        return InvalidArgument(path + ": indicator file larger than 256 MiB");
    }
    data.resize(static_cast<std::size_t>(size));
    in.read(data.data(), size);
    if (!in && !in.eof()) {
        stats.RejectInput(RejectReason::kUnreadable, "read failed");
        return IoError(path + ": cannot read indicator file");
    }
    data.resize(static_cast<std::size_t>(in.gcount()));
    if (text::LooksBinary(std::string_view(data).substr(0, 8192))) {
        stats.RejectInput(RejectReason::kBinaryContent, "not a text indicator file");
        return InvalidArgument(path + ": not a text indicator file (binary content)");
    }
    return LoadText(data, FileName(path), stats);
}

Status IndicatorSetBuilder::LoadText(std::string_view text_in, std::string_view source_name,
                                     InputStats& stats) {
    std::string_view data = text_in;
    if (text::StartsWith(data, "\xEF\xBB\xBF")) {
        data.remove_prefix(3);  // UTF-8 BOM written by spreadsheet exports
    }
    // The first meaningful line decides: a header naming `value` or `indicator` means CSV.
    int value_col = -1;
    int type_col = -1;
    int source_col = -1;
    int confidence_col = -1;
    int actor_col = -1;
    int id_col = -1;
    std::size_t header_fields = 0;
    bool csv = false;
    bool decided = false;

    std::size_t pos = 0;
    std::size_t line = 1;
    while (pos < data.size()) {
        // Blank and comment lines are records that are read and processed, nothing else.
        const std::size_t eol = data.find('\n', pos);
        const std::string_view physical =
            text::Trim(data.substr(pos, eol == std::string_view::npos ? eol : eol - pos));
        if (physical.empty() || physical.front() == '#') {
            stats.CountRead();
            stats.CountProcessed();
            pos = eol == std::string_view::npos ? data.size() : eol + 1;
            ++line;
            continue;
        }
        if (physical.size() > kMaxLineBytes) {
            stats.CountRead();
            stats.Reject(RejectReason::kOversizedLine, line, "line longer than 64 KiB");
            pos = eol == std::string_view::npos ? data.size() : eol + 1;
            ++line;
            continue;
        }
        if (!decided) {
            decided = true;
            {
                std::size_t probe = pos;
                CsvRecord header = ReadCsvRecord(data, probe, line);
                for (std::size_t i = 0; i < header.fields.size(); ++i) {
                    const std::string name = text::ToLower(text::Trim(header.fields[i]));
                    const int col = static_cast<int>(i);
                    if ((name == "value" || name == "indicator") && value_col < 0) {
                        value_col = col;
                    } else if (name == "type" && type_col < 0) {
                        type_col = col;
                    } else if (name == "source" && source_col < 0) {
                        source_col = col;
                    } else if (name == "confidence" && confidence_col < 0) {
                        confidence_col = col;
                    } else if (name == "actor" && actor_col < 0) {
                        actor_col = col;
                    } else if (name == "id" && id_col < 0) {
                        id_col = col;
                    }
                }
                if (value_col >= 0) {
                    csv = true;
                    header_fields = header.fields.size();
                    stats.CountRead();
                    stats.CountProcessed();
                    line += header.lines;
                    pos = probe;
                    continue;
                }
            }
        }
        if (!csv) {
            // Plain list: one value per line; ` #` starts a trailing comment (a bare `#`
            // can be part of a URL fragment).
            std::string_view value = physical;
            const std::size_t hash = value.find(" #");
            if (hash != std::string_view::npos) {
                value = text::Trim(value.substr(0, hash));
            }
            stats.CountRead();
            if (Add(value, {}, source_name, {}, {}, {})) {
                stats.CountProcessed();
            } else {
                stats.Reject(RejectReason::kUnknownSyntax, line,
                             "not a recognisable indicator: " +
                                 text::SanitiseForOutput(value.substr(0, 120)));
            }
            pos = eol == std::string_view::npos ? data.size() : eol + 1;
            ++line;
            continue;
        }
        CsvRecord record = ReadCsvRecord(data, pos, line);
        line += record.lines;
        stats.CountRead();
        if (!record.error.empty()) {
            stats.Reject(RejectReason::kUnknownSyntax, record.first_line,
                         "bad CSV row: " + record.error);
            continue;
        }
        if (record.fields.size() > header_fields) {
            stats.Reject(RejectReason::kUnknownSyntax, record.first_line,
                         "bad CSV row: " + std::to_string(record.fields.size()) +
                             " fields, header has " + std::to_string(header_fields) +
                             " (unquoted comma?)");
            continue;
        }
        auto field = [&record](int col) -> std::string_view {
            if (col < 0 || static_cast<std::size_t>(col) >= record.fields.size()) {
                return {};
            }
            return record.fields[static_cast<std::size_t>(col)];
        };
        const std::string_view value = text::Trim(field(value_col));
        if (value.empty()) {
            stats.Reject(RejectReason::kUnknownSyntax, record.first_line, "empty value");
            continue;
        }
        const std::string_view type = field(type_col);
        std::string_view source = field(source_col);
        if (text::Trim(source).empty()) {
            source = source_name;
        }
        if (Add(value, type, source, field(confidence_col), field(actor_col), field(id_col))) {
            stats.CountProcessed();
        } else {
            std::string reason = "not a valid ";
            reason += text::Trim(type).empty() ? std::string("indicator")
                                               : text::SanitiseForOutput(text::Trim(type));
            reason += ": " + text::SanitiseForOutput(value.substr(0, 120));
            stats.Reject(RejectReason::kUnknownSyntax, record.first_line, std::move(reason));
        }
    }
    return Status::Ok();
}

std::shared_ptr<const IndicatorSet> IndicatorSetBuilder::Build() {
    auto set = std::make_shared<IndicatorSet>();
    // Duplicates across feeds keep the first occurrence (load order decides which source
    // is reported), so the set and its answers do not depend on hash or sort stability.
    std::set<std::string> seen;
    for (Indicator& indicator : indicators_) {
        if (!seen.insert(ValueKey(indicator.type, indicator.value)).second) {
            continue;
        }
        set->indicators_.push_back(std::move(indicator));
    }
    indicators_.clear();

    for (std::uint32_t i = 0; i < set->indicators_.size(); ++i) {
        const Indicator& indicator = set->indicators_[i];
        switch (indicator.type) {
            case IndicatorType::kIpv4:
            case IndicatorType::kIpv6:
            case IndicatorType::kCidr: {
                const auto prefix = IpPrefix::Parse(indicator.value);
                if (prefix) {
                    set->prefixes_.push_back({*prefix, i});
                }
                break;
            }
            default:
                set->values_.emplace_back(ValueKey(indicator.type, indicator.value), i);
                break;
        }
    }
    std::stable_sort(set->values_.begin(), set->values_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });

    // Per family and prefix length, a sorted array of network keys: a lookup masks the
    // address once per distinct length (at most 33 or 129) and binary-searches.
    std::stable_sort(set->prefixes_.begin(), set->prefixes_.end(),
                     [](const IndicatorSet::PrefixEntry& a, const IndicatorSet::PrefixEntry& b) {
                         if (a.prefix.address().is_v4() != b.prefix.address().is_v4()) {
                             return a.prefix.address().is_v4();
                         }
                         if (a.prefix.length() != b.prefix.length()) {
                             return a.prefix.length() > b.prefix.length();
                         }
                         return a.prefix.address().bytes() < b.prefix.address().bytes();
                     });
    for (std::size_t i = 0; i < set->prefixes_.size(); ++i) {
        const IpPrefix& prefix = set->prefixes_[i].prefix;
        auto& groups = prefix.address().is_v4() ? set->v4_lengths_ : set->v6_lengths_;
        if (groups.empty() || groups.back().length != prefix.length()) {
            groups.push_back({prefix.length(), i, i});
        }
        groups.back().end = i + 1;
    }
    return set;
}

const Indicator* IndicatorSet::FindExactPrefix(const LengthGroup& group,
                                               const IpPrefix& network) const {
    const auto first = prefixes_.begin() + static_cast<std::ptrdiff_t>(group.begin);
    const auto last = prefixes_.begin() + static_cast<std::ptrdiff_t>(group.end);
    const auto it = std::lower_bound(first, last, network.address().bytes(),
                                     [](const PrefixEntry& entry, const auto& key) {
                                         return entry.prefix.address().bytes() < key;
                                     });
    if (it != last && it->prefix.address().bytes() == network.address().bytes()) {
        return &indicators_[it->index];
    }
    return nullptr;
}

const Indicator* IndicatorSet::MatchAddress(const IpAddress& address) const {
    const auto& groups = address.is_v4() ? v4_lengths_ : v6_lengths_;
    for (const LengthGroup& group : groups) {  // longest length first
        if (const Indicator* hit = FindExactPrefix(group, IpPrefix(address, group.length))) {
            return hit;
        }
    }
    return nullptr;
}

const Indicator* IndicatorSet::MatchPrefix(const IpPrefix& prefix) const {
    const auto& groups = prefix.address().is_v4() ? v4_lengths_ : v6_lengths_;
    // A containing (or equal) indicator prefix wins, most specific first.
    for (const LengthGroup& group : groups) {
        if (group.length > prefix.length()) {
            continue;
        }
        if (const Indicator* hit =
                FindExactPrefix(group, IpPrefix(prefix.address(), group.length))) {
            return hit;
        }
    }
    // Otherwise the first indicator inside the range, in address order of the most specific
    // length, so the answer is deterministic.
    for (const LengthGroup& group : groups) {
        if (group.length <= prefix.length()) {
            continue;
        }
        const auto first = prefixes_.begin() + static_cast<std::ptrdiff_t>(group.begin);
        const auto last = prefixes_.begin() + static_cast<std::ptrdiff_t>(group.end);
        const auto it = std::lower_bound(first, last, prefix.address().bytes(),
                                         [](const PrefixEntry& entry, const auto& key) {
                                             return entry.prefix.address().bytes() < key;
                                         });
        if (it != last && prefix.Contains(it->prefix)) {
            return &indicators_[it->index];
        }
    }
    return nullptr;
}

const Indicator* IndicatorSet::MatchDomain(std::string_view domain) const {
    std::string name = text::ToLower(text::Trim(domain));
    if (!name.empty() && name.back() == '.') {
        name.pop_back();
    }
    std::string_view rest = name;
    while (!rest.empty()) {
        if (const Indicator* hit = MatchValue(IndicatorType::kDomain, rest)) {
            return hit;
        }
        const std::size_t dot = rest.find('.');
        if (dot == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(dot + 1);
    }
    return nullptr;
}

const Indicator* IndicatorSet::MatchValue(IndicatorType type, std::string_view value) const {
    const std::string key = ValueKey(type, text::Trim(value));
    const auto it =
        std::lower_bound(values_.begin(), values_.end(), key,
                         [](const auto& entry, const std::string& k) { return entry.first < k; });
    if (it != values_.end() && it->first == key) {
        return &indicators_[it->second];
    }
    return nullptr;
}

bool IsValidAt(const Indicator& indicator, std::int64_t when) {
    return (!indicator.valid_from || when >= *indicator.valid_from) &&
           (!indicator.valid_until || when <= *indicator.valid_until);
}

}  // namespace stormwatch::intel
