// `scontrol show node -o` (docs/design.md §9); declared in slurm_accounting.h with the rest of
// the Slurm import.
#include "core/io/import/delimited_text.h"
#include "core/io/import/node_type_naming.h"
#include "core/io/import/slurm_accounting.h"
#include "core/io/input_error.h"
#include "core/io/reading_file.h"
#include "core/io/text_source.h"
#include "core/model/limits.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace headroom {
namespace {

bool isKey(std::string_view token)
{
    const std::size_t equals = token.find('=');
    if (equals == 0 || equals == std::string_view::npos)
        return false;
    return std::all_of(token.begin(), token.begin() + std::ptrdiff_t(equals), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '_';
    });
}

// "NodeName=gpu01 Arch=x86_64 ... OS=Linux 5.10.0-23-amd64 #1 SMP ... RealMemory=515000 ...":
// a value runs until the next word that starts with Key=, since some (OS, Reason) hold
// spaces.
std::map<std::string, std::string> keyValues(std::string_view line)
{
    std::map<std::string, std::string> pairs;
    std::string *current = nullptr;
    while (!line.empty()) {
        const std::size_t start = line.find_first_not_of(" \t");
        if (start == std::string_view::npos)
            break;
        line.remove_prefix(start);
        const std::size_t end = std::min(line.find_first_of(" \t"), line.size());
        const std::string_view token = line.substr(0, end);
        line.remove_prefix(end);
        if (isKey(token)) {
            const std::size_t equals = token.find('=');
            current = &pairs[std::string(token.substr(0, equals))];
            *current = token.substr(equals + 1);
        } else if (current) {
            current->append(" ").append(token);
        }
    }
    return pairs;
}

struct Gres
{
    int gpus = 0;
    std::string type; // empty: untyped
};

// "gpu:a100:4(S:0-1)", "gpu:4", "gpu:a100:2,gpu:v100:2", "gpu:a100:4,shard:8", "(null)".
Gres parseGres(std::string_view text, const std::string &file, int line)
{
    Gres gres;
    if (text.empty() || text == "(null)")
        return gres;
    std::vector<std::string_view> entries;
    int depth = 0;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || (text[i] == ',' && depth == 0)) {
            entries.push_back(text.substr(begin, i - begin));
            begin = i + 1;
        } else if (text[i] == '(') {
            ++depth;
        } else if (text[i] == ')') {
            --depth;
        }
    }
    std::int64_t total = 0;
    for (std::string_view entry : entries) {
        entry = entry.substr(0, entry.find('('));
        std::vector<std::string_view> parts;
        for (std::size_t at = 0;;) {
            const std::size_t colon = entry.find(':', at);
            parts.push_back(entry.substr(at, colon - at));
            if (colon == std::string_view::npos)
                break;
            at = colon + 1;
        }
        if (parts.front() != "gpu")
            continue;
        std::int64_t count = 1;
        std::string_view type;
        for (std::size_t i = 1; i < parts.size(); ++i) {
            if (const std::optional<std::int64_t> n = parseWholeNumber(parts[i]))
                count = *n;
            else if (parts[i] != "no_consume" && type.empty())
                type = parts[i];
        }
        if (count < 0 || count > limits::kMaxSlots)
            throw InputError(file, line, "Gres",
                             "GPU count out of range in " + quotedForError(entry));
        total += count;
        if (!type.empty()) {
            const std::string name(type);
            if (gres.type.empty())
                gres.type = name;
            else if (gres.type.find(name) == std::string::npos)
                gres.type += "+" + name;
        }
    }
    if (total > limits::kMaxSlots)
        throw InputError(file, line, "Gres",
                         "more than " + std::to_string(limits::kMaxSlots) +
                                 " GPUs: " + quotedForError(text));
    gres.gpus = int(total);
    return gres;
}

int positiveInteger(const std::map<std::string, std::string> &pairs, const std::string &key,
                    const std::string &file, int line)
{
    const auto found = pairs.find(key);
    if (found == pairs.end())
        throw InputError(file, line, key, "missing (expected scontrol show node -o output)");
    const std::optional<std::int64_t> value = parseWholeNumber(found->second);
    if (!value || *value < 1 || double(*value) > limits::kMaxHardwareFigure)
        throw InputError(file, line, key,
                         "expected a whole number > 0, found " + quotedForError(found->second));
    return int(*value);
}

} // namespace

