// Over 700 lines on purpose: the panels share one fixture scenario and its helpers, and most
// cases edit it through a panel and check the byte-for-byte undo against that fixture.
// The side panels and their models: the jobs table and node-type list under
// QAbstractItemModelTester through add/remove/edit/undo/redo/reset, cell edits through the
// undo stack, drag payloads, the live state column, the Add Job dialog's LLM sizing, the
// properties panel's edits (byte-for-byte undo), selection sync, and a million-job table.
#include "core/io/scenario_json.h"
#include "core/model/scenario.h"
#include "core/model/validation.h"
#include "ui/dialogs/add_job_dialog.h"
#include "ui/dialogs/node_type_dialog.h"
#include "ui/dnd/drag_payload.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/document/selection.h"
#include "ui/files/scenario_io.h"
#include "ui/models/duration_text.h"
#include "ui/models/jobs_filter_proxy.h"
#include "ui/models/jobs_table_model.h"
#include "ui/models/node_types_model.h"
#include "ui/models/workload_templates_model.h"
#include "ui/panels/duration_edit.h"
#include "ui/panels/palette_panel.h"
#include "ui/panels/properties_panel.h"
#include "ui/panels/workloads_panel.h"
#include "ui/run/live_snapshot.h"
#include "ui/run/run_controller.h"
#include "ui/timeline/time_axis.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QtTest>

#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

using namespace headroom;
using namespace headroom::ui;

namespace {

using Tester = QAbstractItemModelTester;

NodeType nodeType(const std::string &name, const std::string &model, double tflops, double idleW,
                  double maxW)
{
    NodeType type;
    type.name = name;
    type.acceleratorModel = model;
    type.accelerators = 8;
    type.peakTflopsPerAccelerator = tflops;
    type.power = PowerCurve::linear(idleW, maxW);
    type.bootS = 300;
    type.source = "vendor datasheet";
    return type;
}

// Zone z1: r1 (4 h100 nodes), r2 (2 a100 nodes); zone z2: r3 (2 h100 nodes). 48 h100 slots.
// Jobs 1..n: job 3 is constrained to a100, job 5 to zone z2, job 6 asks for 64 slots (more
// than any node type offers, so a run rejects it).
Scenario fixture(int jobs = 6)
{
    Scenario s;
    s.name = "panels";
    s.description = "fixture for the panel tests";
    s.seed = 7;
    s.nodeTypes = {nodeType("h100", "NVIDIA H100 SXM5 80GB", 989, 1500, 10200),
                   nodeType("a100", "NVIDIA A100 SXM4 80GB", 312, 1000, 6500)};
    Rack r1{"r1", std::nullopt, {}};
    for (int i = 1; i <= 4; ++i)
        r1.nodes.push_back({"r1-n0" + std::to_string(i), "h100"});
    Rack r2{"r2", 20.0, {{"r2-n01", "a100"}, {"r2-n02", "a100"}}};
    Rack r3{"r3", std::nullopt, {{"r3-n01", "h100"}, {"r3-n02", "h100"}}};
    s.cluster.zones = {{"z1", {r1, r2}}, {"z2", {r3}}};
    const int slots[] = {1, 8, 16, 4, 2, 64};
    for (int i = 1; i <= jobs; ++i) {
        Job job;
        job.id = i;
        job.name = "job-" + std::to_string(i);
        job.tenant = i % 2 ? "research" : "product";
        job.submitS = (i - 1) * 600.0;
        job.slots = slots[(i - 1) % 6];
        job.runS = 3600.0 * i;
        job.requestedS = i % 3 == 0 ? 0.0 : 3600.0 * i + 600.0;
        if (i == 3)
            job.constraints = JobConstraints{"a100", "", "", ""};
        if (i == 5)
            job.constraints = JobConstraints{"", "z2", "", ""};
        s.jobs.push_back(job);
    }
    return s;
}

Job plainJob(JobId id, const std::string &name, double submit = 0.0)
{
    Job job;
    job.id = id;
    job.name = name;
    job.tenant = "t";
    job.submitS = submit;
    job.slots = 1;
    job.runS = 60;
    return job;
}

// The model shows exactly the document's jobs, row for row.
void verifyMirror(const JobsTableModel &model, const ScenarioDocument &doc)
{
    const auto &jobs = doc.scenario().jobs;
    QCOMPARE(model.rowCount(), static_cast<int>(jobs.size()));
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.index(row, JobsTableModel::IdColumn).data().toLongLong(),
                 static_cast<qlonglong>(jobs[static_cast<std::size_t>(row)].id));
        QCOMPARE(model.index(row, JobsTableModel::NameColumn).data().toString(),
                 QString::fromStdString(jobs[static_cast<std::size_t>(row)].name));
    }
}

// Runs `interact` on the dialog that `open` shows modally.
template<typename Dialog>
void withModal(const std::function<void()> &open, const std::function<void(Dialog *)> &interact)
{
    bool seen = false;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        seen = true;
        interact(dialog);
        if (dialog->isVisible())
            dialog->reject();
    });
    open();
    QVERIFY(seen);
}

template<typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

const Rack &rackNamed(const Scenario &s, const std::string &name)
{
    for (const Zone &zone : s.cluster.zones) {
        for (const Rack &rack : zone.racks) {
            if (rack.name == name)
                return rack;
        }
    }
    qFatal("no rack %s", name.c_str());
}

} // namespace

