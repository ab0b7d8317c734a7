// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/stix/bundle.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <simdjson.h>

#include "stormwatch/core/time.h"
#include "stormwatch/intel/stix/ids.h"
#include "stormwatch/intel/stix/pattern.h"

namespace stormwatch::intel::stix {

namespace {

namespace dom = simdjson::dom;

std::string_view StringField(const dom::object& object, std::string_view key) {
    std::string_view value;
    if (object.at_key(key).get_string().get(value) != simdjson::SUCCESS) {
        return {};
    }
    return value;
}

bool BoolField(const dom::object& object, std::string_view key) {
    bool value = false;
    if (object.at_key(key).get_bool().get(value) != simdjson::SUCCESS) {
        return false;
    }
    return value;
}

bool IsActorType(std::string_view type) {
    return type == "threat-actor" || type == "intrusion-set";
}

bool IsNamedTargetType(std::string_view type) {
    return IsActorType(type) || type == "malware" || type == "campaign";
}

bool IsFollowedRelationship(std::string_view type) {
    return type == "indicates" || type == "attributed-to" || type == "uses";
}

struct Related {
    std::string_view relationship;
    std::string_view target;
};

struct IndexEntry {
    std::string_view type;
    std::string_view name;
};

// The indicator-independent knowledge of the bundle: what each id is, and the relationships
// leaving each object. All views point into the parsed document.
struct BundleIndex {
    std::unordered_map<std::string_view, IndexEntry> by_id;
    std::unordered_map<std::string_view, std::vector<Related>> outgoing;
};

class Importer {
public:
    Importer(std::string_view source_name, const IndicatorSink& sink, InputStats& stats,
             StixImportSummary& summary)
        : source_name_(source_name), sink_(sink), stats_(stats), summary_(summary) {}

    void Index(const dom::array& objects) {
        for (const dom::element element : objects) {
            dom::object object;
            if (element.get_object().get(object) != simdjson::SUCCESS) {
                continue;
            }
            const std::string_view type = StringField(object, "type");
            const std::string_view id = StringField(object, "id");
            if (type.empty() || id.empty()) {
                continue;
            }
            // First wins here too, so labels never come from a rejected duplicate.
            index_.by_id.emplace(id, IndexEntry{type, StringField(object, "name")});
            if (type == "relationship") {
                const std::string_view relationship = StringField(object, "relationship_type");
                const std::string_view source = StringField(object, "source_ref");
                const std::string_view target = StringField(object, "target_ref");
                if (IsFollowedRelationship(relationship) && !source.empty() && !target.empty()) {
                    index_.outgoing[source].push_back(Related{relationship, target});
                }
            }
        }
    }

    void Import(const dom::array& objects) {
        std::uint64_t record = 0;
        for (const dom::element element : objects) {
            ++record;
            ImportObject(element, record);
        }
    }

    void ImportObject(const dom::element& element, std::uint64_t record) {
        stats_.CountRead();
        dom::object object;
        if (element.get_object().get(object) != simdjson::SUCCESS) {
            ++summary_.objects_by_type["(not an object)"];
            Reject(StixReject::kInvalidObject, record, "", "element is not a JSON object");
            return;
        }
        const std::string_view type = StringField(object, "type");
        const std::string_view id = StringField(object, "id");
        ++summary_.objects_by_type[type.empty() ? std::string("(no type)") : std::string(type)];
        if (type.empty() || id.empty()) {
            Reject(StixReject::kInvalidObject, record, id,
                   type.empty() ? "object has no type" : "object has no id");
            return;
        }
        if (!seen_.insert(id).second) {
            Reject(StixReject::kDuplicateId, record, id, "duplicate id (the first one is kept)");
            return;
        }
        if (type == "indicator") {
            ImportIndicator(object, id, record);
        } else if (type == "observed-data") {
            ImportObservedData(object, id, record);
        } else if (IsObservableType(type)) {
            std::vector<Indicator> indicators;
            std::string why;
            if (!ObservableIndicators(object, id, id, indicators, why)) {
                Reject(StixReject::kInvalidObservable, record, id, why);
                return;
            }
            Emit(std::move(indicators), record, id);
        } else {
            stats_.CountProcessed();
        }
    }

private:
    static bool IsObservableType(std::string_view type) {
        return type == "ipv4-addr" || type == "ipv6-addr" || type == "domain-name" ||
               type == "url" || type == "email-addr" || type == "user-account" || type == "file";
    }

    void Reject(StixReject reason, std::uint64_t record, std::string_view id,
                std::string_view message) {
        ++summary_.rejected[static_cast<std::size_t>(reason)];
        std::string detail(StixRejectName(reason));
        if (!id.empty()) {
            detail += ' ';
            detail += id;
        }
        detail += ": ";
        detail += message;
        stats_.Reject(RejectReason::kUnknownSyntax, record, std::move(detail));
    }

