// SPDX-License-Identifier: Apache-2.0
#include "stormwatch/intel/misp/misp_import.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>
#include <vector>

#include <simdjson.h>

#include "stormwatch/core/text.h"
#include "stormwatch/core/time.h"
#include "stormwatch/intel/misp/json_location.h"
#include "stormwatch/io/input_file.h"

namespace stormwatch::intel {
namespace {

using simdjson::SUCCESS;
namespace dom = simdjson::dom;

// Info text is free prose; a source label longer than this is noise in every finding.
constexpr std::size_t kMaxInfoBytes = 120;
// Rejections beyond this many per input keep no line: finding the line scans the text.
constexpr std::size_t kLocatedRejections = InputStats::kKeepPerReason;

// ---- small JSON accessors (error codes only, never exceptions) ----

std::optional<dom::element> Field(const dom::object& object, std::string_view key) {
    dom::element value;
    if (object.at_key(key).get(value) != SUCCESS) {
        return std::nullopt;
    }
    return value;
}

std::string_view StringField(const dom::object& object, std::string_view key) {
    std::string_view value;
    if (auto element = Field(object, key); element && element->get_string().get(value) == SUCCESS) {
        return value;
    }
    return {};
}

// Ids and flags appear as strings ("1234", "1", "true") in older exports and as numbers or
// booleans in newer ones.
std::string ScalarText(const dom::object& object, std::string_view key) {
    const auto element = Field(object, key);
    if (!element) {
        return {};
    }
    std::string_view s;
    std::int64_t i = 0;
    std::uint64_t u = 0;
    if (element->get_string().get(s) == SUCCESS) {
        return std::string(s);
    }
    if (element->get_int64().get(i) == SUCCESS) {
        return std::to_string(i);
    }
    if (element->get_uint64().get(u) == SUCCESS) {
        return std::to_string(u);
    }
    return {};
}

std::optional<bool> FlagField(const dom::object& object, std::string_view key) {
    const auto element = Field(object, key);
    if (!element) {
        return std::nullopt;
    }
    bool b = false;
    std::int64_t i = 0;
    std::string_view s;
    if (element->get_bool().get(b) == SUCCESS) {
        return b;
    }
    if (element->get_int64().get(i) == SUCCESS) {
        return i != 0;
    }
    if (element->get_string().get(s) == SUCCESS) {
        s = text::Trim(s);
        if (s == "1" || text::IEquals(s, "true")) {
            return true;
        }
        if (s == "0" || text::IEquals(s, "false") || s.empty()) {
            return false;
        }
    }
    return std::nullopt;
}

std::optional<dom::array> ArrayField(const dom::object& object, std::string_view key) {
    dom::array array;
    if (auto element = Field(object, key); element && element->get_array().get(array) == SUCCESS) {
        return array;
    }
    return std::nullopt;
}

std::optional<dom::object> ObjectField(const dom::object& object, std::string_view key) {
    dom::object value;
    if (auto element = Field(object, key); element && element->get_object().get(value) == SUCCESS) {
        return value;
    }
    return std::nullopt;
}

// ---- values ----

bool IsHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool LooksLikeUuid(std::string_view s) {
    if (s.size() != 36) {
        return false;
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !IsHex(s[i])) {
            return false;
        }
    }
    return true;
}

// ---- mapping MISP attribute types to indicators ----

struct Mapped {
    enum class Kind : std::uint8_t { kIndicators, kNotIndicator, kInvalid };
    Kind kind = Kind::kNotIndicator;
    std::vector<std::pair<IndicatorType, std::string>> values;  // kIndicators
    std::string note;  // kNotIndicator: tally key; kInvalid: reason
};

IndicatorType AddressType(std::string_view value) {
    if (value.find('/') != std::string_view::npos) {
        return IndicatorType::kCidr;
    }
    return value.find(':') != std::string_view::npos ? IndicatorType::kIpv6 : IndicatorType::kIpv4;
}

std::optional<IndicatorType> HashType(std::string_view name) {
    if (name == "md5") {
        return IndicatorType::kMd5;
    }
    if (name == "sha1") {
        return IndicatorType::kSha1;
    }
    if (name == "sha256") {
        return IndicatorType::kSha256;
    }
    if (name == "sha512") {
        return IndicatorType::kSha512;
    }
    return std::nullopt;
}

Mapped One(IndicatorType type, std::string_view value) {
    Mapped mapped;
    mapped.kind = Mapped::Kind::kIndicators;
    mapped.values.emplace_back(type, std::string(text::Trim(value)));
    return mapped;
}

Mapped NotIndicator(std::string note) {
    Mapped mapped;
    mapped.kind = Mapped::Kind::kNotIndicator;
    mapped.note = std::move(note);
    return mapped;
}

Mapped Invalid(std::string reason) {
    Mapped mapped;
    mapped.kind = Mapped::Kind::kInvalid;
    mapped.note = std::move(reason);
    return mapped;
}

// Composite values are `left|right`. `split_last` chooses the last bar (the right part is a
// port or hash that never holds one); otherwise the first.
std::optional<std::pair<std::string_view, std::string_view>> SplitComposite(std::string_view value,
                                                                            bool split_last) {
    const std::size_t bar = split_last ? value.rfind('|') : value.find('|');
    if (bar == std::string_view::npos) {
        return std::nullopt;
    }
    return std::make_pair(text::Trim(value.substr(0, bar)), text::Trim(value.substr(bar + 1)));
}

Mapped MapAttribute(std::string_view type, std::string_view value, std::string_view object_name,
                    std::string_view relation) {
    if (type == "ip-src" || type == "ip-dst") {
        return One(AddressType(text::Trim(value)), value);
    }
    if (type == "ip-src|port" || type == "ip-dst|port") {
        // The port is not matchable on its own; the address is the indicator.
        const auto parts = SplitComposite(value, true);
        if (!parts) {
            return Invalid("composite value without '|'");
        }
        return One(AddressType(parts->first), parts->first);
    }
    if (type == "domain" || type == "hostname") {
        return One(IndicatorType::kDomain, value);
    }
    if (type == "hostname|port") {
        const auto parts = SplitComposite(value, true);
        if (!parts) {
            return Invalid("composite value without '|'");
        }
        return One(IndicatorType::kDomain, parts->first);
    }
    if (type == "domain|ip") {
        const auto parts = SplitComposite(value, false);
        if (!parts) {
            return Invalid("composite value without '|'");
        }
        Mapped mapped = One(IndicatorType::kDomain, parts->first);
        mapped.values.emplace_back(AddressType(parts->second), std::string(parts->second));
        return mapped;
    }
    if (type == "url") {
        // MISP does not require a scheme on `url` values, and real events carry bare hosts
        // (`www.evil.example`) and scheme-less paths. A bare host is the host indicator it
        // names; a path without a scheme is taken as http, the scheme such values come from.
        const std::string_view trimmed = text::Trim(value);
        if (trimmed.find("://") != std::string_view::npos) {
            return One(IndicatorType::kUrl, trimmed);
        }
        if (trimmed.find('/') == std::string_view::npos) {
            return One(IndicatorType::kDomain, trimmed);
        }
        return One(IndicatorType::kUrl, "http://" + std::string(trimmed));
    }
    if (type == "uri") {
        // A path like `/gate.php` matches nothing on its own; an absolute URI is a URL.
        if (text::Trim(value).find("://") == std::string_view::npos) {
            return NotIndicator("uri (relative)");
        }
        return One(IndicatorType::kUrl, value);
    }
    if (const auto hash = HashType(type)) {
        return One(*hash, value);
    }
    if (type == "filename") {
        return One(IndicatorType::kFileName, value);
    }
    if (text::StartsWith(type, "filename|") || type == "malware-sample") {
        // `malware-sample` values are `name|md5`. Hashes Stormwatch does not match (ssdeep,
        // imphash, ...) still leave the file name, which is loaded like a `filename`.
        const auto parts = SplitComposite(value, true);
        if (!parts) {
            // PyMISP writes a malware-sample's value as the bare file name when no hash
            // was computed.
            if (type == "malware-sample") {
                return One(IndicatorType::kFileName, value);
            }
            return Invalid("composite value without '|'");
        }
        const std::string_view hash_name =
            type == "malware-sample" ? std::string_view("md5") : type.substr(9);
        Mapped mapped = One(IndicatorType::kFileName, parts->first);
        if (const auto hash = HashType(hash_name)) {
            mapped.values.emplace_back(*hash, std::string(parts->second));
        }
        return mapped;
    }
    if (type == "email" || type == "email-src" || type == "email-dst" || type == "email-reply-to" ||
        type == "whois-registrant-email") {
        return One(IndicatorType::kEmail, value);
    }
    if (type == "target-user") {
        return One(IndicatorType::kAccount, value);
    }
    if (object_name == "user-account" && (relation == "username" || relation == "user-id") &&
        type == "text") {
        // MISP has no account attribute type: the user-account object carries the name.
        return One(IndicatorType::kAccount, value);
    }
    return NotIndicator(std::string(type));
}

// ---- event context ----

constexpr std::string_view kThreatActorPrefix = "misp-galaxy:threat-actor=";
constexpr std::string_view kConfidencePrefix =
    "estimative-language:confidence-in-analytic-judgment=";

std::string_view Unquote(std::string_view s) {
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') {
        return s.substr(1, s.size() - 2);
    }
    return s;
}

