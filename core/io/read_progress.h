#pragma once

#include <atomic>
#include <cstdint>
#include <stdexcept>

namespace headroom {

// Thrown by a reader whose ReadProgress was cancelled: the read stopped and made nothing.
class ReadCancelled : public std::runtime_error
{
public:
    ReadCancelled()
        : std::runtime_error("the read was cancelled")
    {}
};

// How far the read of a large input has got, for a front end's progress bar, and the front
// end's request to stop it (docs/design.md §9). Readers announce the bytes of text they will
// go through and report them as they go, from the reading thread (ProgressTicker); the front
// end reads both and may cancel, from any thread.
class ReadProgress
{
public:
    std::uint64_t done() const { return m_done.load(std::memory_order_relaxed); }
    // 0 until a reader has announced its text.
    std::uint64_t total() const { return m_total.load(std::memory_order_relaxed); }
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

    void addTotal(std::uint64_t bytes) { m_total.fetch_add(bytes, std::memory_order_relaxed); }
    // `bytes` more read; throws ReadCancelled once cancel() was called.
    void advance(std::uint64_t bytes)
    {
        m_done.fetch_add(bytes, std::memory_order_relaxed);
        if (cancelled())
            throw ReadCancelled();
    }

private:
    std::atomic<std::uint64_t> m_done{0};
    std::atomic<std::uint64_t> m_total{0};
    std::atomic<bool> m_cancelled{false};
};

// A reader's side of a ReadProgress (or of none: then it does nothing): announces the size of
// its text, and reports its position once per step, so that a million records cost a few
// hundred updates and a cancel stops the read within a step.
class ProgressTicker
{
public:
    static constexpr std::uint64_t kStep = std::uint64_t(1) << 20;

    ProgressTicker(ReadProgress *progress, std::uint64_t total)
        : m_progress(progress)
    {
        if (m_progress)
            m_progress->addTotal(total);
    }

    // The reader is at `position` bytes into its text.
    void at(std::uint64_t position)
    {
        if (m_progress && position >= m_reported + kStep)
            report(position);
    }
    // The reader is done with its text, `size` bytes.
    void finish(std::uint64_t size)
    {
        if (m_progress && size > m_reported)
            report(size);
    }

private:
    void report(std::uint64_t position)
    {
        const std::uint64_t bytes = position - m_reported;
        m_reported = position;
        m_progress->advance(bytes);
    }

    ReadProgress *m_progress;
    std::uint64_t m_reported = 0;
};

} // namespace headroom
