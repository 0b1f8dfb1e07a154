#pragma once

#include <atomic>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace headroom {

// A value of T with value semantics that costs one pointer (8 bytes) and no allocation while it
// holds the default. Used for fields of Job, which a trace holds a million of: rare but large
// fields (constraints) and strings that many jobs share (a trace's tenant per user). Copies
// share the immutable storage (the count is atomic: scenarios are copied across threads by
// planning); assignment replaces it. A std::shared_ptr would cost twice the pointer.
template<typename T>
class SharedValue
{
public:
    SharedValue() = default;
    SharedValue(T value) // NOLINT(google-explicit-constructor): behaves like a T
    {
        assign(std::move(value));
    }
    SharedValue(const SharedValue &other) noexcept
        : m_rep(other.m_rep)
    {
        if (m_rep)
            m_rep->refs.fetch_add(1, std::memory_order_relaxed);
    }
    SharedValue(SharedValue &&other) noexcept
        : m_rep(std::exchange(other.m_rep, nullptr))
    {}
    SharedValue &operator=(const SharedValue &other) noexcept
    {
        SharedValue(other).swap(*this);
        return *this;
    }
    SharedValue &operator=(SharedValue &&other) noexcept
    {
        SharedValue(std::move(other)).swap(*this);
        return *this;
    }
    ~SharedValue() { release(); }

    const T &get() const { return m_rep ? m_rep->value : defaultValue(); }
    const T &operator*() const { return get(); }
    const T *operator->() const { return &get(); }

    void assign(T value)
    {
        release();
        if (!(value == defaultValue()))
            m_rep = new Rep{{1}, std::move(value)};
    }

    void swap(SharedValue &other) noexcept { std::swap(m_rep, other.m_rep); }

    bool operator==(const SharedValue &other) const
    {
        return m_rep == other.m_rep || get() == other.get();
    }

private:
    struct Rep
    {
        std::atomic<std::size_t> refs;
        const T value;
    };

    void release() noexcept
    {
        if (m_rep && m_rep->refs.fetch_sub(1, std::memory_order_acq_rel) == 1)
            delete m_rep;
        m_rep = nullptr;
    }

    static const T &defaultValue()
    {
        static const T value{};
        return value;
    }

    Rep *m_rep = nullptr;
};

// An immutable string in one pointer, for Job::name and Job::tenant: empty costs nothing, and
// copies share one allocation (the SWF reader gives every job of a user the same tenant
// string). Reads as a const std::string &.
class SharedString
{
public:
    SharedString() = default;
    SharedString(std::string value) // NOLINT(google-explicit-constructor): behaves like a string
        : m_value(std::move(value))
    {}
    SharedString(std::string_view value) // NOLINT(google-explicit-constructor)
        : m_value(std::string(value))
    {}
    SharedString(const char *value) // NOLINT(google-explicit-constructor)
        : m_value(std::string(value))
    {}

    const std::string &str() const { return m_value.get(); }
    operator const std::string &() const { return str(); } // NOLINT(google-explicit-constructor)
    operator std::string_view() const { return str(); }    // NOLINT(google-explicit-constructor)

    bool empty() const { return str().empty(); }
    std::size_t size() const { return str().size(); }
    const char *c_str() const { return str().c_str(); }
    const char *data() const { return str().data(); }

    bool operator==(const SharedString &other) const { return m_value == other.m_value; }
    friend bool operator==(const SharedString &a, std::string_view b) { return a.str() == b; }
    friend bool operator==(const SharedString &a, const std::string &b) { return a.str() == b; }
    friend bool operator==(const SharedString &a, const char *b) { return a.str() == b; }
    auto operator<=>(const SharedString &other) const { return str() <=> other.str(); }
    friend auto operator<=>(const SharedString &a, std::string_view b)
    {
        return std::string_view(a.str()) <=> b;
    }

private:
    SharedValue<std::string> m_value;
};

inline std::string operator+(const std::string &a, const SharedString &b)
{
    return a + b.str();
}
inline std::string operator+(const SharedString &a, const std::string &b)
{
    return a.str() + b;
}
inline std::string operator+(const char *a, const SharedString &b)
{
    return a + b.str();
}
inline std::string operator+(const SharedString &a, const char *b)
{
    return a.str() + b;
}

} // namespace headroom
