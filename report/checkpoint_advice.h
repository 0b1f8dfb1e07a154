#pragma once

#include <QString>

namespace headroom {
struct Job;
struct Scenario;
} // namespace headroom

namespace headroom::report {

// The checkpoint figures of one job (docs/design.md §10.7): how often it is interrupted, the
// goodput its checkpoint settings can expect, and Young/Daly's suggested interval
// c ≈ √(2·δ·MTBF_job) with the goodput that would give. Shared by the job dialog and the
// report's reliability section, so both show the same figures.
struct CheckpointAdvice
{
    QString nodeType;         // the type whose MTBF counts; empty without one
    bool typeAssumed = false; // no type constraint or pin: the cluster's most common type
    int nodes = 1;            // nodes the job holds: ⌈accelerators / accelerators per node⌉
    double nodeMtbfH = 0.0;   // 0: that type never fails
    double jobMtbfS = 0.0;    // node MTBF / nodes, seconds; +infinity when it never fails
    double goodput = 1.0;     // expected with the job's own settings
    double suggestedS = 0.0;  // whole seconds; 0 when there is nothing to suggest
    double suggestedGoodput = 1.0;

    bool fails() const { return nodeMtbfH > 0.0; }
    // A suggestion needs failures and a checkpoint cost to weigh them against.
    bool hasSuggestion() const { return suggestedS > 0.0; }
};

CheckpointAdvice checkpointAdvice(const Scenario &scenario, const Job &job);

} // namespace headroom::report
