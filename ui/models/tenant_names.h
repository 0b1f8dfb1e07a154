#pragma once

#include <QStringList>

namespace headroom {
struct Scenario;
}

namespace headroom::ui {

// Every tenant the scenario mentions (jobs, services, node reservations), sorted, for the
// editable tenant pickers. One pass over the jobs: call it when a picker is shown, not per
// keystroke.
QStringList knownTenants(const Scenario &scenario);

} // namespace headroom::ui
