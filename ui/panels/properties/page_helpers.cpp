#include "ui/panels/properties/page_helpers.h"

#include "ui/panels/duration_edit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>

namespace headroom::ui {

void syncText(QLineEdit *edit, const QString &value, bool force)
{
    if (edit->text() == value || (!force && edit->hasFocus()))
        return;
    edit->setText(value);
}

void syncLiveText(QLineEdit *edit, const QString &value)
{
    if (edit->text() != value)
        edit->setText(value);
}

void syncDuration(DurationEdit *edit, double seconds, bool force)
{
    // Half-typed text ("2 h 3") that does not read yet stays until the user finishes it.
    if (!force && edit->hasFocus() && !edit->isValid())
        return;
    if (force && !edit->isValid())
        edit->clear();
    edit->setSeconds(seconds);
}

void syncSpin(QSpinBox *spin, int value)
{
    if (spin->value() == value)
        return;
    const QSignalBlocker blocker(spin);
    spin->setValue(value);
}

void syncDouble(QDoubleSpinBox *spin, double value)
{
    if (spin->value() == value)
        return;
    const QSignalBlocker blocker(spin);
    spin->setValue(value);
}

void syncCheck(QCheckBox *check, bool value)
{
    if (check->isChecked() == value)
        return;
    const QSignalBlocker blocker(check);
    check->setChecked(value);
}

void syncComboData(QComboBox *combo, const QVariant &data)
{
    const int index = combo->findData(data);
    if (index < 0 || combo->currentIndex() == index)
        return;
    const QSignalBlocker blocker(combo);
    combo->setCurrentIndex(index);
}

QLabel *infoLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QFormLayout *makeForm(QWidget *parent)
{
    auto *form = new QFormLayout(parent);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    return form;
}

QComboBox *makeCombo(QWidget *parent, const char *objectName)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QString::fromLatin1(objectName));
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(8);
    return combo;
}

} // namespace headroom::ui
