#include "ui/panels/properties_panel.h"

#include "core/model/scenario.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/document/selection.h"
#include "ui/models/count_text.h"
#include "ui/models/duration_text.h"
#include "ui/models/energy_text.h"
#include "ui/models/node_types_model.h"
#include "ui/models/policy_choices.h"
#include "ui/models/tenant_names.h"
#include "ui/panels/duration_edit.h"
#include "ui/panels/hourly_profile_edit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTextCursor>
#include <QVBoxLayout>

#include <cmath>

namespace headroom::ui {
namespace {

constexpr int kMaxSlots = 1 << 24;
// Item data of the "(mixed)" entry that several jobs with different values show.
const QString kMixed = QStringLiteral("\x01mixed");

struct Located
{
    const Zone *zone = nullptr;
    const Rack *rack = nullptr;
    const NodeSpec *node = nullptr;
};

Located locate(const Cluster &cluster, const std::string &name)
{
    for (const Zone &zone : cluster.zones) {
        if (zone.name == name)
            return {&zone, nullptr, nullptr};
        for (const Rack &rack : zone.racks) {
            if (rack.name == name)
                return {&zone, &rack, nullptr};
            for (const NodeSpec &node : rack.nodes) {
                if (node.name == name)
                    return {&zone, &rack, &node};
            }
        }
    }
    return {};
}

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// Leaves a field alone when it already shows the value, and, unless `force`, a field the user
// is typing in (its value is committed when editing finishes).
void syncText(QLineEdit *edit, const QString &value, bool force)
{
    if (edit->text() == value || (!force && edit->hasFocus()))
        return;
    edit->setText(value);
}

// For fields committed per keystroke: a difference means someone else (undo) changed the
// value, so it is shown even while focused.
void syncLiveText(QLineEdit *edit, const QString &value)
{
    if (edit->text() != value)
        edit->setText(value);
}

void syncDuration(DurationEdit *edit, double seconds, bool force)
{
    // Half-typed text ("2 h 3") that does not read yet stays until the user finishes it.
    if (!force && edit->hasFocus() && !edit->isValid())
        return;
    if (force && !edit->isValid())
        edit->clear();
    edit->setSeconds(seconds);
}

void syncSpin(QSpinBox *spin, int value)
{
    if (spin->value() == value)
        return;
    const QSignalBlocker blocker(spin);
    spin->setValue(value);
}

void syncDouble(QDoubleSpinBox *spin, double value)
{
    if (spin->value() == value)
        return;
    const QSignalBlocker blocker(spin);
    spin->setValue(value);
}

void syncCheck(QCheckBox *check, bool value)
{
    if (check->isChecked() == value)
        return;
    const QSignalBlocker blocker(check);
    check->setChecked(value);
}

void syncComboData(QComboBox *combo, const QVariant &data)
{
    const int index = combo->findData(data);
    if (index < 0 || combo->currentIndex() == index)
        return;
    const QSignalBlocker blocker(combo);
    combo->setCurrentIndex(index);
}

// Refills a combo with [mixed,] `anyLabel`, then `names`, only when the list differs, so an
// open popup or the current item survives unrelated refreshes.
void setChoices(QComboBox *combo, const QString &anyLabel, const QStringList &names, bool mixed)
{
    QStringList wanted;
    if (mixed)
        wanted << kMixed;
    wanted << QString();
    wanted << names;
    bool same = combo->count() == wanted.size();
    for (int i = 0; same && i < wanted.size(); ++i)
        same = combo->itemData(i).toString() == wanted[i];
    if (same)
        return;
    const QSignalBlocker blocker(combo);
    const QVariant current = combo->currentData();
    combo->clear();
    if (mixed)
        combo->addItem(QCoreApplication::translate("headroom::ui::PropertiesPanel", "(mixed)"),
                       kMixed);
    combo->addItem(anyLabel, QString());
    for (const QString &name : names)
        combo->addItem(name, name);
    const int index = combo->findData(current);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

QLabel *infoLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QFormLayout *makeForm(QWidget *page)
{
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    return form;
}

// Combos sized by a few characters, not by their longest item, so a narrow dock does not
// scroll sideways; the popup still shows items in full.
QComboBox *makeCombo(QWidget *parent, const char *objectName)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QString::fromLatin1(objectName));
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(8);
    return combo;
}

QString kilowatts(double watts)
{
    return QStringLiteral("%1 kW").arg(watts / 1000.0, 0, 'f', 1);
}

} // namespace

