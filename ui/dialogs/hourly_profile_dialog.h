#pragma once

#include "core/model/hourly_profile.h"

#include <QDialog>

class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace headroom::ui {

// Edits an hourly profile (a price, a carbon intensity, a service's load): a table of hour
// and value, the number of hours (24 for a day, 168 for a week; a profile repeats), a flat
// value for every hour at once, and Import CSV… (core/io/hourly_profile_csv.h). The dialog
// changes nothing itself: the caller reads profile() after OK and makes it an edit.
class HourlyProfileDialog : public QDialog
{
    Q_OBJECT

public:
    // `unit` labels the value column and the flat value ("USD/kWh").
    HourlyProfileDialog(const HourlyProfile &initial, const QString &title, const QString &unit,
                        QWidget *parent = nullptr);

    HourlyProfile profile() const;
    void setProfile(const HourlyProfile &profile);

    // Replaces the table with the profile read from `path`. On failure the table stays as it
    // was and message() holds the reader's error, which names the file, line and field.
    bool importCsv(const QString &path);
    // What the last import or action said; empty when nothing.
    QString message() const;

public Q_SLOTS:
    void chooseCsv();
    void setFlat(double value);

private:
    void resizeProfile(int hours);
    void fillRow(int row, double value);
    void setMessage(const QString &text, bool error);

    QString m_unit;
    QSpinBox *m_hours = nullptr;
    QTableWidget *m_table = nullptr;
    QDoubleSpinBox *m_flat = nullptr;
    QLabel *m_message = nullptr;
    bool m_filling = false;
};

} // namespace headroom::ui