ImportResult parseSlurmNodes(std::string_view text, const std::string &file, ImportSlots slots)
{
    ImportResult result;
    ImportSummary &summary = result.summary;
    summary.format = "Slurm nodes (scontrol show node -o): " + file;
    ImportedNodeTypes types;
    struct Node
    {
        std::string name;
        std::string type;
        std::vector<std::string> partitions;
    };
    std::vector<Node> nodes;
    std::map<std::string, int> nodeLines;
    LineReader lines(text);
    for (std::string_view line; lines.next(line);) {
        if (trimSpaces(line).empty())
            continue;
        const int number = lines.lineNumber();
        const std::map<std::string, std::string> pairs = keyValues(line);
        const auto name = pairs.find("NodeName");
        if (name == pairs.end() || name->second.empty())
            throw InputError(file, number, "NodeName",
                             "missing: expected one node a line, as scontrol show node -o "
                             "prints it");
        if (const auto [previous, inserted] = nodeLines.try_emplace(name->second, number);
            !inserted)
            throw InputError(file, number, "NodeName",
                             "duplicate node " + quotedForError(name->second) + " (also on line " +
                                     std::to_string(previous->second) + ")");
        const int cpus = positiveInteger(pairs, "CPUTot", file, number);
        const int memoryMb = positiveInteger(pairs, "RealMemory", file, number);
        const auto gresText = pairs.find("Gres");
        const Gres gres = parseGres(gresText == pairs.end() ? "" : gresText->second, file, number);
        const double memoryGb = memoryMb / 1024.0;
        const std::string source = "scontrol show node -o (" + file + ")";
        std::string type;
        if (slots == ImportSlots::Gpu) {
            if (gres.gpus == 0) {
                countSkip(summary.nodesSkipped, "no GPUs (import with --slots cpu for CPU nodes)");
                continue;
            }
            const std::string model = gres.type.empty() ? "gpu" : gres.type;
            type = types.typeFor(model + "-" + std::to_string(gres.gpus) + "gpu", model, gres.gpus,
                                 cpus, memoryGb, source);
        } else {
            type = types.typeFor("cpu-" + std::to_string(cpus) + "c", "CPU core", cpus, cpus,
                                 memoryGb, source);
        }
        Node node{name->second, type, {}};
        if (const auto partitions = pairs.find("Partitions"); partitions != pairs.end()) {
            std::string_view list = partitions->second;
            while (!list.empty()) {
                const std::size_t comma = list.find(',');
                if (const std::string_view p = list.substr(0, comma); !p.empty())
                    node.partitions.emplace_back(p);
                list = comma == std::string_view::npos ? std::string_view()
                                                       : list.substr(comma + 1);
            }
        }
        nodes.push_back(std::move(node));
    }

    // One rack per set of partitions, in order of first appearance. A rack carries a
    // partition's name only when it holds every node of that partition, so that a job's
    // Partition constraint (parseSacct) never shuts it out of nodes it could use.
    std::map<std::string, int> setsOfPartition;
    std::vector<std::vector<std::string>> sets;
    for (const Node &node : nodes) {
        if (std::find(sets.begin(), sets.end(), node.partitions) != sets.end())
            continue;
        sets.push_back(node.partitions);
        for (const std::string &partition : node.partitions)
            ++setsOfPartition[partition];
    }
    Zone zone{"slurm", {}};
    for (const std::vector<std::string> &set : sets) {
        std::string rackName;
        if (set.empty())
            rackName = "no-partition";
        else if (set.size() == 1 && setsOfPartition[set.front()] == 1)
            rackName = set.front();
        else if (set.size() == 1)
            rackName = set.front() + "-only";
        else
            for (const std::string &partition : set)
                rackName.append(rackName.empty() ? "" : "+").append(partition);
        Rack rack{rackName, std::nullopt, {}};
        for (const Node &node : nodes) {
            if (node.partitions == set)
                rack.nodes.emplace_back(node.name, node.type);
        }
        zone.racks.push_back(std::move(rack));
    }
    for (const auto &[partition, count] : setsOfPartition) {
        if (count > 1)
            summary.notes.push_back("partition " + partition +
                                    " spans racks of several partition sets: its jobs are not "
                                    "constrained to it");
    }
    summary.nodesCreated = static_cast<int>(nodes.size());
    summary.nodeTypesCreated = static_cast<int>(types.types().size());
    result.nodeTypes = std::move(types.types());
    result.cluster = Cluster{};
    if (!zone.racks.empty())
        result.cluster->zones.push_back(std::move(zone));
    return result;
}

ImportResult readSlurmNodes(const std::string &path, ImportSlots slots)
{
    return readingFile(path, [&] { return parseSlurmNodes(readTextFile(path), path, slots); });
}

} // namespace headroom
