#pragma once

#include "core/engine/allocation.h"
#include "core/model/sim_time.h"

#include <cstdint>
#include <limits>
#include <set>

namespace headroom {

using JobIndex = std::uint32_t;

// One node's part of a running job, with what EASY's shadow-time walk reads of it.
struct RunningShare
{
    SimTime expectedEnd = 0.0; // when the job would end at its requested wall time
    JobIndex job = 0;
    int node = 0;
    int held = 0;
    int type = 0; // the node's type, so the walk need not look the node up

    bool operator<(const RunningShare &other) const
    {
        if (expectedEnd != other.expectedEnd)
            return expectedEnd < other.expectedEnd;
        if (job != other.job)
            return job < other.job;
        return node < other.node;
    }
};

// The shares of running jobs ordered by (expected end, job, node). EASY walks it from the
// front to find when its queue head fits, crediting each share to its node; keeping the node,
// slots and type in the entry, rather than a job index to look the allocation up by, keeps
// that walk within this index (it was a chain of cache misses per job). A job's shares are
// adjacent, so forEachJob() visits each running job once.
class RunningByExpectedEnd
{
public:
    using const_iterator = std::set<RunningShare>::const_iterator;

    template<typename TypeOfNode>
    void insert(SimTime expectedEnd, JobIndex job, const Allocation &allocation,
                TypeOfNode typeOfNode)
    {
        auto hint = m_shares.end();
        for (const NodeShare &share : allocation)
            hint = m_shares.insert(
                    hint, {expectedEnd, job, share.node, share.held, typeOfNode(share.node)});
        m_jobs += allocation.empty() ? 0 : 1;
    }

    void erase(SimTime expectedEnd, JobIndex job)
    {
        const auto first =
                m_shares.lower_bound({expectedEnd, job, std::numeric_limits<int>::min(), 0, 0});
        auto last = first;
        while (last != m_shares.end() && last->expectedEnd == expectedEnd && last->job == job)
            ++last;
        if (first != last)
            --m_jobs;
        m_shares.erase(first, last);
    }

    const_iterator begin() const { return m_shares.begin(); }
    const_iterator end() const { return m_shares.end(); }
    bool empty() const { return m_shares.empty(); }
    std::size_t jobCount() const { return m_jobs; }

    // visit(expectedEnd, job) for every running job, in (expected end, job) order.
    template<typename Visit>
    void forEachJob(Visit visit) const
    {
        for (auto it = m_shares.begin(); it != m_shares.end();) {
            visit(it->expectedEnd, it->job);
            const JobIndex job = it->job;
            const SimTime end = it->expectedEnd;
            while (it != m_shares.end() && it->job == job && it->expectedEnd == end)
                ++it;
        }
    }

private:
    std::set<RunningShare> m_shares;
    std::size_t m_jobs = 0;
};

} // namespace headroom
