#pragma once

#include <QLabel>

namespace headroom::ui {

// The label under a form that says why its values cannot be applied: one look (wrapped, in the
// error red) and one object name ("message") that the tests find it by, in every dialog and page.
inline QLabel *newMessageLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName("message");
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b02020;"));
    return label;
}

} // namespace headroom::ui