PropertiesPanel::PropertiesPanel(ScenarioDocument *document, Selection *selection, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_selection(selection)
    , m_title(new QLabel(this))
    , m_stack(new QWidget(this))
    , m_message(new QLabel(this))
{
    m_title->setObjectName("title");
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_pages[int(Page::Scenario)] = buildScenarioPage();
    m_pages[int(Page::Node)] = buildNodePage();
    m_pages[int(Page::Rack)] = buildRackPage();
    m_pages[int(Page::Zone)] = buildZonePage();
    m_pages[int(Page::Job)] = buildJobPage();
    m_pages[int(Page::Jobs)] = buildJobsPage();
    m_pages[int(Page::Elements)] = buildElementsPage();
    // A box of pages of which only the shown one is visible, rather than a QStackedWidget: a
    // stack is as wide and, for wrapped labels, as tall as its largest page, so a short rack
    // page would scroll and clip for the scenario page's sake.
    auto *stackLayout = new QVBoxLayout(m_stack);
    stackLayout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *page : m_pages) {
        stackLayout->addWidget(page);
        page->setVisible(page == m_pages[int(Page::Scenario)]);
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
    contentLayout->addWidget(m_stack);
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
        m_preferJobs = !m_selection->jobs().empty();
        refresh();
    });
    connect(selection, &Selection::elementsChanged, this, [this] {
        m_preferJobs = m_selection->elements().empty();
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

// --- Pages ---

QWidget *PropertiesPanel::buildScenarioPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *scenarioBox = new QGroupBox(tr("General"), page);
    auto *form = makeForm(scenarioBox);
    m_scenario.name = new QLineEdit(scenarioBox);
    m_scenario.name->setObjectName("scenarioName");
    m_scenario.name->setToolTip(tr("Shown in the title bar and in reports"));
    m_scenario.description = new QPlainTextEdit(scenarioBox);
    m_scenario.description->setObjectName("scenarioDescription");
    m_scenario.description->setToolTip(tr("What this scenario is for; printed in reports"));
    m_scenario.description->setTabChangesFocus(true);
    m_scenario.description->setFixedHeight(m_scenario.description->fontMetrics().lineSpacing() * 4 +
                                           12);
    m_scenario.seed = new QLineEdit(scenarioBox);
    m_scenario.seed->setObjectName("seed");
    m_scenario.seed->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("[0-9]{1,20}")), m_scenario.seed));
    m_scenario.seed->setToolTip(tr("Random seed: the same scenario and seed give the same run, "
                                   "byte for byte"));
    m_scenario.summary = infoLabel(scenarioBox);
    m_scenario.summary->setObjectName("scenarioSummary");
    form->addRow(tr("&Name:"), m_scenario.name);
    form->addRow(tr("&Description:"), m_scenario.description);
    form->addRow(tr("&Seed:"), m_scenario.seed);
    form->addRow(tr("Contents:"), m_scenario.summary);

    auto *policyBox = new QGroupBox(tr("Policy"), page);
    auto *policyForm = makeForm(policyBox);
    m_scenario.scheduler = makeCombo(policyBox, "scheduler");
    addSchedulerChoices(m_scenario.scheduler);
    m_scenario.scheduler->setToolTip(
            tr("Which queued job starts next; each entry says how it chooses"));
    m_scenario.placement = makeCombo(policyBox, "placement");
    addPlacementChoices(m_scenario.placement);
    m_scenario.placement->setToolTip(tr("Which free accelerators a starting job gets"));
    m_scenario.sampleInterval = new DurationEdit(policyBox);
    m_scenario.sampleInterval->setObjectName("sampleInterval");
    m_scenario.sampleInterval->setMinimum(0.0, true);
    m_scenario.sampleInterval->setToolTip(tr("How often the time series (utilization, power, "
                                             "queue) are sampled"));
    m_scenario.restartOverhead = new DurationEdit(policyBox);
    m_scenario.restartOverhead->setObjectName("restartOverhead");
    m_scenario.restartOverhead->setToolTip(tr("Time a job preempted by SRTF loses each time it "
                                              "restarts (checkpoint reload)"));
    policyForm->addRow(tr("Sc&heduler:"), m_scenario.scheduler);
    policyForm->addRow(tr("&Placement:"), m_scenario.placement);
    policyForm->addRow(tr("Sample &interval:"), m_scenario.sampleInterval);
    policyForm->addRow(tr("SRTF &restart overhead:"), m_scenario.restartOverhead);

    auto *energyBox = new QGroupBox(tr("Energy"), page);
    auto *energyForm = makeForm(energyBox);
    auto &e = m_energy;
    e.pue = new QDoubleSpinBox(energyBox);
    e.pue->setObjectName("pue");
    e.pue->setRange(1.0, 10.0);
    e.pue->setDecimals(2);
    e.pue->setSingleStep(0.05);
    e.pue->setToolTip(tr("Power usage effectiveness: facility power = IT power × PUE (cooling, "
                         "power conversion); 1 is a perfect facility, 1.1–1.6 is typical"));
    e.capEnabled = new QCheckBox(tr("L&imit cluster power"), energyBox);
    e.capEnabled->setObjectName("powerCapEnabled");
    e.capEnabled->setToolTip(tr("Give the cluster a power cap: no cap lets it draw what its "
                                "nodes draw"));
    e.cap = new QDoubleSpinBox(energyBox);
    e.cap->setObjectName("powerCap");
    e.cap->setRange(0.1, 1e7); // 10 GW: a narrower field than the format's 10^9
    e.cap->setDecimals(1);
    e.cap->setSuffix(tr(" kW"));
    e.cap->setToolTip(tr("IT power the scheduler keeps the whole cluster under"));
    e.dpm = new QCheckBox(tr("S&witch idle nodes off"), energyBox);
    e.dpm->setObjectName("dpmEnabled");
    e.dpm->setToolTip(tr("Dynamic power management: a node idle for the timeout is switched "
                         "off; a job that needs it waits for it to boot"));
    e.idleTimeout = new DurationEdit(energyBox);
    e.idleTimeout->setObjectName("idleTimeout");
    e.idleTimeout->setMinimum(0.0, true);
    e.idleTimeout->setToolTip(tr("How long a node stays idle before power management switches "
                                 "it off"));
    e.spareNodes = new QSpinBox(energyBox);
    e.spareNodes->setObjectName("spareNodes");
    e.spareNodes->setRange(0, kMaxSlots);
    e.spareNodes->setToolTip(tr("Idle nodes kept on anyway, so arriving jobs start without "
                                "waiting for a boot"));
    e.dvfs = new QDoubleSpinBox(energyBox);
    e.dvfs->setObjectName("clusterDvfs");
    e.dvfs->setRange(0.05, 4.0);
    e.dvfs->setDecimals(2);
    e.dvfs->setSingleStep(0.05);
    e.dvfs->setSuffix(tr(" ×"));
    e.dvfs->setToolTip(tr("Cluster-wide DVFS frequency relative to nominal: below 1 runs jobs "
                          "slower at lower power; racks may set their own"));
    e.currency = new QLineEdit(energyBox);
    e.currency->setObjectName("currency");
    e.currency->setMaxLength(16);
    e.currency->setToolTip(tr("Label of the electricity price and of the reported cost; "
                              "nothing is converted"));
    e.price = new HourlyProfileEdit(energyBox);
    e.price->setObjectName("priceProfile");
    e.price->setDialogTitle(tr("Electricity Price"));
    e.price->setToolTip(tr("Price per facility kWh, hour by hour; the profile repeats. Edit… "
                           "also imports a CSV file"));
    e.carbon = new HourlyProfileEdit(energyBox);
    e.carbon->setObjectName("carbonProfile");
    e.carbon->setDialogTitle(tr("Carbon Intensity"));
    e.carbon->setUnit(tr("g CO₂e/kWh"));
    e.carbon->setToolTip(tr("Grid carbon intensity per facility kWh, hour by hour; the profile "
                            "repeats. Edit… also imports a CSV file"));
    energyForm->addRow(tr("P&UE:"), e.pue);
    energyForm->addRow(e.capEnabled);
    energyForm->addRow(tr("Power &cap:"), e.cap);
    energyForm->addRow(e.dpm);
    energyForm->addRow(tr("Idle &timeout:"), e.idleTimeout);
    energyForm->addRow(tr("Spare n&odes:"), e.spareNodes);
    energyForm->addRow(tr("D&VFS frequency:"), e.dvfs);
    energyForm->addRow(tr("Curre&ncy:"), e.currency);
    auto *priceLabel = new QLabel(tr("Price:"), energyBox);
    priceLabel->setToolTip(e.price->toolTip());
    energyForm->addRow(priceLabel, e.price);
    auto *carbonLabel = new QLabel(tr("Carbon:"), energyBox);
    carbonLabel->setToolTip(e.carbon->toolTip());
    energyForm->addRow(carbonLabel, e.carbon);

    layout->addWidget(scenarioBox);
    layout->addWidget(policyBox);
    layout->addWidget(energyBox);

    connect(e.pue, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { editEnergy(tr("PUE"), [v](EnergyPolicy &p) { p.pue = v; }); });
    connect(e.capEnabled, &QCheckBox::clicked, this, [this](bool on) {
        m_energy.cap->setEnabled(on);
        const double kw = m_energy.cap->value();
        editEnergy(tr("cluster power cap"), [on, kw](EnergyPolicy &p) {
            p.clusterPowerCapKw = on ? std::optional(kw) : std::nullopt;
        });
    });
    connect(e.cap, &QDoubleSpinBox::valueChanged, this, [this](double kw) {
        if (m_energy.capEnabled->isChecked())
            editEnergy(tr("cluster power cap"),
                       [kw](EnergyPolicy &p) { p.clusterPowerCapKw = kw; });
    });
    connect(e.dpm, &QCheckBox::clicked, this, [this](bool on) {
        m_energy.idleTimeout->setEnabled(on);
        m_energy.spareNodes->setEnabled(on);
        editEnergy(tr("power management"), [on](EnergyPolicy &p) { p.dpmEnabled = on; });
    });
    connect(e.idleTimeout, &DurationEdit::secondsEdited, this, [this](double s) {
        editEnergy(tr("idle timeout"), [s](EnergyPolicy &p) { p.idleTimeoutS = s; });
    });
    connect(e.spareNodes, &QSpinBox::valueChanged, this, [this](int n) {
        editEnergy(tr("spare nodes"), [n](EnergyPolicy &p) { p.spareNodes = n; });
    });
    connect(e.dvfs, &QDoubleSpinBox::valueChanged, this, [this](double f) {
        editEnergy(tr("DVFS frequency"), [f](EnergyPolicy &p) { p.dvfsFrequency = f; });
    });
    connect(e.currency, &QLineEdit::textEdited, this, [this](const QString &text) {
        const std::string currency = text.trimmed().toStdString();
        editEnergy(tr("currency"), [&currency](EnergyPolicy &p) { p.currency = currency; });
    });
    connect(e.price, &HourlyProfileEdit::profileEdited, this, [this](const HourlyProfile &v) {
        editEnergy(tr("electricity price"), [&v](EnergyPolicy &p) { p.pricePerKwh = v; });
    });
    connect(e.carbon, &HourlyProfileEdit::profileEdited, this, [this](const HourlyProfile &v) {
        editEnergy(tr("carbon intensity"), [&v](EnergyPolicy &p) { p.carbonGPerKwh = v; });
    });

    connect(m_scenario.name, &QLineEdit::textEdited, this, &PropertiesPanel::commitMetadata);
    connect(m_scenario.seed, &QLineEdit::textEdited, this, &PropertiesPanel::commitMetadata);
    connect(m_scenario.description, &QPlainTextEdit::textChanged, this,
            &PropertiesPanel::commitMetadata);
    connect(m_scenario.scheduler, &QComboBox::activated, this, [this] {
        const auto kind = static_cast<SchedulerKind>(m_scenario.scheduler->currentData().toInt());
        editPolicy([kind](Policy &p) { p.scheduler = kind; });
    });
    connect(m_scenario.placement, &QComboBox::activated, this, [this] {
        const auto kind = static_cast<PlacementKind>(m_scenario.placement->currentData().toInt());
        editPolicy([kind](Policy &p) { p.placement = kind; });
    });
    connect(m_scenario.sampleInterval, &DurationEdit::secondsEdited, this,
            [this](double s) { editPolicy([s](Policy &p) { p.sampleIntervalS = s; }); });
    connect(m_scenario.restartOverhead, &DurationEdit::secondsEdited, this,
            [this](double s) { editPolicy([s](Policy &p) { p.srtfRestartOverheadS = s; }); });
    return page;
}

