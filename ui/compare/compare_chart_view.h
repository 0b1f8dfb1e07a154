#pragma once

#include <QChartView>

namespace headroom::ui {

class ComparedRunsModel;

// One overlaid chart of the compared runs (docs/design.md §8.1), a series per run in the
// run's colour, redrawn whenever the runs change. Long runs are decimated (min/max per
// bucket, report/decimation.h) so that peaks survive and four runs stay responsive.
class CompareChartView : public QChartView
{
    Q_OBJECT

public:
    enum class Kind {
        Utilization, // % of accelerators busy, over time
        Power,       // facility power over time, with each run's cluster cap dashed
        Queue,       // jobs waiting, over time
        WaitCdf,     // fraction of completed jobs that waited at most x
    };

    CompareChartView(Kind kind, ComparedRunsModel *runs, QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    // Series drawn for run `row` (tests): its data line, and its cap line for Power.
    int seriesCount() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    Kind m_kind;
    ComparedRunsModel *m_runs;
};

} // namespace headroom::ui
