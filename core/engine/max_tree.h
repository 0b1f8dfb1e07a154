#pragma once

#include <cstdint>
#include <vector>

namespace headroom {

// Non-negative integers by position that answer "first position at or after `from` (and
// before `end`) whose value is at least `minimum`" and "largest value in a range" without
// scanning. First-fit placement asks the first question for every job it starts (a gang of n
// nodes, n times in a row), so a linear scan over thousands of nodes would dominate a
// million-job replay.
//
// Two layouts behind one interface, chosen by the largest value the positions will hold:
//  - up to kMaxBitsetValue (free slots of nodes with up to 64 accelerators, on/off flags): one
//    bitset per threshold k (bit set where value >= k), each with 64-ary summary levels. A
//    change of value by d flips d bits, each in O(1) (a summary bit changes only when a word
//    empties or fills); a search is a few word scans whatever the size (4 levels cover 2^24
//    positions), and successive searches along a gang are mostly in the same word.
//  - larger values: a segment tree of maxima, O(log n) per change and search.
class MaxTree
{
public:
    static constexpr int kMaxBitsetValue = 64;

    MaxTree() = default;
    // `maxValue`: the largest value set() will ever be given (at least the largest of
    // `values`); < 0 when unknown (the segment tree).
    explicit MaxTree(const std::vector<int> &values, int maxValue = -1);

    int size() const { return m_size; }
    int value(int position) const;
    int max() const { return m_size == 0 ? 0 : maxIn(0, m_size); }
    void set(int position, int value) { change(position, this->value(position), value); }
    // set() for a caller that keeps the values itself (ClusterState: each node's free slots):
    // the position holds `from`. No copy of the values is kept here, so a change reads
    // nothing but the bits it flips (a million-job replay changes a value per node per start
    // and per end; a copy was one more cache miss each on a large cluster).
    void change(int position, int from, int to);

    // -1 when there is no such position.
    int firstAtLeast(int minimum, int from, int end) const;
    // Largest value in [from, end); -1 when the range is empty.
    int maxIn(int from, int end) const;
    // How many positions in [from, end) hold at least `minimum`, counting no further than
    // `limit`: word by word in the bitset layout.
    int countAtLeast(int minimum, int from, int end, int limit) const;

private:
    // Bitset layout: threshold k's words start at thresholdBits(k); level d at
    // m_levelOffset[d] within them.
    std::uint64_t *thresholdBits(int threshold)
    {
        return m_bits.data() + std::size_t(threshold - 1) * m_bitsPerThreshold;
    }
    std::uint64_t *level(int threshold, int depth)
    {
        return m_bits.data() + std::size_t(threshold - 1) * m_bitsPerThreshold +
               m_levelOffset[depth];
    }
    const std::uint64_t *level(int threshold, int depth) const
    {
        return m_bits.data() + std::size_t(threshold - 1) * m_bitsPerThreshold +
               m_levelOffset[depth];
    }
    void setBit(int threshold, int position);
    void clearBit(int threshold, int position);
    int nextSet(int threshold, int from) const; // first set position >= from, or -1
    int firstAtLeastInTree(int minimum, int from, int end) const;
    int maxInTree(int from, int end) const;

    bool bit(int threshold, int position) const
    {
        return (level(threshold, 0)[position >> 6] >> (position & 63) & 1) != 0;
    }

    int m_size = 0;

    bool m_useBits = false;
    int m_maxBitsetValue = 0; // the bitset layout's thresholds are 1..m_maxBitsetValue
    std::vector<std::uint64_t> m_bits;
    std::vector<int> m_levelOffset; // words before each level within a threshold's block
    std::vector<int> m_levelWords;
    std::size_t m_bitsPerThreshold = 0;

    int m_leaves = 1; // segment tree: power of two >= m_size
    std::vector<int> m_tree;
};

} // namespace headroom