    void Emit(std::vector<Indicator>&& indicators, std::uint64_t record, std::string_view id) {
        const std::size_t count = indicators.size();
        if (count > 0 && !sink_(std::move(indicators))) {
            Reject(StixReject::kRefused, record, id, "the indicator set refused a value");
            return;
        }
        summary_.indicators += count;
        stats_.CountProcessed();
    }

    // Names of the threat actors, intrusion sets, malware and campaigns the object is tied to
    // (directly, or one `attributed-to` hop further), and the first actor among them.
    void AddRelated(std::string_view id, Indicator& indicator) const {
        std::vector<std::string_view> names;
        std::string_view actor;
        auto visit = [&](std::string_view target_id) -> const IndexEntry* {
            const auto it = index_.by_id.find(target_id);
            if (it == index_.by_id.end() || !IsNamedTargetType(it->second.type) ||
                it->second.name.empty()) {
                return nullptr;
            }
            bool known = false;
            for (const std::string_view name : names) {
                known = known || name == it->second.name;
            }
            if (!known) {
                names.push_back(it->second.name);
            }
            if (actor.empty() && IsActorType(it->second.type)) {
                actor = it->second.name;
            }
            return &it->second;
        };
        const auto direct = index_.outgoing.find(id);
        if (direct == index_.outgoing.end()) {
            return;
        }
        for (const Related& related : direct->second) {
            if (visit(related.target) == nullptr) {
                continue;
            }
            const auto hop = index_.outgoing.find(related.target);
            if (hop == index_.outgoing.end()) {
                continue;
            }
            for (const Related& next : hop->second) {
                if (next.relationship == "attributed-to") {
                    visit(next.target);
                }
            }
        }
        for (const std::string_view name : names) {
            indicator.labels.emplace_back(name);
        }
        if (indicator.actor.empty()) {
            indicator.actor = std::string(actor);
        }
    }

    // The report that published the indicator (its first external reference) says more to
    // an analyst than who compiled the bundle; the creator identity comes next.
    std::string SourceOf(const dom::object& object) const {
        dom::array references;
        if (object["external_references"].get(references) == simdjson::SUCCESS) {
            for (dom::element reference : references) {
                std::string_view name;
                if (reference["source_name"].get(name) == simdjson::SUCCESS && !name.empty()) {
                    return std::string(name);
                }
            }
        }
        const std::string_view creator = StringField(object, "created_by_ref");
        if (!creator.empty()) {
            const auto it = index_.by_id.find(creator);
            if (it != index_.by_id.end() && it->second.type == "identity" &&
                !it->second.name.empty()) {
                return std::string(it->second.name);
            }
        }
        return std::string(source_name_);
    }

    // The common metadata of one record's indicators: source, confidence, labels, relations.
    Indicator Template(const dom::object& object, std::string_view id) const {
        Indicator base;
        base.source = SourceOf(object);
        base.id = std::string(id);
        std::int64_t confidence = 0;
        if (object.at_key("confidence").get_int64().get(confidence) == simdjson::SUCCESS) {
            base.confidence = std::to_string(confidence);
        }
        dom::array labels;
        if (object.at_key("labels").get_array().get(labels) == simdjson::SUCCESS) {
            for (const dom::element label : labels) {
                std::string_view text;
                if (label.get_string().get(text) == simdjson::SUCCESS && !text.empty()) {
                    base.labels.emplace_back(text);
                }
            }
        }
        AddRelated(id, base);
        return base;
    }

    void ImportIndicator(const dom::object& object, std::string_view id, std::uint64_t record) {
        if (BoolField(object, "revoked")) {
            Reject(StixReject::kRevoked, record, id, "revoked indicator");
            return;
        }
        // STIX 2.0 has no pattern_type: its patterns are STIX patterns.
        const std::string_view pattern_type = StringField(object, "pattern_type");
        if (!pattern_type.empty() && pattern_type != "stix") {
            Reject(StixReject::kPatternType, record, id,
                   "pattern_type '" + std::string(pattern_type) + "' is not supported");
            return;
        }
        const std::string_view pattern = StringField(object, "pattern");
        if (pattern.empty()) {
            Reject(StixReject::kInvalidObject, record, id, "indicator has no pattern");
            return;
        }
        Indicator base = Template(object, id);
        for (const auto& [key, bound] : {std::pair{"valid_from", &base.valid_from},
                                         std::pair{"valid_until", &base.valid_until}}) {
            const std::string_view text = StringField(object, key);
            if (text.empty()) {
                continue;
            }
            *bound = ParseRfc3339(text);
            if (!*bound) {
                Reject(StixReject::kInvalidObject, record, id,
                       std::string(key) + " '" + std::string(text) + "' is not an RFC 3339 time");
                return;
            }
        }
        PatternMapping mapping = MapStixPattern(pattern);
        if (!mapping.ok()) {
            const StixReject reason =
                mapping.issue == PatternIssue::kSyntax         ? StixReject::kPatternSyntax
                : mapping.issue == PatternIssue::kInvalidValue ? StixReject::kPatternInvalidValue
                                                               : StixReject::kPatternUnsupported;
            Reject(reason, record, id, mapping.message);
            return;
        }
        std::vector<Indicator> indicators;
        indicators.reserve(mapping.values.size());
        for (PatternValue& value : mapping.values) {
            Indicator indicator = base;
            indicator.type = value.type;
            indicator.value = std::move(value.value);
            indicators.push_back(std::move(indicator));
        }
        Emit(std::move(indicators), record, id);
    }