struct Tagging {
    std::vector<std::string> labels;
    std::string actor;
    std::string confidence;
};

void AddLabel(Tagging& tagging, std::string_view name) {
    name = text::Trim(name);
    if (name.empty() || tagging.labels.size() >= kMaxMispLabels ||
        std::find(tagging.labels.begin(), tagging.labels.end(), name) != tagging.labels.end()) {
        return;
    }
    tagging.labels.emplace_back(name);
    if (tagging.actor.empty() && text::StartsWith(name, kThreatActorPrefix)) {
        tagging.actor = std::string(Unquote(name.substr(kThreatActorPrefix.size())));
    }
    if (tagging.confidence.empty() && text::StartsWith(name, kConfidencePrefix)) {
        // The taxonomy says low / moderate / high; Stormwatch's vocabulary says medium.
        const std::string_view level = Unquote(name.substr(kConfidencePrefix.size()));
        tagging.confidence = level == "moderate" ? "medium" : std::string(level);
    }
}

// Tag names, then galaxy cluster tag names (exports repeat them in both places; AddLabel
// drops the duplicates).
void ReadTags(const dom::object& holder, Tagging& tagging) {
    if (const auto tags = ArrayField(holder, "Tag")) {
        for (const dom::element tag : *tags) {
            dom::object tag_object;
            if (tag.get_object().get(tag_object) == SUCCESS) {
                AddLabel(tagging, StringField(tag_object, "name"));
            }
        }
    }
    if (const auto galaxies = ArrayField(holder, "Galaxy")) {
        for (const dom::element galaxy : *galaxies) {
            dom::object galaxy_object;
            if (galaxy.get_object().get(galaxy_object) != SUCCESS) {
                continue;
            }
            if (const auto clusters = ArrayField(galaxy_object, "GalaxyCluster")) {
                for (const dom::element cluster : *clusters) {
                    dom::object cluster_object;
                    if (cluster.get_object().get(cluster_object) == SUCCESS) {
                        AddLabel(tagging, StringField(cluster_object, "tag_name"));
                    }
                }
            }
        }
    }
}