QWidget *PropertiesPanel::buildNodePage()
{
    auto *page = new QWidget(this);
    auto *form = makeForm(page);
    form->setContentsMargins(0, 0, 0, 0);
    m_node.name = new QLineEdit(page);
    m_node.name->setObjectName("nodeName");
    m_node.name->setToolTip(tr("Unique among zones, racks and nodes; jobs pinned to the node "
                               "follow a rename"));
    m_node.type = makeCombo(page, "nodeType");
    m_node.type->setToolTip(tr("The kind of server this node is"));
    m_node.tenant = makeCombo(page, "nodeTenant");
    m_node.tenant->setEditable(true);
    m_node.tenant->setInsertPolicy(QComboBox::NoInsert);
    m_node.tenant->lineEdit()->setPlaceholderText(tr("Shared (any tenant)"));
    m_node.tenant->lineEdit()->setClearButtonEnabled(true);
    m_node.tenant->setToolTip(tr("Reserve the node for one tenant's jobs and services; leave "
                                 "empty to share it"));
    m_node.location = infoLabel(page);
    m_node.detail = infoLabel(page);
    form->addRow(tr("&Name:"), m_node.name);
    form->addRow(tr("&Type:"), m_node.type);
    form->addRow(tr("Reserved &for:"), m_node.tenant);
    form->addRow(tr("Hardware:"), m_node.detail);
    form->addRow(tr("Location:"), m_node.location);
    connect(m_node.name, &QLineEdit::editingFinished, this, [this] { renameShown(m_node.name); });
    connect(m_node.type, &QComboBox::activated, this, [this] {
        edits::setNodeType(*m_document, m_element,
                           m_node.type->currentData().toString().toStdString());
    });
    connect(m_node.tenant, &QComboBox::activated, this, &PropertiesPanel::commitNodeTenant);
    connect(m_node.tenant->lineEdit(), &QLineEdit::editingFinished, this,
            &PropertiesPanel::commitNodeTenant);
    return page;
}

