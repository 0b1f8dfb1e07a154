#pragma once

#include "core/model/job.h"

#include <QString>

#include <array>
#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QFormLayout;
class QWidget;

namespace headroom {
struct Scenario;
}

namespace headroom::ui {

// The four combos that say where jobs may run (node type, zone, rack, pinned node), for one
// job on the Job page and for several on the Jobs page, where a constraint the jobs disagree
// on reads "(mixed)".
class ConstraintEditors
{
public:
    struct Editor
    {
        QComboBox *combo = nullptr;
        std::string JobConstraints::*constraint = nullptr;
    };

    // Object names are `prefix` + "ConstraintType", "ConstraintZone", "ConstraintRack",
    // "ConstraintPin".
    ConstraintEditors(QWidget *parent, const char *prefix);

    void addRows(QFormLayout *form) const;
    const std::array<Editor, 4> &editors() const { return m_editors; }
    QComboBox *type() const { return m_editors[0].combo; }
    QComboBox *zone() const { return m_editors[1].combo; }
    QComboBox *rack() const { return m_editors[2].combo; }
    QComboBox *pin() const { return m_editors[3].combo; }

    // Offers the names the scenario has and shows the constraints of `shown` (at least one).
    void fill(const Scenario &scenario, const std::vector<const JobConstraints *> &shown);

    // What `combo` says: a name, empty for "any", nothing for "(mixed)" (each keeps its own).
    static std::optional<std::string> choice(const QComboBox *combo);

private:
    std::array<Editor, 4> m_editors;
};

} // namespace headroom::ui
