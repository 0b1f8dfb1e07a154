// report::saveFile(s), the one way Headroom writes files: whole files replace whole files,
// nothing is left half-written or next to the target, and a failure names the path and the
// system's reason.
#include "report/save_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <string>

using namespace headroom::report;

namespace {

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSaveFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A fresh, empty folder for each test.
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void replacesTheWholeFile()
    {
        const QString path = m_dir->filePath("out.csv");
        QString error;
        QVERIFY2(saveFile(path, QByteArray("a long first version\n"), &error), qPrintable(error));
        QCOMPARE(contentOf(path), QByteArray("a long first version\n"));
        const std::string shorter = "v2\n"; // std::string, as core's writers return
        QVERIFY2(saveFile(path, shorter, &error), qPrintable(error));
        QCOMPARE(contentOf(path), QByteArray("v2\n"));
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{"out.csv"});
    }

    void failureNamesThePathAndTheReason()
    {
        const QString path = m_dir->filePath("missing/folder/out.json");
        QString error;
        QVERIFY(!saveFile(path, QByteArray("{}"), &error));
        const QString prefix = "Cannot write " + QDir::toNativeSeparators(path) + ": ";
        QVERIFY2(error.startsWith(prefix), qPrintable(error));
        QVERIFY2(error.size() > prefix.size(), qPrintable(error)); // the system's reason
        QVERIFY(!QFile::exists(path));

        QString checkError;
        QVERIFY(!canSaveFile(path, &checkError));
        QCOMPARE(checkError, error);
        QCOMPARE(writeError(path, "disk full"), prefix + "disk full");
    }

    void checkingLeavesNoTrace()
    {
        const QString existing = m_dir->filePath("kept.json");
        QVERIFY(saveFile(existing, QByteArray("previous"), nullptr));
        QString error;
        QVERIFY2(canSaveFile(existing, &error), qPrintable(error));
        QVERIFY2(canSaveFile(m_dir->filePath("new.json"), &error), qPrintable(error));
        QCOMPARE(contentOf(existing), QByteArray("previous"));
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{"kept.json"});
    }

    // A set is committed together: all complete first, then the renames. A set that cannot
    // be written in full changes none of its paths and leaves no temporary file.
    void savesASetTogether()
    {
        const QString metrics = m_dir->filePath("metrics.json");
        const QString jobs = m_dir->filePath("jobs.csv");
        QVERIFY(saveFile(jobs, QByteArray("stale\n"), nullptr));
        QString error;
        QVERIFY2(saveFiles({{metrics, "{}\n"}, {jobs, "id\n1\n"}}, &error), qPrintable(error));
        QCOMPARE(contentOf(metrics), QByteArray("{}\n"));
        QCOMPARE(contentOf(jobs), QByteArray("id\n1\n"));
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden),
                 (QStringList{"jobs.csv", "metrics.json"}));
        QVERIFY(QFileInfo(metrics).permissions().testFlag(QFileDevice::ReadOther));

        const QString unwritable = m_dir->filePath("missing/report.html");
        QVERIFY(!saveFiles({{metrics, "new\n"}, {jobs, "new\n"}, {unwritable, "x"}}, &error));
        QVERIFY2(error.startsWith("Cannot write " + QDir::toNativeSeparators(unwritable)),
                 qPrintable(error));
        QCOMPARE(contentOf(metrics), QByteArray("{}\n"));
        QCOMPARE(contentOf(jobs), QByteArray("id\n1\n"));
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden),
                 (QStringList{"jobs.csv", "metrics.json"}));
    }

    void makesFolders()
    {
        const QString nested = m_dir->filePath("a/b/c");
        QString error;
        QVERIFY2(makeDirectory(nested, &error), qPrintable(error));
        QVERIFY(QDir(nested).exists());
        QVERIFY(makeDirectory(nested, &error)); // already there

        const QString file = m_dir->filePath("plain");
        QVERIFY(saveFile(file, QByteArray("x"), nullptr));
        QVERIFY(!makeDirectory(file + "/sub", &error)); // a file is in the way
        QCOMPARE(error,
                 "Cannot create the folder " + QDir::toNativeSeparators(file + "/sub") + ".");
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestSaveFile)
#include "test_save_file.moc"
