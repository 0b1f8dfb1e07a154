#include "ui/dialogs/service_dialog.h"

#include "core/model/limits.h"
#include "ui/dialogs/message_label.h"
#include "ui/models/tenant_names.h"
#include "ui/panels/duration_edit.h"
#include "ui/panels/hourly_profile_edit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace headroom::ui {
namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QDoubleSpinBox *rpsSpin(QWidget *parent, const char *objectName)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setObjectName(QString::fromLatin1(objectName));
    spin->setRange(0.0, limits::kMaxRate);
    spin->setDecimals(2);
    spin->setSuffix(ServiceDialog::tr(" rps"));
    return spin;
}

} // namespace

ServiceDialog::ServiceDialog(const Scenario &scenario, const Service &initial, const QString &title,
                             const std::string &originalName, QWidget *parent)
    : QDialog(parent)
    , m_scenario(scenario)
    , m_originalName(originalName)
{
    setWindowTitle(title);

    auto *serviceBox = new QGroupBox(tr("Service"), this);
    auto *form = new QFormLayout(serviceBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_name = new QLineEdit(serviceBox);
    m_name->setObjectName("serviceName");
    m_name->setToolTip(tr("Unique among the scenario's services"));
    m_tenant = new QComboBox(serviceBox);
    m_tenant->setObjectName("serviceTenant");
    m_tenant->setEditable(true);
    m_tenant->setInsertPolicy(QComboBox::NoInsert);
    m_tenant->addItem(QString());
    m_tenant->addItems(knownTenants(scenario));
    m_tenant->lineEdit()->setPlaceholderText(tr("none"));
    m_tenant->setToolTip(tr("Team or account the service belongs to; nodes reserved for it "
                            "host its replicas"));
    m_nodeType = new QComboBox(serviceBox);
    m_nodeType->setObjectName("serviceNodeType");
    m_nodeType->addItem(tr("Any node type"), QString());
    for (const NodeType &type : scenario.nodeTypes)
        m_nodeType->addItem(qs(type.name), qs(type.name));
    m_nodeType->setToolTip(tr("Node type the replicas run on"));
    m_accelerators = new QSpinBox(serviceBox);
    m_accelerators->setObjectName("serviceAccelerators");
    m_accelerators->setRange(1, limits::kMaxSlots);
    m_accelerators->setToolTip(tr("Accelerators each replica holds"));
    m_capacity = rpsSpin(serviceBox, "serviceCapacity");
    m_capacity->setToolTip(tr("Requests per second one replica serves at full utilization"));
    m_minReplicas = new QSpinBox(serviceBox);
    m_minReplicas->setObjectName("serviceMinReplicas");
    m_minReplicas->setRange(0, limits::kMaxReplicas);
    m_minReplicas->setToolTip(tr("Replicas kept running even without load (0: scale to zero)"));
    m_maxReplicas = new QSpinBox(serviceBox);
    m_maxReplicas->setObjectName("serviceMaxReplicas");
    m_maxReplicas->setRange(0, limits::kMaxReplicas);
    m_maxReplicas->setToolTip(tr("Most replicas the autoscaler starts"));
    auto *replicasRow = new QHBoxLayout;
    replicasRow->addWidget(m_minReplicas, 1);
    replicasRow->addWidget(new QLabel(tr("to"), serviceBox));
    replicasRow->addWidget(m_maxReplicas, 1);
    m_target = new QDoubleSpinBox(serviceBox);
    m_target->setObjectName("serviceTarget");
    m_target->setRange(0.0, 100.0);
    m_target->setDecimals(0);
    m_target->setSuffix(tr(" %"));
    m_target->setToolTip(tr("Utilization the autoscaler aims for: lower keeps headroom for "
                            "bursts at the cost of more replicas"));
    m_scaleUp = new DurationEdit(serviceBox);
    m_scaleUp->setObjectName("serviceScaleUp");
    m_scaleUp->setToolTip(tr("Time a new replica takes before it serves (start-up, model "
                             "load), e.g. \"5 min\""));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Tenant:"), m_tenant);
    form->addRow(tr("Node t&ype:"), m_nodeType);
    form->addRow(tr("&Accelerators per replica:"), m_accelerators);
    form->addRow(tr("&Capacity per replica:"), m_capacity);
    auto *replicasLabel = new QLabel(tr("&Replicas:"), serviceBox);
    replicasLabel->setBuddy(m_minReplicas);
    form->addRow(replicasLabel, replicasRow);
    form->addRow(tr("Target &utilization:"), m_target);
    form->addRow(tr("&Scale-up delay:"), m_scaleUp);

    auto *loadBox = new QGroupBox(tr("Load"), this);
    auto *loadForm = new QFormLayout(loadBox);
    loadForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_loadKind = new QComboBox(loadBox);
    m_loadKind->setObjectName("loadKind");
    m_loadKind->addItem(tr("Diurnal (daily curve)"), int(LoadProfile::Kind::Diurnal));
    m_loadKind->addItem(tr("Hourly values"), int(LoadProfile::Kind::Hourly));
    m_loadKind->setToolTip(tr("A smooth daily curve between trough and peak, or a value for "
                              "each hour (typed or imported from CSV)"));
    loadForm->addRow(tr("&Kind:"), m_loadKind);
    m_loadStack = new QStackedWidget(loadBox);
    auto *diurnal = new QWidget(m_loadStack);
    auto *diurnalForm = new QFormLayout(diurnal);
    diurnalForm->setContentsMargins(0, 0, 0, 0);
    diurnalForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_trough = rpsSpin(diurnal, "loadTrough");
    m_trough->setToolTip(tr("Lowest load of the day"));
    m_peak = rpsSpin(diurnal, "loadPeak");
    m_peak->setToolTip(tr("Highest load of the day"));
    m_peakHour = new QDoubleSpinBox(diurnal);
    m_peakHour->setObjectName("loadPeakHour");
    m_peakHour->setRange(0.0, 24.0);
    m_peakHour->setDecimals(1);
    m_peakHour->setSingleStep(0.5);
    m_peakHour->setToolTip(tr("Hour of the day (0–24, simulated time) when the load peaks"));
    diurnalForm->addRow(tr("T&rough:"), m_trough);
    diurnalForm->addRow(tr("&Peak:"), m_peak);
    diurnalForm->addRow(tr("Peak &hour:"), m_peakHour);
    m_hourly = new HourlyProfileEdit(m_loadStack);
    m_hourly->setObjectName("loadHourly");
    m_hourly->setUnit(tr("rps"));
    m_hourly->setDialogTitle(tr("Service Load"));
    m_hourly->setImportVisible(true);
    m_hourly->setToolTip(tr("Requests per second, hour by hour; the profile repeats"));
    auto *hourly = new QWidget(m_loadStack);
    auto *hourlyLayout = new QVBoxLayout(hourly);
    hourlyLayout->setContentsMargins(0, 0, 0, 0);
    hourlyLayout->addWidget(m_hourly);
    hourlyLayout->addStretch(1);
    m_loadStack->addWidget(diurnal);
    m_loadStack->addWidget(hourly);
    loadForm->addRow(m_loadStack);

    m_message = newMessageLabel(this);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(serviceBox);
    layout->addWidget(loadBox);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    setService(initial);

    connect(m_loadKind, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_loadStack->setCurrentIndex(index);
        validate();
    });
    connect(m_name, &QLineEdit::textChanged, this, &ServiceDialog::validate);
    for (QDoubleSpinBox *spin : {m_capacity, m_target, m_trough, m_peak, m_peakHour})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &ServiceDialog::validate);
    for (QSpinBox *spin : {m_accelerators, m_minReplicas, m_maxReplicas})
        connect(spin, &QSpinBox::valueChanged, this, &ServiceDialog::validate);
    connect(m_scaleUp, &QLineEdit::textChanged, this, &ServiceDialog::validate);
    connect(m_hourly, &HourlyProfileEdit::profileEdited, this, &ServiceDialog::validate);
    validate();
    m_name->setFocus();
}

