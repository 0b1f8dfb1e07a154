#pragma once

#include <QColor>
#include <QFont>
#include <QString>

namespace headroom::report {

// Colours and type shared by the HTML, SVG and PDF renderings of a report. Reports are
// printed documents, so they use a fixed light scheme rather than the desktop palette.
namespace style {

enum Color : int {
    Blue = 0, // series colours first: ChartLine::color and ChartBar::color index this list
    Orange,
    Green,
    Purple,
    Teal,
    Brown,
    Red, // caps and budgets
    Grey,
    ColorCount
};

QColor color(int index); // any index; wraps around the series colours
QColor text();
QColor secondaryText();
QColor rule();              // table and chart lines
QColor grid();              // chart grid
QColor shade();             // table header and fact backgrounds
QColor severity(int level); // 1 low, 2 medium, 3 high

// CSS font stack; the PDF uses the first family the system has, falling back to its sans.
QString fontFamilyCss();
QFont font(double pointSize, bool bold = false);

// Markup-safe text for HTML and SVG, in element content and in quoted attributes alike:
// & < > " ' are escaped and control characters (which XML forbids) become U+FFFD.
QString escaped(const QString &text);

} // namespace style
} // namespace headroom::report
