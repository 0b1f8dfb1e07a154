#include "report/save_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unistd.h>

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

bool saveFiles(const std::vector<FileToSave> &files, QString *error)
{
    // The temporary files stay until renamed or removed: a failure removes all of them.
    std::vector<std::unique_ptr<QTemporaryFile>> written;
    const auto cleanUp = [&] {
        for (const auto &file : written)
            file->remove();
    };
    for (const FileToSave &target : files) {
        const QFileInfo info(target.path);
        auto file = std::make_unique<QTemporaryFile>(info.absoluteFilePath() +
                                                     QStringLiteral(".XXXXXX"));
        file->setAutoRemove(false);
        if (!file->open()) {
            cleanUp();
            return fail(target.path, file->errorString(), error);
        }
        written.push_back(std::move(file));
        QTemporaryFile &out = *written.back();
        // As QSaveFile does: a file replaced keeps its permissions, a new one gets rw-r--r--.
        const QFileDevice::Permissions permissions =
                info.exists() ? info.permissions()
                              : QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                        QFileDevice::ReadUser | QFileDevice::WriteUser |
                                        QFileDevice::ReadGroup | QFileDevice::ReadOther;
        if (out.write(target.bytes.data(), target.bytes.size()) != target.bytes.size() ||
            !out.flush() || ::fsync(out.handle()) != 0 || !out.setPermissions(permissions)) {
            const QString reason = out.errorString();
            cleanUp();
            return fail(target.path, reason, error);
        }
        out.close();
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        // rename(2) replaces the target in one step; QFile::rename refuses an existing one.
        if (std::rename(QFile::encodeName(written[i]->fileName()).constData(),
                        QFile::encodeName(files[i].path).constData()) != 0) {
            const QString reason = QString::fromLocal8Bit(std::strerror(errno));
            for (std::size_t j = i; j < written.size(); ++j)
                written[j]->remove();
            return fail(files[i].path, reason, error);
        }
    }
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
