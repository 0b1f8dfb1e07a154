#include "ui/compare/compared_run.h"

namespace headroom::ui {

namespace {

QString text(std::string_view name)
{
    return QString::fromUtf8(name.data(), qsizetype(name.size()));
}

} // namespace

QString proposedRunName(const Scenario &scenario)
{
    const QString name = QString::fromStdString(scenario.name).trimmed();
    const QString policy = QStringLiteral("%1/%2").arg(text(toString(scenario.policy.scheduler)),
                                                       text(toString(scenario.policy.placement)));
    return name.isEmpty() ? policy : QStringLiteral("%1 · %2").arg(name, policy);
}

} // namespace headroom::ui
