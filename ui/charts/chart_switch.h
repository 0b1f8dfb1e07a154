#pragma once

#include <QColor>
#include <QString>
#include <QWidget>

#include <vector>

QT_BEGIN_NAMESPACE
class QAbstractButton;
class QButtonGroup;
class QToolButton;
QT_END_NAMESPACE

namespace headroom::ui {

// The switch of a chart that can be read in more than one way, one at a time: the power chart
// in IT or facility power, the per-node view now or averaged over the run. One flat button per
// reading, the one shown checked. Given colours, the buttons carry their series' line and the
// switch is the chart's legend too: it says what is drawn and that the other reading is one
// click away. With a single reading offered, it is a plain legend entry.
class ChartSwitch : public QWidget
{
    Q_OBJECT

public:
    struct Choice
    {
        QString name;
        QString tooltip;
    };

    explicit ChartSwitch(const std::vector<Choice> &choices, QWidget *parent = nullptr);

    int current() const { return m_current; }
    // Ignored for a choice that is not offered or not enabled.
    void setCurrent(int index);
    // A choice not offered is hidden; if it was the current one, the first offered becomes
    // current.
    void setOffered(int index, bool offered);
    bool isOffered(int index) const;
    // A choice offered but not enabled is shown greyed (the run average before a run ends);
    // if it was current, the first enabled becomes current.
    void setChoiceEnabled(int index, bool enabled);
    void setColor(int index, const QColor &color);
    QAbstractButton *button(int index) const;

Q_SIGNALS:
    // From a click or from setCurrent(), not from a choice withdrawn under the current one.
    void currentChanged(int index);

private:
    bool isAvailable(int index) const;
    void fallBack();
    void updateLook();

    std::vector<QToolButton *> m_buttons;
    std::vector<QColor> m_colors;
    QButtonGroup *m_group;
    int m_current = 0;
};

} // namespace headroom::ui