void ServiceDialog::setService(const Service &service)
{
    m_name->setText(qs(service.name));
    m_tenant->setEditText(qs(service.tenant));
    int typeIndex = m_nodeType->findData(qs(service.nodeType));
    if (typeIndex < 0) {
        // A type that no longer exists stays visible, so OK does not silently change it.
        m_nodeType->addItem(qs(service.nodeType), qs(service.nodeType));
        typeIndex = m_nodeType->count() - 1;
    }
    m_nodeType->setCurrentIndex(typeIndex);
    m_accelerators->setValue(service.acceleratorsPerReplica);
    m_capacity->setValue(service.capacityRps);
    m_minReplicas->setValue(service.minReplicas);
    m_maxReplicas->setValue(service.maxReplicas);
    m_target->setValue(service.targetUtilization * 100.0);
    m_scaleUp->setSeconds(service.scaleUpDelayS);
    m_loadKind->setCurrentIndex(m_loadKind->findData(int(service.load.kind)));
    m_loadStack->setCurrentIndex(m_loadKind->currentIndex());
    m_trough->setValue(service.load.troughRps);
    m_peak->setValue(service.load.peakRps);
    m_peakHour->setValue(service.load.peakHour);
    m_hourly->setProfile(service.load.hourlyRps);
}

Service ServiceDialog::service() const
{
    Service s;
    s.name = m_name->text().trimmed().toStdString();
    s.tenant = m_tenant->currentText().trimmed().toStdString();
    s.nodeType = m_nodeType->currentData().toString().toStdString();
    s.acceleratorsPerReplica = m_accelerators->value();
    s.capacityRps = m_capacity->value();
    s.minReplicas = m_minReplicas->value();
    s.maxReplicas = m_maxReplicas->value();
    s.targetUtilization = m_target->value() / 100.0;
    s.scaleUpDelayS = m_scaleUp->seconds().value_or(0.0);
    // Only the chosen kind's figures: the file keeps only those, so the other kind's would
    // not survive a save and reload.
    s.load.kind = static_cast<LoadProfile::Kind>(m_loadKind->currentData().toInt());
    if (s.load.kind == LoadProfile::Kind::Diurnal) {
        s.load.troughRps = m_trough->value();
        s.load.peakRps = m_peak->value();
        s.load.peakHour = m_peakHour->value();
    } else {
        s.load.hourlyRps = m_hourly->profile();
    }
    return s;
}

