#include "ui/models/jobs_table_model.h"

#include "ui/dnd/drag_payload.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/models/jobs_table_columns.h"
#include "ui/run/live_snapshot.h"
#include "ui/run/run_controller.h"

#include <QColor>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace headroom::ui {
namespace {

// A delete of more scattered ranges than this resets the model instead: each range costs
// every proxy and view a pass over its rows, so thousands of ranges would be quadratic.
constexpr std::size_t kMaxRemovalRanges = 256;

QIcon dotIcon(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(140));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return QIcon(pixmap);
}

} // namespace

JobsTableModel::JobsTableModel(ScenarioDocument *document, RunController *run, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    connect(document, &ScenarioDocument::jobsAboutToBeInserted, this,
            &JobsTableModel::onJobsAboutToBeInserted);
    connect(document, &ScenarioDocument::jobsInserted, this, &JobsTableModel::onJobsInserted);
    connect(document, &ScenarioDocument::jobsAboutToBeRemoved, this,
            &JobsTableModel::onJobsAboutToBeRemoved);
    connect(document, &ScenarioDocument::jobsRemoved, this, &JobsTableModel::onJobsRemoved);
    connect(document, &ScenarioDocument::jobChanged, this, &JobsTableModel::onJobChanged);
    connect(document, &ScenarioDocument::scenarioAboutToBeReset, this,
            &JobsTableModel::onScenarioAboutToBeReset);
    connect(document, &ScenarioDocument::scenarioReset, this, &JobsTableModel::onScenarioReset);
    connect(document, &ScenarioDocument::failuresChanged, this, &JobsTableModel::checkFailureModel);
    m_interruptionsColumn = document->scenario().hasFailureModel();
    setRunController(run);
}

void JobsTableModel::setRunController(RunController *run)
{
    if (m_run == run)
        return;
    disconnect(m_snapshotConnection);
    disconnect(m_resetConnection);
    m_run = run;
    onRunReset();
    if (!run)
        return;
    m_snapshotConnection =
            connect(run, &RunController::snapshotArrived, this, &JobsTableModel::onSnapshot);
    m_resetConnection = connect(run, &RunController::runReset, this, &JobsTableModel::onRunReset);
}

std::size_t JobsTableModel::documentIndex(int row) const
{
    auto index = static_cast<std::size_t>(row);
    for (const auto &[first, last] : m_removedRanges) {
        if (index < first)
            break;
        index += last - first + 1;
    }
    return index;
}

const Job &JobsTableModel::jobAt(int row) const
{
    return m_document->scenario().jobs[documentIndex(row)];
}

int JobsTableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return static_cast<int>(m_document->scenario().jobs.size() - m_removedCount);
}

int JobsTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_interruptionsColumn ? ColumnCount : ColumnCount - 1;
}

JobsTableModel::LiveState JobsTableModel::liveState(int row) const
{
    const LiveJobs &jobs = liveJobsOf(m_run);
    if (row < 0 || row >= rowCount() || !jobs.hasRun())
        return LiveState::None;
    const LiveState stored = jobs.state(documentIndex(row));
    if (stored != LiveState::None)
        return stored;
    return jobAt(row).submitS <= jobs.now() ? LiveState::Queued : LiveState::Pending;
}

WaitInfo JobsTableModel::waitOf(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return liveJobsOf(m_run).waitOf(documentIndex(row));
}

RejectReason JobsTableModel::rejectReasonOf(int row) const
{
    if (row < 0 || row >= rowCount())
        return RejectReason::None;
    return liveJobsOf(m_run).rejectReasonOf(documentIndex(row));
}

std::uint32_t JobsTableModel::interruptionsOf(int row) const
{
    if (row < 0 || row >= rowCount())
        return 0;
    return liveJobsOf(m_run).interruptionsOf(documentIndex(row));
}

QString JobsTableModel::stateName(LiveState state)
{
    switch (state) {
    case LiveState::None:
        return {};
    case LiveState::Pending:
        return tr("pending");
    case LiveState::Queued:
        return tr("queued");
    case LiveState::Running:
        return tr("running");
    case LiveState::Done:
        return tr("done");
    case LiveState::Rejected:
        return tr("rejected");
    }
    return {};
}

