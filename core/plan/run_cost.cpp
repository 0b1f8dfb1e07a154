#include "core/plan/run_cost.h"

#include <algorithm>

namespace headroom {

SimTime firstEventTime(const Scenario &scenario)
{
    if (scenario.jobs.empty())
        return 0.0;
    return std::min_element(scenario.jobs.begin(), scenario.jobs.end(),
                            [](const Job &a, const Job &b) { return a.submitS < b.submitS; })
            ->submitS;
}

RunCost runCost(const Scenario &scenario, const RunResult &result, double amortizationYears)
{
    RunCost cost;
    cost.energy = result.metrics.cost;
    cost.energyCurrency = result.metrics.currency;
    cost.spanS = std::max(0.0, result.endTime - firstEventTime(scenario));
    cost.amortizationYears = amortizationYears;
    double totalPriceUsd = 0.0;
    for (const Zone &zone : scenario.cluster.zones) {
        for (const Rack &rack : zone.racks) {
            for (const NodeSpec &node : rack.nodes) {
                const NodeType *type = scenario.findNodeType(node.type);
                if (type && type->priceUsd) {
                    totalPriceUsd += *type->priceUsd;
                } else if (std::find(cost.unpricedTypes.begin(), cost.unpricedTypes.end(),
                                     node.type) == cost.unpricedTypes.end()) {
                    cost.unpricedTypes.push_back(node.type);
                }
            }
        }
    }
    if (amortizationYears > 0.0)
        cost.capitalUsd = totalPriceUsd * cost.spanS / (amortizationYears * kSecondsPerYear);
    return cost;
}

} // namespace headroom
