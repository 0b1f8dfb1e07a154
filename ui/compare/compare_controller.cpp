#include "ui/compare/compare_controller.h"

#include "ui/compare/compare_policies_dialog.h"
#include "ui/compare/compare_window.h"
#include "ui/compare/compared_runs_model.h"
#include "ui/document/scenario_document.h"
#include "ui/run/run_controller.h"

#include <QAction>
#include <QInputDialog>
#include <QWidget>

namespace headroom::ui {

CompareController::CompareController(ScenarioDocument *document, RunController *run,
                                     QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_run(run)
    , m_parent(window)
    , m_kept(new ComparedRunsModel(this))
{
    connect(run, &RunController::stateChanged, this, &CompareController::updateActions);
    connect(m_kept, &ComparedRunsModel::runsChanged, this, &CompareController::updateActions);
}

void CompareController::attach(QAction *keepRun, QAction *compare, QAction *comparePolicies)
{
    m_keepAction = keepRun;
    m_compareAction = compare;
    connect(keepRun, &QAction::triggered, this, &CompareController::keepRun);
    connect(compare, &QAction::triggered, this, &CompareController::compare);
    connect(comparePolicies, &QAction::triggered, this, &CompareController::comparePolicies);
    updateActions();
}

bool CompareController::canKeep() const
{
    return m_run->state() == RunState::Finished && m_run->result() && !m_kept->isFull() &&
           m_run->runId() != m_keptRunId;
}

bool CompareController::keepCurrentRun(const QString &name)
{
    if (!canKeep())
        return false;
    const QString unique = m_kept->uniqueName(
            name.trimmed().isEmpty() ? proposedRunName(m_document->scenario()) : name.trimmed());
    m_keptRunId = m_run->runId();
    return m_kept->append(comparedRunOf(unique, m_document->scenario(), *m_run->result()));
}

void CompareController::keepRun()
{
    if (!canKeep())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(
            m_parent, tr("Keep Run for Comparison"),
            tr("Name of the kept run (%1 of %2):")
                    .arg(m_kept->rowCount() + 1)
                    .arg(ComparedRunsModel::kMaxRuns),
            QLineEdit::Normal, m_kept->uniqueName(proposedRunName(m_document->scenario())), &ok);
    if (ok)
        keepCurrentRun(name);
}

CompareWindow *CompareController::showWindow()
{
    if (!m_window) {
        m_window = new CompareWindow(m_parent);
        // Removing a kept run from the window forgets it, so it is not offered again.
        connect(m_window, &CompareWindow::runRemoved, this, [this](const QString &name) {
            const auto &runs = m_kept->runs();
            for (std::size_t i = 0; i < runs.size(); ++i) {
                if (runs[i].name == name) {
                    m_kept->remove(int(i));
                    return;
                }
            }
        });
    }
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    return m_window;
}

CompareWindow *CompareController::compare()
{
    std::vector<ComparedRun> runs = m_kept->runs();
    if (m_run->state() == RunState::Finished && m_run->result() && m_run->runId() != m_keptRunId &&
        int(runs.size()) < ComparedRunsModel::kMaxRuns) {
        ComparedRunsModel names;
        names.setRuns(runs);
        runs.push_back(comparedRunOf(names.uniqueName(tr("Current run")), m_document->scenario(),
                                     *m_run->result()));
    }
    CompareWindow *window = showWindow();
    window->runs()->setRuns(std::move(runs));
    return window;
}

void CompareController::comparePolicies()
{
    if (!m_policies) {
        m_policies = new ComparePoliciesDialog(m_document, m_parent);
        m_policies->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_policies, &ComparePoliciesDialog::comparisonReady, this,
                [this] { showWindow()->runs()->setRuns(m_policies->results()); });
    }
    m_policies->show();
    m_policies->raise();
}

void CompareController::updateActions()
{
    if (m_keepAction)
        m_keepAction->setEnabled(canKeep());
    if (m_compareAction)
        m_compareAction->setEnabled(m_kept->rowCount() > 0);
}

} // namespace headroom::ui
