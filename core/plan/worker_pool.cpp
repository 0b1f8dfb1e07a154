#include "core/plan/worker_pool.h"

#include <algorithm>

namespace headroom {

WorkerPool::WorkerPool(int threads)
{
    if (threads < 1)
        threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    m_threads.reserve(static_cast<std::size_t>(threads - 1));
    for (int i = 1; i < threads; ++i)
        m_threads.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread &thread : m_threads)
        thread.join();
}

void WorkerPool::drain(const std::function<void(std::size_t)> &task, std::size_t count)
{
    std::size_t done = 0;
    for (std::size_t i = m_next.fetch_add(1); i < count; i = m_next.fetch_add(1)) {
        try {
            task(i);
        } catch (...) {
            m_errors[i] = std::current_exception(); // each index is written by one thread
        }
        ++done;
    }
    std::lock_guard lock(m_mutex);
    m_finished += done;
    --m_active;
    if (m_finished == count && m_active == 0)
        m_done.notify_all();
}

void WorkerPool::work()
{
    std::size_t seen = 0;
    for (;;) {
        const std::function<void(std::size_t)> *task = nullptr;
        std::size_t count = 0;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stopping || m_batch != seen; });
            if (m_stopping)
                return;
            seen = m_batch;
            if (!m_task)
                continue; // woke after that batch was over
            task = m_task;
            count = m_count;
            ++m_active;
        }
        drain(*task, count);
    }
}

void WorkerPool::run(std::size_t count, const std::function<void(std::size_t)> &task)
{
    if (count == 0)
        return;
    m_errors.assign(count, nullptr);
    {
        std::lock_guard lock(m_mutex);
        m_task = &task;
        m_count = count;
        m_finished = 0;
        m_next.store(0);
        m_active = 1; // this thread
        ++m_batch;
    }
    m_wake.notify_all();
    drain(task, count);
    {
        // Every thread that joined the batch has left it before the task goes away, and a
        // thread that wakes later finds no task.
        std::unique_lock lock(m_mutex);
        m_done.wait(lock, [&] { return m_finished == count && m_active == 0; });
        m_task = nullptr;
    }
    for (const std::exception_ptr &error : m_errors) {
        if (error)
            std::rethrow_exception(error);
    }
}

} // namespace headroom