std::string Truncate(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) {
        return std::string(s);
    }
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0U) == 0x80U) {
        --cut;  // never split a UTF-8 sequence
    }
    return std::string(s.substr(0, cut)) + "...";
}

struct EventContext {
    std::string source;
    Tagging tagging;
    std::optional<std::int64_t> date;
};

EventContext ReadEventContext(const dom::object& event, std::string_view source_name) {
    EventContext context;
    std::string id = ScalarText(event, "id");
    if (id.empty()) {
        id = std::string(StringField(event, "uuid"));
    }
    std::string source = id.empty() ? "MISP " + std::string(source_name) : "MISP event " + id;
    if (const auto orgc = ObjectField(event, "Orgc")) {
        const std::string_view org = text::Trim(StringField(*orgc, "name"));
        if (!org.empty()) {
            source += " (" + Truncate(org, 60) + ")";
        }
    }
    const std::string_view info = text::Trim(StringField(event, "info"));
    if (!info.empty()) {
        source += ": " + Truncate(info, kMaxInfoBytes);
    }
    context.source = text::RepairUtf8(source);
    ReadTags(event, context.tagging);
    context.date = ParseTimestamp(StringField(event, "date"));
    return context;
}

// ---- the importer ----

class Importer {
public:
    Importer(std::string_view json, std::string_view source_name, IndicatorSetBuilder& builder,
             InputStats& stats, MispImportReport& report, const MispImportOptions& options)
        : json_(json),
          source_name_(source_name),
          builder_(builder),
          stats_(stats),
          report_(report),
          options_(options) {}