class TestPanels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtureIsValid() { QVERIFY(validateScenario(fixture()).empty()); }

    void durationText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("seconds"); // < 0: not a duration
        QTest::newRow("bare seconds") << "90" << 90.0;
        QTest::newRow("minutes") << "45 min" << 2700.0;
        QTest::newRow("compact") << "1h30m" << 5400.0;
        QTest::newRow("formatted") << "2 h 30 min" << 9000.0;
        QTest::newRow("fraction of a day") << "1.5 d" << 129600.0;
        QTest::newRow("weeks") << "3 weeks" << 1814400.0;
        QTest::newRow("clock") << "1:02:03" << 3723.0;
        QTest::newRow("short clock") << "2:30" << 150.0;
        QTest::newRow("fraction") << "1 h 0.5 s" << 3600.5;
        QTest::newRow("upper case") << "2 H" << 7200.0;
        QTest::newRow("empty") << "" << -1.0;
        QTest::newRow("negative") << "-5" << -1.0;
        QTest::newRow("unknown unit") << "5 parsecs" << -1.0;
        QTest::newRow("clock minutes over 59") << "1:75:00" << -1.0;
        QTest::newRow("words") << "soon" << -1.0;
    }

    void durationText()
    {
        QFETCH(QString, text);
        QFETCH(double, seconds);
        const std::optional<double> parsed = parseDuration(text);
        if (seconds < 0) {
            QVERIFY(!parsed);
            return;
        }
        QVERIFY(parsed);
        QCOMPARE(*parsed, seconds);
        // What is shown reads back as the same value.
        QCOMPARE(parseDuration(formatDuration(seconds)).value_or(-1), seconds);
    }

    void durationFormat()
    {
        QCOMPARE(formatDuration(0), QStringLiteral("0 s"));
        QCOMPARE(formatDuration(45), QStringLiteral("45 s"));
        QCOMPARE(formatDuration(1800), QStringLiteral("30 min"));
        QCOMPARE(formatDuration(9000), QStringLiteral("2 h 30 min"));
        QCOMPARE(formatDuration(3 * 86400), QStringLiteral("3 d"));
        QCOMPARE(formatDuration(2073591), QStringLiteral("23 d 23 h 59 min 51 s"));
        QCOMPARE(formatDuration(3600.25), QStringLiteral("1 h 0.25 s"));
        QCOMPARE(formatDurationCompact(9000), QStringLiteral("2h 30m"));
        QCOMPARE(formatDurationCompact(2073591), QStringLiteral("23d 23h 59m 51s"));
        QCOMPARE(parseDuration(formatDurationCompact(2073591.5)).value_or(-1), 2073591.5);
    }

    void jobsModelFollowsDocument()
    {
        ScenarioDocument doc(fixture());
        JobsTableModel model(&doc);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        JobsFilterProxy proxy;
        proxy.setJobsModel(&model);
        Tester proxyTester(&proxy, Tester::FailureReportingMode::QtTest);
        proxy.sort(JobsTableModel::NameColumn, Qt::DescendingOrder);
        UndoHistory *stack = doc.undoStack();
        verifyMirror(model, doc);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        edits::addJobs(doc, {plainJob(0, "added-a"), plainJob(0, "added-b")}, "add");
        verifyMirror(model, doc);
        QCOMPARE(inserted.count(), 1);
        // Three separate ranges: removed range by range, never by a reset.
        edits::removeJobs(doc, {0, 2, 3, 7});
        verifyMirror(model, doc);
        QCOMPARE(removed.count(), 3);
        Job edited = doc.scenario().jobs[1];
        edited.name = "renamed";
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        edits::editJob(doc, 1, edited);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(1, JobsTableModel::NameColumn).data().toString(),
                 QStringLiteral("renamed"));
        verifyMirror(model, doc);

        while (stack->canUndo()) {
            stack->undo();
            verifyMirror(model, doc);
        }
        QCOMPARE(doc.scenario(), fixture());
        while (stack->canRedo()) {
            stack->redo();
            verifyMirror(model, doc);
        }
        QCOMPARE(reset.count(), 0);

        // The proxy kept its sort through all of it.
        for (int row = 1; row < proxy.rowCount(); ++row)
            QVERIFY(proxy.index(row - 1, JobsTableModel::NameColumn).data().toString().toLower() >=
                    proxy.index(row, JobsTableModel::NameColumn).data().toString().toLower());

        doc.resetScenario(fixture(3));
        verifyMirror(model, doc);
        QCOMPARE(reset.count(), 1);
    }

    void jobsModelScatteredDeleteOfManyRanges()
    {
        // More ranges than the model signals one by one: it resets instead, and undo (which
        // re-inserts job by job) still mirrors the document.
        Scenario s = fixture(0);
        for (int i = 1; i <= 700; ++i)
            s.jobs.push_back(plainJob(i, "j" + std::to_string(i)));
        ScenarioDocument doc(s);
        JobsTableModel model(&doc);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        JobsFilterProxy proxy;
        proxy.setJobsModel(&model);
        Tester proxyTester(&proxy, Tester::FailureReportingMode::QtTest);
        std::vector<std::size_t> everyOther;
        for (std::size_t i = 0; i < 700; i += 2)
            everyOther.push_back(i);
        edits::removeJobs(doc, everyOther);
        verifyMirror(model, doc);
        QCOMPARE(proxy.rowCount(), 350);
        doc.undoStack()->undo();
        verifyMirror(model, doc);
        QCOMPARE(proxy.rowCount(), 700);
    }

    void nodeTypesModelFollowsDocument()
    {
        ScenarioDocument doc(fixture());
        NodeTypesModel model(&doc);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("h100"));
        QVERIFY(model.index(0)
                        .data(NodeTypesModel::DetailRole)
                        .toString()
                        .contains("8 × NVIDIA H100"));
        QVERIFY(!model.index(0).data(Qt::DecorationRole).value<QIcon>().isNull());

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(edits::addNodeType(doc, nodeType("b200", "NVIDIA B200", 2250, 1800, 14300)));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.count(), 1);
        NodeType renamed = doc.scenario().nodeTypes[1];
        renamed.name = "a100-80";
        QVERIFY(edits::replaceNodeType(doc, "a100", renamed));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(1).data().toString(), QStringLiteral("a100-80"));
        QCOMPARE(model.rowOf("a100-80"), 1);
        doc.undoStack()->undo();
        QCOMPARE(model.index(1).data().toString(), QStringLiteral("a100"));
        doc.undoStack()->undo();
        QCOMPARE(model.rowCount(), 2);
        doc.undoStack()->redo();
        doc.undoStack()->redo();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(reset.count(), 0);
        doc.resetScenario(Scenario{});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.count(), 1);
    }

    void editingCellsIsUndoable()
    {
        ScenarioDocument doc(fixture());
        JobsTableModel model(&doc);
        UndoHistory *stack = doc.undoStack();
        const std::string before = serializeScenario(doc.scenario());

        QVERIFY(model.flags(model.index(0, JobsTableModel::NameColumn)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(0, JobsTableModel::IdColumn)) & Qt::ItemIsEditable));
        QVERIFY(model.setData(model.index(0, JobsTableModel::NameColumn), "pretrain"));
        QCOMPARE(doc.scenario().jobs[0].name, std::string("pretrain"));
        QCOMPARE(stack->count(), 1);
        stack->undo();
        QCOMPARE(doc.scenario().jobs[0].name, std::string("job-1"));
        QCOMPARE(serializeScenario(doc.scenario()), before);
        stack->redo();
        QCOMPARE(doc.scenario().jobs[0].name, std::string("pretrain"));

        QVERIFY(model.setData(model.index(1, JobsTableModel::RunColumn), "2 h 30 min"));
        QCOMPARE(doc.scenario().jobs[1].runS, 9000.0);
        QVERIFY(model.setData(model.index(1, JobsTableModel::AcceleratorsColumn), 16));
        QCOMPARE(doc.scenario().jobs[1].slots, 16);
        QVERIFY(model.setData(model.index(1, JobsTableModel::RequestedColumn), ""));
        QCOMPARE(doc.scenario().jobs[1].requestedS, 0.0);
        QVERIFY(model.setData(model.index(1, JobsTableModel::SubmitColumn), "1 d"));
        QCOMPARE(doc.scenario().jobs[1].submitS, 86400.0);

        // Refused: nothing pushed.
        const int count = stack->count();
        QVERIFY(!model.setData(model.index(1, JobsTableModel::AcceleratorsColumn), 0));
        QVERIFY(!model.setData(model.index(1, JobsTableModel::RunColumn), "0"));
        QVERIFY(!model.setData(model.index(1, JobsTableModel::RunColumn), "whenever"));
        QVERIFY(!model.setData(model.index(1, JobsTableModel::SubmitColumn), "-1"));
        QVERIFY(!model.setData(model.index(1, JobsTableModel::IdColumn), 99));
        // An editor closed unchanged hands back the text it showed: no step either.
        QVERIFY(model.setData(model.index(1, JobsTableModel::RunColumn),
                              model.index(1, JobsTableModel::RunColumn).data(Qt::EditRole)));
        QCOMPARE(stack->count(), count);

        while (stack->canUndo())
            stack->undo();
        QCOMPARE(serializeScenario(doc.scenario()), before);
    }

    void displayedValues()
    {
        ScenarioDocument doc(fixture());
        JobsTableModel model(&doc);
        QCOMPARE(model.index(1, JobsTableModel::RunColumn).data().toString(), QStringLiteral("2h"));
        QCOMPARE(model.index(1, JobsTableModel::RunColumn).data(Qt::EditRole).toString(),
                 QStringLiteral("2 h"));
        QCOMPARE(model.index(2, JobsTableModel::RequestedColumn).data().toString(),
                 QStringLiteral("—"));
        QCOMPARE(model.index(2, JobsTableModel::ConstraintsColumn).data().toString(),
                 QStringLiteral("type a100"));
        QCOMPARE(model.index(4, JobsTableModel::ConstraintsColumn).data().toString(),
                 QStringLiteral("zone z2"));
        QCOMPARE(model.index(1, JobsTableModel::SubmitColumn)
                         .data(JobsTableModel::RawValueRole)
                         .toDouble(),
                 600.0);
        QCOMPARE(model.headerData(JobsTableModel::StateColumn, Qt::Horizontal).toString(),
                 QStringLiteral("State"));
        QVERIFY(!model.headerData(JobsTableModel::RequestedColumn, Qt::Horizontal, Qt::ToolTipRole)
                         .toString()
                         .isEmpty());
    }

    void dragPayloads()
    {
        ScenarioDocument doc(fixture());
        JobsTableModel jobs(&doc);
        std::unique_ptr<QMimeData> data(jobs.mimeData(
                {jobs.index(4, 0), jobs.index(1, 0), jobs.index(1, 3), jobs.index(4, 2)}));
        QVERIFY(data);
        std::optional<DragPayload> payload = fromMimeData(data.get());
        QVERIFY(payload);
        QCOMPARE(payload->kind, DragPayload::Kind::ExistingJobs);
        QCOMPARE(payload->jobs, (std::vector<std::size_t>{1, 4}));
        QCOMPARE(jobs.supportedDragActions(), Qt::CopyAction);

        NodeTypesModel types(&doc);
        data.reset(types.mimeData({types.index(1)}));
        payload = fromMimeData(data.get());
        QVERIFY(payload);
        QCOMPARE(payload->kind, DragPayload::Kind::NodeType);
        QCOMPARE(payload->nodeType, std::string("a100"));

        WorkloadTemplatesModel templates;
        QCOMPARE(templates.rowCount(), 4);
        Tester tester(&templates, Tester::FailureReportingMode::QtTest);
        data.reset(templates.mimeData({templates.index(0)}));
        payload = fromMimeData(data.get());
        QVERIFY(payload);
        QCOMPARE(payload->kind, DragPayload::Kind::JobTemplate);
        QCOMPARE(payload->jobTemplate.slots, 64);
        QCOMPARE(payload->jobTemplate.runS, 3 * 86400.0);
        QVERIFY(payload->templateName.contains("LLM pre-training"));

        // A template dropped on the jobs table becomes a job, undoably.
        QVERIFY(jobs.canDropMimeData(data.get(), Qt::CopyAction, -1, -1, {}));
        QVERIFY(jobs.dropMimeData(data.get(), Qt::CopyAction, -1, -1, {}));
        QCOMPARE(doc.scenario().jobs.size(), std::size_t(7));
        QCOMPARE(doc.scenario().jobs.back().slots, 64);
        QCOMPARE(doc.scenario().jobs.back().id, JobId(7));
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario().jobs.size(), std::size_t(6));
        std::unique_ptr<QMimeData> own(jobs.mimeData({jobs.index(0, 0)}));
        QVERIFY(!jobs.canDropMimeData(own.get(), Qt::CopyAction, -1, -1, {}));
    }

    void liveStateFromSnapshots()
    {
        ScenarioDocument doc(fixture());
        RunController run(&doc); // never played: the snapshots below are fed by hand
        JobsTableModel model(&doc, &run);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        using State = JobsTableModel::LiveState;
        QCOMPARE(model.liveState(0), State::None);
        QVERIFY(model.index(0, JobsTableModel::StateColumn).data().toString().isEmpty());

        QSignalSpy changed(&model, &JobsTableModel::liveStatesChanged);
        QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
        LiveSnapshot first;
        first.status.now = 0.0;
        first.newEvents.push_back({JobEvent::Kind::Started, 0.0, 0, {0}});
        Q_EMIT run.snapshotArrived(first);
        QCOMPARE(model.liveState(0), State::Running);
        QCOMPARE(model.liveState(1), State::Pending); // submits at 600 s
        QCOMPARE(model.index(0, JobsTableModel::StateColumn).data().toString(),
                 QStringLiteral("running"));

        changed.clear();
        LiveSnapshot second;
        second.status.now = 1300.0;
        second.newEvents.push_back({JobEvent::Kind::Completed, 1200.0, 0, {}});
        second.newEvents.push_back({JobEvent::Kind::Rejected, 1200.0, 2, {}});
        Q_EMIT run.snapshotArrived(second);
        QCOMPARE(model.liveState(0), State::Done);
        QCOMPARE(model.liveState(1), State::Queued); // submitted at 600, no start yet
        QCOMPARE(model.liveState(2), State::Rejected);
        QCOMPARE(model.liveState(3), State::Pending); // 1800 s
        // Live states are announced in one signal per frame, not per row (proxies would
        // re-sort thousands of rows a frame otherwise).
        QCOMPARE(changed.count(), 1);
        QVERIFY(dataChanged.isEmpty());
        // A frame that changes nothing says nothing.
        LiveSnapshot idle;
        idle.status.now = 1300.0;
        Q_EMIT run.snapshotArrived(idle);
        QCOMPARE(changed.count(), 1);

        // Sorting by state follows the live states.
        QVERIFY(model.lessThan(3, 0, JobsTableModel::StateColumn)); // pending < done

        // Rows inserted mid-run get no state of their own; a reset clears everything.
        edits::addJobs(doc, {plainJob(0, "late", 99999)}, "add");
        QCOMPARE(model.liveState(6), State::Pending);
        QCOMPARE(model.liveState(2), State::Rejected);
        edits::removeJobs(doc, {0});
        QCOMPARE(model.liveState(1), State::Rejected);
        Q_EMIT run.runReset(run.runId() + 1);
        QCOMPARE(model.liveState(1), State::None);
    }

    // The "Waiting for" column shows what each queued job waits for, from the snapshots, with
    // "until" where the engine knows it; once the run has finished, what a job rejected at its
    // end waited for, and the State column's tool tip names the rule that rejected it.
    void waitingForColumnFromSnapshots()
    {
        ScenarioDocument doc(fixture());
        RunController run(&doc); // never played: the snapshots below are fed by hand
        JobsTableModel model(&doc, &run);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        const int waiting = JobsTableModel::WaitingColumn;
        QCOMPARE(model.headerData(waiting, Qt::Horizontal).toString(), QString("Waiting for"));
        QSignalSpy changed(&model, &JobsTableModel::liveStatesChanged);
        LiveSnapshot first;
        first.status.now = 2000.0;
        first.newEvents.push_back({JobEvent::Kind::Started, 0.0, 0, {0}});
        first.waits = {{1, {WaitReason::PowerCap, std::numeric_limits<double>::infinity()}},
                       {3, {WaitReason::Booting, 3600.0}}};
        Q_EMIT run.snapshotArrived(first);
        QCOMPARE(model.index(1, waiting).data().toString(), QString("power cap"));
        QCOMPARE(model.index(1, waiting).data(Qt::ToolTipRole).toString(),
                 QString::fromUtf8(describe(WaitReason::PowerCap)));
        QCOMPARE(model.index(3, waiting).data().toString(),
                 QString("nodes booting until %1").arg(formatSimTime(3600.0)));
        QVERIFY(model.index(0, waiting).data().toString().isEmpty()); // running
        QVERIFY(model.lessThan(0, 1, waiting));                       // none < power cap
        QCOMPARE(changed.count(), 1);

        // Job 1 starts; job 3 is still not started when the run ends.
        auto result = std::make_shared<RunResult>();
        result->jobs.resize(doc.scenario().jobs.size());
        result->jobs[3].state = JobState::Rejected;
        result->jobs[3].rejectReason = RejectReason::NotStartedByEnd;
        result->jobs[3].waitedFor = {WaitReason::HeldByService,
                                     std::numeric_limits<double>::infinity()};
        LiveSnapshot last;
        last.status.now = 5000.0;
        last.newEvents.push_back({JobEvent::Kind::Started, 2500.0, 1, {0}});
        last.newEvents.push_back(
                {JobEvent::Kind::Rejected, 5000.0, 3, {}, RejectReason::NotStartedByEnd});
        last.finished = true;
        last.result = result;
        Q_EMIT run.snapshotArrived(last);
        QVERIFY(model.index(1, waiting).data().toString().isEmpty());
        QCOMPARE(model.index(3, waiting).data().toString(), QString("nodes held by a service"));
        QCOMPARE(model.index(3, JobsTableModel::StateColumn).data(Qt::ToolTipRole).toString(),
                 QString("Rejected: not started by the end of the run"));
    }

    void liveStateFromRun()
    {
        ScenarioDocument doc(fixture());
        RunController run(&doc);
        JobsTableModel model(&doc, &run);
        Tester tester(&model, Tester::FailureReportingMode::QtTest);
        run.play();
        // The result arrives with the last snapshot, so every job event has been applied.
        QTRY_VERIFY_WITH_TIMEOUT(run.result() != nullptr, 30000);
        using State = JobsTableModel::LiveState;
        for (int row = 0; row < 5; ++row)
            QCOMPARE(model.liveState(row), State::Done);
        QCOMPARE(model.liveState(5), State::Rejected); // 64 slots: more than any type offers
        QCOMPARE(model.index(5, JobsTableModel::StateColumn).data().toString(),
                 QStringLiteral("rejected"));
        // An edit resets the run, and with it the column.
        Job job = doc.scenario().jobs[0];
        job.name = "edited";
        edits::editJob(doc, 0, job);
        QCOMPARE(model.liveState(0), State::None);
    }

    void addJobDialogSizesLlmRun()
    {
        ScenarioDocument doc(fixture());
        AddJobDialog dialog(doc.scenario());
        auto *ok = child<QDialogButtonBox>(&dialog, "buttons")->button(QDialogButtonBox::Ok);
        QVERIFY(dialog.isValid());
        QVERIFY(ok->isEnabled());

        dialog.setLlmMode(true);
        dialog.setNodeType("h100");
        child<QSpinBox>(&dialog, "accelerators")->setValue(1024);
        child<QDoubleSpinBox>(&dialog, "parameters")->setValue(70.0); // billions
        child<QDoubleSpinBox>(&dialog, "tokens")->setValue(2000.0);   // billions
        child<QDoubleSpinBox>(&dialog, "mfu")->setValue(40.0);        // percent
        QVERIFY2(dialog.isValid(), qPrintable(dialog.problem()));
        QVERIFY(ok->isEnabled());
        // 6 · 70e9 · 2e12 / (1024 · 989e12 · 0.4) = 2,073,590.75 s, rounded up.
        const Job job = dialog.job();
        QCOMPARE(job.runS, 2073591.0);
        QCOMPARE(job.slots, 1024);
        QCOMPARE(job.constraints->nodeType, std::string("h100"));
        QCOMPARE(child<QLineEdit>(&dialog, "runTime")->text(), formatDuration(2073591.0));
        QVERIFY(child<QLabel>(&dialog, "llmResult")->text().contains("24.0 days"));
        QVERIFY(child<QLabel>(&dialog, "peak")->text().contains("989"));
        // 1024 accelerators is more than the cluster's 48 h100s: a note, not an error.
        QVERIFY(child<QLabel>(&dialog, "message")->text().contains("rejected"));

        // Live: doubling the MFU halves the run time.
        child<QDoubleSpinBox>(&dialog, "mfu")->setValue(80.0);
        QCOMPARE(dialog.job().runS, std::ceil(2073590.748230536 / 2));

        // Invalid inputs disable OK and say why.
        child<QDoubleSpinBox>(&dialog, "mfu")->setValue(0.0);
        QVERIFY(!dialog.isValid());
        QVERIFY(!ok->isEnabled());
        QVERIFY(child<QLabel>(&dialog, "message")->text().contains("MFU"));
        child<QDoubleSpinBox>(&dialog, "mfu")->setValue(40.0);
        QVERIFY(dialog.isValid());
        dialog.setNodeType(QString()); // any type: nothing to size with
        QVERIFY(!dialog.isValid());
        QVERIFY(dialog.problem().contains("node type"));
        QVERIFY(!ok->isEnabled());

        // Back to a typed run time.
        dialog.setLlmMode(false);
        child<QLineEdit>(&dialog, "runTime")->setText("soon");
        QVERIFY(!dialog.isValid());
        QVERIFY(dialog.problem().startsWith("Run time"));
        child<QLineEdit>(&dialog, "runTime")->setText("90 min");
        child<QLineEdit>(&dialog, "requested")->setText("2 h");
        QVERIFY(dialog.isValid());
        QCOMPARE(dialog.job().runS, 5400.0);
        QCOMPARE(dialog.job().requestedS, 7200.0);
        QVERIFY(dialog.job().constraints->empty());
        child<QLineEdit>(&dialog, "submit")->setText("-3");
        QVERIFY(!dialog.isValid());
        QVERIFY(dialog.problem().startsWith("Submit"));
    }

    void addJobThroughPanel()
    {
        ScenarioDocument doc(fixture());
        Selection selection;
        WorkloadsPanel panel(&doc, &selection, nullptr);
        withModal<AddJobDialog>([&] { panel.addJob(); },
                                [](AddJobDialog *dialog) {
                                    child<QLineEdit>(dialog, "name")->setText("sized");
                                    dialog->setLlmMode(true);
                                    dialog->setNodeType("a100");
                                    child<QSpinBox>(dialog, "accelerators")->setValue(16);
                                    QVERIFY(dialog->isValid());
                                    dialog->accept();
                                });
        QCOMPARE(doc.scenario().jobs.size(), std::size_t(7));
        const Job &added = doc.scenario().jobs.back();
        QCOMPARE(added.name, std::string("sized"));
        QCOMPARE(added.id, JobId(7));
        QCOMPARE(added.constraints->nodeType, std::string("a100"));
        // 7e9 parameters on 1e12 tokens, 16 A100 at 312 TFLOP/s and 40 %.
        QCOMPARE(added.runS, std::ceil(6 * 7e9 * 1e12 / (16 * 312e12 * 0.4)));
        QCOMPARE(selection.jobs(), (Selection::JobIndices{6}));
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario(), fixture());
    }

    void propertiesEditRackBudget()
    {
        ScenarioDocument doc(fixture());
        Selection selection;
        PropertiesPanel panel(&doc, &selection);
        const std::string before = serializeScenario(doc.scenario());
        selection.setElements({"r1"});
        QCOMPARE(panel.currentPage(), PropertiesPanel::Page::Rack);
        auto *unlimited = child<QCheckBox>(&panel, "budgetUnlimited");
        auto *budget = child<QDoubleSpinBox>(&panel, "budget");
        QVERIFY(unlimited->isChecked());
        QVERIFY(!budget->isEnabled());

        unlimited->click(); // switch the budget on: proposes the rack's peak draw
        QVERIFY(rackNamed(doc.scenario(), "r1").powerBudgetKw.has_value());
        QCOMPARE(*rackNamed(doc.scenario(), "r1").powerBudgetKw, 40.8); // 4 × 10.2 kW
        budget->setValue(12.5);
        QCOMPARE(*rackNamed(doc.scenario(), "r1").powerBudgetKw, 12.5);
        QCOMPARE(doc.undoStack()->count(), 2);

        doc.undoStack()->undo();
        QCOMPARE(*rackNamed(doc.scenario(), "r1").powerBudgetKw, 40.8);
        QCOMPARE(budget->value(), 40.8); // the panel follows undo
        doc.undoStack()->undo();
        QCOMPARE(serializeScenario(doc.scenario()), before);
        QVERIFY(unlimited->isChecked());
        doc.undoStack()->redo();
        doc.undoStack()->redo();
        QCOMPARE(*rackNamed(doc.scenario(), "r1").powerBudgetKw, 12.5);
        QCOMPARE(budget->value(), 12.5);
        QVERIFY(!unlimited->isChecked());

        // A rack with a budget, switched to unlimited.
        selection.setElements({"r2"});
        QCOMPARE(budget->value(), 20.0);
        unlimited->click();
        QVERIFY(!rackNamed(doc.scenario(), "r2").powerBudgetKw.has_value());
    }

    void propertiesEditPolicy()
    {
        ScenarioDocument doc(fixture());
        Selection selection;
        PropertiesPanel panel(&doc, &selection);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.currentPage(), PropertiesPanel::Page::Scenario);
        const std::string before = serializeScenario(doc.scenario());

        auto *scheduler = child<QComboBox>(&panel, "scheduler");
        QCOMPARE(scheduler->currentData().toInt(), int(SchedulerKind::Easy));
        scheduler->setFocus();
        QTest::keyClick(scheduler, Qt::Key_Up); // EASY → SRTF
        QVERIFY(doc.scenario().policy.scheduler == SchedulerKind::Srtf);

        auto *interval = child<DurationEdit>(&panel, "sampleInterval");
        QCOMPARE(interval->text(), QStringLiteral("5 min"));
        typeInto(interval, "10 min");
        QCOMPARE(doc.scenario().policy.sampleIntervalS, 600.0);
        // Typing committed every readable prefix ("1", "10", "10 m"…), yet the field still
        // shows what was typed, with focus and cursor where they were.
        QCOMPARE(interval->text(), QStringLiteral("10 min"));
        QVERIFY(interval->hasFocus());
        QCOMPARE(interval->cursorPosition(), 6);
        auto *overhead = child<DurationEdit>(&panel, "restartOverhead");
        typeInto(overhead, "30");
        QCOMPARE(doc.scenario().policy.srtfRestartOverheadS, 30.0);
        // Policy edits merge per field: all the keystrokes of the interval are one step, and
        // the scheduler, the interval and the overhead are a step each.
        QCOMPARE(doc.undoStack()->count(), 3);
        QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Change SRTF restart overhead"));

        doc.undoStack()->undo();
        QCOMPARE(doc.scenario().policy.srtfRestartOverheadS, 0.0);
        QCOMPARE(doc.scenario().policy.sampleIntervalS, 600.0);
        doc.undoStack()->undo();
        QCOMPARE(interval->text(), QStringLiteral("5 min"));
        QVERIFY(doc.scenario().policy.scheduler == SchedulerKind::Srtf);
        doc.undoStack()->undo();
        QCOMPARE(serializeScenario(doc.scenario()), before);
        QCOMPARE(scheduler->currentData().toInt(), int(SchedulerKind::Easy));
        QCOMPARE(interval->text(), QStringLiteral("5 min"));
        doc.undoStack()->redo();
        doc.undoStack()->redo();
        QVERIFY(doc.scenario().policy.scheduler == SchedulerKind::Srtf);
        QCOMPARE(doc.scenario().policy.sampleIntervalS, 600.0);

        // Metadata too.
        typeInto(child<QLineEdit>(&panel, "scenarioName"), "renamed");
        QCOMPARE(doc.scenario().name, std::string("renamed"));
        typeInto(child<QLineEdit>(&panel, "seed"), "42");
        QCOMPARE(doc.scenario().seed, std::uint64_t(42));
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(serializeScenario(doc.scenario()), before);
    }

    void propertiesJobEditsMerge()
    {
        ScenarioDocument doc(fixture());
        Selection selection;
        PropertiesPanel panel(&doc, &selection);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        selection.setJobs({1});
        QCOMPARE(panel.currentPage(), PropertiesPanel::Page::Job);
        auto *name = child<QLineEdit>(&panel, "jobName");
        QCOMPARE(name->text(), QStringLiteral("job-2"));
        name->setFocus();
        name->end(false);
        QTest::keyClicks(name, "-big");
        QCOMPARE(doc.scenario().jobs[1].name, std::string("job-2-big"));
        QCOMPARE(doc.undoStack()->count(), 1); // four keystrokes, one step
        QCOMPARE(name->cursorPosition(), 9);

        auto *pin = child<QComboBox>(&panel, "jobConstraintPin");
        const int index = pin->findData(QStringLiteral("r3-n02"));
        QVERIFY(index > 0);
        pin->setCurrentIndex(index);
        Q_EMIT pin->activated(index);
        QCOMPARE(doc.scenario().jobs[1].constraints->pinNode, std::string("r3-n02"));
        // Another field of the same job: a step of its own.
        QCOMPARE(doc.undoStack()->count(), 2);

        doc.undoStack()->undo();
        QCOMPARE(pin->currentData().toString(), QString());
        QCOMPARE(name->text(), QStringLiteral("job-2-big"));
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario(), fixture());
        QCOMPARE(name->text(), QStringLiteral("job-2"));
        QCOMPARE(pin->currentData().toString(), QString());
    }

    void propertiesSeveralJobs()
    {
        ScenarioDocument doc(fixture());
        Selection selection;
        PropertiesPanel panel(&doc, &selection);
        selection.setJobs({0, 2}); // job 3 is constrained to a100, job 1 is not
        QCOMPARE(panel.currentPage(), PropertiesPanel::Page::Jobs);
        auto *type = child<QComboBox>(&panel, "jobsConstraintType");
        QCOMPARE(type->currentText(), QStringLiteral("(mixed)"));
        auto *zone = child<QComboBox>(&panel, "jobsConstraintZone");
        const int z1 = zone->findData(QStringLiteral("z1"));
        zone->setCurrentIndex(z1);
        Q_EMIT zone->activated(z1);
        QCOMPARE(doc.scenario().jobs[0].constraints->zone, std::string("z1"));
        QCOMPARE(doc.scenario().jobs[2].constraints->zone, std::string("z1"));
        QCOMPARE(doc.scenario().jobs[2].constraints->nodeType, std::string("a100")); // kept
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(zone->currentData().toString(), QStringLiteral("z1"));
        child<QPushButton>(&panel, "clearConstraints")->click();
        QVERIFY(doc.scenario().jobs[2].constraints->empty());
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario(), fixture());
    }

    void propertiesRename()
    {
        ScenarioDocument doc(fixture());
        Selection selection;
        PropertiesPanel panel(&doc, &selection);
        selection.setElements({"r1"});
        auto *name = child<QLineEdit>(&panel, "rackName");
        name->setText("r2");
        Q_EMIT name->editingFinished();
        QVERIFY2(panel.message().contains("already used"), qPrintable(panel.message()));
        QCOMPARE(doc.undoStack()->count(), 0);

        name->setText("rack-a");
        Q_EMIT name->editingFinished();
        QVERIFY(panel.message().isEmpty());
        QCOMPARE(selection.elements(), (Selection::Names{"rack-a"}));
        QCOMPARE(panel.currentPage(), PropertiesPanel::Page::Rack);
        QCOMPARE(rackNamed(doc.scenario(), "rack-a").nodes.size(), std::size_t(4));

        // A node's type from the combo.
        selection.setElements({"r3-n01"});
        QCOMPARE(panel.currentPage(), PropertiesPanel::Page::Node);
        auto *type = child<QComboBox>(&panel, "nodeType");
        QCOMPARE(type->currentData().toString(), QStringLiteral("h100"));
        const int a100 = type->findData(QStringLiteral("a100"));
        type->setCurrentIndex(a100);
        Q_EMIT type->activated(a100);
        QCOMPARE(doc.scenario().cluster.zones[1].racks[0].nodes[0].type, std::string("a100"));

        selection.setElements({"z2"});
        QCOMPARE(panel.currentPage(), PropertiesPanel::Page::Zone);
        selection.setElements({"z1", "z2"});
        QCOMPARE(panel.currentPage(), PropertiesPanel::Page::Elements);
        selection.clear();
        QCOMPARE(panel.currentPage(), PropertiesPanel::Page::Scenario);
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(doc.scenario(), fixture());
    }

    void selectionSync()
    {
        ScenarioDocument doc(fixture());
        Selection selection;
        WorkloadsPanel panel(&doc, &selection, nullptr);
        Tester tester(panel.proxy(), Tester::FailureReportingMode::QtTest);
        QTableView *view = panel.view();

        selection.setJobs({1, 3});
        QCOMPARE(panel.selectedJobs(), (std::vector<std::size_t>{1, 3}));
        QVERIFY(panel.deleteAction()->isEnabled());

        // Sorted descending by id: proxy rows differ from job positions, the mapping holds.
        view->sortByColumn(JobsTableModel::IdColumn, Qt::DescendingOrder);
        QCOMPARE(panel.selectedJobs(), (std::vector<std::size_t>{1, 3}));
        QCOMPARE(view->model()->index(0, 0).data().toLongLong(), 6LL);
        view->selectionModel()->select(view->model()->index(0, 0),
                                       QItemSelectionModel::ClearAndSelect |
                                               QItemSelectionModel::Rows);
        QCOMPARE(selection.jobs(), (Selection::JobIndices{5}));

        // Filtering: matches name, tenant or id; hidden jobs stay selected.
        selection.setJobs({0, 5});
        panel.setFilterText("job-6");
        QCOMPARE(panel.proxy()->rowCount(), 1);
        QCOMPARE(selection.jobs(), (Selection::JobIndices{0, 5}));
        QCOMPARE(panel.selectedJobs(), (std::vector<std::size_t>{5}));
        panel.setFilterText("PRODUCT");
        QCOMPARE(panel.proxy()->rowCount(), 3);
        panel.setFilterText("4");
        QCOMPARE(panel.proxy()->rowCount(), 1);
        QCOMPARE(child<QLabel>(&panel, "jobsCount")->text(), QStringLiteral("1 of 6 jobs"));
        panel.setFilterText(QString());
        QCOMPARE(panel.selectedJobs(), (std::vector<std::size_t>{0, 5}));

        // Positions follow inserts and deletes made elsewhere.
        edits::removeJobs(doc, {2});
        QCOMPARE(selection.jobs(), (Selection::JobIndices{0, 4}));
        QCOMPARE(panel.selectedJobs(), (std::vector<std::size_t>{0, 4}));
        doc.undoStack()->undo();
        QCOMPARE(selection.jobs(), (Selection::JobIndices{0, 5}));
        QCOMPARE(panel.selectedJobs(), (std::vector<std::size_t>{0, 5}));

        // Delete removes the selected jobs in one undoable step.
        panel.deleteAction()->trigger();
        QCOMPARE(doc.scenario().jobs.size(), std::size_t(4));
        QVERIFY(selection.jobs().empty());
        QVERIFY(!panel.deleteAction()->isEnabled());
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario(), fixture());

        // Dragging the table's selection carries job positions.
        selection.setJobs({2, 4});
        QModelIndexList indexes;
        for (const QModelIndex &index : view->selectionModel()->selectedIndexes())
            indexes << panel.proxy()->mapToSource(index);
        std::unique_ptr<QMimeData> data(panel.model()->mimeData(indexes));
        QCOMPARE(fromMimeData(data.get())->jobs, (std::vector<std::size_t>{2, 4}));

        // A reset scenario empties the selection.
        doc.resetScenario(fixture(2));
        QVERIFY(selection.jobs().empty());
    }

    void paletteNodeTypes()
    {
        ScenarioDocument doc(fixture());
        PalettePanel panel(&doc);
        QCOMPARE(panel.nodeTypesView()->model()->rowCount(), 2);
        QCOMPARE(panel.templatesView()->model()->rowCount(), 4);
        QVERIFY(!panel.editNodeTypeAction()->isEnabled());
        QVERIFY(panel.nodeTypesView()->dragEnabled());

        // A taken name: the dialog shows why and stays open until it is fixed.
        withModal<NodeTypeDialog>(
                [&] { panel.addNodeType(); },
                [](NodeTypeDialog *dialog) {
                    child<QLineEdit>(dialog, "name")->setText("h100");
                    child<QDoubleSpinBox>(dialog, "maxW")->setValue(14300);
                    dialog->accept();
                    QVERIFY(dialog->isVisible());
                    QVERIFY(child<QLabel>(dialog, "message")->text().contains("already"));
                    child<QLineEdit>(dialog, "name")->setText("b200");
                    dialog->accept();
                    QVERIFY(!dialog->isVisible());
                });
        QCOMPARE(doc.scenario().nodeTypes.size(), std::size_t(3));
        QCOMPARE(doc.scenario().nodeTypes[2].name, std::string("b200"));
        QCOMPARE(doc.scenario().nodeTypes[2].power.maxW(), 14300.0);
        QCOMPARE(panel.nodeTypesView()->currentIndex().row(), 2);
        QVERIFY(panel.editNodeTypeAction()->isEnabled());

        // Edit: renaming h100 renames the nodes of that type too, in one step.
        panel.nodeTypesView()->setCurrentIndex(panel.nodeTypesModel()->index(0));
        withModal<NodeTypeDialog>([&] { panel.editNodeType(); },
                                  [](NodeTypeDialog *dialog) {
                                      auto *max = child<QDoubleSpinBox>(dialog, "maxW");
                                      max->setValue(500); // below idle: refused by the dialog
                                      QVERIFY(!dialog->problem().isEmpty());
                                      max->setValue(10200);
                                      child<QLineEdit>(dialog, "name")->setText("dgx-h100");
                                      dialog->accept();
                                      QVERIFY(!dialog->isVisible());
                                  });
        QCOMPARE(doc.scenario().nodeTypes[0].name, std::string("dgx-h100"));
        QCOMPARE(doc.scenario().cluster.zones[0].racks[0].nodes[0].type, std::string("dgx-h100"));
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.scenario(), fixture());
    }

    // The bundled catalog as the app opens it (a compiled-in resource): the palette lists the
    // current-generation types, and the node type dialog shows a catalog entry's figures,
    // the rack-scale GB200 NVL72 included.
    void paletteShowsTheCatalog()
    {
        const LoadOutcome loaded = loadScenario(":/catalog/hardware.json");
        QVERIFY2(loaded.scenario, qPrintable(loaded.error));
        ScenarioDocument doc(*loaded.scenario);
        PalettePanel panel(&doc);
        QAbstractItemModel *model = panel.nodeTypesView()->model();
        QStringList names;
        for (int row = 0; row < model->rowCount(); ++row)
            names << model->index(row, 0).data().toString();
        for (const char *name : {"dgx-h200", "dgx-b200", "gb200-nvl72", "mi325x-8gpu",
                                 "mi355x-8gpu", "gaudi3-8x", "dgx-h100", "mi300x-8gpu"})
            QVERIFY2(names.contains(name), name);

        panel.nodeTypesView()->setCurrentIndex(
                panel.nodeTypesModel()->index(int(names.indexOf("gb200-nvl72"))));
        withModal<NodeTypeDialog>(
                [&] { panel.editNodeType(); },
                [](NodeTypeDialog *dialog) {
                    QCOMPARE(child<QSpinBox>(dialog, "accelerators")->value(), 72);
                    QCOMPARE(child<QDoubleSpinBox>(dialog, "maxW")->value(), 120000.0);
                    QVERIFY(child<QLineEdit>(dialog, "source")
                                    ->text()
                                    .contains("one NVLink domain"));
                    dialog->reject();
                });
    }

    // A million jobs: the panel builds, sorts, filters, and deletes with undo. How long each
    // step takes is measured by tests/bench/bench_views.cpp.
    void millionJobs()
    {
        constexpr int kJobs = 1000000;
        Scenario s = fixture(0);
        s.jobs.reserve(kJobs);
        for (int i = 1; i <= kJobs; ++i) {
            Job job;
            job.id = i;
            const long long n = i;
            job.name = "j" + std::to_string(n * 7919 % kJobs); // short: no heap per name
            job.tenant = i % 3 ? "a" : "b";
            job.submitS = i;
            job.slots = 1 + i % 8;
            job.runS = static_cast<double>(1 + n * 104729 % 86400);
            s.jobs.push_back(std::move(job));
        }
        ScenarioDocument doc(std::move(s));
        Selection selection;
        WorkloadsPanel panel(&doc, &selection, nullptr);
        panel.resize(900, 500);
        panel.view()->sortByColumn(JobsTableModel::RunColumn, Qt::AscendingOrder);
        const QAbstractItemModel *proxy = panel.view()->model();
        QCOMPARE(proxy->rowCount(), kJobs);
        for (int row = 1; row < 1000; ++row)
            QVERIFY(proxy->index(row - 1, JobsTableModel::RunColumn)
                            .data(JobsTableModel::RawValueRole)
                            .toDouble() <= proxy->index(row, JobsTableModel::RunColumn)
                                                   .data(JobsTableModel::RawValueRole)
                                                   .toDouble());
        panel.setFilterText("j12345");
        QVERIFY(proxy->rowCount() > 0);
        panel.setFilterText(QString());
        selection.setJobs({10, 500000, 999999});
        edits::removeJobs(doc, {5, 6, 700000});
        QCOMPARE(selection.jobs(), (Selection::JobIndices{8, 499998, 999996}));
        doc.undoStack()->undo();
        QCOMPARE(panel.model()->rowCount(), kJobs);
    }
};

QTEST_MAIN(TestPanels)
#include "test_panels.moc"