    // 2.0-style observed-data embeds its observables in `objects` (a dictionary); 2.1 points at
    // top-level SCOs with `object_refs`, which are records of their own and imported there.
    void ImportObservedData(const dom::object& object, std::string_view id, std::uint64_t record) {
        dom::object embedded;
        if (object.at_key("objects").get_object().get(embedded) != simdjson::SUCCESS) {
            stats_.CountProcessed();
            return;
        }
        std::vector<Indicator> indicators;
        for (const auto field : embedded) {
            dom::object observable;
            if (field.value.get_object().get(observable) != simdjson::SUCCESS) {
                Reject(StixReject::kInvalidObservable, record, id,
                       "embedded object '" + std::string(field.key) + "' is not an object");
                return;
            }
            if (!IsObservableType(StringField(observable, "type"))) {
                continue;  // process, network-traffic, artifact...: nothing to match
            }
            std::string why;
            if (!ObservableIndicators(observable, id, id, indicators, why, &object)) {
                Reject(StixReject::kInvalidObservable, record, id,
                       "embedded object '" + std::string(field.key) + "': " + why);
                return;
            }
        }
        Emit(std::move(indicators), record, id);
    }

    // Appends the indicators of one SCO. `metadata` (default: the SCO itself) supplies source,
    // confidence and labels. Returns false with `why` when a value is invalid.
    bool ObservableIndicators(const dom::object& observable, std::string_view id,
                              std::string_view related_id, std::vector<Indicator>& out,
                              std::string& why, const dom::object* metadata = nullptr) const {
        const std::string_view type = StringField(observable, "type");
        const Indicator base = Template(metadata != nullptr ? *metadata : observable, related_id);
        auto add = [&](IndicatorType indicator_type, std::string_view raw, std::string_view what) {
            std::string value(raw);
            bool valid = false;
            if (indicator_type == IndicatorType::kIpv4 || indicator_type == IndicatorType::kIpv6) {
                // An address object's value may be a CIDR block (STIX 2.1 6.4.1).
                const bool has_prefix = value.find('/') != std::string::npos;
                valid = NormaliseIndicatorValue(has_prefix ? IndicatorType::kCidr : indicator_type,
                                                value);
                const bool is_v4 = value.find(':') == std::string::npos;
                valid = valid && (indicator_type == IndicatorType::kIpv4) == is_v4;
                if (has_prefix) {
                    indicator_type = IndicatorType::kCidr;
                }
            } else {
                valid = NormaliseIndicatorValue(indicator_type, value);
            }
            if (!valid) {
                why = "'" + std::string(raw) + "' is not a valid " + std::string(what);
                return false;
            }
            Indicator indicator = base;
            indicator.id = std::string(id);
            indicator.type = indicator_type;
            indicator.value = std::move(value);
            out.push_back(std::move(indicator));
            return true;
        };
        const std::string_view value = StringField(observable, "value");
        if (type == "ipv4-addr") {
            return add(IndicatorType::kIpv4, value, "ipv4-addr value");
        }
        if (type == "ipv6-addr") {
            return add(IndicatorType::kIpv6, value, "ipv6-addr value");
        }
        if (type == "domain-name") {
            return add(IndicatorType::kDomain, value, "domain-name value");
        }
        if (type == "url") {
            return add(IndicatorType::kUrl, value, "url value");
        }
        if (type == "email-addr") {
            return add(IndicatorType::kEmail, value, "email-addr value");
        }
        if (type == "user-account") {
            const std::string_view login = StringField(observable, "account_login");
            const std::string_view user_id = StringField(observable, "user_id");
            if (!login.empty() && !add(IndicatorType::kAccount, login, "account_login")) {
                return false;
            }
            if (!user_id.empty() && user_id != login &&
                !add(IndicatorType::kAccount, user_id, "user_id")) {
                return false;
            }
            return true;
        }
        if (type == "file") {
            // Hashes only: a bare file name ("resume.pdf") seen once is not an indicator.
            dom::object hashes;
            if (observable.at_key("hashes").get_object().get(hashes) != simdjson::SUCCESS) {
                return true;
            }
            for (const auto field : hashes) {
                std::string key;
                for (const char c : field.key) {
                    if (c != '-' && c != '_') {
                        key.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
                    }
                }
                std::optional<IndicatorType> hash_type;
                if (key == "md5") {
                    hash_type = IndicatorType::kMd5;
                } else if (key == "sha1") {
                    hash_type = IndicatorType::kSha1;
                } else if (key == "sha256") {
                    hash_type = IndicatorType::kSha256;
                } else if (key == "sha512") {
                    hash_type = IndicatorType::kSha512;
                }
                std::string_view digest;
                if (!hash_type || field.value.get_string().get(digest) != simdjson::SUCCESS) {
                    continue;  // SSDEEP, TLSH, SHA3-*: the matcher has no such type
                }
                if (!add(*hash_type, digest, std::string(field.key) + " hash")) {
                    return false;
                }
            }
            return true;
        }
        return true;
    }

