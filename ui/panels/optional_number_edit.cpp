#include "ui/panels/optional_number_edit.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QSignalBlocker>

namespace headroom::ui {

OptionalNumberEdit::OptionalNumberEdit(const QString &switchText, Checked checked, QWidget *parent)
    : QWidget(parent)
    , m_spin(new QDoubleSpinBox(this))
    , m_switch(new QCheckBox(switchText, this))
    , m_checked(checked)
{
    // Narrower than the widest values ("1000000.0 kW") ask for, so the row fits a narrow dock
    // next to its switch.
    m_spin->setMinimumWidth(m_spin->fontMetrics().horizontalAdvance(QStringLiteral("00000.0 kW")) +
                            32);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_spin, 1);
    layout->addWidget(m_switch);
    // A form label's mnemonic focuses the number.
    setFocusProxy(m_spin);
    m_spin->setEnabled(hasNumber());

    connect(m_switch, &QCheckBox::clicked, this, &OptionalNumberEdit::onSwitched);
    connect(m_spin, &QDoubleSpinBox::valueChanged, this, &OptionalNumberEdit::onSpun);
}

bool OptionalNumberEdit::hasNumber() const
{
    return m_switch->isChecked() == (m_checked == Checked::HasNumber);
}

std::optional<double> OptionalNumberEdit::value() const
{
    return hasNumber() ? std::optional(m_spin->value()) : std::nullopt;
}

void OptionalNumberEdit::setValue(std::optional<double> value, std::optional<double> proposal)
{
    const QSignalBlocker blockSwitch(m_switch);
    const QSignalBlocker blockSpin(m_spin);
    m_switch->setChecked(value.has_value() == (m_checked == Checked::HasNumber));
    m_spin->setEnabled(value.has_value());
    const std::optional<double> shown = value ? value : proposal;
    if (shown && m_spin->value() != *shown)
        m_spin->setValue(*shown);
}

void OptionalNumberEdit::onSwitched()
{
    m_spin->setEnabled(hasNumber());
    Q_EMIT valueEdited(value());
}

void OptionalNumberEdit::onSpun(double value)
{
    if (hasNumber())
        Q_EMIT valueEdited(value);
}

} // namespace headroom::ui
