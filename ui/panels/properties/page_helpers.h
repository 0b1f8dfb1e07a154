#pragma once

#include <QString>
#include <QVariant>

#include <string>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QWidget;

namespace headroom::ui {

class DurationEdit;

// What the Properties pages share: showing a document value in a field without the field
// reporting it as an edit, and the look of their forms.

inline QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// Leaves a field alone when it already shows the value, and, unless `force`, a field the user
// is typing in (its value is committed when editing finishes).
void syncText(QLineEdit *edit, const QString &value, bool force);
// For fields committed per keystroke: a difference means someone else (undo) changed the
// value, so it is shown even while focused.
void syncLiveText(QLineEdit *edit, const QString &value);
void syncDuration(DurationEdit *edit, double seconds, bool force);
void syncSpin(QSpinBox *spin, int value);
void syncDouble(QDoubleSpinBox *spin, double value);
void syncCheck(QCheckBox *check, bool value);
void syncComboData(QComboBox *combo, const QVariant &data);

// A read-only, wrapping, selectable label for figures and locations.
QLabel *infoLabel(QWidget *parent);
QFormLayout *makeForm(QWidget *parent);
// Combos sized by a few characters, not by their longest item, so a narrow dock does not
// scroll sideways; the popup still shows items in full.
QComboBox *makeCombo(QWidget *parent, const char *objectName);

} // namespace headroom::ui
