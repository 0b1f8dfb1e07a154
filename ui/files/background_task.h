#pragma once

#include <QEventLoop>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>
#include <utility>

namespace headroom::ui {

// Runs `work` on a pool thread while the UI keeps painting, and waits for it. A busy
// indicator appears only when the work takes longer than a blink (large traces, big saves),
// and it is modal: the scenario cannot change underneath the work.
template<typename Work>
auto runInBackground(QWidget *parent, const QString &label, Work work)
{
    using Result = decltype(work());
    QProgressDialog progress(label, QString(), 0, 0, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    progress.setCancelButton(nullptr);
    QFutureWatcher<Result> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<Result>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run(std::move(work)));
    if (!watcher.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    progress.reset();
    return watcher.result();
}

// The same with a Cancel button, for work the user may give up on (an import of a large
// file): nullopt when cancelled. Readers cannot be interrupted, so a cancelled task finishes
// on its pool thread and its result is dropped; `work` must own everything it reads.
template<typename Work>
auto runCancellableInBackground(QWidget *parent, const QString &label, Work work)
        -> std::optional<decltype(work())>
{
    using Result = decltype(work());
    QProgressDialog progress(label, QProgressDialog::tr("Cancel"), 0, 0, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    QFutureWatcher<Result> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<Result>::finished, &loop, &QEventLoop::quit);
    QObject::connect(&progress, &QProgressDialog::canceled, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run(std::move(work)));
    if (!watcher.isFinished())
        loop.exec();
    if (!watcher.isFinished())
        return std::nullopt;
    progress.reset();
    return watcher.result();
}

} // namespace headroom::ui
