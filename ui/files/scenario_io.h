#pragma once

#include "core/io/input_kind.h"
#include "core/io/swf_reader.h"
#include "core/model/scenario.h"

#include <QString>

#include <optional>

namespace headroom::ui {

// Reading and writing scenario files from the GUI, with errors as text for a message box.
struct LoadOutcome
{
    std::optional<Scenario> scenario;
    QString error;         // file, line and field of the problem when loading failed
    long long skipped = 0; // SWF: job lines skipped (run time or size <= 0)
    // SWF: the trace does not say how many nodes it ran on (no usable MaxNodes or MaxProcs
    // header); read it again with SwfOptions::nodes set. `error` says what is missing.
    bool needsNodeCount = false;
};

// What a file holds, by core's one rule (core/io/input_kind.h); a Qt resource (":/…") is
// always a scenario. Empty with `error` set when the file cannot be read or is neither.
struct FileKind
{
    std::optional<InputKind> kind;
    QString error;
};
FileKind fileKind(const QString &path);

// `path` may be a Qt resource (":/examples/…"), e.g. the bundled example.
LoadOutcome loadScenario(const QString &path);
// With a `progress`, the reader reports to it and stops when it is cancelled.
LoadOutcome importSwf(const QString &path, const SwfOptions &options = {},
                      ReadProgress *progress = nullptr);

// With report::saveFile(): the file on disk is the old one or the complete new one.
bool saveScenario(const Scenario &scenario, const QString &path, QString *error);

} // namespace headroom::ui
