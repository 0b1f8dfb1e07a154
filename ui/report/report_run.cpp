#include "ui/report/report_run.h"

#include "core/engine/simulation.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <exception>

namespace headroom::ui {
namespace {

// Shared between the pool thread (writes) and the GUI thread (reads, and sets `cancel`).
struct RunProgress
{
    std::atomic<int> permille{0};
    std::atomic<bool> cancel{false};
};

struct RunOutcome
{
    std::shared_ptr<const RunResult> result;
    QString error;
};

RunOutcome simulate(const std::shared_ptr<const Scenario> &scenario,
                    const std::shared_ptr<RunProgress> &progress)
{
    try {
        Simulation simulation(*scenario);
        const double jobs = double(scenario->jobs.size());
        const double horizon = scenario->policy.horizonS.value_or(0.0);
        // Checking the flag every few thousand batches costs nothing and answers Cancel fast.
        constexpr int kBatchesPerCheck = 4096;
        while (!simulation.finished()) {
            for (int i = 0; i < kBatchesPerCheck && simulation.step(); ++i) {
            }
            if (progress->cancel.load())
                return {};
            const LiveStatus status = simulation.status();
            double done = jobs > 0.0 ? double(status.completed + status.rejected) / jobs : 0.0;
            if (horizon > 0.0)
                done = std::max(done, status.now / horizon);
            progress->permille.store(int(std::clamp(done, 0.0, 1.0) * 1000.0));
        }
        return {std::make_shared<const RunResult>(simulation.result()), {}};
    } catch (const std::exception &error) {
        return {nullptr, QString::fromStdString(error.what())};
    }
}

} // namespace

std::shared_ptr<const RunResult> runForReport(QWidget *parent,
                                              std::shared_ptr<const Scenario> scenario)
{
    auto progress = std::make_shared<RunProgress>();
    QProgressDialog dialog(QObject::tr("Simulating the scenario for the report…"),
                           QObject::tr("Cancel"), 0, 1000, parent);
    dialog.setWindowTitle(QObject::tr("Export Report"));
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(300);
    dialog.setAutoReset(false);
    dialog.setAutoClose(false);
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog,
                     [progress] { progress->cancel.store(true); });

    QFutureWatcher<RunOutcome> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<RunOutcome>::finished, &loop, &QEventLoop::quit);
    QTimer poll;
    poll.setInterval(100);
    QObject::connect(&poll, &QTimer::timeout, &dialog,
                     [&dialog, progress] { dialog.setValue(progress->permille.load()); });
    watcher.setFuture(QtConcurrent::run(simulate, scenario, progress));
    poll.start();
    if (!watcher.isFinished())
        loop.exec();
    poll.stop();
    dialog.reset();

    const RunOutcome outcome = watcher.result();
    if (!outcome.result && !outcome.error.isEmpty())
        QMessageBox::warning(parent, QObject::tr("Cannot export the report"),
                             QObject::tr("The simulation failed: %1").arg(outcome.error));
    return outcome.result;
}

} // namespace headroom::ui
