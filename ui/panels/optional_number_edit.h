#pragma once

#include <QWidget>

#include <optional>

class QCheckBox;
class QDoubleSpinBox;

namespace headroom::ui {

// A number that may be absent: a spin box and, beside it, a switch (a rack's power budget or
// "Unlimited", a rack's DVFS frequency or the cluster's, the cluster power cap or none). While
// the number is absent the spin box is disabled and shows what switching it on starts from.
//
// The spin box and the switch are reachable for their ranges, suffixes, names and tooltips;
// values go through value() and setValue() so the switch and the number never disagree.
class OptionalNumberEdit : public QWidget
{
    Q_OBJECT

public:
    // What a ticked switch says: there is a number ("Limit"), or there is none ("Unlimited").
    enum class Checked { HasNumber, NoNumber };

    OptionalNumberEdit(const QString &switchText, Checked checked, QWidget *parent = nullptr);

    QDoubleSpinBox *spinBox() const { return m_spin; }
    QCheckBox *switchBox() const { return m_switch; }

    std::optional<double> value() const;
    // Shows `value` without reporting an edit. With none, the disabled spin box shows
    // `proposal` when one is given (what switching the number on starts from), else keeps
    // what it shows.
    void setValue(std::optional<double> value, std::optional<double> proposal = std::nullopt);

Q_SIGNALS:
    // The user switched the number on or off, or changed it while on.
    void valueEdited(std::optional<double> value);

private:
    bool hasNumber() const;
    void onSwitched();
    void onSpun(double value);

    QDoubleSpinBox *m_spin;
    QCheckBox *m_switch;
    Checked m_checked;
};

} // namespace headroom::ui
