#pragma once

#include "core/engine/run_result.h"
#include "core/model/scenario.h"
#include "report/plan_report.h"
#include "report/report_data.h"
#include "report/report_document.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace headroom::ui {

// File → Export Report…: a preview of the report's pages and the choice of what to write
// (PDF or HTML report, the CSV tables, the metrics JSON). Every file is written atomically.
class ReportDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Format { Pdf, Html, CsvFolder, MetricsJson };

    // `studies`: planning studies run in this session, shown in their own section.
    ReportDialog(std::shared_ptr<const Scenario> scenario, std::shared_ptr<const RunResult> result,
                 std::shared_ptr<const report::ReportData> data, QWidget *parent = nullptr,
                 const report::PlanningStudies &studies = {});

    const report::ReportData &data() const { return *m_data; }
    const report::ReportDocument &document() const { return m_document; }
    int previewPageCount() const { return m_pageCount; }
    Format format() const;
    void setFormat(Format format);

    // Writes `format` to `path` (a folder for CsvFolder) without asking; returns false and
    // sets `error` on failure.
    bool exportTo(Format format, const QString &path, QString *error);

public Q_SLOTS:
    // Asks where to write the chosen format, then writes it.
    void exportChosen();

private:
    void renderPreview();
    QString suggestedPath(Format format) const;

    std::shared_ptr<const Scenario> m_scenario;
    std::shared_ptr<const RunResult> m_result;
    std::shared_ptr<const report::ReportData> m_data;
    report::ReportDocument m_document;
    QComboBox *m_formatCombo;
    QScrollArea *m_scroll;
    QVBoxLayout *m_pages;
    QLabel *m_status;
    QPushButton *m_exportButton;
    int m_pageCount = 0;
};

} // namespace headroom::ui
