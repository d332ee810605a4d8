#include "KeyFilter.h"

#include "KeyHash.h"

#include <algorithm>
#include <bit>

namespace roster {

namespace {

constexpr int kBitsPerKey = 16;
constexpr quint64 kMinBits = quint64(1) << 16;
constexpr quint64 kMaxBits = quint64(1) << 28;

} // namespace

KeyFilter::KeyFilter(qint64 expectedKeys)
{
    const quint64 wanted = static_cast<quint64>(std::max<qint64>(expectedKeys, 1)) * kBitsPerKey;
    const quint64 bits = std::clamp(std::bit_ceil(wanted), kMinBits, kMaxBits);
    m_words.assign(bits / 64, 0);
    m_bitMask = bits - 1;
}

std::array<quint64, KeyFilter::kProbes> KeyFilter::bits(int kind, QStringView key) const
{
    // Double hashing: the probes are h1 + i * h2 of one 64-bit hash, h2 odd so that they differ.
    const quint64 h1 = keyHash(key, static_cast<quint64>(kind));
    const quint64 h2 = ((h1 >> 29 | h1 << 35) * 0x9E3779B97F4A7C15ULL) | 1;
    std::array<quint64, kProbes> bits {};
    for (int i = 0; i < kProbes; ++i)
        bits[static_cast<std::size_t>(i)] = (h1 + static_cast<quint64>(i) * h2) & m_bitMask;
    return bits;
}

void KeyFilter::add(int kind, QStringView key)
{
    for (const quint64 bit : bits(kind, key))
        m_words[bit / 64] |= quint64(1) << (bit % 64);
}

bool KeyFilter::mayHold(int kind, QStringView key) const
{
    const auto probes = bits(kind, key);
    return std::all_of(probes.begin(), probes.end(),
                       [&](quint64 bit) { return (m_words[bit / 64] & (quint64(1) << (bit % 64))) != 0; });
}

} // namespace roster
