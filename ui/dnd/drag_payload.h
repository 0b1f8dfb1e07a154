#pragma once

#include "core/model/job.h"

#include <QMimeData>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace headroom::ui {

// What can be dragged in Headroom, and how it travels in QMimeData. One payload per drag.
namespace mime {
inline constexpr const char *kNodeType = "application/x-headroom-node-type"; // UTF-8 name
inline constexpr const char *kJobs = "application/x-headroom-jobs"; // JSON array of indices
inline constexpr const char *kJobTemplate = "application/x-headroom-job-template"; // JSON job
} // namespace mime

struct DragPayload
{
    enum class Kind { NodeType, ExistingJobs, JobTemplate };
    Kind kind = Kind::NodeType;
    std::string nodeType;          // NodeType
    std::vector<std::size_t> jobs; // ExistingJobs: positions in Scenario::jobs
    Job jobTemplate;               // JobTemplate: a new job to create
    QString templateName;          // JobTemplate: label, e.g. "LLM fine-tune (64 GPUs)"
};

std::unique_ptr<QMimeData> toMimeData(const DragPayload &payload);
std::optional<DragPayload> fromMimeData(const QMimeData *data);

} // namespace headroom::ui
