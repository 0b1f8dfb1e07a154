#include "app/cli/command_line.h"

#include "app/cli/exit_codes.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>

namespace headroom::cli {

void printError(const QString &message)
{
    std::fprintf(stderr, "headroom-cli: error: %s\n", message.toLocal8Bit().constData());
}

void failUsage(const QString &command, const QString &message)
{
    std::fprintf(stderr, "headroom-cli: error: %s\nTry 'headroom-cli %s --help'.\n",
                 message.toLocal8Bit().constData(), command.toLocal8Bit().constData());
    std::exit(kExitUsage);
}

QString parseWithOneInput(QCommandLineParser &parser, const QCommandLineOption &help,
                          const QString &command, const QString &inputName)
{
    if (!parser.parse(QCoreApplication::arguments()))
        failUsage(command, parser.errorText());
    if (parser.isSet(help))
        parser.showHelp(kExitOk);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        const QString article = QStringLiteral("AEIOU").contains(inputName.front())
                                        ? QStringLiteral("an")
                                        : QStringLiteral("a");
        failUsage(command,
                  positional.size() < 2
                          ? QStringLiteral("%1 needs %2 %3 file").arg(command, article, inputName)
                          : QStringLiteral("%1 takes one %2 file, got %3")
                                    .arg(command, inputName)
                                    .arg(positional.size() - 1));
    }
    return positional.at(1);
}

QString failureMessage(const std::exception &error, const QString &input, const QString &doing)
{
    if (!dynamic_cast<const std::bad_alloc *>(&error))
        return QString::fromStdString(error.what());
    return QStringLiteral("%1out of memory%2; the input is too large for this machine, or "
                          "asks for more than it has")
            .arg(input.isEmpty() ? QString() : input + QStringLiteral(": "),
                 doing.isEmpty() ? QString() : QStringLiteral(" while ") + doing);
}

bool succeeds(const std::function<void()> &step, const QString &input, const QString &doing)
{
    try {
        step();
        return true;
    } catch (const std::exception &error) {
        printError(failureMessage(error, input, doing));
        return false;
    }
}

SizingObjective parseObjective(const QString &command, const QString &name)
{
    const auto chosen = sizingObjectiveFromString(name.toStdString());
    if (!chosen)
        failUsage(command, QStringLiteral("unknown objective '%1' (choose from %2)")
                                   .arg(name, QString::fromStdString(sizingObjectiveNames())));
    return *chosen;
}

VaryRange parseVary(const QString &command, const QString &text)
{
    static const QRegularExpression form(QStringLiteral(R"(^(.+)=(-?\d+)\.\.(-?\d+)$)"));
    const QRegularExpressionMatch match = form.match(text);
    bool minOk = false;
    bool maxOk = false;
    VaryRange range;
    if (match.hasMatch()) {
        range.type = match.captured(1).toStdString();
        range.min = match.captured(2).toInt(&minOk);
        range.max = match.captured(3).toInt(&maxOk);
    }
    if (!minOk || !maxOk)
        failUsage(command, QStringLiteral("--vary: expected TYPE=MIN..MAX with whole numbers, "
                                          "got '%1'")
                                   .arg(text));
    return range;
}

QCommandLineOption sloOption()
{
    return {QStringLiteral("slo"),
            QStringLiteral("A service level over a numeric key of the metrics JSON, e.g. "
                           "p95_wait_s<=3600 (repeat for several). Required."),
            QStringLiteral("KEY<=V|KEY>=V")};
}

Slo parseSloOption(const QString &command, const QString &text)
{
    const std::optional<Slo> slo = parseSlo(text.toStdString());
    if (!slo)
        failUsage(command,
                  QStringLiteral("--slo: expected KEY<=VALUE or KEY>=VALUE, got '%1'").arg(text));
    return *slo;
}

namespace {

double parseNumber(const QString &command, const QString &option, const QString &text, double above,
                   const char *what)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || !(value > above))
        failUsage(command, QStringLiteral("--%1: expected %2, got '%3'").arg(option, what, text));
    return value;
}

} // namespace

double parsePositive(const QString &command, const QString &option, const QString &text)
{
    return parseNumber(command, option, text, 0.0, "a number > 0");
}

double parseAboveMinusOne(const QString &command, const QString &option, const QString &text)
{
    return parseNumber(command, option, text, -1.0, "a number > -1");
}

int parseInteger(const QString &command, const QString &option, const QString &text, int minimum,
                 int maximum)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < minimum || value > maximum)
        failUsage(command, QStringLiteral("--%1: expected a whole number from %2 to %3, got '%4'")
                                   .arg(option)
                                   .arg(minimum)
                                   .arg(maximum)
                                   .arg(text));
    return value;
}

} // namespace headroom::cli
