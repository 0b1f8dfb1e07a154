#pragma once

#include "core/model/scenario.h"
#include "core/model/service.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace headroom::ui {

class DurationEdit;
class HourlyProfileEdit;

// Adds or edits an inference service: name, tenant, node type, accelerators per replica,
// capacity per replica, replica range and target utilization, scale-up delay, and the load it
// is offered, either diurnal (trough, peak, peak hour) or hour by hour (HourlyProfileDialog,
// CSV import). What is wrong shows below the form and keeps OK disabled (a name already
// used, min replicas above max, a zero capacity, …). The dialog changes nothing itself: the
// caller reads service() after OK and makes it an edit.
class ServiceDialog : public QDialog
{
    Q_OBJECT

public:
    // `originalName` is the name of the service being edited (it may keep it); empty to add.
    ServiceDialog(const Scenario &scenario, const Service &initial, const QString &title,
                  const std::string &originalName = {}, QWidget *parent = nullptr);

    Service service() const;
    void setService(const Service &service);
    // Why the service cannot be accepted as it stands; empty when it can.
    QString problem() const;

    // A service to start an Add from: a free name, one replica of one accelerator, a
    // diurnal load.
    static Service newService(const Scenario &scenario);

private:
    void validate();

    const Scenario &m_scenario;
    std::string m_originalName;
    QLineEdit *m_name = nullptr;
    QComboBox *m_tenant = nullptr;
    QComboBox *m_nodeType = nullptr;
    QSpinBox *m_accelerators = nullptr;
    QDoubleSpinBox *m_capacity = nullptr;
    QSpinBox *m_minReplicas = nullptr;
    QSpinBox *m_maxReplicas = nullptr;
    QDoubleSpinBox *m_target = nullptr;
    DurationEdit *m_scaleUp = nullptr;
    QComboBox *m_loadKind = nullptr;
    QStackedWidget *m_loadStack = nullptr;
    QDoubleSpinBox *m_trough = nullptr;
    QDoubleSpinBox *m_peak = nullptr;
    QDoubleSpinBox *m_peakHour = nullptr;
    HourlyProfileEdit *m_hourly = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace headroom::ui
