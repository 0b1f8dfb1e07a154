#pragma once

#include "ui/models/jobs_table_model.h"

#include <QVariant>

#include <string_view>

namespace headroom::ui {

// One job's row, as the column functions see it.
struct JobCell
{
    const JobsTableModel &model;
    int row;
    const Job &job;
    JobsTableModel::LiveState state() const { return model.liveState(row); }
};

// Everything the jobs table knows about one of its columns: header, tool tips, alignment,
// what a cell shows, how rows sort and what an edit does. JobsTableModel's data(),
// headerData(), flags(), setData() and lessThan() all read this. Null functions: the column
// has no such thing (no text of its own: the value is shown; no comparison: rows sort by job
// id; no edit: read-only).
struct JobColumn
{
    const char *title = nullptr;     // translated in JobsTableModel's context
    const char *headerTip = nullptr; // likewise
    Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter;
    QVariant (*value)(const JobCell &) = nullptr; // RawValueRole, and shown unless text is set
    QVariant (*text)(const JobCell &, bool editing) = nullptr; // DisplayRole and EditRole
    int (*compare)(const JobCell &, const JobCell &) = nullptr;
    QString (*toolTip)(const JobCell &) = nullptr;
    QVariant (*foreground)(const JobCell &) = nullptr;
    QVariant (*decoration)(const JobCell &) = nullptr;
    bool (*edit)(Job &, const QVariant &) = nullptr;
};

// The description of a JobsTableModel column; null outside the table.
const JobColumn *jobColumn(int column);

// Whether the job's name, tenant or decimal id contains `needle`, which must already be lower
// case UTF-8 (ASCII letters compare case-insensitively).
bool jobMatches(const Job &job, std::string_view needle);

} // namespace headroom::ui
