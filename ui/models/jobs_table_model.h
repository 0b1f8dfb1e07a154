#pragma once

#include "core/model/job.h"
#include "ui/run/live_jobs.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QPointer>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace headroom::ui {

class RunController;
class ScenarioDocument;

// The document's jobs as a table, one row per Scenario::jobs entry (row == job index), for a
// million rows as readily as for ten: it stores nothing per job but one byte of live state,
// answers data() straight from the scenario, and follows the document's fine-grained job
// signals with begin/end insert/remove calls, so views keep their selection and scroll
// position across edits, undo and redo. Editing a cell pushes edits::editJob.
//
// The State column shows the run controller's job record (LiveJobs): running, done or
// rejected as the events said; a job without an event is "pending" before its submit time and
// "queued" after it. A run reset clears the column. The Interruptions column (last) is there
// only while the scenario has a failure model (docs/design.md §10.6, like the jobs CSV's
// column): columnCount() is one less without one, and the column comes and goes with
// column insertions and removals as edits change that.
//
// Live state changes are announced by liveStatesChanged(), not dataChanged(): a run going
// flat out changes tens of thousands of scattered rows per frame, and dataChanged() for them
// makes every proxy re-filter and re-sort those rows on the GUI thread (measured: ~100 ms
// stalls on a million-job run). Views repaint on liveStatesChanged(); sorting by state uses
// the state at the time the user sorts.
//
// What each column shows, sorts by and accepts is one entry of the column table in
// jobs_table_columns.cpp.
class JobsTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        NameColumn,
        TenantColumn,
        SubmitColumn,
        AcceleratorsColumn,
        RunColumn,
        RequestedColumn,
        ConstraintsColumn,
        StateColumn,
        WaitingColumn,
        InterruptionsColumn, // only with a failure model (see the class comment)
        ColumnCount
    };

    using LiveState = LiveJobState;

    // The unformatted value of a cell: seconds as double, ids and counts as integers.
    static constexpr int RawValueRole = Qt::UserRole + 1;

    explicit JobsTableModel(ScenarioDocument *document, RunController *run = nullptr,
                            QObject *parent = nullptr);

Q_SIGNALS:
    // The State, Waiting for or Interruptions column changed for some rows (see the class
    // comment).
    void liveStatesChanged();

public:
    ScenarioDocument *document() const { return m_document; }
    void setRunController(RunController *run);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    // Workload templates dropped on the table become new jobs (appended, undoable).
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    // True while the model follows a document insertion or removal (from the document's
    // about-to signal until the model is done): views' selection models shift their rows in
    // that time, and whoever maps rows to job positions should wait for the document's
    // jobsInserted/jobsRemoved instead.
    bool isChangingRows() const { return m_changingRows; }

    // The live state of job `row` as the State column shows it (None: no run data yet).
    LiveState liveState(int row) const;
    static QString stateName(LiveState state);
    // What job `row` waits for in the live run (queued; or, the run finished, rejected without
    // having started), and the rule that rejected it (docs/design.md §3.12, §3.2).
    WaitInfo waitOf(int row) const;
    RejectReason rejectReasonOf(int row) const;
    // How often the live run interrupted job `row` so far (docs/design.md §10.4).
    std::uint32_t interruptionsOf(int row) const;
    // Whether the Interruptions column is there: the scenario has a failure model.
    bool hasInterruptionsColumn() const { return m_interruptionsColumn; }
    // The State column's icon: a dot in the state's colour (none for None).
    QIcon stateIcon(LiveState state) const;

    // Row order for sorting by `column` without building QVariants: the jobs proxy calls this
    // a few million times when a million-row table is sorted. Ties fall back to the job id.
    bool lessThan(int leftRow, int rightRow, int column) const;
    // Whether the job's name, tenant or decimal id contains `needle`, which must already be
    // lower case UTF-8 (ASCII letters compare case-insensitively).
    bool rowMatches(int row, const std::string &needle) const;

private:
    void onSnapshot();
    void onRunReset();
    const Job &jobAt(int row) const;
    std::size_t documentIndex(int row) const;
    void onJobsAboutToBeInserted(std::size_t first, std::size_t last);
    void onJobsInserted(std::size_t first, std::size_t last);
    void onJobsAboutToBeRemoved(const std::vector<std::size_t> &indices);
    void onJobsRemoved();
    void onJobChanged(std::size_t index);
    void onScenarioAboutToBeReset();
    void onScenarioReset();
    // Shows or hides the Interruptions column as the scenario has a failure model or not.
    // Looking for a job with checkpoints visits every job, so job edits that may have taken
    // the last one away ask for one look after the current event (requestFailureModelCheck).
    void setInterruptionsColumn(bool shown);
    void checkFailureModel();
    void requestFailureModelCheck();
    bool failureModelWithoutJobs() const;

    ScenarioDocument *m_document;
    QPointer<RunController> m_run;
    QMetaObject::Connection m_snapshotConnection;
    QMetaObject::Connection m_resetConnection;

    bool m_shown = false;    // the State column shows a run
    double m_shownNow = 0.0; // the simulated time it shows

    // While the document announces a removal of scattered rows, the rows are taken out range
    // by range (highest first) before the document itself changes; data() in between maps
    // the model's rows to the still-unchanged document through the ranges already gone.
    std::vector<std::pair<std::size_t, std::size_t>> m_removedRanges; // [first, last], ascending
    std::size_t m_removedCount = 0;
    bool m_resettingForRemoval = false;
    bool m_changingRows = false;
    bool m_interruptionsColumn = false;
    bool m_failureCheckPending = false;

    mutable QIcon m_stateIcons[6]; // by LiveState, painted on first use
};

} // namespace headroom::ui
