#pragma once

#include <QList>
#include <QWidget>

namespace headroom::ui {

// Sets Tab to walk `widgets` in this order. The Plan dialogs create some widgets before
// others that sit above them, and the default chain follows creation, not the layout.
inline void chainTabOrder(const QList<QWidget *> &widgets)
{
    for (qsizetype i = 1; i < widgets.size(); ++i)
        QWidget::setTabOrder(widgets.at(i - 1), widgets.at(i));
}

} // namespace headroom::ui
