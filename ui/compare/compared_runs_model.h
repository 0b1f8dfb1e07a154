#pragma once

#include "ui/compare/compared_run.h"

#include <QAbstractListModel>

#include <vector>

namespace headroom::ui {

// The runs a Compare window shows, first one the baseline the deltas are taken against
// (docs/design.md §8.1). At most kMaxRuns: more overlaid series stop being readable.
class ComparedRunsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    static constexpr int kMaxRuns = 4;

    using QAbstractListModel::QAbstractListModel;

    const std::vector<ComparedRun> &runs() const { return m_runs; }
    bool isFull() const { return int(m_runs.size()) >= kMaxRuns; }
    // Appends `run`; false (and nothing changes) when the model is full.
    bool append(ComparedRun run);
    void remove(int row);
    void setRuns(std::vector<ComparedRun> runs); // the first kMaxRuns of them
    // A name no run has yet: `base`, else "base (2)", "base (3)", ...
    QString uniqueName(const QString &base) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

Q_SIGNALS:
    // After any change of the runs (added, removed, replaced): one signal for the views that
    // redraw everything anyway.
    void runsChanged();

private:
    std::vector<ComparedRun> m_runs;
};

} // namespace headroom::ui
