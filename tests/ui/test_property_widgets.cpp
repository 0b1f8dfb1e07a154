// The Properties dock's own widgets: the scheduler and placement names that the dock and the
// main window's toolbar share.
#include "ui/main_window.h"
#include "ui/models/policy_choices.h"
#include "ui/panels/properties_panel.h"

#include <QComboBox>
#include <QToolBar>
#include <QtTest>

using namespace headroom;
using namespace headroom::ui;

namespace {

QStringList texts(const QComboBox *combo)
{
    QStringList items;
    for (int i = 0; i < combo->count(); ++i)
        items << combo->itemText(i);
    return items;
}

} // namespace

class TestPropertyWidgets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void policyChoicesNameEveryKind()
    {
        QComboBox schedulers;
        addSchedulerChoices(&schedulers);
        QCOMPARE(schedulers.count(), int(allSchedulers().size()));
        for (int i = 0; i < schedulers.count(); ++i) {
            const auto kind = static_cast<SchedulerKind>(schedulers.itemData(i).toInt());
            QCOMPARE(schedulers.itemText(i), schedulerLabel(kind));
            QCOMPARE(schedulers.itemData(i, Qt::ToolTipRole).toString(),
                     schedulerDescription(kind));
            QVERIFY(!schedulerDescription(kind).isEmpty());
        }
        QComboBox placements;
        addPlacementChoices(&placements);
        QCOMPARE(placements.count(), int(allPlacements().size()));
        for (int i = 0; i < placements.count(); ++i) {
            const auto kind = static_cast<PlacementKind>(placements.itemData(i).toInt());
            QCOMPARE(placements.itemText(i), placementLabel(kind));
            QVERIFY(!placementDescription(kind).isEmpty());
        }
        QCOMPARE(schedulerLabel(SchedulerKind::Easy), QStringLiteral("EASY backfilling"));
        QCOMPARE(placementLabel(PlacementKind::BestFit), QStringLiteral("Best fit"));
    }

    // The toolbar and the Properties dock name schedulers and placements alike.
    void toolbarAndPropertiesAgree()
    {
        MainWindow window;
        auto *properties = window.findChild<PropertiesPanel *>();
        QVERIFY(properties);
        const QStringList schedulers = texts(properties->findChild<QComboBox *>("scheduler"));
        const QStringList placements = texts(properties->findChild<QComboBox *>("placement"));
        QCOMPARE(schedulers.size(), int(allSchedulers().size()));
        bool schedulerFound = false;
        bool placementFound = false;
        for (const QToolBar *bar : window.findChildren<QToolBar *>()) {
            for (const QComboBox *combo : bar->findChildren<QComboBox *>()) {
                schedulerFound = schedulerFound || texts(combo) == schedulers;
                placementFound = placementFound || texts(combo) == placements;
            }
        }
        QVERIFY(schedulerFound);
        QVERIFY(placementFound);
    }
};

QTEST_MAIN(TestPropertyWidgets)
#include "test_property_widgets.moc"
