#include "core/engine/max_tree.h"

#include <algorithm>
#include <bit>
#include <cassert>

namespace headroom {
namespace {

// std::popcount without a POPCNT instruction (the baseline x86-64 target) is a library call;
// this is a dozen inline instructions.
int bitCount(std::uint64_t x)
{
    x -= (x >> 1) & 0x5555555555555555ULL;
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
    return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
}

} // namespace

MaxTree::MaxTree(const std::vector<int> &values, int maxValue)
    : m_size(static_cast<int>(values.size()))
{
    assert(maxValue < 0 || values.empty() ||
           *std::max_element(values.begin(), values.end()) <= maxValue);
    if (maxValue >= 0 && maxValue <= kMaxBitsetValue) {
        m_useBits = true;
        m_maxBitsetValue = maxValue;
        // Level 0 has a bit per position; each level above a bit per word of the one below,
        // up to a single word.
        int words = std::max(1, (m_size + 63) / 64);
        int offset = 0;
        for (;;) {
            m_levelOffset.push_back(offset);
            m_levelWords.push_back(words);
            offset += words;
            if (words == 1)
                break;
            words = (words + 63) / 64;
        }
        m_bitsPerThreshold = static_cast<std::size_t>(offset);
        m_bits.assign(m_bitsPerThreshold * static_cast<std::size_t>(maxValue), 0);
        for (int threshold = 1; threshold <= maxValue; ++threshold) {
            std::uint64_t *bits = level(threshold, 0);
            for (int position = 0; position < m_size; ++position) {
                if (values[position] >= threshold)
                    bits[position >> 6] |= std::uint64_t(1) << (position & 63);
            }
            for (int depth = 1; depth < static_cast<int>(m_levelOffset.size()); ++depth) {
                const std::uint64_t *below = level(threshold, depth - 1);
                std::uint64_t *above = level(threshold, depth);
                for (int word = 0; word < m_levelWords[depth - 1]; ++word) {
                    if (below[word] != 0)
                        above[word >> 6] |= std::uint64_t(1) << (word & 63);
                }
            }
        }
        return;
    }
    while (m_leaves < m_size)
        m_leaves *= 2;
    m_tree.assign(2 * static_cast<std::size_t>(m_leaves), 0);
    std::copy(values.begin(), values.end(), m_tree.begin() + m_leaves);
    for (int i = m_leaves - 1; i >= 1; --i)
        m_tree[i] = std::max(m_tree[2 * i], m_tree[2 * i + 1]);
}

void MaxTree::setBit(int threshold, int position)
{
    std::uint64_t *bits = thresholdBits(threshold);
    const int depths = static_cast<int>(m_levelOffset.size());
    for (int depth = 0; depth < depths; ++depth) {
        std::uint64_t &word = bits[m_levelOffset[depth] + (position >> 6)];
        const std::uint64_t before = word;
        word = before | std::uint64_t(1) << (position & 63);
        if (before != 0)
            return; // the levels above already show this word as non-empty
        position >>= 6;
    }
}

void MaxTree::clearBit(int threshold, int position)
{
    std::uint64_t *bits = thresholdBits(threshold);
    const int depths = static_cast<int>(m_levelOffset.size());
    for (int depth = 0; depth < depths; ++depth) {
        std::uint64_t &word = bits[m_levelOffset[depth] + (position >> 6)];
        word &= ~(std::uint64_t(1) << (position & 63));
        if (word != 0)
            return;
        position >>= 6;
    }
}

int MaxTree::nextSet(int threshold, int from) const
{
    const int depths = static_cast<int>(m_levelOffset.size());
    // Up: the first level whose word at or after the position still has a set bit.
    int depth = 0;
    int position = from;
    std::uint64_t bits = 0;
    for (;; ++depth) {
        if (depth == depths)
            return -1;
        const int word = position >> 6;
        if (word >= m_levelWords[depth])
            return -1;
        bits = level(threshold, depth)[word] & (~std::uint64_t(0) << (position & 63));
        if (bits != 0) {
            position = (word << 6) + std::countr_zero(bits);
            break;
        }
        position = word + 1; // the next word of this level, one level up
    }
    // Down: the first set bit of each word below.
    for (; depth > 0; --depth)
        position = (position << 6) + std::countr_zero(level(threshold, depth - 1)[position]);
    return position;
}

int MaxTree::value(int position) const
{
    if (!m_useBits)
        return m_tree[m_leaves + position];
    // Thresholds are nested: the value is the highest one set.
    int value = 0;
    while (value < m_maxBitsetValue && bit(value + 1, position))
        ++value;
    return value;
}

void MaxTree::change(int position, int from, int to)
{
    assert(from == value(position));
    if (from == to)
        return;
    if (m_useBits) {
        assert(to <= m_maxBitsetValue);
        for (int threshold = from + 1; threshold <= to; ++threshold)
            setBit(threshold, position);
        for (int threshold = to + 1; threshold <= from; ++threshold)
            clearBit(threshold, position);
        return;
    }
    int i = m_leaves + position;
    m_tree[i] = to;
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
    from = std::max(from, 0);
    if (from >= end)
        return -1;
    if (minimum <= 0)
        return from;
    if (!m_useBits)
        return firstAtLeastInTree(minimum, from, end);
    if (minimum > m_maxBitsetValue)
        return -1;
    const int position = nextSet(minimum, from);
    return position >= 0 && position < end ? position : -1;
}

// Bottom-up from the leaf at `from`: climb until a right sibling holds a large enough value,
// then take the leftmost such leaf below it. Successive searches from just past the previous
// answer then cost about the distance between answers in the tree rather than its height
// each; from position 0 it is one descent.
int MaxTree::firstAtLeastInTree(int minimum, int from, int end) const
{
    if (m_tree[1] < minimum)
        return -1;
    int i = from == 0 ? 1 : from + m_leaves;
    if (m_tree[i] < minimum) {
        for (;;) {
            if ((i & 1) == 0 && m_tree[i + 1] >= minimum) {
                ++i;
                break;
            }
            i /= 2;
            if (i <= 1)
                return -1;
        }
    }
    while (i < m_leaves) {
        i *= 2;
        if (m_tree[i] < minimum)
            ++i;
    }
    const int position = i - m_leaves;
    return position < end ? position : -1;
}

int MaxTree::maxIn(int from, int end) const
{
    from = std::max(from, 0);
    end = std::min(end, m_size);
    if (from >= end)
        return -1;
    if (!m_useBits)
        return maxInTree(from, end);
    // Thresholds are nested (value >= k + 1 implies value >= k): the largest k with a position
    // in range, by bisection.
    int lo = 0; // some value in range is >= lo
    int hi = m_maxBitsetValue;
    while (lo < hi) {
        const int mid = (lo + hi + 1) / 2;
        const int position = nextSet(mid, from);
        if (position >= 0 && position < end)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

int MaxTree::countAtLeast(int minimum, int from, int end, int limit) const
{
    from = std::max(from, 0);
    end = std::min(end, m_size);
    if (from >= end || limit <= 0)
        return 0;
    if (minimum <= 0)
        return std::min(limit, end - from);
    int count = 0;
    if (!m_useBits) {
        for (int position = firstAtLeast(minimum, from, end); position >= 0 && count < limit;
             position = firstAtLeast(minimum, position + 1, end))
            ++count;
        return count;
    }
    if (minimum > m_maxBitsetValue)
        return 0;
    const std::uint64_t *bits = level(minimum, 0);
    for (int word = from >> 6; word <= (end - 1) >> 6 && count < limit; ++word) {
        std::uint64_t mask = ~std::uint64_t(0);
        if (word == from >> 6)
            mask &= ~std::uint64_t(0) << (from & 63);
        if (word == (end - 1) >> 6 && (end & 63) != 0)
            mask &= ~(~std::uint64_t(0) << (end & 63));
        count += bitCount(bits[word] & mask);
    }
    return std::min(count, limit);
}

int MaxTree::maxInTree(int from, int end) const
{
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

} // namespace headroom
