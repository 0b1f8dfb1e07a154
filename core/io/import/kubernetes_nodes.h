#pragma once

#include "core/io/import/import_result.h"

#include <optional>
#include <string>
#include <string_view>

namespace headroom {

// A Kubernetes resource quantity ("96", "95500m", "1056Gi", "1081344Ki", "1e3", "1k", "1M")
// in its base unit (cores, bytes, devices); std::nullopt when the text is not one.
std::optional<double> parseKubernetesQuantity(std::string_view text);

// `kubectl get nodes -o json` (a List of Nodes, or one Node): node types from the capacity
// (nvidia.com/gpu or amd.com/gpu, cpu, memory) and the labels nvidia.com/gpu.product or
// node.kubernetes.io/instance-type; one zone per topology.kubernetes.io/zone, holding one rack
// (docs/design.md §9). Throws InputError with the file, line and JSON path of a bad value.
ImportResult parseKubernetesNodes(std::string_view text, const std::string &file,
                                  ImportSlots slots);
ImportResult readKubernetesNodes(const std::string &path, ImportSlots slots);

} // namespace headroom