QString ServiceDialog::problem() const
{
    const Service s = service();
    if (s.name.empty())
        return tr("A service needs a name.");
    if (s.name != m_originalName &&
        std::any_of(m_scenario.services.begin(), m_scenario.services.end(),
                    [&](const Service &other) { return other.name == s.name; }))
        return tr("There is already a service %1.").arg(qs(s.name));
    if (!(s.capacityRps > 0.0))
        return tr("The capacity per replica must be above 0 rps.");
    if (s.maxReplicas < 1)
        return tr("The maximum number of replicas must be at least 1.");
    if (s.minReplicas > s.maxReplicas)
        return tr("The minimum number of replicas (%1) must not exceed the maximum (%2).")
                .arg(s.minReplicas)
                .arg(s.maxReplicas);
    if (!(s.targetUtilization > 0.0))
        return tr("The target utilization must be above 0 %.");
    if (!m_scaleUp->isValid())
        return tr("Scale-up delay: %1").arg(m_scaleUp->problem());
    if (s.load.kind == LoadProfile::Kind::Diurnal) {
        if (s.load.peakRps < s.load.troughRps)
            return tr("The peak load must not be below the trough.");
    } else if (s.load.hourlyRps.empty()) {
        return tr("An hourly load needs at least one value: Edit… or Import CSV….");
    }
    return {};
}

void ServiceDialog::validate()
{
    const QString text = problem();
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
}

Service ServiceDialog::newService(const Scenario &scenario)
{
    Service s;
    for (int n = 1;; ++n) {
        s.name = "service-" + std::to_string(n);
        if (std::none_of(scenario.services.begin(), scenario.services.end(),
                         [&](const Service &other) { return other.name == s.name; }))
            break;
    }
    s.capacityRps = 10.0;
    s.minReplicas = 1;
    s.maxReplicas = 4;
    s.load.troughRps = 5.0;
    s.load.peakRps = 30.0;
    s.load.peakHour = 14.0;
    return s;
}

} // namespace headroom::ui
