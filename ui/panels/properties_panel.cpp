#include "ui/panels/properties_panel.h"

#include "core/model/scenario.h"
#include "ui/document/scenario_document.h"
#include "ui/document/selection.h"
#include "ui/models/count_text.h"
#include "ui/panels/properties/elements_page.h"
#include "ui/panels/properties/job_page.h"
#include "ui/panels/properties/jobs_page.h"
#include "ui/panels/properties/node_page.h"
#include "ui/panels/properties/page_helpers.h"
#include "ui/panels/properties/rack_page.h"
#include "ui/panels/properties/scenario_page.h"
#include "ui/panels/properties/zone_page.h"

#include <QLabel>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QVBoxLayout>

namespace headroom::ui {

PropertiesPanel::PropertiesPanel(ScenarioDocument *document, Selection *selection, QWidget *parent)
    : QWidget(parent)
    , m_context{document, selection}
    , m_title(new QLabel(this))
    , m_message(new QLabel(this))
{
    m_title->setObjectName("title");
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *stack = new QWidget(this);
    m_scenarioPage = new ScenarioPage(m_context, stack);
    m_nodePage = new NodePage(m_context, stack);
    m_rackPage = new RackPage(m_context, stack);
    m_zonePage = new ZonePage(m_context, stack);
    m_jobPage = new JobPage(m_context, stack);
    m_jobsPage = new JobsPage(m_context, stack);
    m_elementsPage = new ElementsPage(m_context, stack);
    m_pages = {m_scenarioPage, m_nodePage, m_rackPage,    m_zonePage,
               m_jobPage,      m_jobsPage, m_elementsPage};
    // A box of pages of which only the shown one is visible, rather than a QStackedWidget: a
    // stack is as wide and, for wrapped labels, as tall as its largest page, so a short rack
    // page would scroll and clip for the scenario page's sake.
    auto *stackLayout = new QVBoxLayout(stack);
    stackLayout->setContentsMargins(0, 0, 0, 0);
    for (PropertyPage *page : m_pages) {
        stackLayout->addWidget(page);
        page->setVisible(page == m_scenarioPage);
        connect(page, &PropertyPage::messageChanged, this, &PropertiesPanel::setMessage);
        connect(page, &PropertyPage::renamed, this, &PropertiesPanel::refresh);
    }

    m_message->setObjectName("message");
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b02020;"));
    m_message->hide();

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(stack);
    contentLayout->addStretch(1);
    scroll->setWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    // Above the pages: the stack is as tall as its tallest page, so below it a refusal would
    // show far from the field it is about.
    layout->addWidget(m_message);
    layout->addWidget(scroll, 1);

    connect(document, &ScenarioDocument::changed, this, &PropertiesPanel::refresh);
    connect(selection, &Selection::jobsChanged, this, [this] {
        m_preferJobs = !m_context.selection->jobs().empty();
        refresh();
    });
    connect(selection, &Selection::elementsChanged, this, [this] {
        m_preferJobs = m_context.selection->elements().empty();
        refresh();
    });
    refresh();
}

QString PropertiesPanel::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void PropertiesPanel::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

bool PropertiesPanel::showPage(Page page, const QString &title, const QString &key)
{
    m_page = page;
    m_title->setText(title);
    const bool changed = key != m_shownKey;
    if (changed) {
        m_shownKey = key;
        setMessage({});
    }
    for (PropertyPage *each : m_pages) {
        if (each != m_pages[std::size_t(page)])
            each->hide();
    }
    m_pages[std::size_t(page)]->show();
    return changed;
}

void PropertiesPanel::refresh()
{
    if (m_context.refreshing)
        return;
    const QScopedValueRollback<bool> guard(m_context.refreshing, true);
    const Scenario &scenario = m_context.document->scenario();
    const Selection::Names &elements = m_context.selection->elements();
    std::vector<std::size_t> jobs;
    for (std::size_t job : m_context.selection->jobs()) {
        if (job < scenario.jobs.size()) // positions can be stale for a moment during an edit
            jobs.push_back(job);
    }

    if (!jobs.empty() && (elements.empty() || m_preferJobs)) {
        if (jobs.size() == 1) {
            const Job &job = scenario.jobs[jobs.front()];
            const bool force = showPage(Page::Job, tr("Job %1").arg(static_cast<qlonglong>(job.id)),
                                        QStringLiteral("job:%1:%2").arg(jobs.front()).arg(job.id));
            m_jobPage->fill(jobs.front(), force);
        } else {
            showPage(Page::Jobs, countText(qint64(jobs.size()), tr("%1 job"), tr("%1 jobs")),
                     QStringLiteral("jobs"));
            m_jobsPage->fill();
        }
        return;
    }
    if (elements.size() == 1) {
        const std::string &name = *elements.begin();
        const ClusterPlace found = scenario.cluster.find(name);
        if (found.node) {
            const bool force =
                    showPage(Page::Node, tr("Node %1").arg(qs(name)), "node:" + qs(name));
            m_nodePage->fill(name, force);
            return;
        }
        if (found.rack) {
            const bool force =
                    showPage(Page::Rack, tr("Rack %1").arg(qs(name)), "rack:" + qs(name));
            m_rackPage->fill(name, force);
            return;
        }
        if (found.zone) {
            const bool force =
                    showPage(Page::Zone, tr("Zone %1").arg(qs(name)), "zone:" + qs(name));
            m_zonePage->fill(name, force);
            return;
        }
    } else if (elements.size() > 1) {
        showPage(Page::Elements,
                 countText(qint64(elements.size()), tr("%1 element"), tr("%1 elements")),
                 QStringLiteral("elements"));
        m_elementsPage->fill(elements);
        return;
    }
    const bool force = showPage(Page::Scenario, tr("Scenario"), QStringLiteral("scenario"));
    m_scenarioPage->fill(force);
}

} // namespace headroom::ui
