#include "report/report_style.h"

#include <array>

namespace headroom::report::style {

QColor color(int index)
{
    // Light-mode series colours of the live charts (ui/charts/chart_style.cpp), then three more for
    // many racks; all readable on white and distinct in greyscale print by lightness.
    static const std::array<QColor, ColorCount> kColors = {
            QColor(0x1f, 0x6f, 0xc5), QColor(0xd9, 0x6a, 0x0b), QColor(0x2e, 0x8b, 0x4a),
            QColor(0x8e, 0x44, 0xad), QColor(0x13, 0x8d, 0x90), QColor(0x8c, 0x5a, 0x2b),
            QColor(0xc0, 0x28, 0x28), QColor(0x6b, 0x72, 0x78)};
    if (index >= 0 && index < ColorCount)
        return kColors[std::size_t(index)];
    const int series = Red; // wrap over the series colours only
    return kColors[std::size_t(((index % series) + series) % series)];
}

QColor text()
{
    return QColor(0x1d, 0x23, 0x2a);
}

QColor secondaryText()
{
    return QColor(0x5c, 0x64, 0x6d);
}

QColor rule()
{
    return QColor(0xb8, 0xbf, 0xc6);
}

QColor grid()
{
    return QColor(0xe3, 0xe7, 0xeb);
}

QColor shade()
{
    return QColor(0xf1, 0xf4, 0xf7);
}

QColor severity(int level)
{
    switch (level) {
    case 3:
        return QColor(0xc0, 0x28, 0x28);
    case 2:
        return QColor(0xd9, 0x6a, 0x0b);
    default:
        return QColor(0x1f, 0x6f, 0xc5);
    }
}

QString fontFamilyCss()
{
    return QStringLiteral("'DejaVu Sans', 'Noto Sans', 'Liberation Sans', Arial, Helvetica, "
                          "sans-serif");
}

QFont font(double pointSize, bool bold)
{
    QFont f;
    f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans"),
                   QStringLiteral("Liberation Sans"), QStringLiteral("Arial"),
                   QStringLiteral("Helvetica")});
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    // Kerning and hinting follow the device; a PDF has no pixels to hint to.
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

QString escaped(const QString &text)
{
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '"':
            out += QLatin1String("&quot;");
            break;
        case '\'':
            out += QLatin1String("&#39;");
            break;
        case '\t':
        case '\n':
            out += QLatin1Char(' ');
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.unicode() == 0xfffe ||
                c.unicode() == 0xffff)
                out += QChar(0xfffd);
            else
                out += c;
        }
    }
    return out;
}

} // namespace headroom::report::style
