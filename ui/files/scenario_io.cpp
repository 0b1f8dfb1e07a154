#include "ui/files/scenario_io.h"

#include "core/io/input_error.h"
#include "core/io/scenario_json.h"
#include "report/save_file.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <exception>

namespace headroom::ui {
namespace {

// What the SWF reader appends when the node count is missing or unusable: advice for the
// command line, where the GUI asks instead.
constexpr std::string_view kNodesHint = "; pass --nodes N";

} // namespace

FileKind fileKind(const QString &path)
{
    FileKind outcome;
    if (path.startsWith(':')) {
        outcome.kind = InputKind::Scenario;
        return outcome;
    }
    try {
        outcome.kind = detectInputKind(path.toStdString());
    } catch (const std::exception &error) {
        outcome.error = QString::fromStdString(error.what());
    }
    return outcome;
}

LoadOutcome loadScenario(const QString &path)
{
    LoadOutcome outcome;
    try {
        if (path.startsWith(':')) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                outcome.error = QCoreApplication::translate("headroom::ui", "Cannot open %1: %2")
                                        .arg(path, file.errorString());
                return outcome;
            }
            const QByteArray text = file.readAll();
            outcome.scenario = parseScenario(std::string_view(text.constData(), text.size()),
                                             QFileInfo(path).fileName().toStdString());
        } else {
            outcome.scenario = loadScenarioFile(path.toStdString());
        }
    } catch (const std::exception &error) {
        outcome.error = QString::fromStdString(error.what());
    }
    return outcome;
}

LoadOutcome importSwf(const QString &path, const SwfOptions &options, ReadProgress *progress)
{
    LoadOutcome outcome;
    try {
        SwfTrace trace = readSwf(path.toStdString(), options, progress);
        outcome.scenario = std::move(trace.scenario);
        outcome.skipped = trace.skipped;
    } catch (const InputError &error) {
        const std::string &message = error.message();
        if (!options.nodes && message.ends_with(kNodesHint)) {
            outcome.needsNodeCount = true;
            const InputError shorter(error.file(), error.line(), error.field(),
                                     message.substr(0, message.size() - kNodesHint.size()));
            outcome.error = QString::fromStdString(shorter.what());
        } else {
            outcome.error = QString::fromStdString(error.what());
        }
    } catch (const std::exception &error) {
        outcome.error = QString::fromStdString(error.what());
    }
    return outcome;
}

bool saveScenario(const Scenario &scenario, const QString &path, QString *error)
{
    return report::saveFile(path, serializeScenario(scenario), error);
}

} // namespace headroom::ui
