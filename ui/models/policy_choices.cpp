#include "ui/models/policy_choices.h"

#include <QComboBox>
#include <QCoreApplication>

namespace headroom::ui {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("headroom::ui::PolicyChoices", text);
}

} // namespace

QString schedulerLabel(SchedulerKind kind)
{
    switch (kind) {
    case SchedulerKind::Fcfs:
        return tr("FCFS");
    case SchedulerKind::Sjf:
        return tr("SJF");
    case SchedulerKind::Srtf:
        return tr("SRTF");
    case SchedulerKind::Easy:
        return tr("EASY backfilling");
    }
    return {};
}

QString schedulerDescription(SchedulerKind kind)
{
    switch (kind) {
    case SchedulerKind::Fcfs:
        return tr("First come, first served: jobs start in the order they arrive, and none "
                  "skips ahead of a job that does not fit yet");
    case SchedulerKind::Sjf:
        return tr("Shortest job first: of the queued jobs that fit, the one with the shortest "
                  "requested time starts next");
    case SchedulerKind::Srtf:
        return tr("Shortest remaining time first: the jobs with the least requested time left "
                  "run; a job preempted by a shorter one keeps its progress and restarts later");
    case SchedulerKind::Easy:
        return tr("First come, first served, and a later job may start early when it does not "
                  "delay the first job in the queue");
    }
    return {};
}

QString placementLabel(PlacementKind kind)
{
    switch (kind) {
    case PlacementKind::FirstFit:
        return tr("First fit");
    case PlacementKind::BestFit:
        return tr("Best fit");
    case PlacementKind::LeastLoaded:
        return tr("Least loaded");
    case PlacementKind::RoundRobin:
        return tr("Round robin");
    case PlacementKind::TopologyAware:
        return tr("Topology aware");
    case PlacementKind::PowerAware:
        return tr("Power aware");
    }
    return {};
}

QString placementDescription(PlacementKind kind)
{
    switch (kind) {
    case PlacementKind::FirstFit:
        return tr("The first nodes with room, in topology order");
    case PlacementKind::BestFit:
        return tr("Consolidates: the nodes with the least room left that still fit");
    case PlacementKind::LeastLoaded:
        return tr("Spreads: the nodes with the most room");
    case PlacementKind::RoundRobin:
        return tr("Takes turns through the nodes");
    case PlacementKind::TopologyAware:
        return tr("Puts a gang on the fewest racks");
    case PlacementKind::PowerAware:
        return tr("Prefers nodes that are already on, and keeps within the power caps");
    }
    return {};
}

void addSchedulerChoices(QComboBox *combo)
{
    for (SchedulerKind kind : allSchedulers()) {
        combo->addItem(schedulerLabel(kind), static_cast<int>(kind));
        combo->setItemData(combo->count() - 1, schedulerDescription(kind), Qt::ToolTipRole);
    }
}

void addPlacementChoices(QComboBox *combo)
{
    for (PlacementKind kind : allPlacements()) {
        combo->addItem(placementLabel(kind), static_cast<int>(kind));
        combo->setItemData(combo->count() - 1, placementDescription(kind), Qt::ToolTipRole);
    }
}

} // namespace headroom::ui
