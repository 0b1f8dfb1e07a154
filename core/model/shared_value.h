#pragma once

#include <memory>
#include <utility>

namespace headroom {

// A value of T with value semantics that costs one pointer while it holds the default.
// Used for fields that are rare but large (job constraints), so that a million-job trace
// does not pay for them. Copies share the immutable storage; assignment replaces it.
template<typename T>
class SharedValue
{
public:
    SharedValue() = default;
    SharedValue(T value) // NOLINT(google-explicit-constructor): behaves like a T
    {
        assign(std::move(value));
    }

    const T &get() const { return m_value ? *m_value : defaultValue(); }
    const T &operator*() const { return get(); }
    const T *operator->() const { return &get(); }

    void assign(T value)
    {
        if (value == defaultValue())
            m_value.reset();
        else
            m_value = std::make_shared<const T>(std::move(value));
    }

    bool operator==(const SharedValue &other) const { return get() == other.get(); }

private:
    static const T &defaultValue()
    {
        static const T value{};
        return value;
    }

    std::shared_ptr<const T> m_value;
};

} // namespace headroom