QWidget *PropertiesPanel::buildRackPage()
{
    auto *page = new QWidget(this);
    auto *form = makeForm(page);
    form->setContentsMargins(0, 0, 0, 0);
    m_rack.name = new QLineEdit(page);
    m_rack.name->setObjectName("rackName");
    m_rack.name->setToolTip(tr("Unique among zones, racks and nodes"));
    m_rack.unlimited = new QCheckBox(tr("&Unlimited"), page);
    m_rack.unlimited->setObjectName("budgetUnlimited");
    m_rack.unlimited->setToolTip(tr("No power budget: the rack may draw what its nodes draw"));
    m_rack.budget = new QDoubleSpinBox(page);
    m_rack.budget->setObjectName("budget");
    m_rack.budget->setRange(0.1, 1e6);
    m_rack.budget->setDecimals(1);
    m_rack.budget->setSuffix(tr(" kW"));
    // Each committed value is an undo step, so commit on Enter, focus loss and arrow steps,
    // not on every digit.
    m_rack.budget->setKeyboardTracking(false);
    m_rack.budget->setToolTip(tr("Power the rack may draw; power-aware scheduling keeps below it"));
    auto *budgetRow = new QHBoxLayout;
    budgetRow->addWidget(m_rack.budget, 1);
    budgetRow->addWidget(m_rack.unlimited);
    m_rack.dvfsFollowsCluster = new QCheckBox(tr("&Cluster"), page);
    m_rack.dvfsFollowsCluster->setObjectName("rackDvfsFollowsCluster");
    m_rack.dvfsFollowsCluster->setToolTip(tr("Run at the cluster's DVFS frequency (Energy "
                                             "settings, shown with nothing selected)"));
    m_rack.dvfs = new QDoubleSpinBox(page);
    m_rack.dvfs->setObjectName("rackDvfs");
    m_rack.dvfs->setRange(0.05, 4.0);
    m_rack.dvfs->setDecimals(2);
    m_rack.dvfs->setSingleStep(0.05);
    m_rack.dvfs->setSuffix(tr(" ×"));
    m_rack.dvfs->setKeyboardTracking(false);
    m_rack.dvfs->setToolTip(tr("This rack's DVFS frequency relative to nominal: below 1 runs "
                               "its jobs slower at lower power"));
    // Narrower than the spin boxes' widest values ("1000000.0 kW") ask for, so the rows fit a
    // narrow dock next to their switches.
    const int spinWidth =
            m_rack.budget->fontMetrics().horizontalAdvance(QStringLiteral("00000.0 kW")) + 32;
    m_rack.budget->setMinimumWidth(spinWidth);
    m_rack.dvfs->setMinimumWidth(spinWidth);
    auto *dvfsRow = new QHBoxLayout;
    dvfsRow->addWidget(m_rack.dvfs, 1);
    dvfsRow->addWidget(m_rack.dvfsFollowsCluster);
    m_rack.location = infoLabel(page);
    m_rack.contents = infoLabel(page);
    form->addRow(tr("&Name:"), m_rack.name);
    auto *budgetLabel = new QLabel(tr("Power &budget:"), page);
    budgetLabel->setBuddy(m_rack.budget);
    form->addRow(budgetLabel, budgetRow);
    auto *dvfsLabel = new QLabel(tr("D&VFS:"), page);
    dvfsLabel->setBuddy(m_rack.dvfs);
    form->addRow(dvfsLabel, dvfsRow);
    form->addRow(tr("Contents:"), m_rack.contents);
    form->addRow(tr("Location:"), m_rack.location);
    connect(m_rack.name, &QLineEdit::editingFinished, this, [this] { renameShown(m_rack.name); });
    connect(m_rack.unlimited, &QCheckBox::clicked, this, [this](bool unlimited) {
        m_rack.budget->setEnabled(!unlimited);
        edits::setRackBudget(*m_document, m_element,
                             unlimited ? std::nullopt : std::optional(m_rack.budget->value()));
    });
    connect(m_rack.budget, &QDoubleSpinBox::valueChanged, this, [this](double kw) {
        if (!m_rack.unlimited->isChecked())
            edits::setRackBudget(*m_document, m_element, kw);
    });
    connect(m_rack.dvfsFollowsCluster, &QCheckBox::clicked, this, [this](bool follows) {
        m_rack.dvfs->setEnabled(!follows);
        QString why;
        if (!edits::setRackDvfs(*m_document, m_element,
                                follows ? std::nullopt : std::optional(m_rack.dvfs->value()),
                                &why) &&
            !why.isEmpty())
            setMessage(why);
    });
    connect(m_rack.dvfs, &QDoubleSpinBox::valueChanged, this, [this](double f) {
        QString why;
        if (!m_rack.dvfsFollowsCluster->isChecked() &&
            !edits::setRackDvfs(*m_document, m_element, f, &why) && !why.isEmpty())
            setMessage(why);
    });
    return page;
}

QWidget *PropertiesPanel::buildZonePage()
{
    auto *page = new QWidget(this);
    auto *form = makeForm(page);
    form->setContentsMargins(0, 0, 0, 0);
    m_zone.name = new QLineEdit(page);
    m_zone.name->setObjectName("zoneName");
    m_zone.name->setToolTip(tr("Unique among zones, racks and nodes; jobs constrained to the "
                               "zone follow a rename"));
    m_zone.contents = infoLabel(page);
    form->addRow(tr("&Name:"), m_zone.name);
    form->addRow(tr("Contents:"), m_zone.contents);
    connect(m_zone.name, &QLineEdit::editingFinished, this, [this] { renameShown(m_zone.name); });
    return page;
}

