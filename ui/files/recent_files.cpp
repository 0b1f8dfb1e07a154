#include "ui/files/recent_files.h"

#include "ui/settings_keys.h"

#include <QFileInfo>
#include <QSettings>

namespace headroom::ui {
RecentFiles::RecentFiles(QObject *parent)
    : QObject(parent)
    , m_files(QSettings().value(settings::kFilesRecent).toStringList())
{}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_files.removeAll(absolute);
    m_files.prepend(absolute);
    while (m_files.size() > kMaximum)
        m_files.removeLast();
    store();
}

void RecentFiles::remove(const QString &path)
{
    if (m_files.removeAll(QFileInfo(path).absoluteFilePath()) > 0)
        store();
}

void RecentFiles::clear()
{
    m_files.clear();
    store();
}

void RecentFiles::store()
{
    QSettings().setValue(settings::kFilesRecent, m_files);
    Q_EMIT changed();
}

} // namespace headroom::ui