    void Event(const dom::object& event) {
        ++report_.events;
        const EventContext context = ReadEventContext(event, source_name_);
        if (const auto attributes = ArrayField(event, "Attribute")) {
            for (const dom::element attribute : *attributes) {
                Attribute(attribute, context, {}, false);
            }
        }
        if (const auto objects = ArrayField(event, "Object")) {
            for (const dom::element object : *objects) {
                dom::object misp_object;
                if (object.get_object().get(misp_object) != SUCCESS) {
                    continue;
                }
                const std::string_view name = StringField(misp_object, "name");
                const bool deleted = FlagField(misp_object, "deleted").value_or(false);
                if (const auto attributes = ArrayField(misp_object, "Attribute")) {
                    for (const dom::element attribute : *attributes) {
                        Attribute(attribute, context, name, deleted);
                    }
                }
            }
        }
    }

private:
    void Attribute(const dom::element& element, const EventContext& context,
                   std::string_view object_name, bool object_deleted) {
        stats_.CountRead();
        dom::object attribute;
        if (element.get_object().get(attribute) != SUCCESS) {
            Reject({}, "attribute is not a JSON object");
            return;
        }
        const std::string_view uuid = StringField(attribute, "uuid");
        if (const auto sightings = ArrayField(attribute, "Sighting")) {
            report_.sightings += sightings->size();
        }
        if (const auto proposals = ArrayField(attribute, "ShadowAttribute")) {
            report_.proposals += proposals->size();
        }
        const std::string_view type = text::Trim(StringField(attribute, "type"));
        if (type.empty()) {
            Reject(uuid, "attribute without a type");
            return;
        }
        std::string value(StringField(attribute, "value"));
        if (value.empty()) {
            // Some exports split composite values into value1 and value2.
            const std::string_view value1 = StringField(attribute, "value1");
            const std::string_view value2 = StringField(attribute, "value2");
            value = value2.empty() ? std::string(value1)
                                   : std::string(value1) + "|" + std::string(value2);
        }
        if (object_deleted || FlagField(attribute, "deleted").value_or(false)) {
            ++report_.deleted;
            stats_.CountProcessed();
            return;
        }
        if (text::Trim(value).empty()) {
            Reject(uuid, "attribute of type " + text::SanitiseForOutput(type) + " without a value");
            return;
        }
        // MISP: to_ids false means "context, not for detection". A missing flag (hand-written
        // or minimal events) is taken as detection data.
        if (!options_.include_context && !FlagField(attribute, "to_ids").value_or(true)) {
            ++report_.context_only;
            stats_.CountProcessed();
            return;
        }
        const Mapped mapped =
            MapAttribute(type, value, object_name, StringField(attribute, "object_relation"));
        if (mapped.kind == Mapped::Kind::kNotIndicator) {
            ++report_.not_indicator;
            ++report_.not_indicator_types[text::SanitiseForOutput(mapped.note.substr(0, 64))];
            stats_.CountProcessed();
            stats_.CountUnrecognised();
            return;
        }
        if (mapped.kind == Mapped::Kind::kInvalid) {
            Reject(uuid, text::SanitiseForOutput(type) + ": " + mapped.note + ": " +
                             text::SanitiseForOutput(value.substr(0, 120)));
            return;
        }

        Tagging tagging = context.tagging;
        ReadTags(attribute, tagging);
        Indicator base;
        base.source = context.source;
        base.confidence = tagging.confidence;
        base.actor = tagging.actor;
        base.id = std::string(uuid);
        base.labels = std::move(tagging.labels);
        const auto first_seen = ParseTimestamp(StringField(attribute, "first_seen"));
        const auto last_seen = ParseTimestamp(StringField(attribute, "last_seen"));
        base.valid_from = first_seen;
        base.valid_until = last_seen;
        if (!first_seen && !last_seen) {
            base.valid_from = context.date;
        }

        std::vector<Indicator> indicators;
        for (const auto& [indicator_type, indicator_value] : mapped.values) {
            Indicator indicator = base;
            indicator.type = indicator_type;
            indicator.value = indicator_value;
            indicators.push_back(std::move(indicator));
        }
        // A composite loads both halves or neither: check on a scratch builder first, so a
        // bad half never leaves the good one loaded under a rejected record.
        if (indicators.size() > 1) {
            IndicatorSetBuilder scratch;
            for (const Indicator& indicator : indicators) {
                if (!AddTo(scratch, indicator)) {
                    RejectBadValue(uuid, type, indicator);
                    return;
                }
            }
        }
        for (const Indicator& indicator : indicators) {
            if (!AddTo(builder_, indicator)) {
                RejectBadValue(uuid, type, indicator);
                return;
            }
        }
        report_.indicators += indicators.size();
        ++report_.loaded;
        ++report_.loaded_types[text::SanitiseForOutput(type.substr(0, 64))];
        stats_.CountProcessed();
    }

