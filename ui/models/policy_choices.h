#pragma once

#include "core/model/policy.h"

#include <QString>

class QComboBox;

namespace headroom::ui {

// The one place that names schedulers and placements for people, so the toolbar and the
// Properties dock read the same: a short label ("EASY backfilling", "Best fit") and a
// sentence on what it does, shown as the entry's tooltip.
QString schedulerLabel(SchedulerKind kind);
QString schedulerDescription(SchedulerKind kind);
QString placementLabel(PlacementKind kind);
QString placementDescription(PlacementKind kind);

// Fills a combo with every scheduler (placement): the label as text, the kind (as int) as
// item data, the description as the entry's tooltip.
void addSchedulerChoices(QComboBox *combo);
void addPlacementChoices(QComboBox *combo);

} // namespace headroom::ui
