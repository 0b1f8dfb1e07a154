#pragma once

#include <vector>

namespace headroom {

// A segment tree of non-negative integers that answers "first position at or after `from`
// (and before `end`) whose value is at least `minimum`" in O(log n). First-fit placement asks
// this question for every job it starts, so a linear scan over thousands of nodes would
// dominate a million-job replay.
class MaxTree
{
public:
    MaxTree() = default;
    explicit MaxTree(const std::vector<int> &values);

    int size() const { return m_size; }
    int value(int position) const { return m_tree[m_leaves + position]; }
    int max() const { return m_size == 0 ? 0 : m_tree[1]; }
    void set(int position, int value);

    // -1 when there is no such position.
    int firstAtLeast(int minimum, int from, int end) const;
    // Largest value in [from, end); -1 when the range is empty.
    int maxIn(int from, int end) const;

private:
    int descend(int index, int lo, int hi, int minimum, int from, int end) const;

    int m_size = 0;
    int m_leaves = 1; // power of two >= m_size
    std::vector<int> m_tree;
};

} // namespace headroom
