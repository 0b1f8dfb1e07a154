#include "ui/panels/hourly_profile_edit.h"

#include "core/io/hourly_profile_csv.h"
#include "core/io/input_error.h"
#include "ui/dialogs/hourly_profile_dialog.h"
#include "ui/models/energy_text.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>

#include <exception>

namespace headroom::ui {

HourlyProfileEdit::HourlyProfileEdit(QWidget *parent)
    : QWidget(parent)
    , m_title(tr("Hourly Values"))
    , m_summary(new QLabel(this))
    , m_edit(new QPushButton(tr("Edit…"), this))
    , m_import(new QPushButton(tr("Import CSV…"), this))
{
    m_summary->setObjectName("profileSummary");
    m_summary->setWordWrap(true);
    // A narrow dock wraps the summary instead of widening the form.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary->setMinimumWidth(m_summary->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 6);
    m_edit->setObjectName("editProfile");
    m_edit->setToolTip(tr("Edit the values hour by hour, set a flat value, or import a CSV file"));
    m_import->setObjectName("importProfile");
    m_import->setToolTip(tr("Read \"hour,value\" lines or a single column of values from a "
                            "CSV file; a header line is skipped"));
    m_import->hide();
    for (QPushButton *button : {m_edit, m_import})
        button->setAutoDefault(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary, 1);
    layout->addWidget(m_edit);
    layout->addWidget(m_import);

    connect(m_edit, &QPushButton::clicked, this, &HourlyProfileEdit::openEditor);
    connect(m_import, &QPushButton::clicked, this, &HourlyProfileEdit::chooseCsv);
    updateSummary();
}

void HourlyProfileEdit::setProfile(const HourlyProfile &profile)
{
    if (m_profile == profile)
        return;
    m_profile = profile;
    updateSummary();
}

void HourlyProfileEdit::setUnit(const QString &unit)
{
    if (m_unit == unit)
        return;
    m_unit = unit;
    updateSummary();
}

void HourlyProfileEdit::setImportVisible(bool visible)
{
    m_import->setVisible(visible);
}

QString HourlyProfileEdit::summary() const
{
    return m_summary->text();
}

void HourlyProfileEdit::updateSummary()
{
    m_summary->setText(profileSummary(m_profile, m_unit));
    m_summary->setToolTip(m_summary->text());
}

void HourlyProfileEdit::openEditor()
{
    HourlyProfileDialog dialog(m_profile, m_title, m_unit, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const HourlyProfile edited = dialog.profile();
    if (edited == m_profile)
        return;
    m_profile = edited;
    updateSummary();
    Q_EMIT profileEdited(m_profile);
}

bool HourlyProfileEdit::importCsv(const QString &path)
{
    m_lastError.clear();
    try {
        const HourlyProfile imported = loadHourlyProfileCsv(path.toStdString());
        if (imported != m_profile) {
            m_profile = imported;
            updateSummary();
            Q_EMIT profileEdited(m_profile);
        }
        return true;
    } catch (const InputError &error) {
        m_lastError = QString::fromStdString(error.what());
    } catch (const std::exception &error) {
        m_lastError = tr("%1: %2").arg(path, QString::fromLocal8Bit(error.what()));
    }
    return false;
}

void HourlyProfileEdit::chooseCsv()
{
    const QString path =
            QFileDialog::getOpenFileName(this, tr("Import Hourly Values"), QString(),
                                         tr("CSV files (*.csv *.txt *.csv.gz);;All files (*)"));
    if (!path.isEmpty() && !importCsv(path))
        QMessageBox::warning(this, tr("Import CSV"), m_lastError);
}

} // namespace headroom::ui
