// The Services dock (model under QAbstractItemModelTester, add/edit/remove through the
// panel's actions and ServiceDialog, each undoable to the identical scenario) and the
// Properties dock's energy, rack DVFS, node tenant and job isolation fields.
//
// With HEADROOM_GRAB_DIR set, grabs the docks as PNGs there for a look.
#include "core/io/scenario_json.h"
#include "tests/support/scenario_builder.h"
#include "ui/dialogs/service_dialog.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/document/selection.h"
#include "ui/main_window.h"
#include "ui/models/services_model.h"
#include "ui/panels/duration_edit.h"
#include "ui/panels/hourly_profile_edit.h"
#include "ui/panels/properties_panel.h"
#include "ui/panels/services_panel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

#include <functional>

using namespace headroom;
using namespace headroom::ui;

namespace {

Scenario fixture()
{
    test::ScenarioBuilder b;
    b.nodes(2, 8, "gpu8", "r1", "z1").nodes(2, 4, "gpu4", "r2", "z1");
    b.linearPower("gpu8", 2000, 10000).linearPower("gpu4", 500, 2500);
    b.job(1, 0, 8, 100).job(2, 10, 4, 50);
    b.tenant(1, "team-a").tenant(2, "team-b", true);
    b.service("chat", 8, 40.0, 1, 4, 60.0, 300.0);
    b.service("embed", 1, 200.0, 0, 2, 50.0);
    b.hourlyLoad({10, 20, 30, 40, 30, 20});
    Scenario s = b.build();
    s.services.front().tenant = "team-a";
    s.energy.pricePerKwh.values = {0.09, 0.12, 0.19, 0.15};
    return s;
}

template<typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

// Runs `fill` on the modal dialog `trigger` opens, then presses OK (or Cancel when `fill`
// returns false).
void withDialog(const std::function<void()> &trigger,
                const std::function<bool(ServiceDialog *)> &fill)
{
    bool seen = false;
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<ServiceDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        seen = true;
        if (fill(dialog))
            dialog->accept();
        else
            dialog->reject();
    });
    trigger();
    QVERIFY(seen);
}

void grab(QWidget *widget, const QString &name, QSize size)
{
    const QString dir = qEnvironmentVariable("HEADROOM_GRAB_DIR");
    if (dir.isEmpty())
        return;
    widget->resize(size);
    widget->show();
    QTest::qWait(50); // let wrapped labels settle their height
    widget->grab().save(dir + QLatin1Char('/') + name);
    qInfo("%s: minimum %dx%d", qPrintable(name), widget->minimumSizeHint().width(),
          widget->minimumSizeHint().height());
    for (const QGroupBox *box : widget->findChildren<QGroupBox *>()) {
        if (box->isVisibleTo(widget))
            qInfo("  %s: minimum width %d", qPrintable(box->title()),
                  box->minimumSizeHint().width());
    }
}

} // namespace