QWidget *PropertiesPanel::buildJobPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *jobBox = new QGroupBox(tr("Details"), page);
    auto *form = makeForm(jobBox);
    auto &w = m_jobWidgets;
    w.id = infoLabel(jobBox);
    w.id->setObjectName("jobId");
    w.name = new QLineEdit(jobBox);
    w.name->setObjectName("jobName");
    w.name->setToolTip(tr("A label; need not be unique"));
    w.tenant = new QLineEdit(jobBox);
    w.tenant->setObjectName("jobTenant");
    w.tenant->setToolTip(tr("Team or account the job belongs to"));
    w.submit = new DurationEdit(jobBox);
    w.submit->setObjectName("jobSubmit");
    w.submit->setToolTip(tr("When the job is submitted, after the start of the scenario"));
    w.accelerators = new QSpinBox(jobBox);
    w.accelerators->setObjectName("jobAccelerators");
    w.accelerators->setRange(1, kMaxSlots);
    w.accelerators->setToolTip(tr("Accelerators needed at once; more than a node holds makes a "
                                  "gang on whole nodes"));
    w.run = new DurationEdit(jobBox);
    w.run->setObjectName("jobRun");
    w.run->setMinimum(0.0, true);
    w.run->setToolTip(tr("Actual run time at full speed"));
    w.requested = new DurationEdit(jobBox);
    w.requested->setObjectName("jobRequested");
    w.requested->setEmptyValue(0.0);
    w.requested->setPlaceholderText(tr("not given (the run time is used)"));
    w.requested->setToolTip(tr("Wall time the user asked for; SJF, SRTF and backfilling plan "
                               "with it"));
    w.priority = new QSpinBox(jobBox);
    w.priority->setObjectName("jobPriority");
    w.priority->setRange(-1000000, 1000000);
    w.priority->setToolTip(tr("Informational: no scheduler in this version uses it"));
    form->addRow(tr("Id:"), w.id);
    form->addRow(tr("&Name:"), w.name);
    form->addRow(tr("&Tenant:"), w.tenant);
    form->addRow(tr("&Submit at:"), w.submit);
    form->addRow(tr("&Accelerators:"), w.accelerators);
    form->addRow(tr("&Run time:"), w.run);
    form->addRow(tr("Re&quested:"), w.requested);
    form->addRow(tr("&Priority:"), w.priority);
    w.dedicated = new QCheckBox(tr("De&dicated (no node sharing)"), jobBox);
    w.dedicated->setObjectName("jobDedicated");
    w.dedicated->setToolTip(tr("Tenant isolation: the job never shares a node with another "
                               "tenant's jobs or services"));
    form->addRow(w.dedicated);

    auto *constraintsBox = new QGroupBox(tr("Constraints"), page);
    constraintsBox->setToolTip(tr("Where the job may run; all given constraints must hold"));
    auto *constraintsForm = makeForm(constraintsBox);
    w.type = makeCombo(constraintsBox, "jobConstraintType");
    w.zone = makeCombo(constraintsBox, "jobConstraintZone");
    w.rack = makeCombo(constraintsBox, "jobConstraintRack");
    w.pin = makeCombo(constraintsBox, "jobConstraintPin");
    w.type->setToolTip(tr("Run only on nodes of this type"));
    w.zone->setToolTip(tr("Run only in this zone"));
    w.rack->setToolTip(tr("Run only in this rack"));
    w.pin->setToolTip(tr("Run only on this node (also set by dropping the job on a node)"));
    constraintsForm->addRow(tr("Node t&ype:"), w.type);
    constraintsForm->addRow(tr("&Zone:"), w.zone);
    constraintsForm->addRow(tr("Ra&ck:"), w.rack);
    constraintsForm->addRow(tr("Pinned to &node:"), w.pin);

    layout->addWidget(jobBox);
    layout->addWidget(constraintsBox);

    connect(w.name, &QLineEdit::textEdited, this, [this](const QString &text) {
        editShownJob([&](Job &job) { job.name = text.trimmed().toStdString(); });
    });
    connect(w.tenant, &QLineEdit::textEdited, this, [this](const QString &text) {
        editShownJob([&](Job &job) { job.tenant = text.trimmed().toStdString(); });
    });
    connect(w.submit, &DurationEdit::secondsEdited, this,
            [this](double s) { editShownJob([s](Job &job) { job.submitS = s; }); });
    connect(w.run, &DurationEdit::secondsEdited, this,
            [this](double s) { editShownJob([s](Job &job) { job.runS = s; }); });
    connect(w.requested, &DurationEdit::secondsEdited, this,
            [this](double s) { editShownJob([s](Job &job) { job.requestedS = s; }); });
    connect(w.accelerators, &QSpinBox::valueChanged, this,
            [this](int n) { editShownJob([n](Job &job) { job.slots = n; }); });
    connect(w.priority, &QSpinBox::valueChanged, this,
            [this](int n) { editShownJob([n](Job &job) { job.priority = n; }); });
    connect(w.dedicated, &QCheckBox::clicked, this, [this](bool dedicated) {
        if (!m_refreshing && m_page == Page::Job && m_job < m_document->scenario().jobs.size())
            edits::setJobsDedicated(*m_document, {m_job}, dedicated);
    });
    auto constraint = [this](QComboBox *combo, std::string JobConstraints::*field) {
        connect(combo, &QComboBox::activated, this, [this, combo, field] {
            const std::string value = combo->currentData().toString().toStdString();
            editShownJob([&](Job &job) {
                JobConstraints c = *job.constraints;
                c.*field = value;
                job.constraints = c;
            });
        });
    };
    constraint(w.type, &JobConstraints::nodeType);
    constraint(w.zone, &JobConstraints::zone);
    constraint(w.rack, &JobConstraints::rack);
    constraint(w.pin, &JobConstraints::pinNode);
    return page;
}

QWidget *PropertiesPanel::buildJobsPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto &w = m_jobsWidgets;
    w.count = infoLabel(page);
    w.count->setObjectName("jobsCount");
    auto *box = new QGroupBox(tr("Constraints of all selected jobs"), page);
    box->setToolTip(tr("A change here applies to every selected job; fields you leave alone "
                       "keep each job's own value"));
    auto *form = makeForm(box);
    w.type = makeCombo(box, "jobsConstraintType");
    w.zone = makeCombo(box, "jobsConstraintZone");
    w.rack = makeCombo(box, "jobsConstraintRack");
    w.pin = makeCombo(box, "jobsConstraintPin");
    for (QComboBox *combo : {w.type, w.zone, w.rack, w.pin})
        combo->setToolTip(tr("Applies to every selected job; (mixed) means they differ"));
    form->addRow(tr("Node t&ype:"), w.type);
    form->addRow(tr("&Zone:"), w.zone);
    form->addRow(tr("Ra&ck:"), w.rack);
    form->addRow(tr("Pinned to &node:"), w.pin);
    w.clear = new QPushButton(tr("C&lear All Constraints"), box);
    w.clear->setObjectName("clearConstraints");
    w.clear->setToolTip(tr("Let every selected job run anywhere"));
    form->addRow(w.clear);
    w.dedicated = new QCheckBox(tr("De&dicated (no node sharing)"), page);
    w.dedicated->setObjectName("jobsDedicated");
    w.dedicated->setToolTip(tr("Tenant isolation for every selected job: none shares a node "
                               "with another tenant's jobs or services (partly checked: they "
                               "differ)"));
    layout->addWidget(w.count);
    layout->addWidget(box);
    layout->addWidget(w.dedicated);
    layout->addStretch(1);
    connect(w.dedicated, &QCheckBox::clicked, this, [this](bool dedicated) {
        // A partly checked box goes to checked on a click; from then on it has two states.
        m_jobsWidgets.dedicated->setTristate(false);
        if (!m_refreshing)
            edits::setJobsDedicated(*m_document, selectedJobs(), dedicated);
    });

    connect(w.type, &QComboBox::activated, this,
            [this] { applyConstraint(&JobConstraints::nodeType, m_jobsWidgets.type); });
    connect(w.zone, &QComboBox::activated, this,
            [this] { applyConstraint(&JobConstraints::zone, m_jobsWidgets.zone); });
    connect(w.rack, &QComboBox::activated, this,
            [this] { applyConstraint(&JobConstraints::rack, m_jobsWidgets.rack); });
    connect(w.pin, &QComboBox::activated, this,
            [this] { applyConstraint(&JobConstraints::pinNode, m_jobsWidgets.pin); });
    connect(w.clear, &QPushButton::clicked, this, [this] {
        const std::vector<std::size_t> jobs = selectedJobs();
        edits::setJobConstraints(
                *m_document, jobs, {},
                tr("Clear constraints of %n job(s)", nullptr, static_cast<int>(jobs.size())));
    });
    return page;
}

