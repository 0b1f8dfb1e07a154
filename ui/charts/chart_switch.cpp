#include "ui/charts/chart_switch.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QPainter>
#include <QPixmap>
#include <QToolButton>

namespace headroom::ui {

namespace {

// A short stroke in the series' colour, as a chart legend marks a line series.
QIcon lineIcon(const QColor &color, QSize size, qreal dpr)
{
    QPixmap pixmap(size * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(color, 2.0, Qt::SolidLine, Qt::FlatCap));
    p.drawLine(QPointF(1, size.height() / 2.0), QPointF(size.width() - 1, size.height() / 2.0));
    return QIcon(pixmap);
}

} // namespace

ChartSwitch::ChartSwitch(const std::vector<Choice> &choices, QWidget *parent)
    : QWidget(parent)
    , m_colors(choices.size())
    , m_group(new QButtonGroup(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    for (std::size_t i = 0; i < choices.size(); ++i) {
        auto *button = new QToolButton(this);
        button->setText(choices[i].name);
        button->setToolTip(choices[i].tooltip);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(true);
        button->setCheckable(true);
        button->setFocusPolicy(Qt::TabFocus);
        m_group->addButton(button, int(i));
        layout->addWidget(button);
        m_buttons.push_back(button);
    }
    m_group->setExclusive(true);
    connect(m_group, &QButtonGroup::idClicked, this, [this](int id) {
        if (id == m_current)
            return;
        m_current = id;
        Q_EMIT currentChanged(id);
    });
    updateLook();
}

bool ChartSwitch::isOffered(int index) const
{
    return !m_buttons.at(std::size_t(index))->isHidden();
}

bool ChartSwitch::isAvailable(int index) const
{
    const QToolButton *button = m_buttons.at(std::size_t(index));
    return !button->isHidden() && button->isEnabled();
}

void ChartSwitch::setCurrent(int index)
{
    if (index < 0 || index >= int(m_buttons.size()) || !isAvailable(index) || index == m_current)
        return;
    m_current = index;
    updateLook();
    Q_EMIT currentChanged(index);
}

void ChartSwitch::fallBack()
{
    if (isAvailable(m_current))
        return;
    for (int i = 0; i < int(m_buttons.size()); ++i) {
        if (isAvailable(i)) {
            m_current = i;
            return;
        }
    }
}

void ChartSwitch::setOffered(int index, bool offered)
{
    m_buttons.at(std::size_t(index))->setHidden(!offered);
    fallBack();
    updateLook();
}

void ChartSwitch::setChoiceEnabled(int index, bool enabled)
{
    m_buttons.at(std::size_t(index))->setEnabled(enabled);
    fallBack();
    updateLook();
}

void ChartSwitch::setColor(int index, const QColor &color)
{
    m_colors.at(std::size_t(index)) = color;
    updateLook();
}

QAbstractButton *ChartSwitch::button(int index) const
{
    return m_buttons.at(std::size_t(index));
}

void ChartSwitch::updateLook()
{
    int offered = 0;
    for (int i = 0; i < int(m_buttons.size()); ++i)
        offered += isOffered(i);
    const int iconHeight = fontMetrics().height() * 2 / 3;
    const QSize iconSize(iconHeight + iconHeight / 2, iconHeight);
    for (std::size_t i = 0; i < m_buttons.size(); ++i) {
        QToolButton *button = m_buttons[i];
        if (m_colors[i].isValid()) {
            button->setIcon(lineIcon(m_colors[i], iconSize, devicePixelRatioF()));
            button->setIconSize(iconSize);
        }
        // Alone, the button has nothing to switch to: a legend entry, not a control.
        button->setCheckable(offered > 1);
        button->setChecked(offered > 1 && int(i) == m_current);
    }
    adjustSize();
}

} // namespace headroom::ui
