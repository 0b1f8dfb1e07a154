#include "ui/models/jobs_table_columns.h"

#include "core/model/limits.h"
#include "ui/models/count_text.h"
#include "ui/models/duration_text.h"
#include "ui/timeline/time_axis.h"

#include <QColor>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <tuple>

namespace headroom::ui {
namespace {

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

QString constraintsSummary(const JobConstraints &c)
{
    QStringList parts;
    if (!c.nodeType.empty())
        parts << JobsTableModel::tr("type %1").arg(QString::fromStdString(c.nodeType));
    if (!c.zone.empty())
        parts << JobsTableModel::tr("zone %1").arg(QString::fromStdString(c.zone));
    if (!c.rack.empty())
        parts << JobsTableModel::tr("rack %1").arg(QString::fromStdString(c.rack));
    if (!c.pinNode.empty())
        parts << JobsTableModel::tr("pin %1").arg(QString::fromStdString(c.pinNode));
    return parts.join(QStringLiteral(" · "));
}

// A duration typed into a cell, into `field`. `positive`: it must be > 0 (run time),
// otherwise >= 0; `allowEmpty`: empty text means "not given" (0). An editor closed without a
// change hands back the text it was given, which for durations is rounded, so that text keeps
// the current value rather than pushing a rounded one.
bool editDuration(double &field, const QVariant &value, bool positive, bool allowEmpty)
{
    const QString text = value.toString().trimmed();
    if (text == formatDuration(field) || text == formatDurationCompact(field))
        return true;
    if (allowEmpty && text.isEmpty()) {
        field = 0.0;
        return true;
    }
    const std::optional<double> seconds = parseDuration(text);
    if (!seconds || *seconds > limits::kMaxSeconds || (positive && *seconds <= 0.0))
        return false;
    field = *seconds;
    return true;
}

// Compact in the cells, spelled out in the editor (both read back alike).
QVariant durationText(double seconds, bool editing)
{
    return editing ? formatDuration(seconds) : formatDurationCompact(seconds);
}

// "power cap", "nodes booting until 1 d 02:00:00".
QString waitingText(const JobCell &c)
{
    const WaitInfo wait = c.model.waitOf(c.row);
    if (wait.reason == WaitReason::None)
        return QString();
    QString text = QString::fromUtf8(label(wait.reason));
    if (std::isfinite(wait.until))
        text = JobsTableModel::tr("%1 until %2").arg(text, formatSimTime(wait.until));
    return text;
}

constexpr Qt::Alignment kRight = Qt::AlignRight | Qt::AlignVCenter;
#define COLUMN_TEXT(text) QT_TRANSLATE_NOOP("headroom::ui::JobsTableModel", text)

// In JobsTableModel::Column order.
const JobColumn kColumns[] = {
        {
                .title = COLUMN_TEXT("Id"),
                .headerTip = COLUMN_TEXT("Job id, unique in the scenario"),
                .alignment = kRight,
                .value = [](const JobCell &c) -> QVariant { return qlonglong(c.job.id); },
        },
        {
                .title = COLUMN_TEXT("Name"),
                .value = [](const JobCell &c) -> QVariant {
                    return QString::fromStdString(c.job.name);
                },
                .compare = [](const JobCell &a,
                              const JobCell &b) { return compareLower(a.job.name, b.job.name); },
                .edit =
                        [](Job &job, const QVariant &value) {
                            job.name = value.toString().trimmed().toStdString();
                            return true;
                        },
        },
        {
                .title = COLUMN_TEXT("Tenant"),
                .value = [](const JobCell &c) -> QVariant {
                    return QString::fromStdString(c.job.tenant);
                },
                .compare =
                        [](const JobCell &a, const JobCell &b) {
                            return compareLower(a.job.tenant, b.job.tenant);
                        },
                .edit =
                        [](Job &job, const QVariant &value) {
                            job.tenant = value.toString().trimmed().toStdString();
                            return true;
                        },
        },
        {
                .title = COLUMN_TEXT("Submit"),
                .headerTip =
                        COLUMN_TEXT("When the job is submitted, after the start of the scenario"),
                .alignment = kRight,
                .value = [](const JobCell &c) -> QVariant { return c.job.submitS; },
                .text = [](const JobCell &c,
                           bool editing) { return durationText(c.job.submitS, editing); },
                .compare =
                        [](const JobCell &a, const JobCell &b) {
                            return compareValues(a.job.submitS, b.job.submitS);
                        },
                .edit =
                        [](Job &job, const QVariant &value) {
                            return editDuration(job.submitS, value, false, false);
                        },
        },
        {
                .title = COLUMN_TEXT("Accel."),
                .headerTip =
                        COLUMN_TEXT("Accelerators requested; more than one node holds makes a gang "
                                    "that starts on all its nodes at once"),
                .alignment = kRight,
                .value = [](const JobCell &c) -> QVariant { return c.job.slots; },
                .compare = [](const JobCell &a,
                              const JobCell &b) { return compareValues(a.job.slots, b.job.slots); },
                .toolTip =
                        [](const JobCell &c) {
                            return countText(c.job.slots, JobsTableModel::tr("%1 accelerator"),
                                             JobsTableModel::tr("%1 accelerators"));
                        },
                .edit =
                        [](Job &job, const QVariant &value) {
                            bool ok = false;
                            const int slots = value.toInt(&ok);
                            if (!ok || slots < 1 || slots > limits::kMaxSlots)
                                return false;
                            job.slots = slots;
                            return true;
                        },
        },
        {
                .title = COLUMN_TEXT("Run time"),
                .headerTip = COLUMN_TEXT("Actual run time at full speed"),
                .alignment = kRight,
                .value = [](const JobCell &c) -> QVariant { return c.job.runS; },
                .text = [](const JobCell &c,
                           bool editing) { return durationText(c.job.runS, editing); },
                .compare = [](const JobCell &a,
                              const JobCell &b) { return compareValues(a.job.runS, b.job.runS); },
                .edit =
                        [](Job &job, const QVariant &value) {
                            return editDuration(job.runS, value, true, false);
                        },
        },
        {
                .title = COLUMN_TEXT("Requested"),
                .headerTip = COLUMN_TEXT(
                        "Wall time the user requested (used by SJF, SRTF and backfilling)"),
                .alignment = kRight,
                .value = [](const JobCell &c) -> QVariant { return c.job.requestedS; },
                .text = [](const JobCell &c, bool editing) -> QVariant {
                    if (c.job.requestedS > 0.0)
                        return durationText(c.job.requestedS, editing);
                    return editing ? QString() : QStringLiteral("—");
                },
                .compare =
                        [](const JobCell &a, const JobCell &b) {
                            return compareValues(a.job.requestedS, b.job.requestedS);
                        },
                .toolTip =
                        [](const JobCell &c) {
                            if (c.job.requestedS <= 0.0)
                                return JobsTableModel::tr(
                                        "No wall-time request: schedulers take the run time.");
                            if (c.job.requestedS < c.job.runS)
                                return JobsTableModel::tr(
                                               "The request is shorter than the run time, so "
                                               "schedulers take the run time (%1).")
                                        .arg(formatDuration(c.job.runS));
                            return JobsTableModel::tr("Wall time the user asked for; SJF, SRTF and "
                                                      "backfilling plan with it.");
                        },
                .foreground = [](const JobCell &c) -> QVariant {
                    return c.job.requestedS <= 0.0 ? QVariant(QColor(Qt::gray)) : QVariant();
                },
                .edit =
                        [](Job &job, const QVariant &value) {
                            return editDuration(job.requestedS, value, false, true);
                        },
        },
        {
                .title = COLUMN_TEXT("Constraints"),
                .headerTip = COLUMN_TEXT("Node type, zone, rack or node the job is restricted to"),
                .value = [](const JobCell &c) -> QVariant {
                    return constraintsSummary(*c.job.constraints);
                },
                .compare =
                        [](const JobCell &a, const JobCell &b) {
                            const JobConstraints &x = *a.job.constraints;
                            const JobConstraints &y = *b.job.constraints;
                            return compareValues(std::tie(x.nodeType, x.zone, x.rack, x.pinNode),
                                                 std::tie(y.nodeType, y.zone, y.rack, y.pinNode));
                        },
                .toolTip =
                        [](const JobCell &c) {
                            if (c.job.constraints->empty())
                                return JobsTableModel::tr("Runs on any node");
                            return JobsTableModel::tr("Runs only where: %1")
                                    .arg(constraintsSummary(*c.job.constraints));
                        },
        },
        {
                .title = COLUMN_TEXT("State"),
                .headerTip = COLUMN_TEXT("State in the running simulation"),
                .value = [](const JobCell &c) -> QVariant { return static_cast<int>(c.state()); },
                .text = [](const JobCell &c, bool) -> QVariant {
                    return JobsTableModel::stateName(c.state());
                },
                .compare = [](const JobCell &a,
                              const JobCell &b) { return compareValues(a.state(), b.state()); },
                .toolTip =
                        [](const JobCell &c) {
                            switch (c.state()) {
                            case LiveJobState::None:
                                return JobsTableModel::tr(
                                        "Start the simulation to see this job's state");
                            case LiveJobState::Pending:
                                return JobsTableModel::tr(
                                        "Not submitted yet at the current simulated time");
                            case LiveJobState::Queued:
                                return JobsTableModel::tr("Submitted, waiting for accelerators");
                            case LiveJobState::Running:
                                return JobsTableModel::tr("Running");
                            case LiveJobState::Done:
                                return JobsTableModel::tr("Completed");
                            case LiveJobState::Rejected: {
                                const RejectReason rule = c.model.rejectReasonOf(c.row);
                                if (rule == RejectReason::None)
                                    return JobsTableModel::tr("Rejected");
                                return JobsTableModel::tr("Rejected: %1")
                                        .arg(QString::fromUtf8(describe(rule)));
                            }
                            }
                            return QString();
                        },
                .decoration = [](const JobCell &c) -> QVariant {
                    const QIcon icon = c.model.stateIcon(c.state());
                    return icon.isNull() ? QVariant() : QVariant(icon);
                },
        },
        {
                .title = COLUMN_TEXT("Waiting for"),
                .headerTip = COLUMN_TEXT("Why a queued job has not started (docs/design.md §3.12)"),
                .value = [](const JobCell &c) -> QVariant {
                    return static_cast<int>(c.model.waitOf(c.row).reason);
                },
                .text = [](const JobCell &c, bool) -> QVariant { return waitingText(c); },
                .compare =
                        [](const JobCell &a, const JobCell &b) {
                            return compareValues(a.model.waitOf(a.row).reason,
                                                 b.model.waitOf(b.row).reason);
                        },
                .toolTip =
                        [](const JobCell &c) {
                            const WaitInfo wait = c.model.waitOf(c.row);
                            if (wait.reason == WaitReason::None)
                                return QString();
                            const QString why = QString::fromUtf8(describe(wait.reason));
                            if (c.state() == LiveJobState::Rejected)
                                return JobsTableModel::tr("Not started by the end of the run: %1")
                                        .arg(why);
                            return why;
                        },
        },
        {
                .title = COLUMN_TEXT("Interruptions"),
                .headerTip = COLUMN_TEXT("How often a node going down (a failure or a planned "
                                         "outage) interrupted the job in the running simulation "
                                         "(docs/design.md §10.4)"),
                .alignment = kRight,
                .value = [](const JobCell &c) -> QVariant {
                    return qlonglong(c.model.interruptionsOf(c.row));
                },
                .text = [](const JobCell &c, bool) -> QVariant {
                    if (c.state() == LiveJobState::None)
                        return QString(); // no run yet
                    return qlonglong(c.model.interruptionsOf(c.row));
                },
                .compare =
                        [](const JobCell &a, const JobCell &b) {
                            return compareValues(a.model.interruptionsOf(a.row),
                                                 b.model.interruptionsOf(b.row));
                        },
                .toolTip =
                        [](const JobCell &c) {
                            const std::uint32_t n = c.model.interruptionsOf(c.row);
                            if (n == 0)
                                return QString();
                            return countText(n,
                                             JobsTableModel::tr("Interrupted once by a node going "
                                                                "down; it restarted from its last "
                                                                "checkpoint, or from the start"),
                                             JobsTableModel::tr("Interrupted %1 times by nodes "
                                                                "going down; each time it "
                                                                "restarted from its last "
                                                                "checkpoint, or from the start"));
                        },
        },
};
static_assert(std::size(kColumns) == JobsTableModel::ColumnCount);
#undef COLUMN_TEXT

} // namespace

const JobColumn *jobColumn(int column)
{
    return column >= 0 && column < JobsTableModel::ColumnCount ? &kColumns[column] : nullptr;
}

bool jobMatches(const Job &job, std::string_view needle)
{
    if (containsLower(job.name, needle) || containsLower(job.tenant, needle))
        return true;
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, job.id);
    return containsLower(std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer)),
                         needle);
}

} // namespace headroom::ui
