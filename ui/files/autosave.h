#pragma once

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

namespace headroom::ui {

class ScenarioDocument;

// What a crashed session left behind.
struct RecoveryCandidate
{
    QString scenarioPath; // the autosaved scenario (canonical JSON)
    QString originalPath; // the file the user was editing; empty if never saved
    QDateTime savedAt;
    QString sessionId;
};

// Saves the document's unsaved state to a recovery file every few seconds while it has
// unsaved changes, and finds what a session that crashed left behind.
//
// Each session owns <dir>/<id>.lock (a QLockFile: a crash leaves it stale, which QLockFile
// detects) plus <id>.scenario.json and <id>.info.json. A clean exit, a save and a discard
// remove them; anything left without a live lock is offered for recovery on the next start.
class Autosave : public QObject
{
    Q_OBJECT

public:
    explicit Autosave(ScenarioDocument *document, QString directory = defaultDirectory(),
                      QObject *parent = nullptr);
    ~Autosave() override;

    static QString defaultDirectory();
    static constexpr int kIntervalMs = 20000;

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    // Writes the recovery files now if the document has changes not yet autosaved.
    bool saveNow();
    // The document is saved or its changes are thrown away: nothing to recover.
    void discard();

    // Recovery sets of sessions that are no longer running, newest first.
    static std::vector<RecoveryCandidate> findRecoverable(const QString &directory);
    static void remove(const RecoveryCandidate &candidate, const QString &directory);

private:
    QString path(const QString &suffix) const;

    ScenarioDocument *m_document;
    QString m_directory;
    QString m_id;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_timer;
    bool m_pending = false; // changed since the last autosave
};

} // namespace headroom::ui
