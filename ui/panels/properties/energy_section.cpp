#include "ui/panels/properties/energy_section.h"

#include "core/model/limits.h"
#include "core/model/scenario.h"
#include "ui/document/scenario_document.h"
#include "ui/document/scenario_edits.h"
#include "ui/panels/duration_edit.h"
#include "ui/panels/hourly_profile_edit.h"
#include "ui/panels/optional_number_edit.h"
#include "ui/panels/properties/page_helpers.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace headroom::ui {

EnergySection::EnergySection(PropertiesContext &context, QWidget *parent)
    : PropertyPage(context, parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(tr("Energy"), this);
    layout->addWidget(box);
    auto *form = makeForm(box);

    m_pue = new QDoubleSpinBox(box);
    m_pue->setObjectName("pue");
    m_pue->setRange(limits::kMinPue, limits::kMaxPue);
    m_pue->setDecimals(2);
    m_pue->setSingleStep(0.05);
    m_pue->setToolTip(tr("Power usage effectiveness: facility power = IT power × PUE (cooling, "
                         "power conversion); 1 is a perfect facility, 1.1–1.6 is typical"));
    m_cap = new OptionalNumberEdit(tr("L&imit"), OptionalNumberEdit::Checked::HasNumber, box);
    m_cap->switchBox()->setObjectName("powerCapEnabled");
    m_cap->switchBox()->setToolTip(tr("Give the cluster a power cap: no cap lets it draw what "
                                      "its nodes draw"));
    QDoubleSpinBox *cap = m_cap->spinBox();
    cap->setObjectName("powerCap");
    cap->setRange(0.1, 1e7); // 10 GW: a narrower field than the format's 10^9
    cap->setDecimals(1);
    cap->setSuffix(tr(" kW"));
    cap->setToolTip(tr("IT power the scheduler keeps the whole cluster under"));
    m_dpm = new QCheckBox(tr("S&witch idle nodes off"), box);
    m_dpm->setObjectName("dpmEnabled");
    m_dpm->setToolTip(tr("Dynamic power management: a node idle for the timeout is switched "
                         "off; a job that needs it waits for it to boot"));
    m_idleTimeout = new DurationEdit(box);
    m_idleTimeout->setObjectName("idleTimeout");
    m_idleTimeout->setMinimum(0.0, true);
    m_idleTimeout->setToolTip(tr("How long a node stays idle before power management switches "
                                 "it off"));
    m_spareNodes = new QSpinBox(box);
    m_spareNodes->setObjectName("spareNodes");
    m_spareNodes->setRange(0, limits::kMaxSlots);
    m_spareNodes->setToolTip(tr("Idle nodes kept on anyway, so arriving jobs start without "
                                "waiting for a boot"));
    m_dvfs = new QDoubleSpinBox(box);
    m_dvfs->setObjectName("clusterDvfs");
    m_dvfs->setRange(0.05, limits::kMaxDvfsRatio);
    m_dvfs->setDecimals(2);
    m_dvfs->setSingleStep(0.05);
    m_dvfs->setSuffix(tr(" ×"));
    m_dvfs->setToolTip(tr("Cluster-wide DVFS frequency relative to nominal: below 1 runs jobs "
                          "slower at lower power; racks may set their own"));
    m_currency = new QLineEdit(box);
    m_currency->setObjectName("currency");
    m_currency->setMaxLength(16);
    m_currency->setToolTip(tr("Label of the electricity price and of the reported cost; "
                              "nothing is converted"));
    m_price = new HourlyProfileEdit(box);
    m_price->setObjectName("priceProfile");
    m_price->setDialogTitle(tr("Electricity Price"));
    m_price->setToolTip(tr("Price per facility kWh, hour by hour; the profile repeats. Edit… "
                           "also imports a CSV file"));
    m_carbon = new HourlyProfileEdit(box);
    m_carbon->setObjectName("carbonProfile");
    m_carbon->setDialogTitle(tr("Carbon Intensity"));
    m_carbon->setUnit(tr("g CO₂e/kWh"));
    m_carbon->setToolTip(tr("Grid carbon intensity per facility kWh, hour by hour; the profile "
                            "repeats. Edit… also imports a CSV file"));
    form->addRow(tr("P&UE:"), m_pue);
    form->addRow(tr("Power &cap:"), m_cap);
    form->addRow(m_dpm);
    form->addRow(tr("Idle &timeout:"), m_idleTimeout);
    form->addRow(tr("Spare n&odes:"), m_spareNodes);
    form->addRow(tr("D&VFS frequency:"), m_dvfs);
    form->addRow(tr("Curre&ncy:"), m_currency);
    auto *priceLabel = new QLabel(tr("Price:"), box);
    priceLabel->setToolTip(m_price->toolTip());
    form->addRow(priceLabel, m_price);
    auto *carbonLabel = new QLabel(tr("Carbon:"), box);
    carbonLabel->setToolTip(m_carbon->toolTip());
    form->addRow(carbonLabel, m_carbon);

    connect(m_pue, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { edit([v](EnergyPolicy &p) { p.pue = v; }); });
    connect(m_cap, &OptionalNumberEdit::valueEdited, this, [this](std::optional<double> kw) {
        edit([kw](EnergyPolicy &p) { p.clusterPowerCapKw = kw; });
    });
    connect(m_dpm, &QCheckBox::clicked, this, [this](bool on) {
        m_idleTimeout->setEnabled(on);
        m_spareNodes->setEnabled(on);
        edit([on](EnergyPolicy &p) { p.dpmEnabled = on; });
    });
    connect(m_idleTimeout, &DurationEdit::secondsEdited, this,
            [this](double s) { edit([s](EnergyPolicy &p) { p.idleTimeoutS = s; }); });
    connect(m_spareNodes, &QSpinBox::valueChanged, this,
            [this](int n) { edit([n](EnergyPolicy &p) { p.spareNodes = n; }); });
    connect(m_dvfs, &QDoubleSpinBox::valueChanged, this,
            [this](double f) { edit([f](EnergyPolicy &p) { p.dvfsFrequency = f; }); });
    connect(m_currency, &QLineEdit::textEdited, this, [this](const QString &text) {
        const std::string currency = text.trimmed().toStdString();
        edit([&currency](EnergyPolicy &p) { p.currency = currency; });
    });
    connect(m_price, &HourlyProfileEdit::profileEdited, this,
            [this](const HourlyProfile &v) { edit([&v](EnergyPolicy &p) { p.pricePerKwh = v; }); });
    connect(m_carbon, &HourlyProfileEdit::profileEdited, this, [this](const HourlyProfile &v) {
        edit([&v](EnergyPolicy &p) { p.carbonGPerKwh = v; });
    });
}