class TestServicesEnergy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelPassesTester()
    {
        ScenarioDocument doc(fixture());
        ServicesModel model(&doc);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ServicesModel::ColumnCount));
        QCOMPARE(model.index(0, ServicesModel::NameColumn).data().toString(), QString("chat"));
        QCOMPARE(model.index(0, ServicesModel::ReplicasColumn).data().toString(), QString("1–4"));
        QVERIFY(model.index(1, ServicesModel::LoadColumn).data().toString().startsWith("Hourly"));

        Service added = ServiceDialog::newService(doc.scenario());
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QVERIFY(edits::addService(doc, added));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        Service changed = doc.scenario().services[0];
        changed.maxReplicas = 9;
        QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(edits::editService(doc, "chat", changed));
        QCOMPARE(dataChanged.count(), 1);
        QVERIFY(edits::removeService(doc, "chat"));
        QCOMPARE(model.rowCount(), 2);
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.serviceAt(0)->name, std::string("chat"));
        doc.resetScenario(Scenario{});
        QCOMPARE(model.rowCount(), 0);
    }

    void panelAddEditRemoveUndo()
    {
        ScenarioDocument doc(fixture());
        ServicesPanel panel(&doc);
        const std::string original = serializeScenario(doc.scenario());
        QVERIFY(!panel.editAction()->isEnabled());

        // Add, with a validation message on the way.
        withDialog([&] { panel.addAction()->trigger(); },
                   [](ServiceDialog *dialog) -> bool {
                       auto *ok = dialog->findChild<QDialogButtonBox *>()->button(
                               QDialogButtonBox::Ok);
                       [&] { QVERIFY(ok->isEnabled()); }();
                       child<QLineEdit>(dialog, "serviceName")->setText("chat");
                       [&] { QVERIFY(!ok->isEnabled()); }();
                       [&] { QVERIFY(dialog->problem().contains("already")); }();
                       child<QLineEdit>(dialog, "serviceName")->setText("rerank");
                       child<QSpinBox>(dialog, "serviceMinReplicas")->setValue(5);
                       child<QSpinBox>(dialog, "serviceMaxReplicas")->setValue(3);
                       [&] { QVERIFY(dialog->problem().contains("must not exceed")); }();
                       child<QSpinBox>(dialog, "serviceMaxReplicas")->setValue(6);
                       child<QDoubleSpinBox>(dialog, "serviceCapacity")->setValue(0.0);
                       [&] { QVERIFY(dialog->problem().contains("capacity")); }();
                       child<QDoubleSpinBox>(dialog, "serviceCapacity")->setValue(25.0);
                       [&] { QVERIFY(ok->isEnabled()); }();
                       return true;
                   });
        QCOMPARE(doc.scenario().services.size(), std::size_t(3));
        const Service &added = doc.scenario().services.back();
        QCOMPARE(added.name, std::string("rerank"));
        QCOMPARE(added.minReplicas, 5);
        QCOMPARE(added.maxReplicas, 6);
        QCOMPARE(added.capacityRps, 25.0);
        QCOMPARE(panel.currentService(), std::string("rerank"));
        const std::string afterAdd = serializeScenario(doc.scenario());
        doc.undoStack()->undo();
        QCOMPARE(serializeScenario(doc.scenario()), original);
        doc.undoStack()->redo();
        QCOMPARE(serializeScenario(doc.scenario()), afterAdd);

        // Edit: switch chat to an hourly load.
        panel.selectService("chat");
        QVERIFY(panel.editAction()->isEnabled());
        withDialog([&] { panel.editAction()->trigger(); },
                   [](ServiceDialog *dialog) -> bool {
                       [&] {
                           QCOMPARE(child<QLineEdit>(dialog, "serviceName")->text(),
                                    QString("chat"));
                       }();
                       child<QComboBox>(dialog, "loadKind")->setCurrentIndex(1);
                       [&] { QVERIFY(dialog->problem().contains("hourly")); }();
                       Service s = dialog->service();
                       s.load.hourlyRps.values = {5.0, 50.0};
                       dialog->setService(s);
                       child<QLineEdit>(dialog, "serviceName")->setText("chat-v2");
                       return dialog->problem().isEmpty();
                   });
        QCOMPARE(doc.scenario().services[0].name, std::string("chat-v2"));
        QVERIFY(doc.scenario().services[0].load.kind == LoadProfile::Kind::Hourly);
        QCOMPARE(panel.currentService(), std::string("chat-v2"));
        doc.undoStack()->undo();
        QCOMPARE(serializeScenario(doc.scenario()), afterAdd);
        doc.undoStack()->redo();

        // Cancel changes nothing.
        const int steps = doc.undoStack()->count();
        withDialog([&] { panel.editAction()->trigger(); }, [](ServiceDialog *) { return false; });
        QCOMPARE(doc.undoStack()->count(), steps);

        // Remove with the Delete key's action.
        const std::string beforeRemove = serializeScenario(doc.scenario());
        panel.selectService("embed");
        panel.removeAction()->trigger();
        QCOMPARE(doc.scenario().services.size(), std::size_t(2));
        QCOMPARE(panel.removeAction()->shortcut(), QKeySequence(QKeySequence::Delete));
        doc.undoStack()->undo();
        QCOMPARE(serializeScenario(doc.scenario()), beforeRemove);

        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(serializeScenario(doc.scenario()), original);
    }

    void propertiesEditEnergy()
    {
        ScenarioDocument doc(fixture());
        Selection selection;
        PropertiesPanel panel(&doc, &selection);
        QCOMPARE(panel.currentPage(), PropertiesPanel::Page::Scenario);
        const std::string before = serializeScenario(doc.scenario());

        auto *pue = child<QDoubleSpinBox>(&panel, "pue");
        QCOMPARE(pue->value(), 1.0);
        pue->setValue(1.2);
        pue->setValue(1.35); // spin steps merge
        QCOMPARE(doc.scenario().energy.pue, 1.35);
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.undoStack()->undoText(), QString("Change PUE"));

        auto *capOn = child<QCheckBox>(&panel, "powerCapEnabled");
        auto *cap = child<QDoubleSpinBox>(&panel, "powerCap");
        QVERIFY(!capOn->isChecked());
        QVERIFY(!cap->isEnabled());
        capOn->click();
        QVERIFY(doc.scenario().energy.clusterPowerCapKw.has_value());
        cap->setValue(42.0);
        QCOMPARE(*doc.scenario().energy.clusterPowerCapKw, 42.0);

        child<QCheckBox>(&panel, "dpmEnabled")->click();
        QVERIFY(doc.scenario().energy.dpmEnabled);
        child<QSpinBox>(&panel, "spareNodes")->setValue(2);
        QCOMPARE(doc.scenario().energy.spareNodes, 2);
        auto *idle = child<DurationEdit>(&panel, "idleTimeout");
        idle->setFocus();
        idle->selectAll();
        QTest::keyClicks(idle, "30 min");
        QCOMPARE(doc.scenario().energy.idleTimeoutS, 1800.0);
        child<QDoubleSpinBox>(&panel, "clusterDvfs")->setValue(0.8);
        QCOMPARE(doc.scenario().energy.dvfsFrequency, 0.8);
        auto *currency = child<QLineEdit>(&panel, "currency");
        currency->setFocus();
        currency->selectAll();
        QTest::keyClicks(currency, "EUR");
        QCOMPARE(doc.scenario().energy.currency, std::string("EUR"));
        auto *price = child<HourlyProfileEdit>(&panel, "priceProfile");
        QCOMPARE(price->summary(), QString("4 hourly values, 0.09–0.19 EUR/kWh"));

        // The profile edit reports a CSV import as an edit.
        QTemporaryFile csv(QDir::tempPath() + "/carbonXXXXXX.csv");
        QVERIFY(csv.open());
        csv.write("hour,g\n0,300\n1,250\n2,400\n");
        csv.close();
        auto *carbon = child<HourlyProfileEdit>(&panel, "carbonProfile");
        QVERIFY2(carbon->importCsv(csv.fileName()), qPrintable(carbon->lastError()));
        QCOMPARE(doc.scenario().energy.carbonGPerKwh.values, (std::vector<double>{300, 250, 400}));

        const std::string after = serializeScenario(doc.scenario());
        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(serializeScenario(doc.scenario()), before);
        QCOMPARE(pue->value(), 1.0); // the panel follows undo
        QVERIFY(!capOn->isChecked());
        QCOMPARE(currency->text(), QString("USD"));
        QVERIFY(carbon->profile().empty());
        while (doc.undoStack()->canRedo())
            doc.undoStack()->redo();
        QCOMPARE(serializeScenario(doc.scenario()), after);
        QCOMPARE(cap->value(), 42.0);
    }

    void propertiesEditRackNodeJob()
    {
        ScenarioDocument doc(fixture());
        Selection selection;
        PropertiesPanel panel(&doc, &selection);
        const std::string before = serializeScenario(doc.scenario());

        selection.setElements({"r1"});
        QCOMPARE(panel.currentPage(), PropertiesPanel::Page::Rack);
        auto *follows = child<QCheckBox>(&panel, "rackDvfsFollowsCluster");
        auto *dvfs = child<QDoubleSpinBox>(&panel, "rackDvfs");
        QVERIFY(follows->isChecked());
        QVERIFY(!dvfs->isEnabled());
        follows->click();
        QCOMPARE(doc.scenario().cluster.zones[0].racks[0].dvfsFrequency, std::optional(1.0));
        dvfs->setValue(0.7);
        QCOMPARE(doc.scenario().cluster.zones[0].racks[0].dvfsFrequency, std::optional(0.7));

        selection.setElements({"r1-n0"});
        QCOMPARE(panel.currentPage(), PropertiesPanel::Page::Node);
        auto *tenant = child<QComboBox>(&panel, "nodeTenant");
        QVERIFY(tenant->findText("team-a") >= 0); // known tenants offered
        tenant->setCurrentIndex(tenant->findText("team-b"));
        Q_EMIT tenant->activated(tenant->currentIndex());
        QCOMPARE(doc.scenario().cluster.zones[0].racks[0].nodes[0].tenant, std::string("team-b"));

        selection.setJobs({0});
        QCOMPARE(panel.currentPage(), PropertiesPanel::Page::Job);
        auto *dedicated = child<QCheckBox>(&panel, "jobDedicated");
        QVERIFY(!dedicated->isChecked());
        dedicated->click();
        QVERIFY(doc.scenario().jobs[0].dedicated);
        selection.setJobs({1});
        QVERIFY(dedicated->isChecked());

        // Several jobs: job 1 isolated now, job 2 was: all checked; then clear both at once.
        selection.setJobs({0, 1});
        QCOMPARE(panel.currentPage(), PropertiesPanel::Page::Jobs);
        auto *allDedicated = child<QCheckBox>(&panel, "jobsDedicated");
        QCOMPARE(allDedicated->checkState(), Qt::Checked);
        allDedicated->click();
        QVERIFY(!doc.scenario().jobs[0].dedicated);
        QVERIFY(!doc.scenario().jobs[1].dedicated);
        doc.undoStack()->undo();
        doc.undoStack()->undo(); // job 1 back to shared: the two differ
        QCOMPARE(allDedicated->checkState(), Qt::PartiallyChecked);
        allDedicated->click(); // partly checked → checked: isolates both
        QVERIFY(doc.scenario().jobs[0].dedicated);
        QVERIFY(doc.scenario().jobs[1].dedicated);
        QVERIFY(!allDedicated->isTristate());
        doc.undoStack()->undo();

        while (doc.undoStack()->canUndo())
            doc.undoStack()->undo();
        QCOMPARE(serializeScenario(doc.scenario()), before);
    }

    void grabDocks()
    {
        if (qEnvironmentVariable("HEADROOM_GRAB_DIR").isEmpty())
            QSKIP("set HEADROOM_GRAB_DIR to grab the docks as PNGs");
        ScenarioDocument doc(fixture());
        Selection selection;
        PropertiesPanel properties(&doc, &selection);
        grab(&properties, "properties_scenario.png", {300, 1100});
        selection.setElements({"r1"});
        grab(&properties, "properties_rack.png", {300, 400});
        selection.setElements({"r1-n0"});
        grab(&properties, "properties_node.png", {300, 400});
        selection.setJobs({0});
        grab(&properties, "properties_job.png", {300, 700});
        selection.setJobs({0, 1});
        grab(&properties, "properties_jobs.png", {300, 400});
        ServicesPanel services(&doc);
        grab(&services, "services_panel.png", {900, 260});
        ServiceDialog dialog(doc.scenario(), doc.scenario().services[0], "Edit Service chat",
                             "chat");
        grab(&dialog, "service_dialog.png", dialog.sizeHint());
        ServiceDialog hourly(doc.scenario(), doc.scenario().services[1], "Edit Service embed",
                             "embed");
        grab(&hourly, "service_dialog_hourly.png", hourly.sizeHint());

        MainWindow window;
        auto *dock = window.findChild<QDockWidget *>("ServicesDock");
        QVERIFY(dock);
        QVERIFY(dock->toggleViewAction());
        dock->raise();
        grab(&window, "main_window.png", {1400, 900});
    }
};

QTEST_MAIN(TestServicesEnergy)
#include "test_services_energy.moc"