    static bool AddTo(IndicatorSetBuilder& builder, const Indicator& indicator) {
        return builder.Add(indicator);
    }

    void RejectBadValue(std::string_view uuid, std::string_view type, const Indicator& indicator) {
        Reject(uuid, "not a valid " + text::SanitiseForOutput(type) + " value (" +
                         std::string(IndicatorTypeName(indicator.type)) +
                         "): " + text::SanitiseForOutput(indicator.value.substr(0, 120)));
    }

    void Reject(std::string_view uuid, std::string reason) {
        std::uint64_t line = 0;
        std::string detail = "attribute";
        if (!uuid.empty()) {
            detail += " " + text::SanitiseForOutput(uuid.substr(0, 64));
            // The uuid is unique in an export: its first quoted occurrence is the attribute.
            if (located_ < kLocatedRejections) {
                ++located_;
                const std::string quoted = "\"" + std::string(uuid) + "\"";
                const std::size_t at = json_.find(quoted);
                if (at != std::string_view::npos) {
                    line = detail::LocateOffset(json_, at, {}).line;
                }
            }
        }
        detail += ": " + reason;
        stats_.Reject(RejectReason::kUnknownSyntax, line, std::move(detail));
    }

    std::string_view json_;
    std::string_view source_name_;
    IndicatorSetBuilder& builder_;
    InputStats& stats_;
    MispImportReport& report_;
    const MispImportOptions& options_;
    std::size_t located_ = 0;
};

// The top-level keys WalkEvents starts from (`response`, a wrapped `Event`, IsBareEvent's):
// an object with none of them is MISP only as a feed manifest (all keys UUIDs). The format
// sniff decides from this list alone; a key added to the walk belongs here too.
constexpr std::array<std::string_view, 5> kMispShapeKeys = {"response", "Event", "Attribute",
                                                            "Object", "info"};

bool IsBareEvent(const dom::object& object) {
    // Attribute/Object lists, or the header fields every MISP event has.
    return Field(object, "Attribute") || Field(object, "Object") ||
           (Field(object, "info") && (Field(object, "uuid") || Field(object, "date")));
}

// A feed manifest maps event uuids to summaries: every key a uuid, every value an object.
std::optional<std::vector<std::string>> ManifestEvents(const dom::object& object) {
    std::vector<std::string> uuids;
    for (const auto field : object) {
        if (!LooksLikeUuid(field.key) || !field.value.is_object()) {
            return std::nullopt;
        }
        uuids.emplace_back(field.key);
    }
    if (uuids.empty()) {
        return std::nullopt;
    }
    std::sort(uuids.begin(), uuids.end());  // load order decides duplicates: make it stable
    return uuids;
}

enum class Shape : std::uint8_t { kEvents, kManifest, kNotMisp };

// Finds the events of a document and hands each to `on_event`.
template <typename Fn>
Shape WalkEvents(const dom::element& root, Fn&& on_event) {
    dom::object object;
    dom::array array;
    auto wrapped_or_bare = [&on_event](const dom::element& element) {
        dom::object candidate;
        if (element.get_object().get(candidate) != SUCCESS) {
            return false;
        }
        if (const auto event = ObjectField(candidate, "Event")) {
            on_event(*event);
            return true;
        }
        if (IsBareEvent(candidate)) {
            on_event(candidate);
            return true;
        }
        return false;
    };
    if (root.get_object().get(object) == SUCCESS) {
        if (const auto response = Field(object, "response")) {
            dom::array list;
            if (response->get_array().get(list) == SUCCESS) {
                for (const dom::element element : list) {
                    wrapped_or_bare(element);
                }
                return Shape::kEvents;  // an empty search result is still a MISP answer
            }
            return wrapped_or_bare(*response) ? Shape::kEvents : Shape::kNotMisp;
        }
        if (wrapped_or_bare(root)) {
            return Shape::kEvents;
        }
        return ManifestEvents(object) ? Shape::kManifest : Shape::kNotMisp;
    }
    if (root.get_array().get(array) == SUCCESS) {
        bool any = array.size() == 0;
        for (const dom::element element : array) {
            any = wrapped_or_bare(element) || any;
        }
        return any ? Shape::kEvents : Shape::kNotMisp;
    }
    return Shape::kNotMisp;
}

