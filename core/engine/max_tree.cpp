#include "core/engine/max_tree.h"

#include <algorithm>

namespace headroom {

MaxTree::MaxTree(const std::vector<int> &values)
    : m_size(static_cast<int>(values.size()))
{
    while (m_leaves < m_size)
        m_leaves *= 2;
    m_tree.assign(2 * static_cast<std::size_t>(m_leaves), 0);
    std::copy(values.begin(), values.end(), m_tree.begin() + m_leaves);
    for (int i = m_leaves - 1; i >= 1; --i)
        m_tree[i] = std::max(m_tree[2 * i], m_tree[2 * i + 1]);
}

void MaxTree::set(int position, int value)
{
    int i = m_leaves + position;
    m_tree[i] = value;
    for (i /= 2; i >= 1; i /= 2) {
        const int updated = std::max(m_tree[2 * i], m_tree[2 * i + 1]);
        if (m_tree[i] == updated)
            break; // ancestors cannot change either
        m_tree[i] = updated;
    }
}

int MaxTree::firstAtLeast(int minimum, int from, int end) const
{
    end = std::min(end, m_size);
    if (from >= end || m_size == 0 || m_tree[1] < minimum)
        return -1;
    return descend(1, 0, m_leaves, minimum, from, end);
}

int MaxTree::maxIn(int from, int end) const
{
    from = std::max(from, 0);
    end = std::min(end, m_size);
    if (from >= end)
        return -1;
    if (from == 0 && end == m_size)
        return m_tree[1];
    int best = -1;
    for (int lo = from + m_leaves, hi = end + m_leaves; lo < hi; lo /= 2, hi /= 2) {
        if (lo & 1)
            best = std::max(best, m_tree[lo++]);
        if (hi & 1)
            best = std::max(best, m_tree[--hi]);
    }
    return best;
}

int MaxTree::descend(int index, int lo, int hi, int minimum, int from, int end) const
{
    if (hi <= from || lo >= end || m_tree[index] < minimum)
        return -1;
    if (hi - lo == 1)
        return lo;
    const int mid = (lo + hi) / 2;
    const int left = descend(2 * index, lo, mid, minimum, from, end);
    if (left >= 0)
        return left;
    return descend(2 * index + 1, mid, hi, minimum, from, end);
}

} // namespace headroom
