#pragma once

#include "ui/panels/properties/property_page.h"

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace headroom {
struct Policy;
}

namespace headroom::ui {

class DurationEdit;
class EnergySection;
class FailureSection;

// The Properties page with nothing selected: the scenario's name, description and seed, its
// policy (scheduler, placement, sample interval, SRTF restart overhead) and its energy
// settings (EnergySection) and its failure model (FailureSection).
class ScenarioPage final : public PropertyPage
{
    Q_OBJECT

public:
    ScenarioPage(PropertiesContext &context, QWidget *parent);

    // `force`: the page was not shown before, so fields being typed in are overwritten too.
    void fill(bool force);

private:
    void commitMetadata();
    void editPolicy(const std::function<void(Policy &)> &change);

    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QLineEdit *m_seed;
    QLabel *m_summary;
    QComboBox *m_scheduler;
    QComboBox *m_placement;
    DurationEdit *m_sampleInterval;
    DurationEdit *m_restartOverhead;
    EnergySection *m_energy;
    FailureSection *m_failures;
};

} // namespace headroom::ui
