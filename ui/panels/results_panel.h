#pragma once

#include <QString>
#include <QWidget>

#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QGridLayout;
class QLabel;
class QScrollArea;
class QTableWidget;
QT_END_NAMESPACE

namespace headroom {
struct RunResult;
struct Scenario;
} // namespace headroom

namespace headroom::ui {

class RunController;
class ScenarioDocument;

// One figure of the results summary: a stable key (the label's object name is
// "result_" + key), the caption, the text shown and the number behind it in the unit the
// core reports (a fraction, seconds, kWh, kg, W, a count).
struct ResultFigure
{
    QString key;
    QString caption;
    QString text;
    double value = 0.0;
    QString toolTip;
};

// The figures the panel shows for a finished run, in order.
std::vector<ResultFigure> resultFigures(const RunResult &result, const Scenario &scenario);

// Results of the finished run at a glance: utilization, waits, energy (IT and facility),
// cost, carbon, peak power, time at the power cap, boots, node-hours off, fragmentation, and a
// per-tenant table. Empty (with a hint) until a run finishes; cleared when a run is reset.
//
// It shares the bottom of the window with the jobs table, so it must never force its width on
// it: the figures sit in two caption/value columns when there is room and in one when not, and
// the whole panel scrolls rather than grow.
class ResultsPanel : public QWidget
{
    Q_OBJECT

public:
    ResultsPanel(ScenarioDocument *document, RunController *run, QWidget *parent = nullptr);

    // The label that shows figure `key`, or null.
    QLabel *figureLabel(const QString &key) const;
    QTableWidget *tenantTable() const { return m_tenants; }
    bool hasResult() const { return m_hasResult; }
    // Caption/value columns the figures are laid out in now: 2, or 1 when narrow.
    int figureColumns() const { return m_columns; }

    // Not slots (connections name them directly): a slot's argument type must be a declared
    // metatype, which would pull the run's headers in here.
    void showResult(std::shared_ptr<const headroom::RunResult> result);
    void clear();

protected:
    // The scroll area's viewport resized: the figures may fit in two columns, or no longer.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void placeFigures(int columns);
    void updateColumns();
    int twoColumnWidth() const;

    ScenarioDocument *m_document;
    QScrollArea *m_scroll;
    QLabel *m_hint;
    QWidget *m_figuresBox;
    QGridLayout *m_grid;
    QTableWidget *m_tenants;
    std::vector<std::pair<QLabel *, QLabel *>> m_figures; // caption, value
    int m_columns = 0;
    bool m_hasResult = false;
};

} // namespace headroom::ui
