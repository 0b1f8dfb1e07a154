#pragma once

#include "core/engine/run_result.h"
#include "core/model/scenario.h"

#include <memory>

class QWidget;

namespace headroom::ui {

// Runs `scenario` to the end for a report, on a pool thread, behind a progress dialog with a
// Cancel button; the window keeps painting meanwhile. Independent of the live run the window
// shows (its pace and position stay as they are). Returns null when the user cancelled, or
// when the run failed, after telling the user why.
std::shared_ptr<const RunResult> runForReport(QWidget *parent,
                                              std::shared_ptr<const Scenario> scenario);

} // namespace headroom::ui
