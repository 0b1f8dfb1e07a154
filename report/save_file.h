#pragma once

#include <QByteArrayView>
#include <QString>

#include <vector>

namespace headroom::report {

// The one way Headroom writes a file: the CLI's outputs, the report exports and the GUI's
// scenario save all come here. Writes go through QSaveFile, so under `path` there is always
// either the previous file or the complete new one, never a half-written file. A failure
// sets `*error` (when given) to "Cannot write <path>: <the system's reason>".
bool saveFile(const QString &path, QByteArrayView bytes, QString *error);

// One file of a set that saveFiles writes together.
struct FileToSave
{
    QString path;
    QByteArrayView bytes;
};

// Writes a set of files together (a run's metrics, jobs CSV, time series and report): every
// file's content goes to a temporary file next to it first, and only once all of them are
// complete and flushed are they renamed over their paths, one rename each. A failure before
// the renames leaves every path as it was. A kill during the renames (a few microseconds)
// can leave some paths new and the rest as they were, never a half-written file. Stops at the
// first failure with `*error` as saveFile sets it.
bool saveFiles(const std::vector<FileToSave> &files, QString *error);

// "Cannot write <path>: <reason>": the text of every failed write, also for a file whose
// content could not be made (a PDF writer's failure).
QString writeError(const QString &path, const QString &reason);

// Whether saveFile(path, …) can start now (the folder exists and takes a new file), without
// touching `path`; the same error text. The CLI asks before a long run, so that a bad path
// fails first rather than after the run.
bool canSaveFile(const QString &path, QString *error);

// Creates `directory` and any missing parents; "Cannot create the folder <path>." on failure.
bool makeDirectory(const QString &directory, QString *error);

} // namespace headroom::report
