#pragma once

#include "core/engine/allocation.h"
#include "core/model/sim_time.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <new>
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

// Fixed-size blocks from a free list, for the nodes of RunningByExpectedEnd's tree: a start
// and an end then cost no allocation once as many jobs ran at once before (a general pool
// resource cost more than the tree operations themselves).
class NodeFreeList
{
public:
    NodeFreeList() = default;
    NodeFreeList(const NodeFreeList &) = delete;
    NodeFreeList &operator=(const NodeFreeList &) = delete;

    void *allocate(std::size_t size)
    {
        if (m_size == 0)
            m_size = std::max(size, sizeof(void *));
        if (size != m_size) // not the tree's node type (never, with libstdc++'s std::set)
            return ::operator new(size);
        if (m_free) {
            void *block = m_free;
            m_free = *static_cast<void **>(block);
            return block;
        }
        if (m_chunks.empty() || m_used == kBlocksPerChunk) {
            m_chunks.push_back(std::make_unique<std::max_align_t[]>(
                    (m_size * kBlocksPerChunk + sizeof(std::max_align_t) - 1) /
                    sizeof(std::max_align_t)));
            m_used = 0;
        }
        auto *chunk = reinterpret_cast<unsigned char *>(m_chunks.back().get());
        return chunk + m_size * m_used++;
    }
    void deallocate(void *block, std::size_t size)
    {
        if (size != m_size) {
            ::operator delete(block);
            return;
        }
        *static_cast<void **>(block) = m_free;
        m_free = block;
    }

private:
    static constexpr std::size_t kBlocksPerChunk = 256;
    // The node's size, a multiple of its alignment: blocks side by side from a chunk aligned
    // for any type are aligned for it.
    std::size_t m_size = 0;
    void *m_free = nullptr;
    std::vector<std::unique_ptr<std::max_align_t[]>> m_chunks;
    std::size_t m_used = 0; // blocks handed out of the last chunk
};

template<typename T>
struct FreeListAllocator
{
    using value_type = T;
    NodeFreeList *list;

    explicit FreeListAllocator(NodeFreeList *freeList)
        : list(freeList)
    {}
    template<typename U>
    FreeListAllocator(const FreeListAllocator<U> &other) // NOLINT: rebinding
        : list(other.list)
    {}
    T *allocate(std::size_t n) { return static_cast<T *>(list->allocate(n * sizeof(T))); }
    void deallocate(T *p, std::size_t n) { list->deallocate(p, n * sizeof(T)); }
    template<typename U>
    bool operator==(const FreeListAllocator<U> &other) const
    {
        return list == other.list;
    }
};

// The running jobs ordered by (expected end, job). EASY walks it from the front to find when
// its queue head fits, crediting each share of each job to its node; keeping the node, slots
// and type of every share in a pool here, a job's shares side by side, rather than a job index
// to look the allocation up by, keeps that walk within this index (it was a chain of cache
// misses per job). One tree entry per job, from a free list of entries, and one block of shares:
// starting or ending a job costs one ordered insertion or removal whatever its size, and no
// heap allocation once the pools have grown.
class RunningByExpectedEnd
{
public:
    using Tree = std::set<RunningJob, std::less<>, FreeListAllocator<RunningJob>>;
    using const_iterator = Tree::const_iterator;
    // A job's entry, from insert() to erase(): erasing by it skips the search (a chain of
    // cache misses through a tree of thousands of running jobs) and the caller's reading of
    // the expected end.
    using Entry = Tree::const_iterator;

    RunningByExpectedEnd() = default;
    // The tree allocates from m_nodes, which must stay where it is.
    RunningByExpectedEnd(const RunningByExpectedEnd &) = delete;
    RunningByExpectedEnd &operator=(const RunningByExpectedEnd &) = delete;

    // The entry to erase it by; end() (nothing to erase) for an empty allocation.
    template<typename TypeOfNode>
    Entry insert(SimTime expectedEnd, JobIndex job, const Allocation &allocation,
                 TypeOfNode typeOfNode)
    {
        if (allocation.empty())
            return m_jobs.end();
        const auto count = static_cast<std::uint32_t>(allocation.size());
        const std::uint32_t first = allocate(count);
        for (std::uint32_t i = 0; i < count; ++i) {
            const NodeShare &share = allocation[i];
            m_shares[first + i] = {share.node, share.held, typeOfNode(share.node)};
        }
        return m_jobs.insert({expectedEnd, job, first, count}).first;
    }

    void erase(Entry entry)
    {
        if (entry == m_jobs.end())
            return;
        m_free[sizeClass(entry->count)].push_back(entry->first);
        m_jobs.erase(entry);
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

    NodeFreeList m_nodes;
    Tree m_jobs{FreeListAllocator<RunningJob>(&m_nodes)};
    std::vector<RunningShare> m_shares;
    std::vector<std::uint32_t> m_free[33];
};

} // namespace headroom
