// The Properties dock's own widgets: the optional number (a spin box and a switch, for the
// rack budget, the rack DVFS frequency and the cluster power cap) and the scheduler and
// placement names that the dock and the main window's toolbar share.
#include "ui/main_window.h"
#include "ui/models/policy_choices.h"
#include "ui/panels/optional_number_edit.h"
#include "ui/panels/properties_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QToolBar>
#include <QtTest>

#include <optional>

using namespace headroom;
using namespace headroom::ui;

Q_DECLARE_METATYPE(std::optional<double>)

namespace {

std::optional<double> edited(const QSignalSpy &spy, int i)
{
    return spy.at(i).at(0).value<std::optional<double>>();
}

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
    void optionalNumber_data()
    {
        QTest::addColumn<bool>("tickedMeansNumber");
        QTest::newRow("ticked: a number (power cap)") << true;
        QTest::newRow("ticked: none (Unlimited)") << false;
    }

    void optionalNumber()
    {
        QFETCH(bool, tickedMeansNumber);
        OptionalNumberEdit edit(QStringLiteral("Switch"),
                                tickedMeansNumber ? OptionalNumberEdit::Checked::HasNumber
                                                  : OptionalNumberEdit::Checked::NoNumber);
        edit.spinBox()->setRange(0.1, 1000.0);
        QSignalSpy spy(&edit, &OptionalNumberEdit::valueEdited);

        // Shown without a number: the spin box is off and shows the proposal.
        edit.setValue(std::nullopt, 40.0);
        QVERIFY(!edit.value());
        QCOMPARE(edit.switchBox()->isChecked(), !tickedMeansNumber);
        QVERIFY(!edit.spinBox()->isEnabled());
        QCOMPARE(edit.spinBox()->value(), 40.0);
        edit.spinBox()->setValue(41.0); // while absent, the number is not an edit
        QCOMPARE(spy.count(), 0);

        // The user switches the number on: it starts from what the spin box shows.
        edit.switchBox()->click();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(edited(spy, 0), std::optional(41.0));
        QVERIFY(edit.spinBox()->isEnabled());
        edit.spinBox()->setValue(12.5);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(edited(spy, 1), std::optional(12.5));
        QCOMPARE(edit.value(), std::optional(12.5));

        // ...and off again.
        edit.switchBox()->click();
        QCOMPARE(spy.count(), 3);
        QCOMPARE(edited(spy, 2), std::optional<double>());
        QVERIFY(!edit.spinBox()->isEnabled());

        // Shown by the program (undo): never an edit, switch and number agree.
        edit.setValue(7.0);
        QCOMPARE(edit.value(), std::optional(7.0));
        QCOMPARE(edit.switchBox()->isChecked(), tickedMeansNumber);
        QVERIFY(edit.spinBox()->isEnabled());
        edit.setValue(std::nullopt); // no proposal: keeps showing the last number
        QCOMPARE(edit.spinBox()->value(), 7.0);
        QVERIFY(!edit.value());
        QCOMPARE(spy.count(), 3);
    }

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
