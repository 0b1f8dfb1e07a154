#include "ui/panels/duration_edit.h"

#include "core/model/limits.h"
#include "ui/models/duration_text.h"

#include <QPalette>

namespace headroom::ui {

// validateScenario()'s bound: beyond it a scenario would not load again.
using limits::kMaxSeconds;

DurationEdit::DurationEdit(QWidget *parent)
    : QLineEdit(parent)
{
    setPlaceholderText(tr("e.g. 2 h 30 min"));
    setToolTip(tr("A duration: 90 (seconds), 45 min, 2 h 30 min, 1.5 d, 1 w, or h:mm:ss"));
    connect(this, &QLineEdit::textEdited, this, &DurationEdit::onTextEdited);
    connect(this, &QLineEdit::textChanged, this, &DurationEdit::updateLook);
}

void DurationEdit::setEmptyValue(std::optional<double> value)
{
    m_emptyValue = value;
    updateLook();
}

void DurationEdit::setMinimum(double seconds, bool exclusive)
{
    m_minimum = seconds;
    m_exclusive = exclusive;
    updateLook();
}

std::optional<double> DurationEdit::seconds() const
{
    if (text().trimmed().isEmpty())
        return m_emptyValue;
    const std::optional<double> value = parseDuration(text());
    if (!value || *value > kMaxSeconds || *value < m_minimum ||
        (m_exclusive && *value <= m_minimum))
        return std::nullopt;
    return value;
}

QString DurationEdit::problem() const
{
    if (isValid())
        return {};
    if (text().trimmed().isEmpty())
        return tr("enter a duration, e.g. 2 h 30 min");
    const std::optional<double> value = parseDuration(text());
    if (!value)
        return tr("\"%1\" is not a duration (try 90 min, 2 h or 1.5 d)").arg(text().trimmed());
    if (*value > kMaxSeconds)
        return tr("must be at most 10¹² s");
    if (m_exclusive)
        return tr("must be longer than %1").arg(formatDuration(m_minimum));
    return tr("must be at least %1").arg(formatDuration(m_minimum));
}

void DurationEdit::setSeconds(double value)
{
    const std::optional<double> shown = seconds();
    if (shown && *shown == value)
        return;
    if (m_emptyValue && *m_emptyValue == value)
        setText(QString());
    else
        setText(formatDuration(value));
}

void DurationEdit::onTextEdited()
{
    if (const std::optional<double> value = seconds())
        Q_EMIT secondsEdited(*value);
}

void DurationEdit::updateLook()
{
    // A red text colour rather than a style sheet: it keeps the platform's frame and focus look.
    QPalette p = palette();
    p.setColor(QPalette::Text, isValid() || text().isEmpty() ? QPalette().color(QPalette::Text)
                                                             : QColor(0xc0, 0x20, 0x20));
    setPalette(p);
}

} // namespace headroom::ui