void EnergySection::fill(bool force)
{
    const EnergyPolicy &e = scenario().energy;
    syncDouble(m_pue, e.pue);
    // Switching the cap on proposes 100 kW.
    m_cap->setValue(e.clusterPowerCapKw, force ? std::optional(100.0) : std::nullopt);
    syncCheck(m_dpm, e.dpmEnabled);
    m_idleTimeout->setEnabled(e.dpmEnabled);
    m_spareNodes->setEnabled(e.dpmEnabled);
    syncDuration(m_idleTimeout, e.idleTimeoutS, force);
    syncSpin(m_spareNodes, e.spareNodes);
    syncDouble(m_dvfs, e.dvfsFrequency);
    // Committed trimmed per keystroke: "EUR " typed stays until the field is left.
    if (m_currency->text().trimmed() != qs(e.currency) ||
        (force && m_currency->text() != qs(e.currency)))
        m_currency->setText(qs(e.currency));
    const QString currency = e.currency.empty() ? tr("currency") : qs(e.currency);
    m_price->setUnit(tr("%1/kWh").arg(currency));
    m_price->setProfile(e.pricePerKwh);
    m_carbon->setProfile(e.carbonGPerKwh);
}

void EnergySection::edit(const std::function<void(EnergyPolicy &)> &change)
{
    if (refreshing())
        return;
    EnergyPolicy energy = scenario().energy;
    change(energy);
    QString why;
    if (edits::setEnergy(document(), energy, {}, &why))
        Q_EMIT messageChanged({});
    else if (!why.isEmpty())
        Q_EMIT messageChanged(why);
}

} // namespace headroom::ui
