#include "ui/compare/compare_window.h"

#include "report/comparison_report.h"
#include "ui/compare/compare_chart_view.h"
#include "ui/compare/compared_runs_model.h"
#include "ui/compare/metrics_table_model.h"

#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace headroom::ui {

CompareWindow::CompareWindow(QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_runs(new ComparedRunsModel(this))
    , m_metrics(new MetricsTableModel(m_runs, this))
    , m_list(new QListView(this))
    , m_remove(new QPushButton(tr("&Remove Run"), this))
    , m_export(new QPushButton(tr("&Export Report…"), this))
    , m_table(new QTableView(this))
{
    setObjectName("CompareWindow");
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1400, 900);

    m_list->setModel(m_runs);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setToolTip(tr("The compared runs; the first is the baseline of the deltas"));
    m_remove->setToolTip(tr("Drop the selected run from the comparison"));
    m_remove->setEnabled(false);
    connect(m_remove, &QPushButton::clicked, this, &CompareWindow::removeSelected);
    m_export->setToolTip(tr("Save the metrics table and the overlaid charts as a PDF or HTML "
                            "report"));
    connect(m_export, &QPushButton::clicked, this, &CompareWindow::exportReportDialog);
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_remove->setEnabled(m_list->selectionModel()->hasSelection()); });

    m_table->setModel(m_metrics);
    m_table->setAlternatingRowColors(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Values with their deltas are long: columns fit them, and the table scrolls sideways
    // rather than cutting a delta off.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(new QLabel(tr("Runs"), side));
    sideLayout->addWidget(m_list, 0);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_remove);
    buttons->addWidget(m_export);
    sideLayout->addLayout(buttons);
    sideLayout->addWidget(new QLabel(tr("Metrics (green: better than the baseline, red: "
                                        "worse)"),
                                     side));
    sideLayout->addWidget(m_table, 1);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 6);

    auto *chartsArea = new QWidget(this);
    auto *grid = new QGridLayout(chartsArea);
    grid->setContentsMargins(0, 0, 0, 0);
    const std::array kinds = {CompareChartView::Kind::Utilization, CompareChartView::Kind::Power,
                              CompareChartView::Kind::Queue, CompareChartView::Kind::WaitCdf};
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        m_charts[i] = new CompareChartView(kinds[i], m_runs, chartsArea);
        grid->addWidget(m_charts[i], int(i / 2), int(i % 2));
    }

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(side);
    splitter->addWidget(chartsArea);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({600, 800});
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_runs, &ComparedRunsModel::runsChanged, this, &CompareWindow::updateTitle);
    updateTitle();
}

void CompareWindow::removeSelected()
{
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const int row = rows.front().row();
    const QString name = m_runs->runs()[std::size_t(row)].name;
    m_runs->remove(row);
    Q_EMIT runRemoved(name);
}

bool CompareWindow::exportReport(const QString &path, QString *error) const
{
    return report::writeComparisonReportFile(path, m_runs->runs(), error);
}

void CompareWindow::exportReportDialog()
{
    const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Comparison Report"), QStringLiteral("comparison.pdf"),
            tr("PDF report (*.pdf);;HTML report (*.html)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportReport(path, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

void CompareWindow::updateTitle()
{
    m_export->setEnabled(m_runs->rowCount() >= 2);
    setWindowTitle(tr("Compare %n Runs — Headroom", nullptr, m_runs->rowCount()));
}

} // namespace headroom::ui
