#pragma once

#include "core/engine/allocation.h"
#include "core/model/sim_time.h"

#include <bit>
#include <cstdint>
#include <memory_resource>
#include <set>
#include <span>
#include <vector>

namespace headroom {

using JobIndex = std::uint32_t;

// One node's part of a running job, with what EASY's shadow-time walk reads of it.
struct RunningShare
{
    int node = 0;
    int held = 0;
    int type = 0; // the node's type, so the walk need not look the node up
};

// A running job in the index: when it would end at its requested wall time, and where its
// shares are (RunningByExpectedEnd::sharesOf).
struct RunningJob
{
    SimTime expectedEnd = 0.0;
    JobIndex job = 0;
    std::uint32_t first = 0; // in the share pool
    std::uint32_t count = 0;

    bool operator<(const RunningJob &other) const
    {
        if (expectedEnd != other.expectedEnd)
            return expectedEnd < other.expectedEnd;
        return job < other.job;
    }
};

// The running jobs ordered by (expected end, job). EASY walks it from the front to find when
// its queue head fits, crediting each share of each job to its node; keeping the node, slots
// and type of every share in a pool here, a job's shares side by side, rather than a job index
// to look the allocation up by, keeps that walk within this index (it was a chain of cache
// misses per job). One tree entry per job, from a pool of entries, and one block of shares:
// starting or ending a job costs one ordered insertion or removal whatever its size, and no
// heap allocation once the pools have grown.
class RunningByExpectedEnd
{
public:
    using const_iterator = std::pmr::set<RunningJob>::const_iterator;

    RunningByExpectedEnd() = default;
    // The tree allocates from m_entries, which must stay where it is.
    RunningByExpectedEnd(const RunningByExpectedEnd &) = delete;
    RunningByExpectedEnd &operator=(const RunningByExpectedEnd &) = delete;

    template<typename TypeOfNode>
    void insert(SimTime expectedEnd, JobIndex job, const Allocation &allocation,
                TypeOfNode typeOfNode)
    {
        if (allocation.empty())
            return;
        const auto count = static_cast<std::uint32_t>(allocation.size());
        const std::uint32_t first = allocate(count);
        for (std::uint32_t i = 0; i < count; ++i) {
            const NodeShare &share = allocation[i];
            m_shares[first + i] = {share.node, share.held, typeOfNode(share.node)};
        }
        m_jobs.insert({expectedEnd, job, first, count});
    }

    void erase(SimTime expectedEnd, JobIndex job)
    {
        const auto it = m_jobs.find({expectedEnd, job, 0, 0});
        if (it == m_jobs.end())
            return;
        m_free[sizeClass(it->count)].push_back(it->first);
        m_jobs.erase(it);
    }

    // Running jobs in (expected end, job) order.
    const_iterator begin() const { return m_jobs.begin(); }
    const_iterator end() const { return m_jobs.end(); }
    bool empty() const { return m_jobs.empty(); }
    std::size_t jobCount() const { return m_jobs.size(); }
    std::span<const RunningShare> sharesOf(const RunningJob &job) const
    {
        return {m_shares.data() + job.first, job.count};
    }

    // visit(expectedEnd, job) for every running job, in (expected end, job) order.
    template<typename Visit>
    void forEachJob(Visit visit) const
    {
        for (const RunningJob &job : m_jobs)
            visit(job.expectedEnd, job.job);
    }

private:
    // Blocks of 2^c shares, recycled through a free list per size class c.
    static int sizeClass(std::uint32_t count) { return std::bit_width(count - 1); }
    std::uint32_t allocate(std::uint32_t count)
    {
        std::vector<std::uint32_t> &free = m_free[sizeClass(count)];
        if (!free.empty()) {
            const std::uint32_t first = free.back();
            free.pop_back();
            return first;
        }
        const auto first = static_cast<std::uint32_t>(m_shares.size());
        m_shares.resize(m_shares.size() + (std::size_t(1) << sizeClass(count)));
        return first;
    }

    std::pmr::unsynchronized_pool_resource m_entries;
    std::pmr::set<RunningJob> m_jobs{&m_entries};
    std::vector<RunningShare> m_shares;
    std::vector<std::uint32_t> m_free[33];
};

} // namespace headroom