    std::string_view source_name_;
    const IndicatorSink& sink_;
    InputStats& stats_;
    StixImportSummary& summary_;
    BundleIndex index_;
    std::unordered_set<std::string_view> seen_;
};

}  // namespace

std::string_view StixRejectName(StixReject reason) {
    switch (reason) {
        case StixReject::kPatternSyntax:
            return "stix-pattern-syntax";
        case StixReject::kPatternUnsupported:
            return "stix-pattern-unsupported";
        case StixReject::kPatternInvalidValue:
            return "stix-invalid-value";
        case StixReject::kPatternType:
            return "stix-pattern-type";
        case StixReject::kRevoked:
            return "stix-revoked";
        case StixReject::kDuplicateId:
            return "stix-duplicate-id";
        case StixReject::kInvalidObject:
            return "stix-invalid-object";
        case StixReject::kInvalidObservable:
            return "stix-invalid-observable";
        case StixReject::kRefused:
            return "stix-refused";
        case StixReject::kCount:
            break;
    }
    return "stix-unknown";
}

Status ParseStixBundle(PaddedText input, std::string_view source_name, const IndicatorSink& sink,
                       InputStats& stats, StixImportSummary* summary) {
    const std::string_view json = input.text;
    StixImportSummary local_summary;
    StixImportSummary& out = summary != nullptr ? *summary : local_summary;
    const std::string name(source_name);
    if (json.size() > kMaxStixBundleBytes) {
        const std::string message =
            name + ": STIX bundle of " + std::to_string(json.size()) + " bytes exceeds the " +
            std::to_string(kMaxStixBundleBytes >> 20) + " MiB limit; split it into smaller bundles";
        stats.RejectInput(RejectReason::kOversizedLine, message);
        return InvalidArgument(message);
    }
    dom::parser parser;
    dom::element document;
    // In place when the input is padded; else parse() copies it into a padded buffer.
    const bool copy = input.padding < simdjson::SIMDJSON_PADDING;
    if (const auto error = parser.parse(json.data(), json.size(), copy).get(document);
        error != simdjson::SUCCESS) {
        const std::string message =
            name + ": not valid JSON: " + std::string(simdjson::error_message(error));
        stats.RejectInput(RejectReason::kUnknownSyntax, message);
        return InvalidArgument(message);
    }
    dom::object root;
    if (document.get_object().get(root) != simdjson::SUCCESS) {
        const std::string message = name + ": not a STIX bundle: the top level is not an object";
        stats.RejectInput(RejectReason::kUnknownSyntax, message);
        return InvalidArgument(message);
    }
    Importer importer(source_name, sink, stats, out);
    const std::string_view type = StringField(root, "type");
    if (type == "bundle") {
        dom::array objects;
        const auto error = root.at_key("objects").get_array().get(objects);
        if (error == simdjson::NO_SUCH_FIELD) {
            return Status::Ok();  // an empty bundle may omit `objects`
        }
        if (error != simdjson::SUCCESS) {
            const std::string message = name + ": STIX bundle 'objects' is not an array";
            stats.RejectInput(RejectReason::kUnknownSyntax, message);
            return InvalidArgument(message);
        }
        importer.Index(objects);
        importer.Import(objects);
        return Status::Ok();
    }
    if (type.empty()) {
        const std::string message = name + ": not a STIX bundle: no 'type' member";
        stats.RejectInput(RejectReason::kUnknownSyntax, message);
        return InvalidArgument(message);
    }
    // A single STIX object (as served by TAXII object endpoints or stored one per file).
    importer.ImportObject(document, 1);
    return Status::Ok();
}

}  // namespace stormwatch::intel::stix
