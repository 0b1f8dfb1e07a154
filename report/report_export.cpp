#include "report/report_export.h"

#include "core/metrics/breakdown.h"
#include "report/report_pdf.h"

#include <QDir>
#include <QSaveFile>

#include <vector>

namespace headroom::report {

namespace {

QByteArray bytes(const std::string &text)
{
    return QByteArray(text.data(), qsizetype(text.size()));
}

QString failure(const QString &path, const QString &reason)
{
    return QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason);
}

} // namespace

bool writeFileAtomically(const QString &path, const QByteArray &content, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() ||
        !file.commit()) {
        if (error)
            *error = failure(path, file.errorString());
        return false;
    }
    return true;
}

bool writeReportPdfFile(const QString &path, const ReportDocument &document, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = failure(path, file.errorString());
        return false;
    }
    QString reason;
    if (!writeReportPdf(document, &file, &reason)) {
        file.cancelWriting();
        if (error)
            *error = failure(path, reason);
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = failure(path, file.errorString());
        return false;
    }
    return true;
}

bool writeCsvDirectory(const QString &directory, const Scenario &scenario, const RunResult &result,
                       QString *error)
{
    const QDir dir(directory);
    if (!dir.mkpath(QStringLiteral("."))) {
        if (error)
            *error = QStringLiteral("Cannot create the folder %1.")
                             .arg(QDir::toNativeSeparators(directory));
        return false;
    }
    for (const CsvTable &table : csvTables(scenario, result)) {
        if (!writeFileAtomically(dir.filePath(QString::fromStdString(table.fileName)),
                                 bytes(table.content), error))
            return false;
    }
    return true;
}

} // namespace headroom::report
