#include "ui/panels/workloads_panel.h"

#include "ui/dialogs/add_job_dialog.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/document/selection.h"
#include "ui/models/count_text.h"
#include "ui/models/jobs_filter_proxy.h"
#include "ui/models/jobs_table_model.h"
#include "ui/panels/panel_icons.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace headroom::ui {
namespace {

// Above this many jobs the filter waits for a pause in typing: each pass visits every row.
constexpr int kImmediateFilterRows = 20000;
// A flat-out run changes job states with every slice of every frame (hundreds a second), and
// each repaint lays out and draws every visible cell's text: repainting the table on each took
// as much of the GUI thread as all the live charts together (issue 11). Rows that change
// faster than this cannot be read anyway.
constexpr qint64 kLiveRepaintMs = 250;

} // namespace

WorkloadsPanel::WorkloadsPanel(ScenarioDocument *document, Selection *selection, RunController *run,
                               QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_selection(selection)
    , m_model(new JobsTableModel(document, run, this))
    , m_proxy(new JobsFilterProxy(this))
    , m_view(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_filterTimer(new QTimer(this))
    , m_liveRepaintTimer(new QTimer(this))
    , m_count(new QLabel(this))
    , m_addAction(new QAction(addIcon(this), tr("Add Job…"), this))
    , m_deleteAction(new QAction(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete"), this))
{
    m_proxy->setJobsModel(m_model);
    // Live states come without dataChanged() (see JobsTableModel); repaint what is visible.
    m_liveRepaintTimer->setSingleShot(true);
    connect(m_liveRepaintTimer, &QTimer::timeout, this, &WorkloadsPanel::repaintLiveStates);
    connect(m_model, &JobsTableModel::liveStatesChanged, this, [this] {
        if (!m_view->isVisible() || m_liveRepaintTimer->isActive())
            return;
        const qint64 since =
                m_sinceLiveRepaint.isValid() ? m_sinceLiveRepaint.elapsed() : kLiveRepaintMs;
        if (since >= kLiveRepaintMs)
            repaintLiveStates();
        else
            m_liveRepaintTimer->start(int(kLiveRepaintMs - since));
    });

    m_filter->setObjectName("jobsFilter");
    m_filter->setPlaceholderText(tr("Filter by name, tenant or id"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only jobs whose name, tenant or id contains this text"));
    m_filter->addAction(findIcon(this), QLineEdit::LeadingPosition);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(200);
    connect(m_filterTimer, &QTimer::timeout, this, &WorkloadsPanel::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, this, [this] {
        if (m_model->rowCount() > kImmediateFilterRows)
            m_filterTimer->start();
        else
            applyFilter();
    });

    m_addAction->setObjectName("addJob");
    m_addAction->setToolTip(tr("Describe a new job, or size an LLM training run (Ins)"));
    m_addAction->setShortcut(QKeySequence(Qt::Key_Insert));
    m_addAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_addAction, &QAction::triggered, this, &WorkloadsPanel::addJob);
    m_deleteAction->setObjectName("deleteJobs");
    m_deleteAction->setToolTip(tr("Delete the selected jobs (Del)"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_deleteAction, &QAction::triggered, this, &WorkloadsPanel::deleteSelected);
    addAction(m_addAction);
    addAction(m_deleteAction);

    auto *toolBar = new QToolBar(this);
    toolBar->setIconSize(QSize(16, 16));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_addAction);
    toolBar->addAction(m_deleteAction);

    m_count->setObjectName("jobsCount");
    m_count->setToolTip(tr("Jobs shown / jobs in the scenario"));

    m_view->setObjectName("jobsTable");
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::SelectedClicked);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDefaultDropAction(Qt::CopyAction);
    m_view->setDropIndicatorShown(false);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setCornerButtonEnabled(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights and no content-based sizing: both would visit every row of a trace.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int widths[JobsTableModel::ColumnCount] = {4, 11, 7, 6, 5, 7, 8, 10, 7, 14, 8};
    for (int column = 0; column < header->count(); ++column)
        header->resizeSection(column, widths[column] * em);
    // The Interruptions column comes with a failure model (JobsTableModel), maybe later.
    connect(m_proxy, &QAbstractItemModel::columnsInserted, header,
            [header, em](const QModelIndex &, int first, int last) {
                for (int column = first; column <= last; ++column) {
                    if (column == JobsTableModel::InterruptionsColumn)
                        header->resizeSection(column, 8 * em);
                }
            });
    // State right after the name: after a run it is what the table is read for, and at the end
    // of nine columns a dock of ordinary width never shows it.
    header->moveSection(header->visualIndex(JobsTableModel::StateColumn), 2);
    // Source order (usually submit order) until the user clicks a header.
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->setToolTip(tr("Double-click a cell to edit it; drag jobs onto a node to pin them"));

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(toolBar);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &WorkloadsPanel::onViewSelectionChanged);
    connect(selection, &Selection::jobsChanged, this, &WorkloadsPanel::followSelection);
    // After the model (connected first) has caught up with the document.
    connect(document, &ScenarioDocument::jobsInserted, this, &WorkloadsPanel::onJobsInserted);
    connect(document, &ScenarioDocument::jobsRemoved, this, &WorkloadsPanel::onJobsRemoved);
    connect(document, &ScenarioDocument::scenarioReset, this, [this] {
        m_selection->setJobs({});
        updateCount();
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &WorkloadsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &WorkloadsPanel::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &WorkloadsPanel::updateCount);

    updateCount();
    updateActions();
    followSelection();
}

std::vector<std::size_t> WorkloadsPanel::selectedJobs() const
{
    std::vector<std::size_t> jobs;
    // Ranges rather than selectedRows(): a select-all over a trace is one range, not a
    // million indexes.
    const QItemSelection selected = m_view->selectionModel()->selection();
    for (const QItemSelectionRange &range : selected) {
        for (int row = range.top(); row <= range.bottom(); ++row) {
            const QModelIndex source = m_proxy->mapToSource(m_proxy->index(row, 0));
            if (source.isValid())
                jobs.push_back(static_cast<std::size_t>(source.row()));
        }
    }
    std::sort(jobs.begin(), jobs.end());
    jobs.erase(std::unique(jobs.begin(), jobs.end()), jobs.end());
    return jobs;
}

void WorkloadsPanel::onViewSelectionChanged()
{
    updateActions();
    // Rows shifted or dropped mid-insert or mid-delete: onJobsInserted() and onJobsRemoved()
    // remap Selection once the document has settled.
    if (m_syncing || m_model->isChangingRows())
        return;
    m_syncing = true;
    m_selection->setJobs(selectedJobs());
    m_syncing = false;
}

void WorkloadsPanel::followSelection()
{
    if (m_syncing)
        return;
    std::vector<int> rows;
    const int sourceRows = m_model->rowCount();
    for (std::size_t job : m_selection->jobs()) {
        if (job >= static_cast<std::size_t>(sourceRows))
            continue;
        const QModelIndex proxyIndex =
                m_proxy->mapFromSource(m_model->index(static_cast<int>(job), 0));
        if (proxyIndex.isValid()) // filtered-out jobs stay selected, just not shown
            rows.push_back(proxyIndex.row());
    }
    std::sort(rows.begin(), rows.end());
    QItemSelection selection;
    const int lastColumn = m_proxy->columnCount() - 1;
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
            ++j;
        selection.select(m_proxy->index(rows[i], 0), m_proxy->index(rows[j], lastColumn));
        i = j + 1;
    }
    m_syncing = true;
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_syncing = false;
    updateActions();
    if (!rows.empty() && !m_view->hasFocus())
        m_view->scrollTo(m_proxy->index(rows.front(), 0));
}

void WorkloadsPanel::onJobsInserted(std::size_t first, std::size_t last)
{
    const std::size_t count = last - first + 1;
    std::vector<std::size_t> jobs = m_selection->jobs();
    bool moved = false;
    for (std::size_t &job : jobs) {
        if (job >= first) {
            job += count;
            moved = true;
        }
    }
    if (moved) {
        m_syncing = true; // the view's selection model has shifted its rows already
        m_selection->setJobs(std::move(jobs));
        m_syncing = false;
    }
}

void WorkloadsPanel::onJobsRemoved(const std::vector<std::size_t> &indices)
{
    std::vector<std::size_t> jobs;
    const Selection::JobIndices &before = m_selection->jobs();
    jobs.reserve(before.size());
    for (std::size_t job : before) {
        const auto it = std::lower_bound(indices.begin(), indices.end(), job);
        if (it != indices.end() && *it == job)
            continue;
        jobs.push_back(job - static_cast<std::size_t>(it - indices.begin()));
    }
    m_syncing = true;
    m_selection->setJobs(std::move(jobs));
    m_syncing = false;
    updateActions();
}

void WorkloadsPanel::setFilterText(const QString &text)
{
    m_filter->setText(text);
    m_filterTimer->stop();
    applyFilter();
}

void WorkloadsPanel::applyFilter()
{
    // Jobs the filter hides stay in Selection (the properties panel still edits them); the
    // view only loses the rows it no longer shows.
    m_syncing = true;
    m_proxy->setFilterText(m_filter->text());
    m_syncing = false;
    updateCount();
    // Rows that come back into view should show as selected again if they are.
    followSelection();
}

void WorkloadsPanel::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (shown == total)
        m_count->setText(countText(total, tr("%1 job"), tr("%1 jobs")));
    else
        m_count->setText(
                tr("%1 of %2").arg(shown).arg(countText(total, tr("%1 job"), tr("%1 jobs"))));
}

void WorkloadsPanel::updateActions()
{
    m_deleteAction->setEnabled(m_view->selectionModel()->hasSelection());
}

void WorkloadsPanel::addJob()
{
    AddJobDialog dialog(m_document->scenario(), this);
    if (dialog.exec() != QDialog::Accepted || !dialog.isValid())
        return;
    const Job job = dialog.job();
    edits::addJobs(*m_document, {job}, tr("Add job %1").arg(QString::fromStdString(job.name)));
    m_selection->setJobs({m_document->scenario().jobs.size() - 1});
}

void WorkloadsPanel::deleteSelected()
{
    std::vector<std::size_t> jobs = selectedJobs();
    if (!jobs.empty())
        edits::removeJobs(*m_document, std::move(jobs));
}

void WorkloadsPanel::repaintLiveStates()
{
    m_sinceLiveRepaint.start();
    m_view->viewport()->update();
}

} // namespace headroom::ui
