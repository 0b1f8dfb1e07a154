#include "ui/report/report_dialog.h"

#include "core/io/run_outputs.h"
#include "report/report_export.h"
#include "report/report_pdf.h"
#include "report/save_file.h"
#include "ui/settings_keys.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QVBoxLayout>

namespace headroom::ui {
namespace {

// Preview pages are drawn at about 100 % zoom of a 96 dpi screen, sharp on high-DPI ones.
constexpr double kPreviewDpi = 96.0;

QString fileSafe(QString name)
{
    static const QString kUnsafe = QStringLiteral("\\/:*?\"<>|");
    for (QChar &c : name) {
        if (kUnsafe.contains(c) || c.unicode() < 0x20)
            c = QLatin1Char('-');
    }
    name = name.trimmed();
    return name.isEmpty() ? QStringLiteral("report") : name;
}

} // namespace

ReportDialog::ReportDialog(std::shared_ptr<const Scenario> scenario,
                           std::shared_ptr<const RunResult> result,
                           std::shared_ptr<const report::ReportData> data, QWidget *parent,
                           const report::PlanningStudies &studies)
    : QDialog(parent)
    , m_scenario(std::move(scenario))
    , m_result(std::move(result))
    , m_data(std::move(data))
    , m_document(report::buildReportDocument(*m_data))
    , m_formatCombo(new QComboBox(this))
    , m_scroll(new QScrollArea(this))
    , m_pages(nullptr)
    , m_status(new QLabel(this))
    , m_exportButton(new QPushButton(tr("&Export…"), this))
{
    setWindowTitle(tr("Export Report — %1").arg(m_data->scenarioName));
    setObjectName("ReportDialog");
    report::appendPlanningSections(m_document, studies);

    m_formatCombo->addItem(tr("PDF report (.pdf)"), int(Format::Pdf));
    m_formatCombo->addItem(tr("HTML report, one self-contained file (.html)"), int(Format::Html));
    m_formatCombo->addItem(tr("CSV tables: time series, jobs, nodes, tenants (folder)"),
                           int(Format::CsvFolder));
    m_formatCombo->addItem(tr("Metrics (.json)"), int(Format::MetricsJson));
    QSettings settings;
    setFormat(Format(settings.value(settings::kReportFormat, int(Format::Pdf)).toInt()));
    connect(m_formatCombo, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(settings::kReportFormat, int(format()));
        m_status->clear();
    });