QWidget *PropertiesPanel::buildElementsPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_elementsLabel = infoLabel(page);
    m_elementsLabel->setObjectName("elementsSummary");
    layout->addWidget(m_elementsLabel);
    return page;
}

// --- Refresh ---

std::vector<std::size_t> PropertiesPanel::selectedJobs() const
{
    std::vector<std::size_t> jobs;
    const std::size_t count = m_document->scenario().jobs.size();
    for (std::size_t job : m_selection->jobs()) {
        if (job < count) // positions can be stale for a moment during an edit
            jobs.push_back(job);
    }
    return jobs;
}

void PropertiesPanel::showPage(Page page, const QString &title, const QString &key)
{
    m_page = page;
    m_title->setText(title);
    if (key != m_shownKey) {
        m_shownKey = key;
        setMessage({});
    }
    for (QWidget *each : m_pages) {
        if (each != m_pages[int(page)])
            each->hide();
    }
    m_pages[int(page)]->show();
}

void PropertiesPanel::refresh()
{
    if (m_refreshing || m_renaming)
        return;
    const QScopedValueRollback<bool> guard(m_refreshing, true);
    const Scenario &scenario = m_document->scenario();
    const std::vector<std::size_t> jobs = selectedJobs();
    const Selection::Names &elements = m_selection->elements();
    const QString previousKey = m_shownKey;

    if (!jobs.empty() && (elements.empty() || m_preferJobs)) {
        if (jobs.size() == 1) {
            m_job = jobs.front();
            const Job &job = scenario.jobs[m_job];
            showPage(Page::Job, tr("Job %1").arg(static_cast<qlonglong>(job.id)),
                     QStringLiteral("job:%1:%2").arg(m_job).arg(job.id));
            fillJob(m_shownKey != previousKey);
        } else {
            showPage(Page::Jobs, countText(qint64(jobs.size()), tr("%1 job"), tr("%1 jobs")),
                     QStringLiteral("jobs"));
            fillJobs();
        }
        return;
    }
    if (elements.size() == 1) {
        const std::string &name = *elements.begin();
        const Located found = locate(scenario.cluster, name);
        m_element = name;
        if (found.node) {
            showPage(Page::Node, tr("Node %1").arg(qs(name)), "node:" + qs(name));
            fillNode(m_shownKey != previousKey);
            return;
        }
        if (found.rack) {
            showPage(Page::Rack, tr("Rack %1").arg(qs(name)), "rack:" + qs(name));
            fillRack(m_shownKey != previousKey);
            return;
        }
        if (found.zone) {
            showPage(Page::Zone, tr("Zone %1").arg(qs(name)), "zone:" + qs(name));
            fillZone(m_shownKey != previousKey);
            return;
        }
    } else if (elements.size() > 1) {
        showPage(Page::Elements,
                 countText(qint64(elements.size()), tr("%1 element"), tr("%1 elements")),
                 QStringLiteral("elements"));
        QStringList names;
        for (const std::string &name : elements) {
            if (names.size() == 12) {
                names << QStringLiteral("…");
                break;
            }
            names << qs(name);
        }
        m_elementsLabel->setText(
                tr("%1\n\nSelect a single zone, rack or node to edit it.").arg(names.join(", ")));
        return;
    }
    showPage(Page::Scenario, tr("Scenario"), QStringLiteral("scenario"));
    fillScenario(m_shownKey != previousKey);
}

void PropertiesPanel::fillScenario(bool force)
{
    const Scenario &s = m_document->scenario();
    auto &w = m_scenario;
    syncLiveText(w.name, qs(s.name));
    // Committed per keystroke, so a difference is someone else's change (undo).
    if (w.description->toPlainText() != qs(s.description)) {
        const QSignalBlocker blocker(w.description);
        // Keep the cursor where it was when undo changes the text under it.
        const int position = w.description->textCursor().position();
        w.description->setPlainText(qs(s.description));
        QTextCursor cursor = w.description->textCursor();
        cursor.setPosition(std::min(position, static_cast<int>(s.description.size())));
        w.description->setTextCursor(cursor);
    }
    // An emptied seed field is the user about to type a new number: leave it while focused.
    const QString seed = QString::number(s.seed);
    if (w.seed->text() != seed && (force || !w.seed->hasFocus() || !w.seed->text().isEmpty()))
        w.seed->setText(seed);
    syncComboData(w.scheduler, static_cast<int>(s.policy.scheduler));
    syncComboData(w.placement, static_cast<int>(s.policy.placement));
    syncDuration(w.sampleInterval, s.policy.sampleIntervalS, force);
    syncDuration(w.restartOverhead, s.policy.srtfRestartOverheadS, force);
    fillEnergy(force);

    int racks = 0;
    int nodes = 0;
    long long accelerators = 0;
    for (const Zone &zone : s.cluster.zones) {
        racks += static_cast<int>(zone.racks.size());
        for (const Rack &rack : zone.racks) {
            nodes += static_cast<int>(rack.nodes.size());
            for (const NodeSpec &node : rack.nodes) {
                if (const NodeType *type = s.findNodeType(node.type))
                    accelerators += type->accelerators;
            }
        }
    }
    w.summary->setText(
            tr("%1, %2, %3 (%4)\n%5, %6")
                    .arg(countText(qint64(s.cluster.zones.size()), tr("%1 zone"), tr("%1 zones")),
                         countText(racks, tr("%1 rack"), tr("%1 racks")),
                         countText(nodes, tr("%1 node"), tr("%1 nodes")),
                         countText(accelerators, tr("%1 accelerator"), tr("%1 accelerators")),
                         countText(qint64(s.jobs.size()), tr("%1 job"), tr("%1 jobs")),
                         countText(qint64(s.nodeTypes.size()), tr("%1 node type"),
                                   tr("%1 node types"))));
}