QIcon JobsTableModel::stateIcon(LiveState state) const
{
    if (state == LiveState::None)
        return {};
    QIcon &icon = m_stateIcons[static_cast<std::size_t>(state)];
    if (icon.isNull()) { // painted on first use: needs a QGuiApplication
        static const QColor colors[] = {Qt::transparent,          QColor(0xb0, 0xb0, 0xb0),
                                        QColor(0xe0, 0xa0, 0x30), QColor(0x30, 0x90, 0xe0),
                                        QColor(0x40, 0xb0, 0x60), QColor(0xd0, 0x40, 0x40)};
        icon = dotIcon(colors[static_cast<std::size_t>(state)]);
    }
    return icon;
}

QVariant JobsTableModel::data(const QModelIndex &index, int role) const
{
    const JobColumn *column = jobColumn(index.column());
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount() || !column)
        return {};
    const JobCell cell{*this, index.row(), jobAt(index.row())};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return column->text ? column->text(cell, role == Qt::EditRole) : column->value(cell);
    case RawValueRole:
        return column->value(cell);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(column->alignment);
    case Qt::ToolTipRole:
        return column->toolTip ? QVariant(column->toolTip(cell)) : QVariant();
    case Qt::ForegroundRole:
        return column->foreground ? column->foreground(cell) : QVariant();
    case Qt::DecorationRole:
        return column->decoration ? column->decoration(cell) : QVariant();
    default:
        return {};
    }
}

QVariant JobsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    const JobColumn *column = jobColumn(section);
    if (!column)
        return {};
    if (role == Qt::DisplayRole)
        return tr(column->title);
    if (role == Qt::ToolTipRole && column->headerTip)
        return tr(column->headerTip);
    return {};
}

Qt::ItemFlags JobsTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled |
                      Qt::ItemIsDropEnabled | Qt::ItemNeverHasChildren;
    const JobColumn *column = jobColumn(index.column());
    if (column && column->edit)
        f |= Qt::ItemIsEditable;
    return f;
}

bool JobsTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const JobColumn *column = jobColumn(index.column());
    if (role != Qt::EditRole || !index.isValid() || index.row() >= rowCount() || !column ||
        !column->edit || m_removedCount != 0)
        return false;
    const auto row = static_cast<std::size_t>(index.row());
    Job job = m_document->scenario().jobs[row];
    if (!column->edit(job, value))
        return false;
    edits::editJob(*m_document, row, job); // no-op when nothing changed
    return true;
}

QStringList JobsTableModel::mimeTypes() const
{
    return {QString::fromLatin1(mime::kJobs), QString::fromLatin1(mime::kJobTemplate)};
}

QMimeData *JobsTableModel::mimeData(const QModelIndexList &indexes) const
{
    DragPayload payload;
    payload.kind = DragPayload::Kind::ExistingJobs;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && index.model() == this && index.row() < rowCount())
            payload.jobs.push_back(documentIndex(index.row()));
    }
    std::sort(payload.jobs.begin(), payload.jobs.end());
    payload.jobs.erase(std::unique(payload.jobs.begin(), payload.jobs.end()), payload.jobs.end());
    if (payload.jobs.empty())
        return nullptr;
    return toMimeData(payload).release();
}

Qt::DropActions JobsTableModel::supportedDragActions() const
{
    // Copy only: dropping a job on a node pins it, and a MoveAction would make the view
    // remove the dragged rows afterwards.
    return Qt::CopyAction;
}

Qt::DropActions JobsTableModel::supportedDropActions() const
{
    return Qt::CopyAction;
}

bool JobsTableModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                     const QModelIndex &) const
{
    return action == Qt::CopyAction && data && data->hasFormat(mime::kJobTemplate);
}

bool JobsTableModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                  const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const std::optional<DragPayload> payload = fromMimeData(data);
    if (!payload || payload->kind != DragPayload::Kind::JobTemplate)
        return false;
    // Appended whatever the drop position: row order is the document's, not the user's.
    edits::addJobs(*m_document, {payload->jobTemplate}, tr("Add %1").arg(payload->templateName));
    return true;
}

bool JobsTableModel::lessThan(int leftRow, int rightRow, int column) const
{
    const Job &a = jobAt(leftRow);
    const Job &b = jobAt(rightRow);
    const JobColumn *spec = jobColumn(column);
    const int order =
            spec && spec->compare ? spec->compare({*this, leftRow, a}, {*this, rightRow, b}) : 0;
    if (order != 0)
        return order < 0;
    if (a.id != b.id)
        return a.id < b.id;
    return leftRow < rightRow;
}

bool JobsTableModel::rowMatches(int row, const std::string &needle) const
{
    return needle.empty() || jobMatches(jobAt(row), needle);
}

