#include "core/io/import/kubernetes_nodes.h"

#include "core/io/import/delimited_text.h"
#include "core/io/import/node_type_naming.h"
#include "core/io/input_error.h"
#include "core/io/json_reader.h"
#include "core/io/reading_file.h"
#include "core/io/strict_json.h"
#include "core/io/text_source.h"
#include "core/model/limits.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <map>
#include <utility>

namespace headroom {
namespace {

using nlohmann::json;

constexpr const char *kGpuProduct = "nvidia.com/gpu.product";
constexpr const char *kAmdProduct = "amd.com/gpu.product-name";
constexpr const char *kInstanceType = "node.kubernetes.io/instance-type";
constexpr const char *kZone = "topology.kubernetes.io/zone";
constexpr std::array<const char *, 2> kGpuResources = {"nvidia.com/gpu", "amd.com/gpu"};

struct Suffix
{
    std::string_view text;
    double factor;
};

// Binary suffixes first, so that "Mi" is not read as "M" with an "i" left over.
constexpr std::array<Suffix, 16> kSuffixes = {{
        {"Ki", 1024.0},
        {"Mi", 1048576.0},
        {"Gi", 1073741824.0},
        {"Ti", 1099511627776.0},
        {"Pi", 1125899906842624.0},
        {"Ei", 1152921504606846976.0},
        {"n", 1e-9},
        {"u", 1e-6},
        {"m", 1e-3},
        {"", 1.0},
        {"k", 1e3},
        {"M", 1e6},
        {"G", 1e9},
        {"T", 1e12},
        {"P", 1e15},
        {"E", 1e18},
}};

} // namespace

std::optional<double> parseKubernetesQuantity(std::string_view text)
{
    // <signedNumber><suffix>, suffix binary SI, decimal SI or a decimal exponent (e3, E-2):
    // the grammar of k8s.io/apimachinery's resource.Quantity.
    std::size_t at = 0;
    if (at < text.size() && (text[at] == '+' || text[at] == '-'))
        ++at;
    std::size_t digits = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9')
        ++at, ++digits;
    if (at < text.size() && text[at] == '.') {
        ++at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9')
            ++at, ++digits;
    }
    if (digits == 0)
        return std::nullopt;
    const std::optional<double> number = parseDecimal(text.substr(0, at));
    if (!number)
        return std::nullopt;
    const std::string_view suffix = text.substr(at);
    double factor = 0.0;
    for (const Suffix &candidate : kSuffixes) {
        if (candidate.text == suffix)
            factor = candidate.factor;
    }
    if (factor == 0.0) {
        if (suffix.size() < 2 || (suffix[0] != 'e' && suffix[0] != 'E'))
            return std::nullopt;
        const std::optional<std::int64_t> exponent = parseWholeNumber(suffix.substr(1));
        if (!exponent || *exponent < -30 || *exponent > 30)
            return std::nullopt;
        factor = std::pow(10.0, double(*exponent));
    }
    const double value = *number * factor;
    return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

namespace {

class NodeListParser
{
public:
    NodeListParser(std::string_view text, const std::string &file, ImportSlots slots)
        : m_text(text)
        , m_file(file)
        , m_reader(text, file)
        , m_slots(slots)
    {}

    ImportResult parse();

private:
    void node(const json &item, const JsonPath &path);
    double quantity(const json &capacity, const JsonPath &path, const char *name,
                    bool required) const;
    std::string label(const json *labels, const JsonPath &path, const char *name) const;

    std::string_view m_text;
    const std::string &m_file;
    JsonReader m_reader;
    ImportSlots m_slots;
    ImportResult m_result;
    ImportedNodeTypes m_types;
    std::vector<Zone> m_zones;
    std::map<std::string, int> m_nodeNames;
};

double NodeListParser::quantity(const json &capacity, const JsonPath &path, const char *name,
                                bool required) const
{
    const JsonPath at = path.member(name);
    const json *value = findMember(capacity, name);
    if (!value) {
        if (required)
            m_reader.fail(at, "missing capacity \"" + std::string(name) + "\"");
        return 0.0;
    }
    std::string text;
    if (value->is_number())
        text = value->dump();
    else
        m_reader.read(*value, at, text);
    const std::optional<double> parsed = parseKubernetesQuantity(text);
    if (!parsed || *parsed < 0.0)
        m_reader.fail(at, "not a Kubernetes quantity: " + quotedForError(text) +
                                  " (expected e.g. 96, 95500m, 1056Gi, 1e3)");
    return *parsed;
}

std::string NodeListParser::label(const json *labels, const JsonPath &path, const char *name) const
{
    if (!labels)
        return {};
    const json *value = findMember(*labels, name);
    std::string text;
    if (value)
        m_reader.read(*value, path.member(name), text);
    return text;
}

void NodeListParser::node(const json &item, const JsonPath &path)
{
    m_reader.expectObject(item, path);
    const JsonPath metadataPath = path.member("metadata");
    const json *metadata = findMember(item, "metadata");
    if (!metadata)
        m_reader.fail(metadataPath, "missing field \"metadata\"");
    m_reader.expectObject(*metadata, metadataPath);
    const json *nameValue = findMember(*metadata, "name");
    if (!nameValue)
        m_reader.fail(metadataPath.member("name"), "missing field \"name\"");
    std::string name;
    m_reader.read(*nameValue, metadataPath.member("name"), name);
    if (name.empty())
        m_reader.fail(metadataPath.member("name"), "empty node name");
    if (!m_nodeNames.emplace(name, 0).second)
        m_reader.fail(metadataPath.member("name"), "duplicate node " + quotedForError(name));
    const JsonPath labelsPath = metadataPath.member("labels");
    const json *labels = findMember(*metadata, "labels");
    if (labels)
        m_reader.expectObject(*labels, labelsPath);

    const JsonPath statusPath = path.member("status");
    const json *status = findMember(item, "status");
    if (!status)
        m_reader.fail(statusPath, "missing field \"status\"");
    m_reader.expectObject(*status, statusPath);
    const JsonPath capacityPath = statusPath.member("capacity");
    const json *capacity = findMember(*status, "capacity");
    if (!capacity)
        m_reader.fail(capacityPath, "missing field \"capacity\"");
    m_reader.expectObject(*capacity, capacityPath);

    const double cpus = quantity(*capacity, capacityPath, "cpu", true);
    const double memoryBytes = quantity(*capacity, capacityPath, "memory", true);
    double gpus = 0.0;
    for (const char *resource : kGpuResources) {
        const double count = quantity(*capacity, capacityPath, resource, false);
        if (count != std::floor(count) || count > limits::kMaxSlots)
            m_reader.fail(capacityPath.member(resource), "expected a whole number of GPUs up to " +
                                                                 std::to_string(limits::kMaxSlots));
        gpus += count;
    }
    if (cpus > limits::kMaxHardwareFigure ||
        memoryBytes / 1073741824.0 > limits::kMaxHardwareFigure)
        m_reader.fail(capacityPath, "cpu or memory out of range");
    const auto cores = static_cast<int>(std::floor(cpus));
    const double memoryGb = memoryBytes / 1073741824.0;

    std::string product = label(labels, labelsPath, kGpuProduct);
    if (product.empty())
        product = label(labels, labelsPath, kAmdProduct);
    const std::string instanceType = label(labels, labelsPath, kInstanceType);
    std::string zoneName = label(labels, labelsPath, kZone);
    if (zoneName.empty())
        zoneName = "default";
    const std::string source = "kubectl get nodes -o json (" + m_file + ")";

    std::string type;
    if (m_slots == ImportSlots::Gpu) {
        if (gpus <= 0.0) {
            countSkip(m_result.summary.nodesSkipped,
                      "no GPUs (import with --slots cpu for CPU nodes)");
            return;
        }
        const std::string base = !product.empty()        ? product
                                 : !instanceType.empty() ? instanceType
                                                         : "gpu-node";
        type = m_types.typeFor(base, product.empty() ? "GPU" : product, int(gpus), cores, memoryGb,
                               source);
    } else {
        if (cores < 1) {
            countSkip(m_result.summary.nodesSkipped, "less than one CPU core");
            return;
        }
        type = m_types.typeFor(instanceType.empty() ? "cpu-node" : instanceType, "CPU core", cores,
                               cores, memoryGb, source);
    }
    Zone *zone = nullptr;
    for (Zone &candidate : m_zones)
        zone = candidate.name == zoneName ? &candidate : zone;
    if (!zone) {
        m_zones.push_back({zoneName, {Rack{zoneName + "-nodes", std::nullopt, {}}}});
        zone = &m_zones.back();
    }
    zone->racks.front().nodes.emplace_back(name, type);
}

ImportResult NodeListParser::parse()
{
    m_result.summary.format = "Kubernetes nodes (kubectl get nodes -o json): " + m_file;
    const json document = parseStrictJson(m_text, m_file);
    const JsonPath root;
    m_reader.expectObject(document, root);
    const json *kind = findMember(document, "kind");
    std::string kindName;
    if (kind)
        m_reader.read(*kind, root.member("kind"), kindName);
    if (kindName == "Node") {
        node(document, root);
    } else {
        const json *items = findMember(document, "items");
        if (!items)
            m_reader.fail(root.member("items"),
                          "missing field \"items\" (expected kubectl get nodes -o json)");
        const JsonPath itemsPath = root.member("items");
        m_reader.expectArray(*items, itemsPath, "an array of nodes");
        for (std::size_t i = 0; i < items->size(); ++i)
            node((*items)[i], itemsPath.element(i));
    }
    ImportSummary &summary = m_result.summary;
    summary.nodeTypesCreated = static_cast<int>(m_types.types().size());
    for (const Zone &zone : m_zones)
        summary.nodesCreated += static_cast<int>(zone.racks.front().nodes.size());
    m_result.nodeTypes = std::move(m_types.types());
    m_result.cluster = Cluster{std::move(m_zones)};
    return std::move(m_result);
}

} // namespace

ImportResult parseKubernetesNodes(std::string_view text, const std::string &file, ImportSlots slots)
{
    return NodeListParser(text, file, slots).parse();
}

ImportResult readKubernetesNodes(const std::string &path, ImportSlots slots)
{
    return readingFile(path, [&] { return parseKubernetesNodes(readTextFile(path), path, slots); });
}

} // namespace headroom
