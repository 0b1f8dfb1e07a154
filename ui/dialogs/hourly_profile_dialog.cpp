#include "ui/dialogs/hourly_profile_dialog.h"

#include "core/io/hourly_profile_csv.h"
#include "core/io/input_error.h"
#include "core/model/limits.h"
#include "ui/dialogs/number_delegate.h"
#include "ui/models/energy_text.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <exception>

namespace headroom::ui {

HourlyProfileDialog::HourlyProfileDialog(const HourlyProfile &initial, const QString &title,
                                         const QString &unit, QWidget *parent)
    : QDialog(parent)
    , m_unit(unit)
{
    setWindowTitle(title);

    m_hours = new QSpinBox(this);
    m_hours->setObjectName("hours");
    // A longer profile would not import again from CSV.
    m_hours->setRange(0, int(limits::kMaxProfileHours));
    m_hours->setSpecialValueText(tr("none (0 everywhere)"));
    m_hours->setToolTip(tr("How many hourly values before the profile repeats: 24 for a daily "
                           "profile, 168 for a weekly one, 1 for a flat value. Hour 0 starts "
                           "at the scenario's time 0. Growing the profile repeats its values."));
    auto *daily = new QPushButton(tr("Day"), this);
    daily->setToolTip(tr("24 values, one per hour of the day"));
    auto *weekly = new QPushButton(tr("Week"), this);
    weekly->setToolTip(tr("168 values, one per hour of the week"));
    for (QPushButton *button : {daily, weekly})
        button->setAutoDefault(false);

    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName("values");
    m_table->setHorizontalHeaderLabels(
            {tr("Hour"), unit.isEmpty() ? tr("Value") : tr("Value (%1)").arg(unit)});
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(
            0, m_table->fontMetrics().horizontalAdvance(QStringLiteral("day 7, 23:00–24:00")) + 16);
    m_table->setItemDelegateForColumn(1, new NumberDelegate(0.0, limits::kMaxRate, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setMinimumHeight(m_table->verticalHeader()->defaultSectionSize() * 12);

    m_flat = new QDoubleSpinBox(this);
    m_flat->setObjectName("flatValue");
    m_flat->setRange(0.0, limits::kMaxRate);
    m_flat->setDecimals(4);
    if (!unit.isEmpty())
        m_flat->setSuffix(QLatin1Char(' ') + unit);
    m_flat->setToolTip(tr("One value for every hour"));
    auto *setFlat = new QPushButton(tr("Set &All Hours"), this);
    setFlat->setObjectName("setFlat");
    setFlat->setAutoDefault(false);
    setFlat->setToolTip(tr("Give every hour this value (a 24-hour profile when there is none)"));

    auto *import = new QPushButton(tr("&Import CSV…"), this);
    import->setObjectName("importCsv");
    import->setAutoDefault(false);
    import->setToolTip(tr("Read \"hour,value\" lines or a single column of values; a header "
                          "line is skipped"));

    m_message = new QLabel(this);
    m_message->setObjectName("message");
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *hoursRow = new QHBoxLayout;
    hoursRow->addWidget(m_hours, 1);
    hoursRow->addWidget(daily);
    hoursRow->addWidget(weekly);
    auto *flatRow = new QHBoxLayout;
    flatRow->addWidget(m_flat, 1);
    flatRow->addWidget(setFlat);
    auto *form = new QFormLayout;
    form->addRow(tr("&Hours:"), hoursRow);
    form->addRow(tr("&Flat value:"), flatRow);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(import);
    bottom->addStretch(1);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addLayout(bottom);

    connect(m_hours, &QSpinBox::valueChanged, this, [this](int hours) {
        if (!m_filling)
            resizeProfile(hours);
    });
    connect(daily, &QPushButton::clicked, this, [this] { m_hours->setValue(24); });
    connect(weekly, &QPushButton::clicked, this, [this] { m_hours->setValue(168); });
    connect(setFlat, &QPushButton::clicked, this, [this] { this->setFlat(m_flat->value()); });
    connect(import, &QPushButton::clicked, this, &HourlyProfileDialog::chooseCsv);

    setProfile(initial);
    if (!initial.values.empty())
        m_flat->setValue(initial.values.front());
    resize(sizeHint().width() + 40, 460);
}

HourlyProfile HourlyProfileDialog::profile() const
{
    HourlyProfile profile;
    profile.values.reserve(std::size_t(m_table->rowCount()));
    for (int row = 0; row < m_table->rowCount(); ++row)
        profile.values.push_back(m_table->item(row, 1)->data(Qt::EditRole).toDouble());
    return profile;
}

void HourlyProfileDialog::fillRow(int row, double value)
{
    const int day = row / 24;
    const int hour = row % 24;
    const QString span = QStringLiteral("%1:00–%2:00")
                                 .arg(hour, 2, 10, QLatin1Char('0'))
                                 .arg(hour + 1, 2, 10, QLatin1Char('0'));
    // Hours past the first day say which day, so a weekly profile reads without counting.
    const QString label = m_table->rowCount() > 24 ? tr("day %1, %2").arg(day + 1).arg(span) : span;
    auto *hourItem = new QTableWidgetItem(label);
    hourItem->setFlags(Qt::ItemIsEnabled);
    hourItem->setToolTip(tr("Hour %1 of the profile").arg(row));
    m_table->setItem(row, 0, hourItem);
    auto *valueItem = new QTableWidgetItem;
    valueItem->setData(Qt::EditRole, value);
    valueItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->setItem(row, 1, valueItem);
}

void HourlyProfileDialog::setProfile(const HourlyProfile &profile)
{
    const QScopedValueRollback<bool> guard(m_filling, true);
    m_table->setRowCount(int(profile.values.size()));
    for (int row = 0; row < m_table->rowCount(); ++row)
        fillRow(row, profile.values[std::size_t(row)]);
    m_hours->setValue(m_table->rowCount());
}

void HourlyProfileDialog::resizeProfile(int hours)
{
    HourlyProfile current = profile();
    HourlyProfile resized;
    resized.values.resize(std::size_t(hours), 0.0);
    // A longer profile repeats the shorter one: a day grown to a week is seven equal days.
    for (std::size_t i = 0; i < resized.values.size() && !current.values.empty(); ++i)
        resized.values[i] = current.values[i % current.values.size()];
    setProfile(resized);
}

void HourlyProfileDialog::setFlat(double value)
{
    HourlyProfile flat;
    flat.values.assign(m_table->rowCount() > 0 ? std::size_t(m_table->rowCount()) : 24, value);
    setProfile(flat);
    setMessage({}, false);
}

bool HourlyProfileDialog::importCsv(const QString &path)
{
    try {
        const HourlyProfile imported = loadHourlyProfileCsv(path.toStdString());
        setProfile(imported);
        setMessage(tr("Read %1 hourly values from %2.")
                           .arg(imported.values.size())
                           .arg(QFileInfo(path).fileName()),
                   false);
        return true;
    } catch (const InputError &error) {
        setMessage(QString::fromStdString(error.what()), true);
    } catch (const std::exception &error) {
        setMessage(tr("%1: %2").arg(path, QString::fromLocal8Bit(error.what())), true);
    }
    return false;
}

void HourlyProfileDialog::chooseCsv()
{
    const QString path =
            QFileDialog::getOpenFileName(this, tr("Import Hourly Values"), QString(),
                                         tr("CSV files (*.csv *.txt *.csv.gz);;All files (*)"));
    if (!path.isEmpty())
        importCsv(path);
}

QString HourlyProfileDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void HourlyProfileDialog::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b02020;") : QString());
    m_message->setVisible(!text.isEmpty());
}

} // namespace headroom::ui
