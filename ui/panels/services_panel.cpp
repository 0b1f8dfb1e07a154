#include "ui/panels/services_panel.h"

#include "core/model/scenario.h"
#include "ui/dialogs/service_dialog.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/models/count_text.h"
#include "ui/models/services_model.h"
#include "ui/panels/read_only_table.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace headroom::ui {

ServicesPanel::ServicesPanel(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new ServicesModel(document, this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_addAction(
              new QAction(QIcon::fromTheme(QStringLiteral("list-add")), tr("&Add Service…"), this))
    , m_editAction(new QAction(QIcon::fromTheme(QStringLiteral("document-properties")),
                               tr("&Edit Service…"), this))
    , m_removeAction(new QAction(QIcon::fromTheme(QStringLiteral("list-remove")),
                                 tr("&Remove Service"), this))
{
    m_view->setObjectName("servicesView");
    m_view->setModel(m_model);
    setUpReadOnlyTable(m_view);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int widths[] = {10, 7, 7, 6, 7, 6, 7};
    for (int column = 0; column < int(std::size(widths)); ++column)
        m_view->setColumnWidth(
                column,
                std::max(widths[column] * em, m_view->horizontalHeader()->sectionSizeHint(column)));
    m_view->setToolTip(tr("Inference services: double-click one to edit it"));

    // Short button texts (the menus show the full ones), so the row fits a narrow dock.
    m_addAction->setIconText(tr("Add…"));
    m_editAction->setIconText(tr("Edit…"));
    m_removeAction->setIconText(tr("Remove"));
    m_addAction->setObjectName("addService");
    m_addAction->setToolTip(tr("Add an inference service (Insert)"));
    m_editAction->setObjectName("editService");
    m_editAction->setToolTip(tr("Edit the selected service (Enter, or double-click it)"));
    m_removeAction->setObjectName("removeService");
    m_removeAction->setToolTip(tr("Remove the selected service (Delete)"));
    m_addAction->setShortcut(QKeySequence(Qt::Key_Insert));
    m_addAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_editAction->setShortcut(Qt::Key_Return);
    m_editAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addActions({m_addAction, m_editAction, m_removeAction});
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_addAction, m_editAction, m_removeAction});

    auto *buttons = new QHBoxLayout;
    for (QAction *action : {m_addAction, m_editAction, m_removeAction}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        buttons->addWidget(button);
    }
    m_summary->setObjectName("servicesSummary");
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_summary->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    buttons->addWidget(m_summary, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    connect(m_addAction, &QAction::triggered, this, &ServicesPanel::addService);
    connect(m_editAction, &QAction::triggered, this, &ServicesPanel::editCurrent);
    connect(m_removeAction, &QAction::triggered, this, &ServicesPanel::removeCurrent);
    connect(m_view, &QTableView::doubleClicked, this, &ServicesPanel::editCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ServicesPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ServicesPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ServicesPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ServicesPanel::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ServicesPanel::updateActions);
    updateActions();
}

std::string ServicesPanel::currentService() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row()))
        return {};
    const Service *service = m_model->serviceAt(current.row());
    return service ? service->name : std::string();
}

void ServicesPanel::selectService(const std::string &name)
{
    const int row = m_model->rowOf(QString::fromStdString(name));
    if (row < 0)
        return;
    m_view->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                              QItemSelectionModel::ClearAndSelect |
                                                      QItemSelectionModel::Rows);
}

void ServicesPanel::updateActions()
{
    const bool has = !currentService().empty();
    m_editAction->setEnabled(has);
    m_removeAction->setEnabled(has);
    const std::vector<Service> &services = m_document->scenario().services;
    long long accelerators = 0;
    for (const Service &service : services)
        accelerators +=
                static_cast<long long>(service.maxReplicas) * service.acceleratorsPerReplica;
    m_summary->setText(services.empty()
                               ? tr("No services")
                               : tr("%1, up to %2")
                                         .arg(countText(qint64(services.size()), tr("%1 service"),
                                                        tr("%1 services")),
                                              countText(accelerators, tr("%1 accelerator"),
                                                        tr("%1 accelerators"))));
}

void ServicesPanel::showRefusal(const QString &why)
{
    if (!why.isEmpty())
        QMessageBox::warning(this, tr("Services"), why);
}

void ServicesPanel::addService()
{
    const Scenario &scenario = m_document->scenario();
    ServiceDialog dialog(scenario, ServiceDialog::newService(scenario), tr("Add Service"), {},
                         this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Service service = dialog.service();
    QString why;
    if (edits::addService(*m_document, service, &why))
        selectService(service.name);
    else
        showRefusal(why);
}

void ServicesPanel::editCurrent()
{
    const std::string name = currentService();
    const Service *current = m_model->serviceAt(m_model->rowOf(QString::fromStdString(name)));
    if (!current)
        return;
    const Service before = *current;
    ServiceDialog dialog(m_document->scenario(), before,
                         tr("Edit Service %1").arg(QString::fromStdString(name)), name, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Service service = dialog.service();
    QString why;
    if (edits::editService(*m_document, name, service, &why))
        selectService(service.name);
    else
        showRefusal(why);
}

void ServicesPanel::removeCurrent()
{
    const std::string name = currentService();
    if (name.empty())
        return;
    const int row = m_model->rowOf(QString::fromStdString(name));
    edits::removeService(*m_document, name);
    // Keep a row selected, so Delete can go on.
    if (m_model->rowCount() > 0)
        m_view->selectionModel()->setCurrentIndex(
                m_model->index(std::min(row, m_model->rowCount() - 1), 0),
                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

} // namespace headroom::ui
