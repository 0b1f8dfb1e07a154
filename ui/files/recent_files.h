#pragma once

#include <QObject>
#include <QStringList>

namespace headroom::ui {

// The most recently used scenario files, kept in QSettings.
class RecentFiles : public QObject
{
    Q_OBJECT

public:
    explicit RecentFiles(QObject *parent = nullptr);

    static constexpr int kMaximum = 10;

    QStringList files() const { return m_files; }
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void store();
    QStringList m_files;
};

} // namespace headroom::ui