    auto *pagesWidget = new QWidget;
    pagesWidget->setObjectName("ReportPreviewPages");
    m_pages = new QVBoxLayout(pagesWidget);
    m_pages->setSpacing(16);
    m_pages->setContentsMargins(16, 16, 16, 16);
    m_pages->setAlignment(Qt::AlignHCenter);
    m_scroll->setWidget(pagesWidget);
    m_scroll->setWidgetResizable(true);
    m_scroll->setBackgroundRole(QPalette::Dark);
    m_scroll->setToolTip(tr("Preview of the report's pages; the HTML file has the same content "
                            "on one page"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_formatCombo);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_exportButton->setDefault(true);
    buttons->addButton(m_exportButton, QDialogButtonBox::ActionRole);
    connect(m_exportButton, &QPushButton::clicked, this, &ReportDialog::exportChosen);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    renderPreview();
    // A page and a half tall on most screens, one page wide.
    const QSize page(int(595.28 / 72.0 * kPreviewDpi), int(841.89 / 72.0 * kPreviewDpi));
    QSize size(page.width() + 80, page.height() * 3 / 4 + 140);
    if (const QScreen *screen = parent ? parent->screen() : QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize() * 0.9);
    resize(size);
}

ReportDialog::Format ReportDialog::format() const
{
    return Format(m_formatCombo->currentData().toInt());
}

void ReportDialog::setFormat(Format format)
{
    const int index = m_formatCombo->findData(int(format));
    m_formatCombo->setCurrentIndex(index >= 0 ? index : 0);
}

void ReportDialog::renderPreview()
{
    const double ratio = devicePixelRatioF();
    const std::vector<QImage> pages = report::reportPageImages(m_document, kPreviewDpi * ratio);
    m_pageCount = int(pages.size());
    for (std::size_t i = 0; i < pages.size(); ++i) {
        QPixmap pixmap = QPixmap::fromImage(pages[i]);
        pixmap.setDevicePixelRatio(ratio);
        auto *label = new QLabel;
        label->setPixmap(pixmap);
        label->setFrameShape(QFrame::Box);
        label->setAccessibleName(tr("Page %1 of %2").arg(i + 1).arg(pages.size()));
        m_pages->addWidget(label, 0, Qt::AlignHCenter);
    }
}

QString ReportDialog::suggestedPath(Format format) const
{
    QSettings settings;
    const QString directory =
            settings.value(settings::kReportLastDirectory, QDir::homePath()).toString();
    const QString base =
            fileSafe(m_data->scenarioName) + QLatin1Char(' ') + m_data->date.toString(Qt::ISODate);
    switch (format) {
    case Format::Pdf:
        return directory + QLatin1Char('/') + base + QStringLiteral(".pdf");
    case Format::Html:
        return directory + QLatin1Char('/') + base + QStringLiteral(".html");
    case Format::MetricsJson:
        return directory + QLatin1Char('/') + base + QStringLiteral(" metrics.json");
    case Format::CsvFolder:
        break;
    }
    return directory;
}

bool ReportDialog::exportTo(Format format, const QString &path, QString *error)
{
    switch (format) {
    case Format::Pdf:
        return report::writeReportPdfFile(path, m_document, error);
    case Format::Html:
        return report::writeReportHtmlFile(path, m_document, error);
    case Format::CsvFolder:
        return report::writeCsvDirectory(path, *m_scenario, *m_result, error);
    case Format::MetricsJson:
        return report::saveFile(path, metricsJson(m_result->metrics, m_data->info), error);
    }
    return false;
}

void ReportDialog::exportChosen()
{
    const Format chosen = format();
    QString path;
    switch (chosen) {
    case Format::Pdf:
        path = QFileDialog::getSaveFileName(this, tr("Export PDF Report"), suggestedPath(chosen),
                                            tr("PDF documents (*.pdf)"));
        if (!path.isEmpty() && !path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
            path += QStringLiteral(".pdf");
        break;
    case Format::Html:
        path = QFileDialog::getSaveFileName(this, tr("Export HTML Report"), suggestedPath(chosen),
                                            tr("HTML files (*.html)"));
        if (!path.isEmpty() && !path.endsWith(QStringLiteral(".html"), Qt::CaseInsensitive) &&
            !path.endsWith(QStringLiteral(".htm"), Qt::CaseInsensitive))
            path += QStringLiteral(".html");
        break;
    case Format::CsvFolder:
        path = QFileDialog::getExistingDirectory(this, tr("Export CSV Tables to Folder"),
                                                 suggestedPath(chosen));
        break;
    case Format::MetricsJson:
        path = QFileDialog::getSaveFileName(this, tr("Export Metrics"), suggestedPath(chosen),
                                            tr("JSON files (*.json)"));
        if (!path.isEmpty() && !path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
            path += QStringLiteral(".json");
        break;
    }
    if (path.isEmpty())
        return;
    QSettings().setValue(settings::kReportLastDirectory,
                         chosen == Format::CsvFolder ? path : QFileInfo(path).absolutePath());
    QString error;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = exportTo(chosen, path, &error);
    QGuiApplication::restoreOverrideCursor();
    if (!ok) {
        QMessageBox::warning(this, tr("Cannot export"), error);
        return;
    }
    m_status->setText(chosen == Format::CsvFolder
                              ? tr("Wrote timeseries.csv, jobs.csv, nodes.csv and tenants.csv "
                                   "to %1.")
                                        .arg(QDir::toNativeSeparators(path))
                              : tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace headroom::ui
