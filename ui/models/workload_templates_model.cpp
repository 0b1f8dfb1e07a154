#include "ui/models/workload_templates_model.h"

#include "ui/models/count_text.h"
#include "ui/models/duration_text.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace headroom::ui {
namespace {

constexpr double kMinute = 60.0;
constexpr double kHour = 3600.0;
constexpr double kDay = 86400.0;

struct Row
{
    const char *label;
    const char *name;
    const char *tenant;
    int accelerators;
    double runS;
    double requestedS; // what such users typically ask for: a margin over the run
    const char *description;
};

// Typical shapes of AI-cluster work, from one accelerator to a multi-node gang.
constexpr Row kTemplates[] = {
        {QT_TRANSLATE_NOOP("WorkloadTemplates", "LLM pre-training"), "llm-pretrain", "research", 64,
         3 * kDay, 4 * kDay,
         QT_TRANSLATE_NOOP("WorkloadTemplates",
                           "A multi-node gang: all 64 accelerators start at once.")},
        {QT_TRANSLATE_NOOP("WorkloadTemplates", "Fine-tune"), "fine-tune", "product", 8, 6 * kHour,
         8 * kHour, QT_TRANSLATE_NOOP("WorkloadTemplates", "One full 8-accelerator node.")},
        {QT_TRANSLATE_NOOP("WorkloadTemplates", "Batch inference"), "batch-inference", "inference",
         1, 30 * kMinute, 1 * kHour,
         QT_TRANSLATE_NOOP("WorkloadTemplates", "A short single-accelerator job.")},
        {QT_TRANSLATE_NOOP("WorkloadTemplates", "Eval sweep"), "eval-sweep", "eval", 4, 2 * kHour,
         3 * kHour, QT_TRANSLATE_NOOP("WorkloadTemplates", "Half a node for model evaluation.")},
};

QIcon templateIcon(int accelerators)
{
    // A bar whose length grows with log2(accelerators): the size of the job at a glance.
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    int bits = 0;
    while ((1 << bits) < accelerators && bits < 8)
        ++bits;
    const QColor color(0x4a, 0x7f, 0xc0);
    painter.setPen(color.darker(140));
    painter.setBrush(color.lighter(160));
    painter.drawRoundedRect(QRectF(1.5, 4.5, 29, 23), 4, 4);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    const int columns = std::max(1, std::min(bits + 1, 7));
    for (int i = 0; i < columns; ++i)
        painter.drawRect(QRectF(4.5 + i * 3.6, 23.5 - (i + 1) * 2.4, 2.6, (i + 1) * 2.4));
    return QIcon(pixmap);
}

} // namespace

WorkloadTemplatesModel::WorkloadTemplatesModel(QObject *parent)
    : PaletteModel(mime::kJobTemplate, parent)
{}

const std::vector<WorkloadTemplate> &WorkloadTemplatesModel::builtIn()
{
    static const std::vector<WorkloadTemplate> templates = [] {
        std::vector<WorkloadTemplate> list;
        for (const Row &row : kTemplates) {
            WorkloadTemplate t;
            t.label = QCoreApplication::translate("WorkloadTemplates", row.label);
            t.detail = countText(row.accelerators, tr("%1 GPU"), tr("%1 GPUs")) +
                       QStringLiteral(" · ") + formatDuration(row.runS);
            t.description = QCoreApplication::translate("WorkloadTemplates", row.description);
            t.job.name = row.name;
            t.job.tenant = row.tenant;
            t.job.slots = row.accelerators;
            t.job.runS = row.runS;
            t.job.requestedS = row.requestedS;
            list.push_back(std::move(t));
        }
        return list;
    }();
    return templates;
}

int WorkloadTemplatesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(builtIn().size());
}

const WorkloadTemplate *WorkloadTemplatesModel::templateAt(int row) const
{
    const auto &list = builtIn();
    if (row < 0 || static_cast<std::size_t>(row) >= list.size())
        return nullptr;
    return &list[static_cast<std::size_t>(row)];
}

QVariant WorkloadTemplatesModel::data(const QModelIndex &index, int role) const
{
    const WorkloadTemplate *t =
            index.isValid() && index.column() == 0 ? templateAt(index.row()) : nullptr;
    if (!t)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return t->label;
    case DetailRole:
        return t->detail;
    case Qt::DecorationRole:
        return templateIcon(t->job.slots);
    case Qt::ToolTipRole:
        return tr("<b>%1</b>, %2<br>%3<br>Requests %4 of wall time.<br><i>Drag onto the "
                  "cluster or the jobs table to add this job.</i>")
                .arg(t->label.toHtmlEscaped(), t->detail.toHtmlEscaped(),
                     t->description.toHtmlEscaped(), formatDuration(t->job.requestedS));
    default:
        return {};
    }
}

std::optional<DragPayload> WorkloadTemplatesModel::payloadAt(int row) const
{
    const WorkloadTemplate *t = templateAt(row);
    if (!t)
        return std::nullopt;
    DragPayload payload;
    payload.kind = DragPayload::Kind::JobTemplate;
    payload.jobTemplate = t->job;
    payload.templateName = t->label + QStringLiteral(" (") + t->detail + u')';
    return payload;
}

} // namespace headroom::ui
