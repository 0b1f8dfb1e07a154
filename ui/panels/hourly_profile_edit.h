#pragma once

#include "core/model/hourly_profile.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace headroom::ui {

// A compact editor for an hourly profile in a form row: one line that sums it up ("24 hourly
// values, 0.12–0.31 USD/kWh") and Edit…, which opens HourlyProfileDialog. Optionally Import
// CSV… right in the row, for forms where importing is the usual way in.
//
// It reports the user's change with profileEdited(); setProfile() (a refresh, an undo) does
// not emit, so a property editor can sync it without echoing edits.
class HourlyProfileEdit : public QWidget
{
    Q_OBJECT

public:
    explicit HourlyProfileEdit(QWidget *parent = nullptr);

    const HourlyProfile &profile() const { return m_profile; }
    void setProfile(const HourlyProfile &profile);
    void setUnit(const QString &unit);
    QString unit() const { return m_unit; }
    // Title of the editing dialog ("Electricity Price").
    void setDialogTitle(const QString &title) { m_title = title; }
    void setImportVisible(bool visible);
    QString summary() const;

    // As Import CSV…, without the file dialog. False, with the error in lastError() (file,
    // line and field), when the file does not read; the profile is then unchanged.
    bool importCsv(const QString &path);
    QString lastError() const { return m_lastError; }

public Q_SLOTS:
    void openEditor();
    void chooseCsv();

Q_SIGNALS:
    void profileEdited(const headroom::HourlyProfile &profile);

private:
    void updateSummary();

    HourlyProfile m_profile;
    QString m_unit;
    QString m_title;
    QString m_lastError;
    QLabel *m_summary;
    QPushButton *m_edit;
    QPushButton *m_import;
};

} // namespace headroom::ui
