#pragma once

#include "core/engine/job_table.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace headroom {

// Queued jobs in arrival (FCFS) order. Jobs arrive in increasing JobIndex, so appending
// keeps the order. A job leaves when its state stops being Queued (it started); the slot is
// skipped lazily and reclaimed in bulk, so removing from the middle (backfilling) is O(1).
class ArrivalQueue
{
public:
    void push(JobIndex job)
    {
        m_items.push_back(job);
        ++m_size;
    }
    // A job that must go first (docs/design.md §10.4). An entry it may still have further on
    // is harmless: every reader skips entries whose job is not queued, and it is counted once.
    void pushFront(JobIndex job)
    {
        if (m_head > 0)
            m_items[--m_head] = job; // entries before the head are finished with
        else
            m_items.insert(m_items.begin(), job);
        ++m_size;
    }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    // Oldest job still queued.
    std::optional<JobIndex> front(const JobTable &jobs)
    {
        while (m_head < m_items.size() && jobs.state[m_items[m_head]] != JobState::Queued)
            ++m_head;
        if (m_head == m_items.size())
            return std::nullopt;
        return m_items[m_head];
    }

    // Call after a queued job started (its state is no longer Queued).
    void noteRemoved() { --m_size; }

    // Reclaims skipped entries when they outnumber live ones. Not during an iteration over
    // entries(): it moves them.
    void compactIfSparse(const JobTable &jobs)
    {
        const std::size_t span = m_items.size() - m_head;
        if (span > 64 && m_size * 2 < span)
            compact(jobs);
    }

    // Entries from the head on; callers skip those whose state is not Queued.
    const std::vector<JobIndex> &entries() const { return m_items; }
    std::size_t headPosition() const { return m_head; }

private:
    void compact(const JobTable &jobs)
    {
        std::size_t out = 0;
        for (std::size_t i = m_head; i < m_items.size(); ++i) {
            if (jobs.state[m_items[i]] == JobState::Queued)
                m_items[out++] = m_items[i];
        }
        m_items.resize(out);
        m_head = 0;
    }

    std::vector<JobIndex> m_items;
    std::size_t m_head = 0;
    std::size_t m_size = 0;
};

} // namespace headroom
