#pragma once

#include "core/engine/live_status.h"

#include <QElapsedTimer>

#include <cstdio>

namespace headroom::cli {

// Shows the progress of a long run on stderr, on one line that rewrites itself. Silent for
// runs shorter than a second, with --quiet, and when stderr is not a terminal (logs and CI
// stay clean).
class ProgressReporter
{
public:
    ProgressReporter(bool enabled, long long totalJobs);
    ~ProgressReporter();

    void update(const LiveStatus &status);
    // For planning studies: simulations done of the total expected (docs/design.md §7.5).
    void updateEvaluations(int done, int total);
    // For sweeps (docs/design.md §8.3): points done of total, the rate and the time left.
    void updatePoints(int done, int total);
    void finish();

private:
    // Whether a line is due now (enabled, past the quiet period, a refresh interval since the
    // last); if so, the line counts as printed.
    bool due();

    bool m_enabled;
    bool m_shown = false;
    long long m_totalJobs;
    QElapsedTimer m_clock;
    qint64 m_lastPrintMs = 0;
};

bool stderrIsTerminal();

} // namespace headroom::cli
