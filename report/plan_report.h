#pragma once

#include "core/plan/runway.h"
#include "core/plan/sizing.h"
#include "report/chart_spec.h"

#include <QString>

#include <optional>
#include <vector>

namespace headroom::report {

struct ReportDocument;

// The planning studies a report shows (docs/design.md §7): a sizing and a runway, each
// optional. The GUI keeps the last of each run in the session; headroom-cli size and runway
// pass the one they ran.
struct PlanningStudies
{
    std::optional<SizingResult> sizing;
    // The varied types' node counts in the scenario the report describes (per
    // sizing->request.vary entry), to set the recommendation against; empty: not stated.
    std::vector<int> currentCounts;
    std::optional<RunwayResult> runway;
    // The sizing is the runway's --resize: the cluster sized for the breach month's load. The
    // runway section then comes first, and the sizing says which load it is for.
    bool sizingForBreach = false;
    // The energy currency of the scenario (SLOs on `cost` are in it).
    QString currency = QStringLiteral("USD");

    bool empty() const { return !sizing && !runway; }
};

// The SLO metric (the first SLO's key) against the node count of the first varied type, with
// the SLO as a line and the recommendation marked; with several varied types, the objective
// against the SLO metric for every evaluated mix.
ChartSpec sizingChart(const SizingResult &result, const QString &currency = QStringLiteral("USD"));
// The first SLO's metric per month with the SLO line and the breach month marked.
ChartSpec runwayChart(const RunwayResult &result, const QString &currency = QStringLiteral("USD"));

// The recommendation in one sentence: "12 × dgx-h100 meet every SLO at the least cost
// (capital + energy): 1,234.56 USD.", or why nothing in the ranges does.
QString sizingSummary(const SizingResult &result);
// The cost split: "capital 1,000.00 USD + energy 234.56 USD"; unpriced types are named.
QString costText(const RunCost &cost);
// The runway in one sentence: "p95 wait passes 1.0 h in month 7 at 1.52× today's load."
QString runwaySentence(const RunwayResult &result, const QString &currency = QStringLiteral("USD"));

// Appends the sizing and runway sections to `document` before its appendix (or at the end
// when it has none); nothing when `studies` is empty.
void appendPlanningSections(ReportDocument &document, const PlanningStudies &studies);

} // namespace headroom::report
