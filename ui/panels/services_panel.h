#pragma once

#include <QWidget>

#include <string>

class QAction;
class QLabel;
class QTableView;

namespace headroom::ui {

class ScenarioDocument;
class ServicesModel;

// The Services dock: the scenario's inference services in a table (name, tenant, node type,
// accelerators per replica, capacity, replicas, scale-up delay, load) with Add…, Edit… and
// Remove (also Delete and double-click). Add and Edit open ServiceDialog; every change is an
// edit from scenario_edits.h, so one undo step.
class ServicesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ServicesPanel(ScenarioDocument *document, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    ServicesModel *model() const { return m_model; }
    QAction *addAction() const { return m_addAction; }
    QAction *editAction() const { return m_editAction; }
    QAction *removeAction() const { return m_removeAction; }

    // The service of the current row; empty when none.
    std::string currentService() const;
    void selectService(const std::string &name);

public Q_SLOTS:
    void addService();
    void editCurrent();
    void removeCurrent();

private:
    void updateActions();
    void showRefusal(const QString &why);

    ScenarioDocument *m_document;
    ServicesModel *m_model;
    QTableView *m_view;
    QLabel *m_summary;
    QAction *m_addAction;
    QAction *m_editAction;
    QAction *m_removeAction;
};

} // namespace headroom::ui
