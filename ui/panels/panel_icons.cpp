#include "ui/panels/panel_icons.h"

#include <QPainter>
#include <QPixmap>
#include <QWidget>

namespace headroom::ui {
namespace {

template<typename Draw>
QIcon drawn(const QWidget *widget, Draw draw)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(
            QPen(widget->palette().color(QPalette::WindowText), 1.8, Qt::SolidLine, Qt::RoundCap));
    draw(painter);
    return QIcon(pixmap);
}

} // namespace

QIcon addIcon(const QWidget *widget)
{
    const QIcon themed = QIcon::fromTheme(QStringLiteral("list-add"));
    if (!themed.isNull())
        return themed;
    return drawn(widget, [](QPainter &p) {
        p.drawLine(QPointF(8, 3), QPointF(8, 13));
        p.drawLine(QPointF(3, 8), QPointF(13, 8));
    });
}

QIcon findIcon(const QWidget *widget)
{
    const QIcon themed = QIcon::fromTheme(QStringLiteral("edit-find"));
    if (!themed.isNull())
        return themed;
    return drawn(widget, [](QPainter &p) {
        p.drawEllipse(QRectF(2.5, 2.5, 8, 8));
        p.drawLine(QPointF(9.5, 9.5), QPointF(13.5, 13.5));
    });
}

} // namespace headroom::ui