void JobsTableModel::onSnapshot()
{
    const LiveJobs &jobs = liveJobsOf(m_run);
    // The first frame of a run turns every row from blank to pending or queued; later ones
    // change the rows of their events and, as the clock moves, pending rows to queued.
    const bool changed = !m_shown || jobs.statesChanged() || jobs.now() > m_shownNow;
    m_shown = true;
    m_shownNow = jobs.now();
    if (changed && rowCount() > 0)
        Q_EMIT liveStatesChanged();
}

void JobsTableModel::onRunReset()
{
    const bool shown = m_shown;
    m_shown = false;
    m_shownNow = 0.0;
    if (shown && rowCount() > 0)
        Q_EMIT liveStatesChanged();
}

void JobsTableModel::onJobsAboutToBeInserted(std::size_t first, std::size_t last)
{
    m_changingRows = true;
    beginInsertRows({}, static_cast<int>(first), static_cast<int>(last));
}

void JobsTableModel::onJobsInserted(std::size_t first, std::size_t last)
{
    endInsertRows();
    m_changingRows = false;
    if (m_interruptionsColumn)
        return; // insertions never take a failure model away
    const std::vector<Job> &jobs = m_document->scenario().jobs;
    for (std::size_t i = first; i <= last && i < jobs.size(); ++i) {
        if (!jobs[i].checkpoints->empty()) {
            setInterruptionsColumn(true);
            return;
        }
    }
}

void JobsTableModel::onJobsAboutToBeRemoved(const std::vector<std::size_t> &indices)
{
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    for (std::size_t index : indices) {
        if (!ranges.empty() && ranges.back().second + 1 == index)
            ranges.back().second = index;
        else
            ranges.emplace_back(index, index);
    }
    m_changingRows = true;
    if (ranges.size() > kMaxRemovalRanges) {
        m_resettingForRemoval = true;
        beginResetModel();
        return;
    }
    // Highest range first, so the lower ranges' row numbers still hold when their turn comes.
    for (auto it = ranges.rbegin(); it != ranges.rend(); ++it) {
        const auto [first, last] = *it;
        beginRemoveRows({}, static_cast<int>(first), static_cast<int>(last));
        m_removedRanges.insert(m_removedRanges.begin(), *it);
        m_removedCount += last - first + 1;
        endRemoveRows();
    }
}

void JobsTableModel::onJobsRemoved()
{
    m_changingRows = false;
    if (m_resettingForRemoval) {
        m_resettingForRemoval = false;
        endResetModel();
        requestFailureModelCheck();
        return;
    }
    // The model already shows the result; the document has now caught up with it.
    m_removedRanges.clear();
    m_removedCount = 0;
    requestFailureModelCheck();
}

void JobsTableModel::onJobChanged(std::size_t index)
{
    const int row = static_cast<int>(index);
    Q_EMIT dataChanged(this->index(row, 0), this->index(row, columnCount() - 1));
    const std::vector<Job> &jobs = m_document->scenario().jobs;
    if (index >= jobs.size())
        return;
    if (!jobs[index].checkpoints->empty())
        setInterruptionsColumn(true);
    else
        requestFailureModelCheck(); // it may have been the last job with checkpoints
}

void JobsTableModel::onScenarioAboutToBeReset()
{
    beginResetModel();
}

void JobsTableModel::onScenarioReset()
{
    m_removedRanges.clear();
    m_removedCount = 0;
    m_interruptionsColumn = m_document->scenario().hasFailureModel();
    endResetModel();
}

bool JobsTableModel::failureModelWithoutJobs() const
{
    const Scenario &scenario = m_document->scenario();
    return scenario.failures.enabled || !scenario.outages.empty();
}

void JobsTableModel::setInterruptionsColumn(bool shown)
{
    if (shown == m_interruptionsColumn)
        return;
    const int column = InterruptionsColumn;
    if (shown) {
        beginInsertColumns({}, column, column);
        m_interruptionsColumn = true;
        endInsertColumns();
    } else {
        beginRemoveColumns({}, column, column);
        m_interruptionsColumn = false;
        endRemoveColumns();
    }
}

void JobsTableModel::checkFailureModel()
{
    m_failureCheckPending = false;
    setInterruptionsColumn(m_document->scenario().hasFailureModel());
}

void JobsTableModel::requestFailureModelCheck()
{
    // Only a column shown for jobs' checkpoints alone can go; one look for a burst of edits.
    if (!m_interruptionsColumn || failureModelWithoutJobs() || m_failureCheckPending)
        return;
    m_failureCheckPending = true;
    QMetaObject::invokeMethod(this, &JobsTableModel::checkFailureModel, Qt::QueuedConnection);
}

} // namespace headroom::ui
