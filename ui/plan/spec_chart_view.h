#pragma once

#include "report/chart_spec.h"

#include <QChartView>

namespace headroom::ui {

// A report chart (report/chart_spec.h) drawn with Qt Charts, so the Plan dialogs show the very
// chart the report prints (report/plan_report.h builds both): lines, dot markers, scatters,
// step bars and reference lines, on value axes, in the window palette's colours.
class SpecChartView : public QChartView
{
    Q_OBJECT

public:
    explicit SpecChartView(QWidget *parent = nullptr);

    void setSpec(const report::ChartSpec &spec);
    const report::ChartSpec &spec() const { return m_spec; }
    // Drops the chart (before a new study): an empty plot with `message` as its title.
    void clear(const QString &message = {});

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    report::ChartSpec m_spec;
    QString m_message;
};

} // namespace headroom::ui