void PropertiesPanel::fillEnergy(bool force)
{
    const EnergyPolicy &e = m_document->scenario().energy;
    auto &w = m_energy;
    syncDouble(w.pue, e.pue);
    syncCheck(w.capEnabled, e.clusterPowerCapKw.has_value());
    w.cap->setEnabled(e.clusterPowerCapKw.has_value());
    if (e.clusterPowerCapKw)
        syncDouble(w.cap, *e.clusterPowerCapKw);
    else if (force)
        syncDouble(w.cap, 100.0); // what switching the cap on proposes
    syncCheck(w.dpm, e.dpmEnabled);
    w.idleTimeout->setEnabled(e.dpmEnabled);
    w.spareNodes->setEnabled(e.dpmEnabled);
    syncDuration(w.idleTimeout, e.idleTimeoutS, force);
    syncSpin(w.spareNodes, e.spareNodes);
    syncDouble(w.dvfs, e.dvfsFrequency);
    // Committed trimmed per keystroke: "EUR " typed stays until the field is left.
    if (w.currency->text().trimmed() != qs(e.currency) ||
        (force && w.currency->text() != qs(e.currency)))
        w.currency->setText(qs(e.currency));
    const QString currency = e.currency.empty() ? tr("currency") : qs(e.currency);
    w.price->setUnit(tr("%1/kWh").arg(currency));
    w.price->setProfile(e.pricePerKwh);
    w.carbon->setProfile(e.carbonGPerKwh);
}

void PropertiesPanel::fillNode(bool force)
{
    const Scenario &s = m_document->scenario();
    const Located found = locate(s.cluster, m_element);
    if (!found.node)
        return;
    syncText(m_node.name, qs(found.node->name), force);
    QStringList types;
    for (const NodeType &type : s.nodeTypes)
        types << qs(type.name);
    // The node's type always exists in a valid scenario; no "any" entry for a node.
    if (m_node.type->count() != types.size() || [&] {
            for (int i = 0; i < types.size(); ++i) {
                if (m_node.type->itemData(i).toString() != types[i])
                    return true;
            }
            return false;
        }()) {
        const QSignalBlocker blocker(m_node.type);
        m_node.type->clear();
        for (const NodeType &type : s.nodeTypes)
            m_node.type->addItem(NodeTypesModel::swatch(type), qs(type.name), qs(type.name));
    }
    syncComboData(m_node.type, qs(found.node->type));
    if (force || !m_node.tenant->hasFocus()) {
        const QSignalBlocker blocker(m_node.tenant);
        if (force) {
            // The known tenants, read once per node shown (one pass over the jobs).
            m_node.tenant->clear();
            m_node.tenant->addItem(QString());
            m_node.tenant->addItems(knownTenants(s));
        }
        m_node.tenant->setEditText(qs(found.node->tenant));
    }
    const NodeType *type = s.findNodeType(found.node->type);
    m_node.detail->setText(type ? NodeTypesModel::detailText(*type) : QString());
    m_node.location->setText(
            tr("rack %1 in zone %2").arg(qs(found.rack->name), qs(found.zone->name)));
}

void PropertiesPanel::fillRack(bool force)
{
    const Scenario &s = m_document->scenario();
    const Located found = locate(s.cluster, m_element);
    if (!found.rack)
        return;
    const Rack &rack = *found.rack;
    syncText(m_rack.name, qs(rack.name), force);
    double maxW = 0.0;
    long long accelerators = 0;
    for (const NodeSpec &node : rack.nodes) {
        if (const NodeType *type = s.findNodeType(node.type)) {
            maxW += type->power.maxW();
            accelerators += type->accelerators;
        }
    }
    {
        const QSignalBlocker blockCheck(m_rack.unlimited);
        const QSignalBlocker blockSpin(m_rack.budget);
        m_rack.unlimited->setChecked(!rack.powerBudgetKw);
        m_rack.budget->setEnabled(rack.powerBudgetKw.has_value());
        if (rack.powerBudgetKw) {
            if (m_rack.budget->value() != *rack.powerBudgetKw)
                m_rack.budget->setValue(*rack.powerBudgetKw);
        } else if (force) {
            // What switching the budget on proposes: the rack's peak draw, or a typical 20 kW.
            m_rack.budget->setValue(maxW > 0.0 ? std::ceil(maxW / 100.0) / 10.0 : 20.0);
        }
    }
    QString contents = countText(qint64(rack.nodes.size()), tr("%1 node"), tr("%1 nodes")) +
                       QStringLiteral(", ") +
                       countText(accelerators, tr("%1 accelerator"), tr("%1 accelerators"));
    if (maxW > 0.0)
        contents += tr(", up to %1 at full load").arg(kilowatts(maxW));
    m_rack.contents->setText(contents);
    {
        const QSignalBlocker blockCheck(m_rack.dvfsFollowsCluster);
        const QSignalBlocker blockSpin(m_rack.dvfs);
        m_rack.dvfsFollowsCluster->setChecked(!rack.dvfsFrequency);
        m_rack.dvfs->setEnabled(rack.dvfsFrequency.has_value());
        // Following the cluster shows the cluster's level, which a switch-over starts from.
        const double shown = rack.dvfsFrequency.value_or(s.energy.dvfsFrequency);
        if (m_rack.dvfs->value() != shown &&
            (rack.dvfsFrequency || force || !m_rack.dvfs->hasFocus()))
            m_rack.dvfs->setValue(shown);
    }
    m_rack.location->setText(tr("zone %1").arg(qs(found.zone->name)));
}

void PropertiesPanel::fillZone(bool force)
{
    const Scenario &s = m_document->scenario();
    const Located found = locate(s.cluster, m_element);
    if (!found.zone)
        return;
    syncText(m_zone.name, qs(found.zone->name), force);
    int nodes = 0;
    for (const Rack &rack : found.zone->racks)
        nodes += static_cast<int>(rack.nodes.size());
    m_zone.contents->setText(
            countText(qint64(found.zone->racks.size()), tr("%1 rack"), tr("%1 racks")) +
            QStringLiteral(", ") + countText(nodes, tr("%1 node"), tr("%1 nodes")));
}