struct Parsed {
    dom::parser parser;
    dom::element root;
};

// Parses `input` (in place when it is padded); on failure the status names the offset, line
// and column.
Status Parse(PaddedText input, std::string_view source_name, Parsed& parsed) {
    const std::string_view json = input.text;
    if (json.size() > kMaxMispBytes) {
        return InvalidArgument(std::string(source_name) + ": MISP JSON larger than 256 MiB");
    }
    auto error = parsed.parser.allocate(std::max<std::size_t>(json.size(), 64), kMaxMispDepth);
    if (error == SUCCESS) {
        const bool copy = input.padding < simdjson::SIMDJSON_PADDING;
        error = parsed.parser.parse(json.data(), json.size(), copy).get(parsed.root);
    }
    if (error == SUCCESS) {
        return Status::Ok();
    }
    std::string message = std::string(source_name) + ": malformed JSON";
    if (const auto location = detail::FindJsonError(json, kMaxMispDepth)) {
        message += " at byte " + std::to_string(location->offset) + " (line " +
                   std::to_string(location->line) + ", column " + std::to_string(location->column) +
                   "): " + location->what;
    } else {
        message += ": ";
        message += simdjson::error_message(error);
    }
    return InvalidArgument(std::move(message));
}

// The shared body of ImportMispJson and of each file of a feed directory. `whole_input`: a
// parse failure rejects the input (a single file) rather than one record (one feed event).
Status ImportDocument(PaddedText json, std::string_view source_name, IndicatorSetBuilder& builder,
                      InputStats& stats, MispImportReport& report, const MispImportOptions& options,
                      bool whole_input, bool* is_manifest = nullptr) {
    Parsed parsed;
    if (Status status = Parse(json, source_name, parsed); !status.ok()) {
        if (whole_input) {
            stats.RejectInput(RejectReason::kUnknownSyntax, status.message());
        } else {
            stats.CountRead();
            stats.Reject(RejectReason::kUnknownSyntax, 0, status.message());
        }
        return status;
    }
    Importer importer(json.text, source_name, builder, stats, report, options);
    const Shape shape =
        WalkEvents(parsed.root, [&importer](const dom::object& event) { importer.Event(event); });
    if (shape == Shape::kManifest && is_manifest != nullptr) {
        *is_manifest = true;  // the caller imports the directory, which counts the events
        return Status::Ok();
    }
    if (shape == Shape::kManifest) {
        dom::object object;
        std::size_t listed = 0;
        if (parsed.root.get_object().get(object) == SUCCESS) {
            listed = ManifestEvents(object).value_or(std::vector<std::string>{}).size();
        }
        report.feed_events_listed += listed;
        return {StatusCode::kUnsupported,
                std::string(source_name) + ": MISP feed manifest listing " +
                    std::to_string(listed) +
                    " events: import the feed directory to load their <uuid>.json files"};
    }
    if (shape == Shape::kNotMisp) {
        return {StatusCode::kUnsupported, std::string(source_name) +
                                              ": JSON without a MISP event (expected \"Event\", "
                                              "\"response\", an event object or a feed manifest)"};
    }
    return Status::Ok();
}

