#include "ui/files/background_task.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace headroom::ui::detail {

void showReadProgress(QProgressDialog &dialog, const QString &label, const ReadProgress &progress)
{
    const std::uint64_t total = progress.total();
    const std::uint64_t done = std::min(progress.done(), total);
    if (total == 0 || done == total) {
        dialog.setRange(0, 0);
        dialog.setLabelText(label);
        return;
    }
    // Per mille: an int range holds any size.
    dialog.setRange(0, 1000);
    dialog.setValue(static_cast<int>(done * 1000 / total));
    const QLocale locale;
    dialog.setLabelText(QCoreApplication::translate("headroom::ui::BackgroundTask", "%1\n%2 of %3")
                                .arg(label, locale.formattedDataSize(qint64(done)),
                                     locale.formattedDataSize(qint64(total))));
}

} // namespace headroom::ui::detail
