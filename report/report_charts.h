#pragma once

#include "report/chart_spec.h"

namespace headroom::report {

struct ReportData;

// The charts of a planning report (report_charts.cpp), each from the run's samples, nodes and
// waits in ReportData. The time charts are decimated to what a page can show.
ChartSpec utilizationChart(const ReportData &data); // busy accelerators, with the run mean
ChartSpec loadBalanceChart(const ReportData &data); // each node's utilization, by rack
ChartSpec powerChart(const ReportData &data);       // IT power against full load, budgets, cap
ChartSpec queueChart(const ReportData &data);       // jobs waiting and running
ChartSpec waitChart(const ReportData &data);        // completed jobs by time spent waiting
ChartSpec nodesDownChart(const ReportData &data);   // nodes failed or in an outage (§10)

} // namespace headroom::report
