#include "ui/files/csv_mapping_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace headroom::ui {

std::string readCsvStart(const QString &path, qint64 bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray data = file.read(bytes);
    if (!file.atEnd()) {
        const qsizetype newline = data.lastIndexOf('\n');
        if (newline >= 0)
            data.truncate(newline + 1);
    }
    return data.toStdString();
}

CsvMappingDialog::CsvMappingDialog(const QString &path, std::string text, QWidget *parent)
    : QDialog(parent)
    , m_path(path)
    , m_text(std::move(text))
    , m_fields{{{"submit", &CsvJobColumns::submit},
                {"run", &CsvJobColumns::run},
                {"slots", &CsvJobColumns::slots},
                {"requested", &CsvJobColumns::requested},
                {"id", &CsvJobColumns::id},
                {"name", &CsvJobColumns::name},
                {"tenant", &CsvJobColumns::tenant},
                {"start", &CsvJobColumns::start},
                {"end", &CsvJobColumns::end}}}
    , m_timeFormat(new QComboBox(this))
    , m_table(new QTableWidget(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Import CSV Jobs: %1").arg(QFileInfo(path).fileName()));
    const QStringList labels = {
            tr("Submit time:"), tr("Run time (s):"), tr("Slots:"),  tr("Requested time (s):"),
            tr("Job id:"),      tr("Name:"),         tr("Tenant:"), tr("Start time:"),
            tr("End time:")};
    // The header as the preview reads it, with no mapping yet.
    const std::vector<std::string> header =
            previewJobsCsv(m_text, path.toStdString(), {}, CsvTimeFormat::Epoch, 0).header;
    const CsvJobColumns guessed = guessCsvJobColumns(header);

    auto *form = new QFormLayout;
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        FieldBox &field = m_fields[i];
        field.box = new QComboBox(this);
        field.box->setObjectName(QStringLiteral("field_%1").arg(QLatin1String(field.key)));
        // submit and slots are required; run is unless start and end are both mapped.
        const bool required = i == 0 || i == 2;
        field.box->addItem(required ? tr("(choose a column)") : tr("(none)"), QString());
        for (const std::string &name : header)
            field.box->addItem(QString::fromStdString(name), QString::fromStdString(name));
        const int guess = field.box->findData(QString::fromStdString(guessed.*(field.member)));
        field.box->setCurrentIndex(std::max(guess, 0));
        connect(field.box, &QComboBox::currentIndexChanged, this, &CsvMappingDialog::updatePreview);
        form->addRow(labels[int(i)], field.box);
    }
    m_timeFormat->setObjectName("timeFormat");
    m_timeFormat->addItem(tr("Epoch seconds (1709647321)"));
    m_timeFormat->addItem(tr("ISO times (2024-03-05T14:22:01)"));
    connect(m_timeFormat, &QComboBox::currentIndexChanged, this, &CsvMappingDialog::updatePreview);
    form->addRow(tr("Times are:"), m_timeFormat);

    m_table->setObjectName("preview");
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(true);
    m_table->setMinimumSize(640, 260);
    m_status->setObjectName("previewStatus");
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("The first rows of the file, and the job each makes:"), this));
    layout->addWidget(m_table, 1);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    updatePreview();
}

CsvJobColumns CsvMappingDialog::columns() const
{
    CsvJobColumns columns;
    for (const FieldBox &field : m_fields)
        columns.*(field.member) = field.box->currentData().toString().toStdString();
    return columns;
}

CsvTimeFormat CsvMappingDialog::timeFormat() const
{
    return m_timeFormat->currentIndex() == 1 ? CsvTimeFormat::Iso : CsvTimeFormat::Epoch;
}

QString CsvMappingDialog::previewStatus() const
{
    return m_status->text();
}

void CsvMappingDialog::updatePreview()
{
    const CsvJobColumns mapping = columns();
    QString missing;
    if (mapping.submit.empty())
        missing = tr("Choose the column of the submit time.");
    else if (mapping.slots.empty())
        missing = tr("Choose the column of the slots (GPUs).");
    else if (mapping.run.empty() && (mapping.start.empty() || mapping.end.empty()))
        missing = tr("Choose the column of the run time, or those of the start and end times.");
    m_preview = previewJobsCsv(m_text, m_path.toStdString(), mapping, timeFormat(), kPreviewRows);

    QStringList headers;
    for (const std::string &name : m_preview.header)
        headers << QString::fromStdString(name);
    headers << tr("Job");
    m_table->clear();
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(m_preview.rows.size()));
    int jobs = 0, skipped = 0, errors = 0;
    QString firstError;
    for (int r = 0; r < int(m_preview.rows.size()); ++r) {
        const CsvPreviewRow &row = m_preview.rows[std::size_t(r)];
        m_table->setVerticalHeaderItem(r, new QTableWidgetItem(QString::number(row.line)));
        for (int c = 0; c < int(row.fields.size()) && c < int(m_preview.header.size()); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(QString::fromStdString(row.fields[c])));
        QString result;
        if (row.job) {
            ++jobs;
            result = tr("job %1: %2 slots, runs %3 s")
                             .arg(row.job->id)
                             .arg(row.job->slots)
                             .arg(row.job->runS);
        } else if (!row.error.empty()) {
            ++errors;
            result = QString::fromStdString(row.error);
            if (firstError.isEmpty())
                firstError = result;
        } else if (!row.skipped.empty()) {
            ++skipped;
            result = tr("skipped: %1").arg(QString::fromStdString(row.skipped));
        }
        auto *item = new QTableWidgetItem(result);
        item->setToolTip(result);
        if (!row.error.empty())
            item->setForeground(QColor(0xb0, 0x00, 0x20));
        m_table->setItem(r, int(headers.size()) - 1, item);
    }
    m_table->resizeColumnsToContents();

    QString status;
    if (!missing.isEmpty())
        status = missing;
    else if (!m_preview.error.empty())
        status = QString::fromStdString(m_preview.error);
    else {
        status = tr("First %1 rows: %2 jobs, %3 skipped, %4 with an error.")
                         .arg(m_preview.rows.size())
                         .arg(jobs)
                         .arg(skipped)
                         .arg(errors);
        if (!firstError.isEmpty())
            status += QLatin1Char('\n') + firstError;
    }
    m_status->setText(status);
    m_buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(missing.isEmpty() && m_preview.error.empty() && errors == 0);
}

} // namespace headroom::ui
