#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace headroom {

// Set from any thread to ask long work (sizing, runway) to stop as soon as it can.
class CancelFlag
{
public:
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
};

// A fixed set of threads that runs batches of independent tasks (docs/design.md §7.5). Owned
// by whoever starts the work and passed in: the core keeps no global pool. The thread that
// calls run() works too, so a pool of n threads starts n − 1 of its own, and a pool of 1 runs
// everything on the caller's thread.
class WorkerPool
{
public:
    // `threads` < 1 means one per hardware thread (at least 1).
    explicit WorkerPool(int threads = 0);
    ~WorkerPool();
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

    int threadCount() const { return static_cast<int>(m_threads.size()) + 1; }

    // Runs task(i) for every i in [0, count) and returns once all have finished. Which thread
    // runs which index is not fixed, so tasks must not depend on each other or on the order;
    // each writes its own result. If tasks throw, the exception of the lowest index is
    // rethrown after the batch. Not reentrant: one batch at a time.
    void run(std::size_t count, const std::function<void(std::size_t)> &task);

private:
    void work();
    void drain(const std::function<void(std::size_t)> &task, std::size_t count);

    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    const std::function<void(std::size_t)> *m_task = nullptr;
    std::size_t m_count = 0;
    std::atomic<std::size_t> m_next{0};
    std::size_t m_finished = 0; // tasks finished in the current batch (under m_mutex)
    int m_active = 0;           // threads inside the current batch (under m_mutex)
    std::size_t m_batch = 0;    // batch generation, so a worker joins each batch once
    bool m_stopping = false;
    std::vector<std::exception_ptr> m_errors; // per index of the current batch
};

} // namespace headroom
