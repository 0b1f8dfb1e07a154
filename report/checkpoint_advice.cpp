#include "report/checkpoint_advice.h"

#include "core/model/reliability.h"
#include "core/model/scenario.h"

#include <cmath>
#include <map>

namespace headroom::report {
namespace {

// The type the job runs on: its constraint, its pinned node's, else the type most nodes of
// the cluster have (a mixed cluster's job may land elsewhere: the advice says it assumed).
const NodeType *typeOf(const Scenario &scenario, const Job &job, bool *assumed)
{
    *assumed = false;
    const JobConstraints &c = *job.constraints;
    if (!c.nodeType.empty())
        return scenario.findNodeType(c.nodeType);
    std::map<std::string, int> nodes;
    for (const Zone &zone : scenario.cluster.zones) {
        for (const Rack &rack : zone.racks) {
            for (const NodeSpec &node : rack.nodes) {
                if (!c.pinNode.empty() && node.name == c.pinNode)
                    return scenario.findNodeType(node.type);
                ++nodes[node.type];
            }
        }
    }
    const NodeType *best = nullptr;
    int most = 0;
    for (const NodeType &type : scenario.nodeTypes) {
        if (nodes[type.name] > most) {
            most = nodes[type.name];
            best = &type;
        }
    }
    *assumed = scenario.nodeTypes.size() > 1;
    return best;
}

} // namespace

CheckpointAdvice checkpointAdvice(const Scenario &scenario, const Job &job)
{
    CheckpointAdvice advice;
    const NodeType *type = typeOf(scenario, job, &advice.typeAssumed);
    if (type) {
        advice.nodeType = QString::fromStdString(type->name);
        advice.nodeMtbfH = type->mtbfH;
        if (type->accelerators > 0)
            advice.nodes = std::max(1, int(std::ceil(double(job.slots) / type->accelerators)));
    }
    advice.jobMtbfS = reliability::jobMtbfS(advice.nodeMtbfH, advice.nodes);
    const JobCheckpoints &k = *job.checkpoints;
    // Without checkpoints an interruption loses the whole run so far: the run time is the
    // "interval" (core/model/reliability.h).
    advice.goodput = k.intervalS > 0.0
                             ? reliability::expectedGoodput(k.intervalS, k.costS,
                                                            k.restartOverheadS, advice.jobMtbfS)
                             : reliability::expectedGoodput(job.runS, 0.0, k.restartOverheadS,
                                                            advice.jobMtbfS);
    if (advice.fails() && k.costS > 0.0) {
        advice.suggestedS = std::max(
                1.0, std::round(reliability::youngDalyIntervalS(k.costS, advice.jobMtbfS)));
        advice.suggestedGoodput = reliability::expectedGoodput(advice.suggestedS, k.costS,
                                                               k.restartOverheadS, advice.jobMtbfS);
    } else {
        advice.suggestedGoodput = advice.goodput;
    }
    return advice;
}

} // namespace headroom::report
