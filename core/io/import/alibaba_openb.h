#pragma once

#include "core/io/import/import_result.h"
#include "core/io/read_progress.h"

#include <string>
#include <string_view>

namespace headroom {

// Alibaba's GPU cluster trace (cluster-trace-gpu-v2023, "openb"; Weng et al., ATC 2023): its
// node list (sn,cpu_milli,memory_mib,gpu,model) and pod list (name,cpu_milli,memory_mib,
// num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time), with
// header lines, columns in any order (docs/design.md §9). One zone per GPU model; a pod is
// submitted at creation_time and runs deletion_time − scheduled_time; gpu_spec becomes a
// constraint to its model's zone. Pods never scheduled, still running or (under GPU slots)
// CPU-only are skipped and counted; a pod sharing a GPU (gpu_milli < 1000) takes a whole one
// and is counted. Times are the trace's own seconds, kept as they are. With a `progress`,
// reports how far it is through both files and throws ReadCancelled once that is cancelled.
ImportResult parseOpenb(std::string_view nodesText, const std::string &nodesFile,
                        std::string_view podsText, const std::string &podsFile, ImportSlots slots,
                        ReadProgress *progress = nullptr);
ImportResult readOpenb(const std::string &nodesPath, const std::string &podsPath, ImportSlots slots,
                       ReadProgress *progress = nullptr);

} // namespace headroom
