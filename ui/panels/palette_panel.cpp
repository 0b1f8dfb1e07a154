#include "ui/panels/palette_panel.h"

#include "ui/dialogs/node_type_dialog.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/files/scenario_io.h"
#include "ui/models/node_types_model.h"
#include "ui/models/workload_templates_model.h"
#include "ui/panels/panel_icons.h"
#include "ui/panels/two_line_delegate.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QSplitter>
#include <QToolBar>
#include <QVBoxLayout>

namespace headroom::ui {
namespace {

// The bundled hardware catalog, compiled in by resources/CMakeLists.txt (absent from a build
// without headroom_resources: then the dialog offers no catalog).
constexpr const char *kCatalog = ":/catalog/hardware.json";

QListView *makeList(QAbstractItemModel *model, int detailRole, QWidget *parent)
{
    auto *view = new QListView(parent);
    view->setModel(model);
    view->setItemDelegate(new TwoLineDelegate(detailRole, view));
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setDragEnabled(true);
    view->setDragDropMode(QAbstractItemView::DragOnly);
    view->setDefaultDropAction(Qt::CopyAction);
    view->setUniformItemSizes(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setTextElideMode(Qt::ElideRight);
    // Rows elide to the dock's width (tooltips hold the full text) instead of scrolling.
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setResizeMode(QListView::Adjust);
    return view;
}

QWidget *section(const QString &title, const QString &hint, QToolBar *toolBar, QListView *list,
                 QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *header = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), box);
    header->setToolTip(hint);
    layout->addWidget(header);
    if (toolBar)
        layout->addWidget(toolBar);
    layout->addWidget(list, 1);
    auto *note = new QLabel(hint, box);
    note->setWordWrap(true);
    note->setEnabled(false); // the secondary text colour of the platform
    layout->addWidget(note);
    return box;
}

} // namespace

PalettePanel::PalettePanel(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_types(new NodeTypesModel(document, this))
    , m_templates(new WorkloadTemplatesModel(this))
    , m_typesView(makeList(m_types, NodeTypesModel::DetailRole, this))
    , m_templatesView(makeList(m_templates, WorkloadTemplatesModel::DetailRole, this))
    , m_addAction(new QAction(addIcon(this), tr("Add Node Type…"), this))
    , m_editAction(new QAction(tr("Edit…"), this))
{
    m_typesView->setObjectName("nodeTypes");
    m_typesView->setToolTip(tr("Drag a node type onto a rack to add nodes of it; "
                               "double-click to edit it"));
    m_templatesView->setObjectName("workloadTemplates");
    // A short fixed list: show all of it rather than a scroll bar.
    const int rows = m_templates->rowCount();
    m_templatesView->setMinimumHeight(m_templatesView->sizeHintForRow(0) * rows +
                                      2 * m_templatesView->frameWidth() + 2);
    m_templatesView->setToolTip(tr("Drag a template onto the cluster or the jobs table to add "
                                   "that job"));

    m_addAction->setObjectName("addNodeType");
    m_addAction->setToolTip(tr("Define a new kind of server from its public figures"));
    m_editAction->setObjectName("editNodeType");
    m_editAction->setToolTip(tr("Change the selected node type; nodes of it and jobs "
                                "constrained to it follow a rename"));
    connect(m_addAction, &QAction::triggered, this, &PalettePanel::addNodeType);
    connect(m_editAction, &QAction::triggered, this, &PalettePanel::editNodeType);
    connect(m_typesView, &QListView::doubleClicked, this, &PalettePanel::editNodeType);
    connect(m_typesView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PalettePanel::updateActions);
    connect(m_types, &QAbstractItemModel::modelReset, this, &PalettePanel::updateActions);
    connect(m_types, &QAbstractItemModel::rowsRemoved, this, &PalettePanel::updateActions);

    auto *toolBar = new QToolBar(this);
    toolBar->setIconSize(QSize(16, 16));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_addAction);
    toolBar->addAction(m_editAction);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(section(tr("Node types"), tr("Drag onto a rack to add nodes."), toolBar,
                                m_typesView, splitter));
    splitter->addWidget(section(tr("Workload templates"),
                                tr("Drag onto the cluster or the jobs table to add a job."),
                                nullptr, m_templatesView, splitter));
    // Spare height goes to the node types; the templates keep what shows all of them.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);
    updateActions();
}

void PalettePanel::updateActions()
{
    m_editAction->setEnabled(m_types->nodeTypeAt(m_typesView->currentIndex().row()) != nullptr);
}

void PalettePanel::addNodeType()
{
    NodeType initial;
    // A fresh name that no type uses yet: "node-type-1", "node-type-2", …
    for (int n = 1;; ++n) {
        const std::string name = "node-type-" + std::to_string(n);
        if (!m_document->scenario().findNodeType(name)) {
            initial.name = name;
            break;
        }
    }
    NodeTypeDialog dialog(initial, true, this);
    if (const LoadOutcome catalog = loadScenario(QString::fromLatin1(kCatalog)); catalog.scenario)
        dialog.offerCatalog(catalog.scenario->nodeTypes);
    ScenarioDocument *document = m_document;
    dialog.setCommit([document](const NodeType &type, QString *why) {
        return edits::addNodeType(*document, type, why);
    });
    if (dialog.exec() == QDialog::Accepted) {
        const int row = m_types->rowOf(QString::fromStdString(dialog.nodeType().name));
        if (row >= 0)
            m_typesView->setCurrentIndex(m_types->index(row));
    }
}

void PalettePanel::editNodeType()
{
    const NodeType *current = m_types->nodeTypeAt(m_typesView->currentIndex().row());
    if (!current)
        return;
    const NodeType initial = *current; // the model's copy changes when the edit lands
    NodeTypeDialog dialog(initial, false, this);
    ScenarioDocument *document = m_document;
    dialog.setCommit([document, name = initial.name](const NodeType &type, QString *why) {
        return edits::replaceNodeType(*document, name, type, why);
    });
    dialog.exec();
}

} // namespace headroom::ui