void PropertiesPanel::fillConstraintChoices(QComboBox *type, QComboBox *zone, QComboBox *rack,
                                            QComboBox *pin,
                                            const std::vector<const JobConstraints *> &shown)
{
    const Scenario &s = m_document->scenario();
    QStringList types, zones, racks, nodes;
    for (const NodeType &t : s.nodeTypes)
        types << qs(t.name);
    for (const Zone &z : s.cluster.zones) {
        zones << qs(z.name);
        for (const Rack &r : z.racks) {
            racks << qs(r.name);
            for (const NodeSpec &n : r.nodes)
                nodes << qs(n.name);
        }
    }
    auto common = [&](std::string JobConstraints::*field) -> std::optional<QString> {
        const std::string &first = (*shown.front()).*field;
        for (const JobConstraints *c : shown) {
            if (c->*field != first)
                return std::nullopt;
        }
        return qs(first);
    };
    auto fill = [&](QComboBox *combo, const QString &any, const QStringList &names,
                    std::string JobConstraints::*field) {
        const std::optional<QString> value = common(field);
        setChoices(combo, any, names, !value);
        syncComboData(combo, value ? *value : kMixed);
    };
    fill(type, tr("Any node type"), types, &JobConstraints::nodeType);
    fill(zone, tr("Any zone"), zones, &JobConstraints::zone);
    fill(rack, tr("Any rack"), racks, &JobConstraints::rack);
    fill(pin, tr("Not pinned"), nodes, &JobConstraints::pinNode);
}

void PropertiesPanel::fillJob(bool force)
{
    const Job &job = m_document->scenario().jobs[m_job];
    auto &w = m_jobWidgets;
    w.id->setText(QString::number(job.id));
    syncLiveText(w.name, qs(job.name));
    syncLiveText(w.tenant, qs(job.tenant));
    syncDuration(w.submit, job.submitS, force);
    syncSpin(w.accelerators, job.slots);
    syncDuration(w.run, job.runS, force);
    syncDuration(w.requested, job.requestedS > 0.0 ? job.requestedS : 0.0, force);
    syncSpin(w.priority, job.priority);
    syncCheck(w.dedicated, job.dedicated);
    fillConstraintChoices(w.type, w.zone, w.rack, w.pin, {&job.constraints.get()});
}

void PropertiesPanel::fillJobs()
{
    const std::vector<std::size_t> jobs = selectedJobs();
    const Scenario &s = m_document->scenario();
    std::vector<const JobConstraints *> shown;
    shown.reserve(jobs.size());
    long long accelerators = 0;
    for (std::size_t index : jobs) {
        shown.push_back(&s.jobs[index].constraints.get());
        accelerators += s.jobs[index].slots;
    }
    m_jobsWidgets.count->setText(
            tr("%1 selected, %2 in all")
                    .arg(countText(qint64(jobs.size()), tr("%1 job"), tr("%1 jobs")),
                         countText(accelerators, tr("%1 accelerator"), tr("%1 accelerators"))));
    auto &w = m_jobsWidgets;
    fillConstraintChoices(w.type, w.zone, w.rack, w.pin, shown);
    std::size_t dedicated = 0;
    for (std::size_t index : jobs)
        dedicated += s.jobs[index].dedicated ? 1 : 0;
    const QSignalBlocker blocker(w.dedicated);
    const bool mixed = dedicated != 0 && dedicated != jobs.size();
    w.dedicated->setTristate(mixed);
    w.dedicated->setCheckState(mixed            ? Qt::PartiallyChecked
                               : dedicated != 0 ? Qt::Checked
                                                : Qt::Unchecked);
}

// --- Edits ---

void PropertiesPanel::renameShown(QLineEdit *edit)
{
    // A name field on a page that was just switched away from loses focus and reports
    // editingFinished; m_element then names the new selection, not the one typed over.
    if (m_refreshing || !m_pages[int(m_page)]->isAncestorOf(edit))
        return;
    const std::string newName = edit->text().trimmed().toStdString();
    if (newName == m_element)
        return;
    QString why;
    bool renamed = false;
    {
        // Until the selection follows the new name, the old one names nothing: no refresh.
        const QScopedValueRollback<bool> guard(m_renaming, true);
        renamed = edits::renameElement(*m_document, m_element, newName, &why);
        if (renamed)
            m_selection->setElements({newName});
    }
    if (renamed) {
        setMessage({});
        refresh();
    } else {
        setMessage(why);
    }
}

void PropertiesPanel::commitMetadata()
{
    if (m_refreshing)
        return;
    const Scenario &s = m_document->scenario();
    bool ok = false;
    const std::uint64_t seed = m_scenario.seed->text().toULongLong(&ok);
    edits::setMetadata(*m_document, m_scenario.name->text().toStdString(),
                       m_scenario.description->toPlainText().toStdString(), ok ? seed : s.seed);
}

void PropertiesPanel::editPolicy(const std::function<void(Policy &)> &change)
{
    if (m_refreshing)
        return;
    Policy policy = m_document->scenario().policy;
    change(policy);
    edits::setPolicy(*m_document, policy);
}

void PropertiesPanel::editEnergy(const QString &field,
                                 const std::function<void(EnergyPolicy &)> &change)
{
    if (m_refreshing)
        return;
    EnergyPolicy energy = m_document->scenario().energy;
    change(energy);
    QString why;
    if (edits::setEnergy(*m_document, energy, field, &why))
        setMessage({});
    else if (!why.isEmpty())
        setMessage(why);
}

void PropertiesPanel::commitNodeTenant()
{
    if (m_refreshing || m_page != Page::Node)
        return;
    const std::string tenant = m_node.tenant->currentText().trimmed().toStdString();
    edits::setNodeTenant(*m_document, m_element, tenant);
}

void PropertiesPanel::editShownJob(const std::function<void(Job &)> &change)
{
    if (m_refreshing || m_page != Page::Job || m_job >= m_document->scenario().jobs.size())
        return;
    Job job = m_document->scenario().jobs[m_job];
    change(job);
    edits::editJob(*m_document, m_job, job);
}

void PropertiesPanel::applyConstraint(std::string JobConstraints::*field, const QComboBox *combo)
{
    const QString choice = combo->currentData().toString();
    if (choice == kMixed)
        return; // choosing "(mixed)" keeps each job's own value
    edits::setJobsConstraint(*m_document, selectedJobs(), field, choice.toStdString());
}

} // namespace headroom::ui
