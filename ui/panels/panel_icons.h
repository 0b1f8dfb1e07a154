#pragma once

#include <QIcon>

class QWidget;

namespace headroom::ui {

// Small toolbar icons: the desktop theme's when it has one, otherwise drawn in the widget's
// text colour (QStyle has no standard "add" or "find" pixmap).
QIcon addIcon(const QWidget *widget);
QIcon findIcon(const QWidget *widget);

} // namespace headroom::ui
