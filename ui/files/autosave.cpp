#include "ui/files/autosave.h"

#include "report/save_file.h"
#include "ui/document/scenario_document.h"
#include "ui/files/scenario_io.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace headroom::ui {

Autosave::Autosave(ScenarioDocument *document, QString directory, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_directory(std::move(directory))
    , m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    QDir().mkpath(m_directory);
    m_lock = std::make_unique<QLockFile>(path(".lock"));
    m_lock->setStaleLockTime(0); // stale only when its process is gone
    m_lock->tryLock(0);
    connect(document, &ScenarioDocument::changed, this, [this] { m_pending = true; });
    connect(document, &ScenarioDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            discard();
    });
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Autosave::saveNow);
    m_timer.start();
}

Autosave::~Autosave() = default; // files stay unless discard() ran: a crash looks the same

QString Autosave::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/recovery";
}

QString Autosave::path(const QString &suffix) const
{
    return m_directory + "/" + m_id + suffix;
}

bool Autosave::saveNow()
{
    if (!m_pending || !m_document->isModified())
        return false;
    QString error;
    if (!saveScenario(m_document->scenario(), path(".scenario.json"), &error))
        return false;
    QJsonObject info;
    info["original"] = m_document->filePath();
    info["saved_at"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    if (!report::saveFile(path(".info.json"), QJsonDocument(info).toJson(), &error))
        return false;
    m_pending = false;
    return true;
}

void Autosave::discard()
{
    QFile::remove(path(".scenario.json"));
    QFile::remove(path(".info.json"));
    m_pending = false;
}

std::vector<RecoveryCandidate> Autosave::findRecoverable(const QString &directory)
{
    std::vector<RecoveryCandidate> found;
    const QDir dir(directory);
    const QStringList infos = dir.entryList({"*.info.json"}, QDir::Files);
    for (const QString &name : infos) {
        const QString id = name.left(name.size() - int(strlen(".info.json")));
        QLockFile lock(dir.filePath(id + ".lock"));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue; // its session is still running
        lock.unlock();
        QFile infoFile(dir.filePath(name));
        if (!infoFile.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject info = QJsonDocument::fromJson(infoFile.readAll()).object();
        RecoveryCandidate candidate;
        candidate.sessionId = id;
        candidate.scenarioPath = dir.filePath(id + ".scenario.json");
        candidate.originalPath = info["original"].toString();
        candidate.savedAt = QDateTime::fromString(info["saved_at"].toString(), Qt::ISODate);
        if (QFile::exists(candidate.scenarioPath))
            found.push_back(candidate);
    }
    std::sort(found.begin(), found.end(),
              [](const RecoveryCandidate &a, const RecoveryCandidate &b) {
                  return a.savedAt > b.savedAt;
              });
    return found;
}

void Autosave::remove(const RecoveryCandidate &candidate, const QString &directory)
{
    const QDir dir(directory);
    QFile::remove(dir.filePath(candidate.sessionId + ".scenario.json"));
    QFile::remove(dir.filePath(candidate.sessionId + ".info.json"));
    QFile::remove(dir.filePath(candidate.sessionId + ".lock"));
}

} // namespace headroom::ui