std::string BaseName(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string DirName(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    if (slash == std::string::npos) {
        return ".";
    }
    return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

Status ImportMispJson(std::string_view json, std::string_view source_name,
                      IndicatorSetBuilder& builder, InputStats& stats, MispImportReport* report,
                      const MispImportOptions& options) {
    MispImportReport local;
    return ImportDocument(json, source_name, builder, stats, report ? *report : local, options,
                          true);
}

Status ImportMispFeedDirectory(const std::string& dir, IndicatorSetBuilder& builder,
                               InputStats& stats, MispImportReport* report,
                               const MispImportOptions& options) {
    MispImportReport local;
    MispImportReport& out = report ? *report : local;
    const std::string manifest_path = dir + "/manifest.json";
    auto manifest = io::InputFile::Open(manifest_path);
    if (!manifest.ok()) {
        stats.RejectInput(RejectReason::kUnreadable, manifest.status().message());
        return manifest.status();
    }
    Parsed parsed;
    if (Status status = Parse(manifest.value().padded(), manifest_path, parsed); !status.ok()) {
        stats.RejectInput(RejectReason::kUnknownSyntax, status.message());
        return status;
    }
    dom::object object;
    std::optional<std::vector<std::string>> uuids;
    if (parsed.root.get_object().get(object) == SUCCESS) {
        uuids = ManifestEvents(object);
    }
    if (!uuids) {
        stats.RejectInput(RejectReason::kUnknownSyntax, "not a MISP feed manifest");
        return InvalidArgument(manifest_path +
                               ": not a MISP feed manifest (a map of event uuids to summaries)");
    }
    out.feed_events_listed += uuids->size();
    for (const std::string& uuid : *uuids) {
        const std::string path = dir + "/" + uuid + ".json";
        auto event = io::InputFile::Open(path);
        if (!event.ok()) {
            // One event of the feed is one record when its file cannot be read.
            stats.CountRead();
            stats.Reject(RejectReason::kUnreadable, 0,
                         "event " + uuid + ": " + event.status().message());
            continue;
        }
        const Status status = ImportDocument(event.value().padded(), uuid + ".json", builder, stats,
                                             out, options, false);
        if (!status.ok() && status.code() != StatusCode::kInvalidArgument) {
            // Parse errors were counted as a rejection; a file that is not an event is one too.
            stats.CountRead();
            stats.Reject(RejectReason::kUnknownSyntax, 0, status.message());
        }
    }
    return Status::Ok();
}

Status ImportMispFile(const std::string& path, PaddedText contents, IndicatorSetBuilder& builder,
                      InputStats& stats, MispImportReport* report,
                      const MispImportOptions& options) {
    MispImportReport local;
    MispImportReport& out = report ? *report : local;
    // A manifest is recognised by its shape (one parse); its records are the events it lists.
    bool is_manifest = false;
    Status status =
        ImportDocument(contents, BaseName(path), builder, stats, out, options, true, &is_manifest);
    if (is_manifest) {
        return ImportMispFeedDirectory(DirName(path), builder, stats, &out, options);
    }
    return status;
}

namespace {

// The top-level keys settle most JSON that is no MISP, a STIX bundle among it (`type`, `id`,
// `objects`): an object with none of kMispShapeKeys and a key that is no UUID (so no feed
// manifest). Read on demand, skipping the values, instead of a
// DOM of the whole document, which for a large bundle cost as much as importing it.
bool TopLevelKeysRuleOutMisp(PaddedText json) {
    // In place when the input is padded, else from a padded copy.
    simdjson::padded_string copy;
    simdjson::padded_string_view padded;
    if (json.padding >= simdjson::SIMDJSON_PADDING) {
        padded = simdjson::padded_string_view(json.text, json.text.size() + json.padding);
    } else {
        copy = simdjson::padded_string(json.text);
        padded = copy;
    }
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document document;
    simdjson::ondemand::object object;
    if (parser.iterate(padded).get(document) != SUCCESS ||
        document.get_object().get(object) != SUCCESS) {
        return false;  // an array of events, or no JSON: the full check decides
    }
    bool key_not_uuid = false;
    for (auto field : object) {
        std::string_view key;
        if (field.unescaped_key().get(key) != SUCCESS) {
            return false;
        }
        if (std::find(kMispShapeKeys.begin(), kMispShapeKeys.end(), key) != kMispShapeKeys.end()) {
            return false;
        }
        key_not_uuid = key_not_uuid || !LooksLikeUuid(key);
    }
    return key_not_uuid;
}

}  // namespace

bool LooksLikeMispJson(PaddedText json) {
    if (TopLevelKeysRuleOutMisp(json)) {
        return false;
    }
    Parsed parsed;
    if (!Parse(json, {}, parsed).ok()) {
        return false;
    }
    return WalkEvents(parsed.root, [](const dom::object&) {}) != Shape::kNotMisp;
}

}  // namespace stormwatch::intel
