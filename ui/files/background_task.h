#pragma once

#include "core/io/read_progress.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <optional>
#include <utility>

namespace headroom::ui {

namespace detail {

// Shows in `dialog` how far `progress` is: a bar with the bytes read of the total, or a busy
// indicator before a reader has announced its input and after it has read it all (what
// follows the reading is not measured).
void showReadProgress(QProgressDialog &dialog, const QString &label, const ReadProgress &progress);

// The one way the GUI waits for work off the UI thread (docs/design.md §1.2, §9): `work`
// runs on a pool thread with a ReadProgress to report to, while a modal dialog shows how far
// it is; the dialog appears only when the work takes longer than a blink. nullopt when the
// user cancelled: the progress is told to stop, so a reader throws ReadCancelled at its next
// step; the work still finishes on its pool thread after this returns, so it must own
// everything it reads (the progress it shares with this function).
template<typename Work>
auto runWithProgressDialog(QWidget *parent, const QString &label, Work work, bool cancellable)
        -> std::optional<decltype(work(std::declval<ReadProgress &>()))>
{
    using Result = decltype(work(std::declval<ReadProgress &>()));
    const auto progress = std::make_shared<ReadProgress>();
    QProgressDialog dialog(label, cancellable ? QProgressDialog::tr("Cancel") : QString(), 0, 0,
                           parent);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(400);
    // Reading done is not work done: the dialog stays until the result is in.
    dialog.setAutoReset(false);
    dialog.setAutoClose(false);
    if (!cancellable)
        dialog.setCancelButton(nullptr);
    QFutureWatcher<Result> watcher;
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&watcher, &QFutureWatcher<Result>::finished, &loop, &QEventLoop::quit);
    QObject::connect(&dialog, &QProgressDialog::canceled, &loop, &QEventLoop::quit);
    QObject::connect(&poll, &QTimer::timeout, &dialog,
                     [&dialog, &label, &progress] { showReadProgress(dialog, label, *progress); });
    watcher.setFuture(QtConcurrent::run(
            [work = std::move(work), progress]() mutable { return work(*progress); }));
    if (!watcher.isFinished()) {
        poll.start(100);
        loop.exec(cancellable ? QEventLoop::AllEvents : QEventLoop::ExcludeUserInputEvents);
        poll.stop();
    }
    if (!watcher.isFinished()) {
        progress->cancel();
        return std::nullopt;
    }
    dialog.reset();
    return watcher.result();
}

} // namespace detail

// Runs `work()` on a pool thread while the UI keeps painting, and waits for it. A busy
// indicator appears only when the work takes longer than a blink (big saves, reports), and it
// is modal: the scenario cannot change underneath the work.
template<typename Work>
auto runInBackground(QWidget *parent, const QString &label, Work work)
{
    return *detail::runWithProgressDialog(
            parent, label, [work = std::move(work)](ReadProgress &) mutable { return work(); },
            false);
}

// Reads on a pool thread: `work(progress)` hands the ReadProgress to its reader, the dialog
// shows the bytes read of the total and has a Cancel button that stops the reader (see
// detail::runWithProgressDialog). nullopt when the user cancelled.
template<typename Work>
auto runCancellableInBackground(QWidget *parent, const QString &label, Work work)
{
    return detail::runWithProgressDialog(parent, label, std::move(work), true);
}

} // namespace headroom::ui
