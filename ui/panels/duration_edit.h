#pragma once

#include <QLineEdit>

#include <optional>

namespace headroom::ui {

// A line edit for a duration in the notation of duration_text.h ("2 h 30 min", "3d", "90").
// It marks text it cannot read and, while the user types, reports each readable value, so a
// property editor can push merging edits keystroke by keystroke.
class DurationEdit : public QLineEdit
{
    Q_OBJECT

public:
    explicit DurationEdit(QWidget *parent = nullptr);

    // Empty text reads as `emptyValue` (e.g. 0 = "not given") instead of being invalid.
    void setEmptyValue(std::optional<double> value);
    // Values below this are flagged as invalid (default 0: any non-negative duration).
    void setMinimum(double seconds, bool exclusive = false);

    // The duration shown, or nullopt when the text is not a valid one.
    std::optional<double> seconds() const;
    // Shows `seconds` unless the text already reads as that value, so a refresh after the
    // user's own edit leaves what they typed (and the cursor) alone.
    void setSeconds(double seconds);
    bool isValid() const { return seconds().has_value(); }
    // Why the text is not valid, for a validation line; empty when it is.
    QString problem() const;

Q_SIGNALS:
    // The user changed the text to a valid duration.
    void secondsEdited(double seconds);

private:
    void onTextEdited();
    void updateLook();

    std::optional<double> m_emptyValue;
    double m_minimum = 0.0;
    bool m_exclusive = false;
};

} // namespace headroom::ui
