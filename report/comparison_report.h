#pragma once

#include "report/compared_run.h"
#include "report/report_document.h"

#include <QString>

#include <vector>

namespace headroom::report {

// The comparison report (docs/design.md §8.1): the runs' metrics side by side, later runs with
// their delta against the first and whether it is better or worse (core/plan/metric_direction.h),
// then the overlaid charts — utilization, power with caps, queue, wait-time distribution — drawn
// by the report's chart painter. `runs` holds 2 or more runs.
ReportDocument comparisonReportDocument(const std::vector<ComparedRun> &runs);

// Writes it as PDF or, for a path ending in .html/.htm, HTML.
bool writeComparisonReportFile(const QString &path, const std::vector<ComparedRun> &runs,
                               QString *error);

} // namespace headroom::report
