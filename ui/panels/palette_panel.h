#pragma once

#include <QWidget>

class QAction;
class QListView;

namespace headroom::ui {

class NodeTypesModel;
class ScenarioDocument;
class WorkloadTemplatesModel;

// The Palette dock: things to drag into the scenario. The scenario's node types (drop one on
// a rack to add nodes of it; Add node type… and Edit… open the node type dialog) and a fixed
// list of workload templates (drop one on the cluster or the jobs table to add that job).
class PalettePanel : public QWidget
{
    Q_OBJECT

public:
    explicit PalettePanel(ScenarioDocument *document, QWidget *parent = nullptr);

    QListView *nodeTypesView() const { return m_typesView; }
    QListView *templatesView() const { return m_templatesView; }
    NodeTypesModel *nodeTypesModel() const { return m_types; }
    QAction *addNodeTypeAction() const { return m_addAction; }
    QAction *editNodeTypeAction() const { return m_editAction; }

public Q_SLOTS:
    void addNodeType();
    void editNodeType();

private:
    void updateActions();

    ScenarioDocument *m_document;
    NodeTypesModel *m_types;
    WorkloadTemplatesModel *m_templates;
    QListView *m_typesView;
    QListView *m_templatesView;
    QAction *m_addAction;
    QAction *m_editAction;
};

} // namespace headroom::ui
