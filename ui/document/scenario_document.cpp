#include "ui/document/scenario_document.h"

#include <QFileInfo>

namespace headroom::ui {

ScenarioDocument::ScenarioDocument(Scenario scenario, QObject *parent)
    : QObject(parent)
    , m_scenario(std::make_shared<Scenario>(std::move(scenario)))
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

Scenario &ScenarioDocument::mutableScenario()
{
    if (m_scenario.use_count() > 1)
        m_scenario = std::make_shared<Scenario>(*m_scenario);
    return *m_scenario;
}

void ScenarioDocument::setFilePath(const QString &path)
{
    if (m_filePath == path)
        return;
    m_filePath = path;
    Q_EMIT filePathChanged(path);
}

QString ScenarioDocument::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    if (!m_scenario->name.empty())
        return QString::fromStdString(m_scenario->name);
    return tr("Untitled");
}

void ScenarioDocument::resetScenario(Scenario scenario)
{
    m_undoStack.clear();
    Q_EMIT scenarioAboutToBeReset();
    m_scenario = std::make_shared<Scenario>(std::move(scenario));
    Q_EMIT scenarioReset();
    Q_EMIT changed();
}

} // namespace headroom::ui
