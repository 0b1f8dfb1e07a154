#pragma once

// Every key Headroom keeps in QSettings, in one place: a key read in one file and written in
// another cannot drift apart, and a new setting cannot take an old one's name by accident.
namespace headroom::ui::settings {

// Main window layout (QMainWindow::saveGeometry / saveState).
inline constexpr const char *kWindowGeometry = "window/geometry";
inline constexpr const char *kWindowState = "window/state";

// Index of the chosen simulation speed in the toolbar's speed list.
inline constexpr const char *kRunSpeed = "run/speed";

// The folder the last scenario or trace was opened from or saved to.
inline constexpr const char *kFilesLastDirectory = "files/lastDirectory";
// Recently used scenario files, newest first.
inline constexpr const char *kFilesRecent = "files/recent";

// The export report dialog: the chosen format, and where the last export went.
inline constexpr const char *kReportFormat = "report/format";
inline constexpr const char *kReportLastDirectory = "report/lastDirectory";

// The Plan menu's dialogs (ui/plan/): the last SLOs (a list of "KEY<=VALUE" texts, shared by
// Size Cluster and Runway), objective, forecast solver and horizon, runway
// growth and months.
inline constexpr const char *kPlanSlos = "plan/slos";
inline constexpr const char *kPlanObjective = "plan/objective";
inline constexpr const char *kPlanForecastSolver = "plan/forecastSolver";
inline constexpr const char *kPlanForecastHorizon = "plan/forecastHorizonDays";
inline constexpr const char *kPlanRunwayGrowth = "plan/runwayGrowthPerMonth";
inline constexpr const char *kPlanRunwayMonths = "plan/runwayMonths";

// What File → Import counts as a slot for Slurm, Kubernetes and openb: "gpu" (the default) or
// "cpu", as headroom-cli import's --slots.
inline constexpr const char *kImportSlots = "import/slots";

} // namespace headroom::ui::settings
