#include "report/save_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace headroom::report {
namespace {

bool fail(const QString &path, const QString &reason, QString *error)
{
    if (error)
        *error = writeError(path, reason);
    return false;
}

} // namespace

QString writeError(const QString &path, const QString &reason)
{
    return QCoreApplication::translate("headroom::report", "Cannot write %1: %2")
            .arg(QDir::toNativeSeparators(path), reason);
}

bool saveFile(const QString &path, QByteArrayView bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(path, file.errorString(), error);
    if (file.write(bytes.data(), bytes.size()) != bytes.size() || !file.commit())
        return fail(path, file.errorString(), error);
    return true;
}

bool canSaveFile(const QString &path, QString *error)
{
    // Opening creates the temporary file next to `path`; cancelling removes it again.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(path, file.errorString(), error);
    file.cancelWriting();
    return true;
}

bool makeDirectory(const QString &directory, QString *error)
{
    if (QDir(directory).mkpath(QStringLiteral(".")))
        return true;
    if (error)
        *error = QCoreApplication::translate("headroom::report", "Cannot create the folder %1.")
                         .arg(QDir::toNativeSeparators(directory));
    return false;
}

} // namespace headroom::report
