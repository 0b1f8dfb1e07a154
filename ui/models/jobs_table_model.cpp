#include "ui/models/jobs_table_model.h"

#include "ui/dnd/drag_payload.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/models/count_text.h"
#include "ui/models/duration_text.h"
#include "ui/run/live_snapshot.h"
#include "ui/run/run_controller.h"

#include <QColor>
#include <QPainter>
#include <QPixmap>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

namespace headroom::ui {
namespace {

// Limits of validateScenario(), so an edit can never make the scenario unloadable.
constexpr int kMaxSlots = 1 << 24;
constexpr double kMaxSeconds = 1e12;

// A delete of more scattered ranges than this resets the model instead: each range costs
// every proxy and view a pass over its rows, so thousands of ranges would be quadratic.
constexpr std::size_t kMaxRemovalRanges = 256;
// Likewise for live-state updates: past this many separate ranges, one covering range.

char lowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool containsLower(std::string_view haystack, std::string_view needle)
{
    if (needle.empty())
        return true;
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                       [](char a, char b) { return lowerAscii(a) == b; }) != haystack.end();
}

int compareLower(std::string_view a, std::string_view b)
{
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const char x = lowerAscii(a[i]);
        const char y = lowerAscii(b[i]);
        if (x != y)
            return static_cast<unsigned char>(x) < static_cast<unsigned char>(y) ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

template<typename T>
int compareValues(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

QIcon stateIcon(const QColor &color)
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

bool isEditable(int column)
{
    switch (column) {
    case JobsTableModel::NameColumn:
    case JobsTableModel::TenantColumn:
    case JobsTableModel::SubmitColumn:
    case JobsTableModel::AcceleratorsColumn:
    case JobsTableModel::RunColumn:
    case JobsTableModel::RequestedColumn:
        return true;
    default:
        return false;
    }
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
    return parent.isValid() ? 0 : ColumnCount;
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

QString JobsTableModel::constraintsSummary(const JobConstraints &c) const
{
    QStringList parts;
    if (!c.nodeType.empty())
        parts << tr("type %1").arg(QString::fromStdString(c.nodeType));
    if (!c.zone.empty())
        parts << tr("zone %1").arg(QString::fromStdString(c.zone));
    if (!c.rack.empty())
        parts << tr("rack %1").arg(QString::fromStdString(c.rack));
    if (!c.pinNode.empty())
        parts << tr("pin %1").arg(QString::fromStdString(c.pinNode));
    return parts.join(QStringLiteral(" · "));
}

QVariant JobsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const int row = index.row();
    const Job &job = jobAt(row);
    const int column = index.column();
    // Compact in the cells, spelled out in the editor (both read back alike).
    auto duration = [role](double seconds) {
        return role == Qt::EditRole ? formatDuration(seconds) : formatDurationCompact(seconds);
    };

    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (column) {
        case IdColumn:
            return static_cast<qlonglong>(job.id);
        case NameColumn:
            return QString::fromStdString(job.name);
        case TenantColumn:
            return QString::fromStdString(job.tenant);
        case SubmitColumn:
            return duration(job.submitS);
        case AcceleratorsColumn:
            return job.slots;
        case RunColumn:
            return duration(job.runS);
        case RequestedColumn:
            if (job.requestedS > 0.0)
                return duration(job.requestedS);
            return role == Qt::EditRole ? QString() : QStringLiteral("—");
        case ConstraintsColumn:
            return constraintsSummary(*job.constraints);
        case StateColumn:
            return stateName(liveState(row));
        }
        break;
    case RawValueRole:
        switch (column) {
        case IdColumn:
            return static_cast<qlonglong>(job.id);
        case NameColumn:
            return QString::fromStdString(job.name);
        case TenantColumn:
            return QString::fromStdString(job.tenant);
        case SubmitColumn:
            return job.submitS;
        case AcceleratorsColumn:
            return job.slots;
        case RunColumn:
            return job.runS;
        case RequestedColumn:
            return job.requestedS;
        case ConstraintsColumn:
            return constraintsSummary(*job.constraints);
        case StateColumn:
            return static_cast<int>(liveState(row));
        }
        break;
    case Qt::TextAlignmentRole:
        switch (column) {
        case IdColumn:
        case SubmitColumn:
        case AcceleratorsColumn:
        case RunColumn:
        case RequestedColumn:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        default:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
        }
    case Qt::ForegroundRole:
        if (column == RequestedColumn && job.requestedS <= 0.0)
            return QColor(Qt::gray);
        break;
    case Qt::DecorationRole:
        if (column == StateColumn) {
            const LiveState state = liveState(row);
            if (state == LiveState::None)
                return {};
            auto &icon = m_stateIcons[static_cast<std::size_t>(state)];
            if (icon.isNull()) {
                static const QColor colors[] = {Qt::transparent,          QColor(0xb0, 0xb0, 0xb0),
                                                QColor(0xe0, 0xa0, 0x30), QColor(0x30, 0x90, 0xe0),
                                                QColor(0x40, 0xb0, 0x60), QColor(0xd0, 0x40, 0x40)};
                icon = stateIcon(colors[static_cast<std::size_t>(state)]);
            }
            return icon;
        }
        break;
    case Qt::ToolTipRole:
        switch (column) {
        case RequestedColumn:
            if (job.requestedS <= 0.0)
                return tr("No wall-time request: schedulers take the run time.");
            if (job.requestedS < job.runS)
                return tr("The request is shorter than the run time, so schedulers take the "
                          "run time (%1).")
                        .arg(formatDuration(job.runS));
            return tr("Wall time the user asked for; SJF, SRTF and backfilling plan with it.");
        case ConstraintsColumn:
            if (job.constraints->empty())
                return tr("Runs on any node");
            return tr("Runs only where: %1").arg(constraintsSummary(*job.constraints));
        case AcceleratorsColumn:
            return countText(job.slots, tr("%1 accelerator"), tr("%1 accelerators"));
        case StateColumn:
            switch (liveState(row)) {
            case LiveState::None:
                return tr("Start the simulation to see this job's state");
            case LiveState::Pending:
                return tr("Not submitted yet at the current simulated time");
            case LiveState::Queued:
                return tr("Submitted, waiting for accelerators");
            case LiveState::Running:
                return tr("Running");
            case LiveState::Done:
                return tr("Completed");
            case LiveState::Rejected:
                return tr("Rejected: no node can ever satisfy it");
            }
            break;
        default:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant JobsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case IdColumn:
            return tr("Id");
        case NameColumn:
            return tr("Name");
        case TenantColumn:
            return tr("Tenant");
        case SubmitColumn:
            return tr("Submit");
        case AcceleratorsColumn:
            return tr("Accel.");
        case RunColumn:
            return tr("Run time");
        case RequestedColumn:
            return tr("Requested");
        case ConstraintsColumn:
            return tr("Constraints");
        case StateColumn:
            return tr("State");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case IdColumn:
            return tr("Job id, unique in the scenario");
        case SubmitColumn:
            return tr("When the job is submitted, after the start of the scenario");
        case AcceleratorsColumn:
            return tr("Accelerators requested; more than one node holds makes a gang that "
                      "starts on all its nodes at once");
        case RunColumn:
            return tr("Actual run time at full speed");
        case RequestedColumn:
            return tr("Wall time the user requested (used by SJF, SRTF and backfilling)");
        case ConstraintsColumn:
            return tr("Node type, zone, rack or node the job is restricted to");
        case StateColumn:
            return tr("State in the running simulation");
        default:
            break;
        }
    }
    return {};
}

Qt::ItemFlags JobsTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled |
                      Qt::ItemIsDropEnabled | Qt::ItemNeverHasChildren;
    if (isEditable(index.column()))
        f |= Qt::ItemIsEditable;
    return f;
}

bool JobsTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.row() >= rowCount() ||
        !isEditable(index.column()) || m_removedCount != 0)
        return false;
    const auto row = static_cast<std::size_t>(index.row());
    Job job = m_document->scenario().jobs[row];
    // An editor closed without a change hands back the text it was given; for durations that
    // text is rounded, so compare text first rather than pushing a rounded value.
    // `positive`: the value must be > 0 (run time), otherwise >= 0. `allowEmpty`: empty text
    // means "not given" (0).
    auto duration = [&](double current, bool positive, bool allowEmpty, double *out) -> bool {
        const QString text = value.toString().trimmed();
        if (text == formatDuration(current) || text == formatDurationCompact(current))
            return true;
        if (allowEmpty && text.isEmpty()) {
            *out = 0.0;
            return true;
        }
        const std::optional<double> seconds = parseDuration(text);
        if (!seconds || *seconds > kMaxSeconds || (positive && *seconds <= 0.0))
            return false;
        *out = *seconds;
        return true;
    };
    switch (index.column()) {
    case NameColumn:
        job.name = value.toString().trimmed().toStdString();
        break;
    case TenantColumn:
        job.tenant = value.toString().trimmed().toStdString();
        break;
    case SubmitColumn:
        if (!duration(job.submitS, false, false, &job.submitS))
            return false;
        break;
    case AcceleratorsColumn: {
        bool ok = false;
        const int slots = value.toInt(&ok);
        if (!ok || slots < 1 || slots > kMaxSlots)
            return false;
        job.slots = slots;
        break;
    }
    case RunColumn:
        if (!duration(job.runS, true, false, &job.runS))
            return false;
        break;
    case RequestedColumn:
        if (!duration(job.requestedS, false, true, &job.requestedS))
            return false;
        break;
    default:
        return false;
    }
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
    int order = 0;
    switch (column) {
    case NameColumn:
        order = compareLower(a.name, b.name);
        break;
    case TenantColumn:
        order = compareLower(a.tenant, b.tenant);
        break;
    case SubmitColumn:
        order = compareValues(a.submitS, b.submitS);
        break;
    case AcceleratorsColumn:
        order = compareValues(a.slots, b.slots);
        break;
    case RunColumn:
        order = compareValues(a.runS, b.runS);
        break;
    case RequestedColumn:
        order = compareValues(a.requestedS, b.requestedS);
        break;
    case ConstraintsColumn: {
        const JobConstraints &x = *a.constraints;
        const JobConstraints &y = *b.constraints;
        order = compareValues(std::tie(x.nodeType, x.zone, x.rack, x.pinNode),
                              std::tie(y.nodeType, y.zone, y.rack, y.pinNode));
        break;
    }
    case StateColumn:
        order = compareValues(liveState(leftRow), liveState(rightRow));
        break;
    default:
        break;
    }
    if (order == 0)
        order = compareValues(a.id, b.id);
    if (order == 0)
        order = compareValues(leftRow, rightRow);
    return order < 0;
}

bool JobsTableModel::rowMatches(int row, const std::string &needle) const
{
    if (needle.empty())
        return true;
    const Job &job = jobAt(row);
    if (containsLower(job.name, needle) || containsLower(job.tenant, needle))
        return true;
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, job.id);
    return containsLower(std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer)),
                         needle);
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

void JobsTableModel::onJobsInserted()
{
    endInsertRows();
    m_changingRows = false;
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
        return;
    }
    // The model already shows the result; the document has now caught up with it.
    m_removedRanges.clear();
    m_removedCount = 0;
}

void JobsTableModel::onJobChanged(std::size_t index)
{
    const int row = static_cast<int>(index);
    Q_EMIT dataChanged(this->index(row, 0), this->index(row, ColumnCount - 1));
}

void JobsTableModel::onScenarioAboutToBeReset()
{
    beginResetModel();
}

void JobsTableModel::onScenarioReset()
{
    m_removedRanges.clear();
    m_removedCount = 0;
    endResetModel();
}

} // namespace headroom::ui
