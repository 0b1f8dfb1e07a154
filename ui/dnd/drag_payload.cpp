#include "ui/dnd/drag_payload.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace headroom::ui {
namespace {

QJsonObject jobToJson(const Job &job, const QString &name)
{
    QJsonObject o;
    o["label"] = name;
    o["name"] = QString::fromStdString(job.name);
    o["tenant"] = QString::fromStdString(job.tenant);
    o["accelerators"] = job.slots;
    o["run_s"] = job.runS;
    o["requested_s"] = job.requestedS;
    o["priority"] = job.priority;
    o["node_type"] = QString::fromStdString(job.constraints->nodeType);
    return o;
}

Job jobFromJson(const QJsonObject &o)
{
    Job job;
    job.name = o["name"].toString().toStdString();
    job.tenant = o["tenant"].toString().toStdString();
    job.slots = o["accelerators"].toInt(1);
    job.runS = o["run_s"].toDouble(3600);
    job.requestedS = o["requested_s"].toDouble(0);
    job.priority = o["priority"].toInt(0);
    JobConstraints constraints;
    constraints.nodeType = o["node_type"].toString().toStdString();
    job.constraints = constraints;
    return job;
}

} // namespace

std::unique_ptr<QMimeData> toMimeData(const DragPayload &payload)
{
    auto data = std::make_unique<QMimeData>();
    switch (payload.kind) {
    case DragPayload::Kind::NodeType:
        data->setData(mime::kNodeType, QByteArray::fromStdString(payload.nodeType));
        data->setText(QString::fromStdString(payload.nodeType));
        break;
    case DragPayload::Kind::ExistingJobs: {
        QJsonArray indices;
        for (std::size_t index : payload.jobs)
            indices.append(static_cast<qint64>(index));
        data->setData(mime::kJobs, QJsonDocument(indices).toJson(QJsonDocument::Compact));
        break;
    }
    case DragPayload::Kind::JobTemplate:
        data->setData(mime::kJobTemplate,
                      QJsonDocument(jobToJson(payload.jobTemplate, payload.templateName))
                              .toJson(QJsonDocument::Compact));
        data->setText(payload.templateName);
        break;
    }
    return data;
}

std::optional<DragPayload> fromMimeData(const QMimeData *data)
{
    if (!data)
        return std::nullopt;
    DragPayload payload;
    if (data->hasFormat(mime::kNodeType)) {
        payload.kind = DragPayload::Kind::NodeType;
        payload.nodeType = data->data(mime::kNodeType).toStdString();
        return payload;
    }
    if (data->hasFormat(mime::kJobs)) {
        payload.kind = DragPayload::Kind::ExistingJobs;
        const QJsonArray indices = QJsonDocument::fromJson(data->data(mime::kJobs)).array();
        for (const QJsonValue &value : indices) {
            if (value.toInteger(-1) >= 0)
                payload.jobs.push_back(static_cast<std::size_t>(value.toInteger()));
        }
        if (payload.jobs.empty())
            return std::nullopt;
        return payload;
    }
    if (data->hasFormat(mime::kJobTemplate)) {
        payload.kind = DragPayload::Kind::JobTemplate;
        const QJsonObject o = QJsonDocument::fromJson(data->data(mime::kJobTemplate)).object();
        payload.jobTemplate = jobFromJson(o);
        payload.templateName = o["label"].toString();
        return payload;
    }
    return std::nullopt;
}

} // namespace headroom::ui
