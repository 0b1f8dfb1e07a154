#pragma once

#include <QString>

namespace headroom::ui {

// "1 job", "3 jobs". tr()'s %n plurals need a translation catalogue to read well in English,
// and Headroom ships none, so visible counts pick their form here; `one` and `many` hold %1.
inline QString countText(qint64 n, const QString &one, const QString &many)
{
    return (n == 1 ? one : many).arg(n);
}

} // namespace headroom::ui
